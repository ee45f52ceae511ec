import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_FILE } from '../../electron/core/store/open';
import { Library } from '../../electron/core/store/library';
import { syncLibrary } from '../../electron/core/sync/library-sync';
import { pulled } from '../search/fixtures';
import { startCouch, type CouchServer } from '../sync/couch-process';
import { tempDir } from '../helpers';

// A real pull from a real pouchdb-server, big enough for the WAL copier's worker to copy: in
// this process, and through the built `dateline` command, where the worker's script must load
// from the bundle in out/cli.

let couch: CouchServer;
let remote: string;
const DOCS = 200;

beforeAll(async () => {
  couch = await startCouch({ keepIdle: true });
  remote = await couch.createDb('goma');
  // About 2,000 pages of WAL: past the 4 MB at which the worker is asked to copy.
  const docs = Array.from({ length: DOCS }, (_, i) => pulled(`rel-${i}`, `s${i}`, 3, { headline: `Flood report ${i}`, notesToEditors: `${i} `.repeat(10_000) }));
  const res = await fetch(`${remote}/_bulk_docs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ docs, new_edits: false }) });
  expect(res.status).toBe(201);
});
afterAll(async () => {
  await couch?.stop();
});

describe('a pull with the WAL copier', () => {
  it('has its WAL copied by the worker, and closes with no WAL left', async () => {
    const dir = tempDir();
    const l = await Library.open(dir, { author: 'amina' });
    try {
      const summary = await syncLibrary(l, { remote: { url: remote } });
      expect(summary.pulled.docs).toBe(DOCS);
      l.walCopier.idle();
      expect(l.walCopier.stats()).toMatchObject({ failure: null, workerCopies: expect.any(Number) });
      expect(l.walCopier.stats().workerCopies).toBeGreaterThan(0);
    } finally {
      l.close();
    }
    expect(existsSync(join(dir, `${DB_FILE}-wal`))).toBe(false);
  });

  const built = existsSync(join(process.cwd(), 'out', 'cli', 'dateline.js'));
  it.runIf(built)('runs in the built command: no worker failure on stderr, every document stored, no WAL left', async () => {
    const dir = tempDir();
    const run = promisify(execFile);
    const bin = join(process.cwd(), 'bin', 'dateline.js');
    const r = await run(process.execPath, [bin, 'sync', '--remote', remote, '--library', dir, '--json']);
    // A worker that could not start would say so here (WAL_COPIER_FAILED) and the pull would copy on its own thread.
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ pulled: { docs: DOCS } });
    expect(existsSync(join(dir, `${DB_FILE}-wal`))).toBe(false);
    const list = await run(process.execPath, [bin, 'release', 'list', '--json', '--library', dir]);
    expect(JSON.parse(list.stdout)).toMatchObject({ total: DOCS });
  });
});
