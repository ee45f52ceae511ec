import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupResult } from '../../electron/shared/contract';
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
});
