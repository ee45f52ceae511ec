import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { BACKUP_DOWNLOAD_TTL_MS } from '../../shared/library/contract';

/**
 * Files web mode made for the browser to fetch once (a backup): each is in a folder of its own
 * under the library's tmp/, named by a random id the call answers. The HTTP server takes it by
 * that id behind the session's token, streams it and removes the folder; one never fetched is
 * removed after BACKUP_DOWNLOAD_TTL_MS (and a process that dies leaves it to the next start's
 * sweep of tmp/).
 */
export interface Download {
  path: string;
  name: string;
  bytes: number;
  /** The folder to remove once the file is sent. */
  folder: string;
}

const waiting = new Map<string, { download: Download; timer: ReturnType<typeof setTimeout> }>();

export function offerDownload(download: Download, ttlMs = BACKUP_DOWNLOAD_TTL_MS): string {
  const id = randomBytes(18).toString('base64url');
  const timer = setTimeout(() => {
    waiting.delete(id);
    rmSync(download.folder, { recursive: true, force: true });
  }, ttlMs);
  timer.unref();
  waiting.set(id, { download, timer });
  return id;
}

/** The download of this id, once: a second take finds nothing. The caller removes its folder. */
export function takeDownload(id: string): Download | null {
  const entry = waiting.get(id);
  if (!entry) return null;
  waiting.delete(id);
  clearTimeout(entry.timer);
  return entry.download;
}
