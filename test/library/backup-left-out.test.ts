import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AttachmentAdded, BackupResult, RestoreResult } from '../../electron/shared/contract';
import { call, core, job } from '../core-harness';
import { tempDir } from '../helpers';

/** A backup never carries a file damaged on disk, and both it and the restore say which it left out. */


describe('a backup made beside a damaged file', () => {
  it('leaves the file out and says so, and the restore says so too', async () => {
    const c = await core();
    const good = await call<AttachmentAdded>(c, 'attachment.add', { name: 'fact-sheet.txt', data: Buffer.from('Water points: 12').toString('base64') });
    const bad = await call<AttachmentAdded>(c, 'attachment.add', { name: 'budget.txt', data: Buffer.from('Budget: 40,000 CHF').toString('base64') });
    const badSha = bad.sha256;
    // Damaged on disk: the same size, other bytes.
    writeFileSync(c.ctx.blobs.path(badSha), Buffer.alloc('Budget: 40,000 CHF'.length, 0x2a));

    const out = join(tempDir(), 'office.dateline-backup');
    const backup = await job<BackupResult>(c, 'library.backup', { out });
    expect(backup.files).toBe(1);
    expect(backup.leftOut).toEqual([badSha]);

    const other = await core();
    const restored = await job<RestoreResult>(other, 'library.restore', { from: out });
    expect(restored.files).toBe(1);
    expect(restored.leftOut).toEqual([badSha]);
    expect(other.ctx.blobs.has(good.sha256)).toBe(true);
    expect(other.ctx.blobs.has(badSha)).toBe(false);
  });
});
