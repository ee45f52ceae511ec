import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUP_DOWNLOAD_TTL_MS, CHECKED_BACKUP_TTL_MS } from '../../electron/shared/library/contract';
import { core } from '../core-harness';
import { tempDir } from '../helpers';

/**
 * A backup made for a browser waits in <library>/tmp/ for its download. A process that died
 * before it was fetched leaves it there, a whole copy of the library: the next start removes it,
 * unless it is young enough that another process on this library may still be offering it.
 */
describe('backups left waiting for a download', () => {
  it('are removed when the library is next opened, once older than the wait for a download', async () => {
    const dir = tempDir();
    await core(dir).then((c) => c.close());
    const folder = (name: string, ageMs: number) => {
      const f = join(dir, 'tmp', name);
      mkdirSync(f, { recursive: true });
      writeFileSync(join(f, 'Dateline backup 2026-12-06.dateline-backup'), 'backup');
      const at = (Date.now() - ageMs) / 1000;
      utimesSync(f, at, at);
      return f;
    };
    const old = folder('backup-file-0a1b2c3d4e5f', BACKUP_DOWNLOAD_TTL_MS + 60_000);
    const young = folder('backup-file-9f8e7d6c5b4a', 1_000);
    // A kit's export made for a browser waits the same way, in a folder named for it.
    const kitOld = folder('kit-export-0a1b2c3d4e5f', BACKUP_DOWNLOAD_TTL_MS + 60_000);
    const kitYoung = folder('kit-export-9f8e7d6c5b4a', 1_000);
    const other = folder('something-else', BACKUP_DOWNLOAD_TTL_MS + 60_000);
    // A backup uploaded for a restore that never ran waits as long as a confirmation may take.
    const uploadOld = folder('backup-upload-0a1b2c3d4e5f', CHECKED_BACKUP_TTL_MS + 60_000);
    const uploadWaiting = folder('backup-upload-9f8e7d6c5b4a', BACKUP_DOWNLOAD_TTL_MS + 60_000);

    await core(dir);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(young)).toBe(true);
    expect(existsSync(kitOld)).toBe(false);
    expect(existsSync(kitYoung)).toBe(true);
    expect(existsSync(other)).toBe(true);
    expect(existsSync(uploadOld)).toBe(false);
    expect(existsSync(uploadWaiting)).toBe(true);
  });
});
