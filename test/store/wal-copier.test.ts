import Database from 'better-sqlite3';
import { copyFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { catchUpSearch } from '../../electron/core/search/index-writer';
import { searchLibrary } from '../../electron/core/search/query';
import { DB_FILE } from '../../electron/core/store/open';
import { Library } from '../../electron/core/store/library';
import { LibraryReplication, PULL_CHECKPOINT_BYTES } from '../../electron/core/store/replication';
import { WAL_HARD_BYTES, WAL_SOFT_BYTES, WalCopier } from '../../electron/core/store/wal-copier';
import { pulled } from '../search/fixtures';
import { tempDir } from '../helpers';

// A pull's WAL is copied back into the library by a worker thread with its own connection; the
// writer copies only at the bound. Real library files; the worker is a real thread.

const open: Library[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

async function lib(dir = tempDir()): Promise<Library> {
  const l = await Library.open(dir, { author: 'amina' });
  open.push(l);
  return l;
}

/** Five releases of about 40 KB each: some 200 KB of WAL a batch. */
const batch = (b: number) =>
  Array.from({ length: 5 }, (_, i) => pulled(`rel-${b}-${i}`, `s${b}-${i}`, 3, { headline: `Flood report ${b}-${i}`, notesToEditors: `${b} ${i} `.repeat(6_000) }));

/** How big the WAL file is: it is never shortened, so this is the most it ever held. */
const walBytes = (l: Library): number => statSync(`${l.db.name}-wal`).size;
/** How many batches make `bytes` of WAL, after a first batch measured `first` bytes. */
const batchesFor = (bytes: number, first: number): number => Math.ceil(bytes / first);

describe('the WAL copier', () => {
  it('copies a pull on its worker thread while the pull waits for the network, and the writer copies nothing', async () => {
    const l = await lib();
    l.replication.bulkInsertRemote(batch(0), { _id: '_local/pull', since: 0 });
    const one = walBytes(l);
    const n = batchesFor(3 * WAL_SOFT_BYTES, one);
    for (let b = 1; b < n; b++) {
      l.replication.bulkInsertRemote(batch(b), { _id: '_local/pull', since: b });
      expect(l.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      // What a pull does between two batches: wait for the server. The worker finishes meanwhile.
      l.walCopier.idle();
    }
    const stats = l.walCopier.stats();
    expect(stats.failure).toBeNull();
    expect(stats.workerCopies).toBeGreaterThan(1);
    expect(stats.writerCopies).toBe(0);
    // Each copy ended before the next batch, which started the WAL again: it never held more
    // than the threshold and a batch or two, though the pull wrote three times that.
    expect(walBytes(l)).toBeLessThan(WAL_SOFT_BYTES + 2 * one);
    expect(l.docs.require(`rel-${n - 1}-4`).body.headline).toBe(`Flood report ${n - 1}-4`);
  });

  it('bounds the WAL when the worker cannot catch up: the writer copies it back itself', async () => {
    const l = await lib();
    l.replication.bulkInsertRemote(batch(0), { _id: '_local/pull', since: 0 });
    const one = walBytes(l);
    const n = batchesFor(1.5 * WAL_HARD_BYTES, one);
    // No pause between batches: the worker always has the last batch left to copy, so the WAL
    // would never start again without the bound.
    for (let b = 1; b < n; b++) l.replication.bulkInsertRemote(batch(b), { _id: '_local/pull', since: b });
    const stats = l.walCopier.stats();
    expect(stats.writerCopies).toBeGreaterThan(0);
    expect(stats.workerCopies).toBeGreaterThan(0);
    expect(walBytes(l)).toBeLessThan(WAL_HARD_BYTES + 2 * one);
    expect(l.db.prepare("SELECT count(*) FROM docs WHERE id LIKE 'rel-%'").pluck().get()).toBe(5 * n);
  });

  it('never waits for a reader at the bound: a reader of an older snapshot lets the WAL grow until it ends', async () => {
    const l = await lib();
    const reader = new Database(l.db.name);
    try {
      reader.exec('BEGIN');
      reader.prepare('SELECT count(*) FROM docs').get();
      // A RESTART at the bound would wait this long for the reader at each batch past it, and
      // the test would fail on its 30 s timeout.
      l.db.pragma('busy_timeout = 20000');
      l.replication.bulkInsertRemote(batch(0), { _id: '_local/pull', since: 0 });
      const one = walBytes(l);
      const n = batchesFor(WAL_HARD_BYTES + 3 * one, one);
      for (let b = 1; b < n; b++) l.replication.bulkInsertRemote(batch(b), { _id: '_local/pull', since: b });
      expect(walBytes(l)).toBeGreaterThan(WAL_HARD_BYTES + one);
      reader.exec('COMMIT');
      // Once the reader is gone the bound holds again: the next batch is copied and the one after starts the WAL again.
      for (let b = n; b < n + 2; b++) l.replication.bulkInsertRemote(batch(b), { _id: '_local/pull', since: b });
      const frames = (l.db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[])[0]!.log;
      expect(frames * (l.db.pragma('page_size', { simple: true }) as number)).toBeLessThan(2 * one);
    } finally {
      reader.close();
    }
  });

  it('closes with the worker: the last copy leaves no WAL, and the library reopens with every document found', async () => {
    const dir = tempDir();
    const l = await lib(dir);
    for (let b = 0; b < 30; b++) l.replication.bulkInsertRemote(batch(b), { _id: '_local/pull', since: b });
    l.walCopier.idle();
    expect(l.walCopier.stats().workerCopies).toBeGreaterThan(0);
    open.pop()!.close();
    // The worker's connection closed first, so the library's was the last one and removed the WAL.
    expect(existsSync(join(dir, `${DB_FILE}-wal`))).toBe(false);
    const again = await lib(dir);
    expect(again.db.prepare("SELECT count(*) FROM docs WHERE id LIKE 'rel-%'").pluck().get()).toBe(150);
    expect(again.replication.getLocal('_local/pull')!.since).toBe(29);
    expect(again.docs.require('rel-17-3').rev).toMatch(/^3-/);
    expect(searchLibrary(again.db, 'Flood report', { limit: 200 })).toHaveLength(150);
  });

  it('leaves after a crash a WAL that the next open recovers, with every committed batch', async () => {
    const dir = tempDir();
    const l = await lib(dir);
    for (let b = 0; b < 30; b++) l.replication.bulkInsertRemote(batch(b), { _id: '_local/pull', since: b });
    l.walCopier.idle();
    // The files as a power cut would leave them now: the library, its WAL, no index.
    const copy = tempDir();
    copyFileSync(join(dir, DB_FILE), join(copy, DB_FILE));
    copyFileSync(join(dir, `${DB_FILE}-wal`), join(copy, `${DB_FILE}-wal`));
    expect(statSync(join(copy, `${DB_FILE}-wal`)).size).toBeGreaterThan(0);
    const recovered = await lib(copy);
    expect(recovered.db.prepare("SELECT count(*) FROM docs WHERE id LIKE 'rel-%'").pluck().get()).toBe(150);
    expect(recovered.replication.getLocal('_local/pull')!.since).toBe(29);
    expect(recovered.integrityCheck()).toEqual([]);
    expect(catchUpSearch(recovered.db)).toBe(150);
  });

  it('leaves every other write to SQLite, which copies the WAL back on the writer every 1,000 pages', async () => {
    const l = await lib();
    const every = 1000 * (l.db.pragma('page_size', { simple: true }) as number);
    // A sync file's batches bring no checkpoint (and commit with FULL).
    l.replication.bulkInsertRemote(batch(0));
    const one = walBytes(l);
    for (let b = 1; b < batchesFor(1.3 * every, one); b++) l.replication.bulkInsertRemote(batch(b));
    l.docs.create('release', { headline: 'Local' }, { author: 'amina' });
    expect(walBytes(l)).toBeGreaterThan(every * 0.9);
    expect(walBytes(l)).toBeLessThan(every + 2 * one);
    expect(l.walCopier.stats()).toMatchObject({ workerCopies: 0, writerCopies: 0 });
  });

  it('without a worker (it could not open the library), says why once and lets a pull copy every 16 MB itself', async () => {
    const l = await lib();
    const logged = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const copier = new WalCopier(l.db, { nativeBinding: join(tempDir(), 'missing.node') });
    const replication = new LibraryReplication(l.docs, copier);
    try {
      replication.bulkInsertRemote(batch(0), { _id: '_local/pull', since: 0 });
      const one = walBytes(l);
      // The worker starts at the first batch that needs it, and fails to load SQLite.
      let b = 1;
      for (; b < batchesFor(1.5 * WAL_SOFT_BYTES, one); b++) {
        replication.bulkInsertRemote(batch(b), { _id: '_local/pull', since: b });
        copier.idle();
      }
      expect(copier.stats().failure).toMatch(/^the worker stopped: .*missing\.node/);
      const lines = logged.mock.calls.map((c) => String(c[0])).filter((s) => s.includes('WAL_COPIER_FAILED'));
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0]!)).toMatchObject({ code: 'WAL_COPIER_FAILED', params: { reason: expect.stringMatching(/missing\.node/) } });
      // From then on SQLite copies a pull's WAL every 16 MB, on the writer.
      const end = b + batchesFor(1.5 * PULL_CHECKPOINT_BYTES, one);
      for (; b < end; b++) replication.bulkInsertRemote(batch(b), { _id: '_local/pull', since: b });
      expect(walBytes(l)).toBeGreaterThan(PULL_CHECKPOINT_BYTES * 0.9);
      expect(walBytes(l)).toBeLessThan(PULL_CHECKPOINT_BYTES + 2 * one);
      expect(l.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      expect(l.docs.require(`rel-${end - 1}-0`).body.headline).toBe(`Flood report ${end - 1}-0`);
    } finally {
      logged.mockRestore();
      copier.stop();
    }
  });
});
