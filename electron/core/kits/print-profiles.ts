import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAlive } from '../process-alive';

/**
 * The folders the system Chromium prints from (its profile and Playwright's working files),
 * in the temp folder under a name that carries the owning process: "dateline-print-<pid>-<hex>".
 * A printer removes its own when the browser closes and when the process exits; a process killed
 * outright cannot, so the next printer removes those whose process is gone.
 */

const PREFIX = 'dateline-print-';

export interface PrintFolder {
  root: string;
  profile: string;
  /** Playwright's working files. */
  artifacts: string;
  /** Chromium's own temp folder (its TMPDIR), so what it leaves when killed is inside ours too. */
  temp: string;
}

export function createPrintFolder(parent = tmpdir()): PrintFolder {
  const root = join(parent, `${PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`);
  const profile = join(root, 'profile');
  const artifacts = join(root, 'work');
  const temp = join(root, 't');
  for (const dir of [profile, artifacts, temp]) mkdirSync(dir, { recursive: true, mode: 0o700 });
  return { root, profile, artifacts, temp };
}

/** Removes a print folder; one Chromium is still writing into is left for the next run's sweep. */
export function removePrintFolder(folder: PrintFolder): boolean {
  try {
    rmSync(folder.root, { recursive: true, force: true, maxRetries: 5 });
    return true;
  } catch {
    return false;
  }
}

/** The Chromium that still holds a profile, from the "host-pid" its lock link names. */
function lockHolder(profile: string): number | null {
  try {
    const pid = Number(readlinkSync(join(profile, 'SingletonLock')).split('-').pop());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Removes the print folders of processes that are gone (and whose Chromium is gone too).
 * Returns the folders removed.
 */
export function sweepPrintFolders(parent = tmpdir()): string[] {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(PREFIX)) continue;
    const pid = Number(name.slice(PREFIX.length).split('-')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || isAlive(pid)) continue;
    const root = join(parent, name);
    const chromium = lockHolder(join(root, 'profile'));
    if (chromium !== null && isAlive(chromium)) continue;
    try {
      rmSync(root, { recursive: true, force: true, maxRetries: 3 });
      removed.push(root);
    } catch {
      // Another user's folder, or one still in use: left for a later run.
    }
  }
  return removed;
}
