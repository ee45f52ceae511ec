import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BACKUP_DOWNLOAD_TTL_MS, CHECKED_BACKUP_TTL_MS } from '../../shared/library/contract';

/**
 * Files web mode made for the browser to fetch once (a backup, a kit's export, a copy of an attachment's file): each is in a folder of its own
 * under the library's tmp/, named by a random id the call answers. The HTTP server takes it by
 * that id behind the session's token, streams it and removes the folder; one never fetched is
 * removed after BACKUP_DOWNLOAD_TTL_MS (and one a process that died left behind is removed by
 * the next start, sweepDownloads).
 */
export interface Download {
  path: string;
  name: string;
  bytes: number;
  /** The folder to remove once the file is sent. */
  folder: string;
}

/**
 * Removes a download's folder. It runs from a timer and from the HTTP response's events, where an
 * exception would end the process: a folder that cannot be removed now (busy, permissions) is
 * left to the next start's sweepDownloads.
 */
export function removeDownloadFolder(folder: string): void {
  try {
    rmSync(folder, { recursive: true, force: true });
  } catch {
    // Left for sweepDownloads at the next start.
  }
}

const waiting = new Map<string, { download: Download; timer: ReturnType<typeof setTimeout> }>();

export function offerDownload(download: Download, ttlMs = BACKUP_DOWNLOAD_TTL_MS): string {
  const id = randomBytes(18).toString('base64url');
  const timer = setTimeout(() => {
    waiting.delete(id);
    removeDownloadFolder(download.folder);
  }, ttlMs);
  timer.unref();
  waiting.set(id, { download, timer });
  return id;
}

/** Whether a download of this id waits to be fetched (a ticket is minted only for one that does). */
export function hasDownload(id: string): boolean {
  return waiting.has(id);
}

/** The download of this id, once: a second take finds nothing. The caller removes its folder. */
export function takeDownload(id: string): Download | null {
  const entry = waiting.get(id);
  if (!entry) return null;
  waiting.delete(id);
  clearTimeout(entry.timer);
  return entry.download;
}

/**
 * The folders under the library's tmp/ that hold one download each, named for what they hold, so
 * that a person looking in tmp/ (or at a disk filling up) sees a kit's export as one.
 */
export const DOWNLOAD_FOLDER_PREFIXES = { backup: 'backup-file-', kitExport: 'kit-export-', attachment: 'attachment-copy-' } as const;
export type DownloadKind = keyof typeof DOWNLOAD_FOLDER_PREFIXES;

const isDownloadFolder = (name: string): boolean => Object.values(DOWNLOAD_FOLDER_PREFIXES).some((prefix) => name.startsWith(prefix));

/** A fresh folder under the library's tmp/ for one download; sweepDownloads removes it if it is never fetched. */
export function newDownloadFolder(libraryDir: string, kind: DownloadKind): string {
  const folder = join(libraryDir, 'tmp', `${DOWNLOAD_FOLDER_PREFIXES[kind]}${randomBytes(6).toString('hex')}`);
  mkdirSync(folder, { recursive: true });
  return folder;
}
/** The folder under the library's tmp/ that holds one backup uploaded for a restore (checked-backups.ts). */
export const UPLOAD_FOLDER_PREFIX = 'backup-upload-';

/**
 * At start: removes the download folders a process that died left in <library>/tmp/ (each a
 * whole backup or a kit's export), and the backups uploaded for a restore it never ran. A folder younger than the
 * wait it is kept for may still be offered by another process on this library (a second web
 * server), so it is left to that process.
 */
export function sweepDownloads(libraryDir: string, now = Date.now(), ttlMs = BACKUP_DOWNLOAD_TTL_MS, uploadTtlMs = CHECKED_BACKUP_TTL_MS): number {
  const tmp = join(libraryDir, 'tmp');
  let names: string[];
  try {
    names = readdirSync(tmp);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const wait = isDownloadFolder(name) ? ttlMs : name.startsWith(UPLOAD_FOLDER_PREFIX) ? uploadTtlMs : null;
    if (wait === null) continue;
    const folder = join(tmp, name);
    try {
      if (now - statSync(folder).mtimeMs < wait) continue;
    } catch {
      continue;
    }
    removeDownloadFolder(folder);
    removed++;
  }
  return removed;
}
