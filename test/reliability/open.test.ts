import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, watch } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/store/library';
import { APPLICATION_ID, DB_FILE } from '../../electron/core/store/open';
import { damagedLibrary } from '../damage';
import { tempDir } from '../helpers';
import { buildChild } from './child-build';
import { runCli, start } from './processes';
import { canMount, fillDisk, withSmallDisk } from './small-disk';

let child: Awaited<ReturnType<typeof buildChild>>;
beforeAll(async () => {
  child = await buildChild();
}, 120_000);
afterAll(() => child?.remove());

const release = { headline: 'Water for Kasese', language: 'en', datelinePlace: 'Kampala', releaseDate: '2026-11-30', body: 'Twelve boreholes.' };

/**
 * Starts a child creating a library in `dir` and kills it with SIGKILL after the `nth` change
 * the folder reports (a file appearing, growing, being renamed): chosen points inside creation.
 */
async function killDuringCreate(dir: string, nth: number): Promise<void> {
  mkdirSync(dir, { recursive: true });
  let seen = 0;
  const watcher = watch(dir);
  const r = start(child.script, ['open', dir]);
  await new Promise<void>((done) => {
    watcher.on('change', () => {
      if (++seen === nth) {
        r.child.kill('SIGKILL');
        done();
      }
    });
    void r.exited.then(() => done());
  });
  watcher.close();
  await r.exited;
}

describe('a library that is killed, cut short or damaged while it is made still opens', () => {
  it('opens after the creating process is killed at each point of creation', async () => {
    for (const nth of [1, 2, 3, 4, 6, 9, 14, 20]) {
      const dir = join(tempDir(), 'library');
      await killDuringCreate(dir, nth);
      const lib = await Library.open(dir);
      expect(lib.db.prepare('SELECT count(*) AS n FROM meta').get(), `killed after change ${nth}`).toEqual({ n: expect.any(Number) as number });
      expect(lib.integrityCheck()).toEqual([]);
      lib.close();
      // Nothing half-built is left beside it.
      expect(readdirSync(dir).filter((n) => n.startsWith(`${DB_FILE}.new-`))).toEqual([]);
    }
  }, 240_000);

  it('finishes a library whose id was stamped before its first migration committed', async () => {
    const dir = tempDir();
    const raw = new Database(join(dir, DB_FILE));
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.close();
    const lib = await Library.open(dir);
    expect(lib.docs.lastSeq()).toBe(0);
    lib.docs.create('contact', { name: 'Grace Akello' }, { author: 't' });
    lib.close();
  });

  it('rolls back a hot journal left by a killed write instead of refusing forever', async () => {
    const dir = tempDir();
    const p = join(dir, DB_FILE);
    // A process that began writing a new library in rollback-journal mode and was killed:
    // the journal holds the original pages, the file holds half a write.
    const script = `
      const Database = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))});
      const db = new Database(${JSON.stringify(p)});
      db.pragma('cache_size = 1');
      db.exec('BEGIN');
      db.pragma('application_id = ${APPLICATION_ID}');
      db.exec("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)");
      const ins = db.prepare('INSERT INTO meta VALUES (?, ?)');
      for (let i = 0; i < 2000; i++) ins.run('k' + i, 'x'.repeat(200));
      process.kill(process.pid, 'SIGKILL');
    `;
    try {
      execFileSync(process.execPath, ['-e', script], { stdio: 'ignore' });
    } catch {
      // Killed, as intended.
    }
    expect(existsSync(`${p}-journal`)).toBe(true);
    const lib = await Library.open(dir);
    expect(lib.integrityCheck()).toEqual([]);
    expect(lib.docs.lastSeq()).toBe(0);
    lib.close();
  });

  it('says on the next start that a damaged library was moved aside, once', async () => {
    const dir = tempDir();
    await damagedLibrary(dir);
    const first = await runCli(child.script, ['release', 'list', '--library', dir]);
    expect(first.code).toBe(1);
    expect(first.err).toMatch(/^error LIBRARY_DAMAGED: .*moved, untouched, to .*damaged/);
    const second = await runCli(child.script, ['release', 'list', '--library', dir]);
    expect(second.code).toBe(0);
    expect(second.err).toMatch(/^note: The library in .* was damaged \(.*\) and was moved, untouched, to .*damaged.*; this is a new, empty library/);
    const third = await runCli(child.script, ['release', 'list', '--library', dir]);
    expect(third.err).toBe('');
  });

  it('a folder where library.sqlite should be is one line with a code', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, DB_FILE));
    const r = await runCli(child.script, ['release', 'list', '--library', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error NOT_A_LIBRARY: .*library\.sqlite is a folder/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

const canSwitchUser = process.getuid?.() === 0 && (() => {
  try {
    execFileSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']);
    return true;
  } catch {
    return false;
  }
})();

describe.runIf(canSwitchUser)('a read-only library, as a user who may not write it', () => {
  it('is read by reading commands and refused, in one line, by writing ones', async () => {
    const dir = tempDir();
    const made = await runCli(child.script, ['release', 'create', '--from', '-', '--json', '--library', dir], { stdin: JSON.stringify(release) });
    expect(made.code).toBe(0);
    chmodSync(dir, 0o755);
    for (const n of readdirSync(dir)) chmodSync(join(dir, n), 0o644);
    // The test's own temporary folder must be enterable by the other user.
    chmodSync(join(dir, '..'), 0o755);

    const list = await runCli(child.script, ['release', 'list', '--json', '--library', dir], { uid: 65534 });
    expect(list.err).toBe('');
    expect(JSON.parse(list.out)).toMatchObject({ total: 1, items: [{ headline: release.headline }] });

    const write = await runCli(child.script, ['release', 'create', '--from', '-', '--library', dir], { uid: 65534, stdin: JSON.stringify(release) });
    expect(write.code).toBe(1);
    expect(write.err).toMatch(/^error LIBRARY_READ_ONLY: The library in .* is read-only here/);
    // Each command says whether it writes: erasing a person is refused before anything is read.
    const erase = await runCli(child.script, ['contacts', 'erase', 'con-someone', '--library', dir], { uid: 65534 });
    expect(erase.code).toBe(1);
    expect(erase.err).toMatch(/^error LIBRARY_READ_ONLY: /);
    expect(write.err.trim().split('\n')).toHaveLength(1);
  });
});

describe.runIf(canMount)('a full disk', () => {
  it('is DISK_FULL with the space to free, in one line, and nothing half-stored', async () => {
    await withSmallDisk('3m', async (mnt) => {
      const dir = join(mnt, 'library');
      const made = await runCli(child.script, ['release', 'create', '--from', '-', '--json', '--library', dir], { stdin: JSON.stringify(release) });
      expect(made.code).toBe(0);
      fillDisk(mnt);
      const big = { ...release, body: 'A long paragraph about water. '.repeat(20_000) };
      const r = await runCli(child.script, ['release', 'create', '--from', '-', '--library', dir], { stdin: JSON.stringify(big) });
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^error DISK_FULL: The disk is full \(\d+ MB free\); nothing was saved\. Free at least \d+ MB and try again\.$/m);
      expect(r.err.trim().split('\n')).toHaveLength(1);

      rmSync(join(mnt, 'filler'));
      const list = await runCli(child.script, ['release', 'list', '--json', '--library', dir]);
      expect(JSON.parse(list.out)).toMatchObject({ total: 1 });
    });
  }, 60_000);
});
