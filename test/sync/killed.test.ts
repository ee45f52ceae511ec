import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/index';
import { syncLibrary } from '../../electron/core/sync/library-sync';
import { tempDir } from '../helpers';
import { useCouchWithProxy } from './couch-server';
import { couchState } from './couch-state';
import { call, libraryState } from './library-state';

// The built `dateline sync` in a child process, killed with SIGKILL while the proxy holds one of
// its requests; then the same library syncs again and nothing committed is lost.

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'dateline.js');
const built = existsSync(join(import.meta.dirname, '..', '..', 'out', 'cli', 'dateline.js'));

const couch = useCouchWithProxy();

/** Runs `dateline sync` on the library and kills it when a request matching `at` arrives. */
function syncKilledAt(lib: string, db: string, method: string, at: RegExp): Promise<NodeJS.Signals | null> {
  const child = spawn(process.execPath, [BIN, 'sync', '--remote', couch.proxy.db(db), '--library', lib, '--json'], { stdio: 'ignore' });
  couch.proxy.clear();
  couch.proxy.add({ method, path: at, fault: { kind: 'hold', onHold: () => child.kill('SIGKILL') } });
  return new Promise((done) => child.once('exit', (_code, signal) => done(signal)));
}

async function withLibrary<T>(dir: string, work: (c: Awaited<ReturnType<typeof openCore>>) => Promise<T>): Promise<T> {
  const core = await openCore(dir, { author: 'test' });
  try {
    return await work(core);
  } finally {
    core.close();
  }
}

const resync = (dir: string, db: string) => withLibrary(dir, (c) => syncLibrary(c.library, { remote: { url: `${couch.server.url}/${db}`, retry: { attempts: 4, baseMs: 1, capMs: 4 } } }));

const steps: [string, string, RegExp][] = [
  ['reading the changes', 'GET', /_changes/],
  ['fetching documents', 'POST', /_bulk_get/],
  ['uploading', 'POST', /_bulk_docs/],
  ['writing the checkpoint', 'PUT', /_local\//],
];

describe.skipIf(!built)('the app killed in the middle of a sync', () => {
  steps.forEach(([step, method, at], i) => {
    it(`killed while ${step}: the next sync completes and both libraries match the server`, async () => {
      const db = `killed${i}`;
      await couch.server.createDb(db);
      const [kampala, geneva] = [tempDir(), tempDir()];
      await withLibrary(kampala, async (c) => {
        for (let k = 0; k < 8; k++) await call(c, 'release.create', { headline: `Kampala ${k}`, language: 'en' });
      });
      await withLibrary(geneva, async (c) => {
        for (let k = 0; k < 5; k++) await call(c, 'release.create', { headline: `Geneva ${k}`, language: 'en' });
      });
      await resync(geneva, db);
      // Kampala pulls Geneva's five, then pushes its eight: every step is on its path.
      expect(await syncKilledAt(kampala, db, method, at)).toBe('SIGKILL');
      couch.proxy.clear();
      await resync(kampala, db);
      await resync(geneva, db);
      const remote = await couchState(`${couch.server.url}/${db}`);
      expect(Object.keys(remote)).toHaveLength(13);
      for (const dir of [kampala, geneva]) {
        expect(await withLibrary(dir, async (c) => libraryState(c))).toEqual(remote);
      }
      const again = await resync(kampala, db);
      expect([again.pulled.docs, again.pushed.docs]).toEqual([0, 0]);
    }, 60_000);
  });
});
