import Database from 'better-sqlite3';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreEvent, ReleaseSummary } from '../../electron/shared/contract';
import type { CheckedBackup, RestoreResult } from '../../electron/shared/library/contract';
import type { Core } from '../../electron/core/index';
import { openCore } from '../../electron/core/index';
import { call, core, fail, job, jobFails } from '../core-harness';
import { tempDir } from '../helpers';
import { canMount, withSmallDisk } from '../reliability/small-disk';

// Restoring in the app: the core checks the backup first (library.checkBackup, or web mode's
// upload), keeps it under an id, and library.restoreBackup replaces the library with it once the
// person has confirmed. Real libraries on disk, opened as the app opens them.

async function headlines(c: Core): Promise<string[]> {
  return (await call<{ items: ReleaseSummary[] }>(c, 'release.list', {})).items.map((i) => i.headline).sort();
}

/** A library with one release, backed up to a file; then a release made after the backup. */
async function backedUp(): Promise<{ c: Core; file: string }> {
  const c = await core();
  await call(c, 'release.create', { headline: 'Floods in Uvira', language: 'en' });
  await call(c, 'attachment.add', { name: 'map.txt', data: Buffer.from('Uvira, Kalundu, Kilomoni').toString('base64') });
  const file = join(tempDir(), 'Dateline backup 2026-12-06.dateline-backup');
  await job(c, 'library.backup', { out: file });
  await call(c, 'release.create', { headline: 'Made after the backup', language: 'en' });
  return { c, file };
}

const leftInTmp = (c: Core) => (existsSync(join(c.ctx.dir, 'tmp')) ? readdirSync(join(c.ctx.dir, 'tmp')).filter((n) => n.startsWith('restore-')) : []);

describe('restoring a checked backup', () => {
  it('says the backup’s date, size and contents before anything changes, then restores it and tells open lists', async () => {
    const { c, file } = await backedUp();
    const checked = await call<CheckedBackup>(c, 'library.checkBackup', { from: file });
    expect(checked).toMatchObject({ documents: 2, files: 1 });
    expect(checked.bytes).toBeGreaterThan(4096);
    expect(checked.createdAt?.slice(0, 4)).toMatch(/^20\d\d$/);
    expect(await headlines(c)).toEqual(['Floods in Uvira', 'Made after the backup']);

    const events: CoreEvent[] = [];
    const calls: Promise<unknown>[] = [];
    const off = c.jobs.on((e) => {
      events.push(e);
      if (e.type === 'library.changed') calls.push(c.dispatch('release.list', {}, { transport: 'test' }));
    });
    const restored = await job<RestoreResult>(c, 'library.restoreBackup', { backup: checked.backup });
    off();
    expect(restored).toMatchObject({ createdAt: checked.createdAt, documents: 2, files: 1 });
    expect(await headlines(c)).toEqual(['Floods in Uvira']);
    // The file the person chose is theirs: read, never moved or removed.
    expect(existsSync(file)).toBe(true);
    // Lists are told before the job's end, and may call at once: the library takes calls again.
    const changed = events.findIndex((e) => e.type === 'library.changed');
    expect(changed).toBeGreaterThanOrEqual(0);
    expect(changed).toBeLessThan(events.findIndex((e) => e.type === 'job.done'));
    expect(await Promise.all(calls)).toEqual([expect.objectContaining({ ok: true })]);
  });

  it('refuses every call but the jobs’ while the restore runs, and takes them again after', async () => {
    const { c, file } = await backedUp();
    const checked = await call<CheckedBackup>(c, 'library.checkBackup', { from: file });
    const { jobId } = await call<{ jobId: string }>(c, 'library.restoreBackup', { backup: checked.backup });
    const refused = await fail(c, 'release.create', { headline: 'Typed during the restore', language: 'en' });
    expect(refused).toMatchObject({ code: 'LIBRARY_BUSY', params: { reason: 'restoring' } });
    expect(await call(c, 'job.get', { id: jobId })).toMatchObject({ method: 'library.restoreBackup' });
    await c.jobs.wait(jobId);
    await call(c, 'release.create', { headline: 'Written after the restore', language: 'en' });
    expect(await headlines(c)).toEqual(['Floods in Uvira', 'Written after the restore']);
  });

  it('leaves the old library intact and open when the backup fails its deeper check', async () => {
    const { c, file } = await backedUp();
    const checked = await call<CheckedBackup>(c, 'library.checkBackup', { from: file });
    // Damaged after the check: a file whose bytes no longer match its SHA-256.
    const db = new Database(file);
    db.prepare('UPDATE backup_files SET data = ?').run(Buffer.from('Uvira, Kalundu, Kilomonj'));
    db.close();
    expect(await jobFails(c, 'library.restoreBackup', { backup: checked.backup })).toMatchObject({ code: 'LIBRARY_DAMAGED' });
    expect(await headlines(c)).toEqual(['Floods in Uvira', 'Made after the backup']);
    await call(c, 'release.create', { headline: 'Still writable', language: 'en' });
    expect(await headlines(c)).toEqual(['Floods in Uvira', 'Made after the backup', 'Still writable']);
    expect(existsSync(join(c.ctx.dir, 'replaced'))).toBe(false);
    expect(leftInTmp(c)).toEqual([]);
  });

  it('leaves the old library intact and open when the swap itself fails, with the library closed', async () => {
    const { c, file } = await backedUp();
    const checked = await call<CheckedBackup>(c, 'library.checkBackup', { from: file });
    // The attachment folder cannot take the backup's file: the swap fails after the library was closed.
    rmSync(join(c.ctx.dir, 'files'), { recursive: true, force: true });
    writeFileSync(join(c.ctx.dir, 'files'), 'not a folder');
    const e = await jobFails(c, 'library.restoreBackup', { backup: checked.backup });
    expect(e.code).not.toBe('CANCELLED');
    expect(await headlines(c)).toEqual(['Floods in Uvira', 'Made after the backup']);
    await call(c, 'release.create', { headline: 'Still writable', language: 'en' });
    expect((await headlines(c)).length).toBe(3);
    expect(existsSync(join(c.ctx.dir, 'replaced'))).toBe(false);
    expect(leftInTmp(c)).toEqual([]);
  });

  it('refuses a file that is not there, and an id it never gave', async () => {
    const c = await core();
    expect(await fail(c, 'library.checkBackup', { from: join(tempDir(), 'nowhere.dateline-backup') })).toMatchObject({ code: 'FILE_UNREADABLE' });
    expect(await jobFails(c, 'library.restoreBackup', { backup: 'A'.repeat(24) })).toMatchObject({ code: 'NOT_FOUND', params: { reason: 'backupGone' } });
    expect(await fail(c, 'library.restoreBackup', { backup: '../../etc/passwd' })).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('does not restore into one library a backup another library checked', async () => {
    const { c, file } = await backedUp();
    const checked = await call<CheckedBackup>(c, 'library.checkBackup', { from: file });
    const other = await core();
    expect(await jobFails(other, 'library.restoreBackup', { backup: checked.backup })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await call(c, 'library.forgetBackup', { backup: checked.backup })).toEqual({ forgotten: true });
  });
});

describe.runIf(canMount)('restoring onto a full disk', () => {
  it('is DISK_FULL, and the library stays as it was and open', async () => {
    // A backup bigger than the room left on the library's disk: its copy in tmp/ cannot be made.
    const source = await core();
    const photo = Buffer.from(Array.from({ length: 3 * 1024 * 1024 }, (_, i) => (i * 7919) % 251));
    await call(source, 'attachment.add', { name: 'borehole.jpg', data: photo.toString('base64') });
    const file = join(tempDir(), 'big.dateline-backup');
    await job(source, 'library.backup', { out: file });

    await withSmallDisk('2m', async (disk) => {
      const c = await openCore(join(disk, 'library'), { author: 'amina' });
      try {
        await call(c, 'release.create', { headline: 'Floods in Uvira', language: 'en' });
        const checked = await call<CheckedBackup>(c, 'library.checkBackup', { from: file });
        expect(await jobFails(c, 'library.restoreBackup', { backup: checked.backup })).toMatchObject({ code: 'DISK_FULL' });
        expect(await headlines(c)).toEqual(['Floods in Uvira']);
        await call(c, 'release.create', { headline: 'Still writable', language: 'en' });
        expect(leftInTmp(c)).toEqual([]);
      } finally {
        c.close();
      }
    });
  }, 60_000);
});
