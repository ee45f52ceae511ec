import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupResult, RestoreResult } from '../../electron/shared/contract';
import type { LastBackup } from '../../electron/shared/library/contract';
import { call, core, job, jobFails } from '../core-harness';
import { tempDir } from '../helpers';

// "Last backup" in Settings: the library notes each backup written, in a _local record that
// never replicates; a backup that failed notes nothing.

describe('the last backup', () => {
  it('is none at first, then the time and size of the latest backup written', async () => {
    const c = await core();
    expect(await call<LastBackup | null>(c, 'library.lastBackup', {})).toBeNull();
    const made = await job<BackupResult>(c, 'library.backup', { out: join(tempDir(), 'first.dateline-backup') });
    const last = await call<LastBackup>(c, 'library.lastBackup', {});
    expect(last.bytes).toBe(made.bytes);
    expect(Number.isNaN(Date.parse(last.at))).toBe(false);
    // Not a document: nothing to send to the server.
    expect(c.ctx.library.docs.lastSeq()).toBe(0);
  });

  it('is not changed by a backup that fails', async () => {
    const c = await core();
    const made = await job<BackupResult>(c, 'library.backup', { out: join(tempDir(), 'first.dateline-backup') });
    expect((await jobFails(c, 'library.backup', { out: join(tempDir(), 'no-such-folder', 'x.dateline-backup') })).code).toBe('FILE_UNWRITABLE');
    expect((await call<LastBackup>(c, 'library.lastBackup', {})).bytes).toBe(made.bytes);
  });

  it('after a restore, is the backup restored from (its date and size), not "no backup yet"', async () => {
    const source = await core();
    const out = join(tempDir(), 'kasese.dateline-backup');
    await job<BackupResult>(source, 'library.backup', { out });
    const target = await core();
    expect(await call<LastBackup | null>(target, 'library.lastBackup', {})).toBeNull();
    const r = await job<RestoreResult>(target, 'library.restore', { from: out });
    expect(r.createdAt).not.toBeNull();
    expect(await call<LastBackup>(target, 'library.lastBackup', {})).toEqual({ at: r.createdAt, bytes: statSync(out).size });
  });

  it('after a restore from a backup that does not say when it was made, stays what it was before', async () => {
    const source = await core();
    const out = join(tempDir(), 'undated.dateline-backup');
    await job<BackupResult>(source, 'library.backup', { out });
    const db = new Database(out);
    db.prepare("DELETE FROM backup_meta WHERE key = 'createdAt'").run();
    db.close();
    const target = await core();
    const own = await job<BackupResult>(target, 'library.backup', { out: join(tempDir(), 'own.dateline-backup') });
    const before = await call<LastBackup>(target, 'library.lastBackup', {});
    expect(before.bytes).toBe(own.bytes);
    const r = await job<RestoreResult>(target, 'library.restore', { from: out });
    expect(r.createdAt).toBeNull();
    expect(await call<LastBackup>(target, 'library.lastBackup', {})).toEqual(before);
  });
});
