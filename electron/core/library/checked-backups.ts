import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { CHECKED_BACKUP_TTL_MS, type CheckedBackup } from '../../shared/library/contract';
import { DatelineError } from '../../shared/errors';
import { removeDownloadFolder } from './downloads';
import { checkBackupFile } from './restore';

/**
 * Backups checked and waiting for the person to confirm a restore (see CheckedBackup). Each is
 * named by a random id and kept for the library that checked it: the window is given the id,
 * never a path, and the restore takes the file the core itself recorded. An uploaded backup
 * (web mode) lives in a folder of the library's tmp/, removed when its restore ends, when the
 * person does not confirm, after CHECKED_BACKUP_TTL_MS, or by the next start (sweepDownloads).
 */
interface Waiting {
  library: string;
  path: string;
  /** The upload's folder, removed with it; null for a file of the person's (the desktop's open dialog). */
  folder: string | null;
  timer: ReturnType<typeof setTimeout>;
}

const waiting = new Map<string, Waiting>();

/**
 * Checks the backup at `path` for the library in `libraryDir` and keeps it for a restore. A
 * backup that fails the check is refused in words, and an uploaded one (`folder`) removed.
 */
export function offerBackup(libraryDir: string, path: string, folder: string | null = null, ttlMs = CHECKED_BACKUP_TTL_MS): CheckedBackup {
  let facts;
  try {
    facts = checkBackupFile(path);
  } catch (e) {
    if (folder) removeDownloadFolder(folder);
    throw e;
  }
  const id = randomBytes(18).toString('base64url');
  const timer = setTimeout(() => forgetBackup(libraryDir, id), ttlMs);
  timer.unref();
  waiting.set(id, { library: resolve(libraryDir), path: resolve(path), folder, timer });
  return { backup: id, createdAt: facts.createdAt, bytes: facts.bytes, documents: facts.documents, files: facts.files };
}

/**
 * The checked backup of this id, once (a second take finds nothing). `release` removes an
 * uploaded one's folder: the caller runs it when its restore has ended.
 */
export function takeBackup(libraryDir: string, id: string): { path: string; release: () => void } {
  const entry = waiting.get(id);
  if (!entry || entry.library !== resolve(libraryDir)) {
    throw new DatelineError(
      'NOT_FOUND',
      'This backup is no longer waiting to be restored: it was restored or set aside already, or it waited more than 30 minutes. Choose it again.',
      { params: { reason: 'backupGone' } },
    );
  }
  waiting.delete(id);
  clearTimeout(entry.timer);
  return {
    path: entry.path,
    release: () => {
      if (entry.folder) removeDownloadFolder(entry.folder);
    },
  };
}

/** Drops a checked backup that will not be restored (an uploaded one is removed now). */
export function forgetBackup(libraryDir: string, id: string): boolean {
  const entry = waiting.get(id);
  if (!entry || entry.library !== resolve(libraryDir)) return false;
  waiting.delete(id);
  clearTimeout(entry.timer);
  if (entry.folder) removeDownloadFolder(entry.folder);
  return true;
}
