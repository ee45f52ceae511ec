import { z } from 'zod';
import type { BackupResult, LastBackup } from '../../shared/library/contract';
import type { Library } from '../store/library';

/** This library's record of its last backup: a `_local` record, so it stays on this computer. */
const LAST_BACKUP_ID = '_local/last-backup';
const StoredLastBackup = z.object({ at: z.string(), bytes: z.number().int().min(0) });

export function readLastBackup(library: Library): LastBackup | null {
  const stored = library.repo.local(LAST_BACKUP_ID, StoredLastBackup, 'last backup');
  return stored ? { at: stored.at, bytes: stored.bytes } : null;
}

/**
 * Notes a backup just written. A library this user may only read cannot note it; the backup
 * itself is written all the same, so that is no reason to fail it.
 */
export function recordBackup(library: Library, made: BackupResult, at: Date): void {
  if (library.readOnly) return;
  library.replication.putLocal({ _id: LAST_BACKUP_ID, at: at.toISOString(), bytes: made.bytes });
}

/**
 * Notes the backup a restore came from as the last backup of the restored library: the record
 * is this computer's, not in the backup, so without this the restored library would say no
 * backup was ever made. A backup that does not say when it was made leaves the record as it
 * was before the restore (`before`).
 */
export function recordRestoredBackup(library: Library, createdAt: string | null, bytes: number, before: LastBackup | null): void {
  const record = createdAt !== null ? { at: createdAt, bytes } : before;
  if (library.readOnly || record === null) return;
  library.replication.putLocal({ _id: LAST_BACKUP_ID, at: record.at, bytes: record.bytes });
}
