import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isAlive } from './process-alive';

/**
 * Temporary files written outside the library (an export's or a backup's hidden ".part" file in
 * the person's folder) are noted in <library>/tmp/pending/ while they exist. A process killed
 * half-way cannot remove its own, so the next start removes what its notes name.
 */

function pendingDir(libraryDir: string): string {
  return join(libraryDir, 'tmp', 'pending');
}

/**
 * Notes `path` as being written; the returned function forgets it (call it once the file is
 * renamed or removed). A library this user may only read takes no note: exporting or backing
 * it up writes only outside it, and goes on (a process killed then leaves its hidden file).
 */
export function notePending(libraryDir: string, path: string): () => void {
  const dir = pendingDir(libraryDir);
  const note = join(dir, `${process.pid}-${randomBytes(6).toString('hex')}.json`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(note, JSON.stringify({ path }));
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return () => undefined;
    throw e;
  }
  return () => rmSync(note, { force: true });
}

/**
 * Removes the temporary files of processes that are gone, and their notes. Only hidden
 * ".part" files are ever removed, whatever a note says. Returns the files removed.
 */
export function sweepPending(libraryDir: string): string[] {
  const dir = pendingDir(libraryDir);
  if (!existsSync(dir)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    const pid = Number(name.split('-')[0]);
    if (!Number.isInteger(pid) || (pid !== process.pid && isAlive(pid))) continue;
    const note = join(dir, name);
    try {
      const { path } = JSON.parse(readFileSync(note, 'utf8')) as { path?: unknown };
      if (typeof path === 'string' && basename(path).startsWith('.') && path.endsWith('.part') && existsSync(path)) {
        rmSync(path, { force: true });
        removed.push(path);
      }
    } catch {
      // An unreadable note names nothing to remove.
    }
    rmSync(note, { force: true });
  }
  return removed;
}

/**
 * Runs `work` in a folder of its own under the library's tmp/ (named `<prefix>-<random>`), removed
 * with what is in it when the work ends: where web mode makes and reads the files the browser
 * downloads or uploads, so that no path the caller names is ever touched.
 */
export async function inTempFolder<T>(libraryDir: string, prefix: string, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = join(libraryDir, 'tmp', `${prefix}-${randomBytes(6).toString('hex')}`);
  mkdirSync(dir, { recursive: true });
  try {
    return await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
