import { copyFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { catchUpSearch } from '../../electron/core/search/index-writer';
import { searchLibrary } from '../../electron/core/search/query';
import { DB_FILE } from '../../electron/core/store/open';
import { Library } from '../../electron/core/store/library';
import { LibraryReplication, PULL_CHECKPOINT_PAGES } from '../../electron/core/store/replication';
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

/** Five releases of about 40 KB each: some fifty pages of WAL a batch. */
const batch = (b: number) =>
  Array.from({ length: 5 }, (_, i) => pulled(`rel-${b}-${i}`, `s${b}-${i}`, 3, { headline: `Flood report ${b}-${i}`, notesToEditors: `${b} ${i} `.repeat(6_000) }));

const pageSize = (l: Library): number => l.db.pragma('page_size', { simple: true }) as number;
/** How many frames the WAL file has room for: it is never shortened, so this is the most it ever held. */
const walFrames = (l: Library): number => (statSync(`${l.db.name}-wal`).size - 32) / (pageSize(l) + 24);

describe('the WAL copier', () => {
  it('copies a pull on its worker thread while the pull waits for the network, and the writer copies nothing', async () => {
    const l = await lib();
    const soft = WAL_SOFT_BYTES / pageSize(l);
    let batches = 0;
    for (; batches < 60; batches++) {
      l.replication.bulkInsertRemote(batch(batches), { _id: '_local/pull', since: batches });
      expect(l.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      // What a pull does between two batches: wait for the server. The worker finishes meanwhile.
      l.walCopier.idle();
    }
    const stats = l.walCopier.stats();
    expect(stats.failure).toBeNull();
    expect(stats.workerCopies).toBeGreaterThan(2);
    expect(stats.writerCopies).toBe(0);
    // Each copy ended before the next batch, which started the WAL again: it never held much
    // more than the threshold and a batch, though the pull wrote about three times that.
    expect(walFrames(l)).toBeLessThan(soft + 150);
    expect(l.docs.require('rel-59-4').body.headline).toBe('Flood report 59-4');
  });

  it('bounds the WAL when the worker cannot catch up: the writer copies it back itself', async () => {
    const l = await lib();
    const hard = WAL_HARD_BYTES / pageSize(l);
    // No pause between batches: the worker always has the last batch left to copy, so the WAL
    // would never start again without the bound.
    for (let b = 0; b < 120; b++) l.replication.bulkInsertRemote(batch(b), { _id: '_local/pull', since: b });
    const stats = l.walCopier.stats();
    expect(stats.writerCopies).toBeGreaterThan(0);
    expect(stats.workerCopies).toBeGreaterThan(0);
    expect(walFrames(l)).toBeLessThan(hard + 150);
    expect(l.db.prepare("SELECT count(*) FROM docs WHERE id LIKE 'rel-%'").pluck().get()).toBe(600);
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
    // A sync file's batches bring no checkpoint (and commit with FULL): about 1,250 pages.
    for (let i = 0; i < 25; i++) l.replication.bulkInsertRemote(batch(i));
    l.docs.create('release', { headline: 'Local' }, { author: 'amina' });
    expect(walFrames(l)).toBeGreaterThan(900);
    expect(walFrames(l)).toBeLessThan(1000 + 150);
    expect(l.walCopier.stats()).toMatchObject({ workerCopies: 0, writerCopies: 0 });
  });

  it('without a worker (it could not open the library), says why once and lets a pull copy every 4,000 pages itself', async () => {
    const l = await lib();
    const logged = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const copier = new WalCopier(l.db, { nativeBinding: join(tempDir(), 'missing.node') });
    const replication = new LibraryReplication(l.docs, copier);
    try {
      // The worker starts at the first batch that needs it, and fails to load SQLite.
      for (let b = 0; b < 25; b++) {
        replication.bulkInsertRemote(batch(b), { _id: '_local/pull', since: b });
        copier.idle();
      }
      expect(copier.stats().failure).toMatch(/^the worker stopped: .*missing\.node/);
      const lines = logged.mock.calls.map((c) => String(c[0])).filter((s) => s.includes('WAL_COPIER_FAILED'));
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0]!)).toMatchObject({ code: 'WAL_COPIER_FAILED', params: { reason: expect.stringMatching(/missing\.node/) } });
      // From then on SQLite copies a pull's WAL every 4,000 pages, on the writer.
      const before = walFrames(l);
      for (let b = 25; b < 90; b++) replication.bulkInsertRemote(batch(b), { _id: '_local/pull', since: b });
      expect(walFrames(l)).toBeGreaterThan(Math.max(before, 1200));
      expect(walFrames(l)).toBeLessThan(PULL_CHECKPOINT_PAGES + 150);
      expect(l.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      expect(l.docs.require('rel-89-0').body.headline).toBe('Flood report 89-0');
    } finally {
      logged.mockRestore();
      copier.stop();
    }
  });
});
