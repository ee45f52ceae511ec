import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { BackupResult } from '../../shared/contract';
import { DatelineError } from '../../shared/errors';
import { jobStep } from '../../shared/library/job-steps';
import { BlobStore } from '../attachments/blobs';
import { assertWritableTarget } from '../attachments/files';
import { diskFullError, type JobHandle } from '../jobs';
import { DB_FILE } from '../store/open';
import { BACKUP_TABLES_SQL } from './schema';
import { notePending } from '../litter';

/**
 * A backup is one SQLite file: a page-for-page copy of the library (SQLite's backup API, so it
 * is consistent while the app keeps writing) with two more tables, backup_meta and
 * backup_files, that hold what it is and every attachment file. One file is easy to carry on
 * a USB stick, and SQLite can check it end to end.
 */

export const BACKUP_FORMAT = 1;

/** Job progress for work that may also run outside a job (tests, the migration path). */
export const NO_JOB: JobHandle = {
  id: 'none',
  signal: new AbortController().signal,
  progress: () => undefined,
  about: () => undefined,
  throwIfCancelled: () => undefined,
};

/** Every attachment file in the library: files/<2 hex>/<sha256>. Anything else there is not ours and is skipped. */
export function listBlobs(blobs: BlobStore): string[] {
  if (!existsSync(blobs.root)) return [];
  const out: string[] = [];
  for (const prefix of readdirSync(blobs.root)) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
    const folder = join(blobs.root, prefix);
    if (!statSync(folder).isDirectory()) continue;
    for (const name of readdirSync(folder)) {
      if (/^[0-9a-f]{64}$/.test(name) && name.startsWith(prefix) && statSync(join(folder, name)).isFile()) out.push(name);
    }
  }
  return out.sort();
}

function removeQuietly(path: string): Promise<void> {
  return Promise.all(['', '-journal', '-wal', '-shm'].map((s) => rm(path + s, { force: true }))).then(() => undefined);
}

/** The backup's target, refused when it would overwrite the library itself or a folder. */
function checkTarget(out: string, libraryDir: string): string {
  const target = resolve(out);
  const live = ['', '-wal', '-shm'].map((s) => resolve(libraryDir, DB_FILE + s));
  if (live.includes(target)) {
    throw new DatelineError('INVALID_INPUT', `${target} is the open library itself; choose another file for the backup.`, {
      path: ['out'],
      params: { path: target, reason: 'backupOntoLibrary' },
    });
  }
  // A place that is not there, not a mistake in what was typed: the code the other exports give it,
  // with the folder and a reason so the app can say it in the person's language.
  const folder = dirname(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new DatelineError('FILE_UNWRITABLE', `The folder ${folder} does not exist; create it or choose another place for the backup.`, {
      path: ['out'],
      params: { path: target, folder, reason: 'folderMissing' },
    });
  }
  if (existsSync(target) && statSync(target).isDirectory()) {
    throw new DatelineError('NOT_A_FILE', `${target} is a folder; give a file name for the backup, such as ${join(target, 'dateline.backup')}.`, {
      path: ['out'],
      params: { path: target },
    });
  }
  assertWritableTarget(target, 'dateline.backup');
  return target;
}

/**
 * Writes a backup of the open library `db` and its files to `out`. The work goes to a
 * temporary file beside the target, renamed over it only when complete, so a cancelled or
 * failed backup leaves nothing at `out` (and an older backup there stays intact).
 */
export async function backupLibrary(
  db: Database.Database,
  blobs: BlobStore,
  libraryDir: string,
  out: string,
  job: JobHandle = NO_JOB,
  now: () => Date = () => new Date(),
): Promise<BackupResult> {
  const target = checkTarget(out, libraryDir);
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.part`);
  // Noted in the library, so the next start removes it if this process is killed.
  const forget = notePending(libraryDir, temp);
  const shas = listBlobs(blobs);
  let copy: Database.Database | null = null;
  try {
    job.progress(0, shas.length + 1, jobStep('BACKUP_DATABASE'));
    await db.backup(temp, {
      progress: () => {
        // Throwing here is how better-sqlite3 lets a running backup be stopped.
        job.throwIfCancelled();
        return 1000;
      },
    });
    job.throwIfCancelled();

    copy = new Database(temp);
    // One self-contained file: no -wal beside it that could be left behind on a USB stick.
    copy.pragma('journal_mode = DELETE');
    copy.exec(BACKUP_TABLES_SQL);
    const insertFile = copy.prepare('INSERT OR REPLACE INTO backup_files(sha256, data) VALUES (?, ?)');
    let files = 0;
    const leftOut: string[] = [];
    for (const [i, sha] of shas.entries()) {
      job.throwIfCancelled();
      const bytes = await readFile(blobs.path(sha));
      // A file whose bytes no longer match its name was damaged on disk; a backup must not spread it.
      if (BlobStore.hash(bytes) === sha) {
        insertFile.run(sha, bytes);
        files++;
      } else {
        leftOut.push(sha);
      }
      job.progress(i + 1, shas.length + 1, jobStep('BACKUP_FILES', { done: i + 1, total: shas.length }));
    }
    job.throwIfCancelled();

    const counts = copy
      .prepare<[], { type: string; n: number }>('SELECT type, count(*) AS n FROM docs WHERE deleted = 0 GROUP BY type ORDER BY type')
      .all();
    const documents = counts.reduce((sum, c) => sum + c.n, 0);
    const meta: Record<string, string> = {
      format: String(BACKUP_FORMAT),
      app: 'dateline',
      createdAt: now().toISOString(),
      schemaVersion: String(copy.pragma('user_version', { simple: true })),
      documents: String(documents),
      files: String(files),
      skippedFiles: String(leftOut.length),
      leftOut: JSON.stringify(leftOut),
      counts: JSON.stringify(Object.fromEntries(counts.map((c) => [c.type, c.n]))),
    };
    const insertMeta = copy.prepare('INSERT INTO backup_meta(key, value) VALUES (?, ?)');
    copy.transaction(() => {
      for (const [k, v] of Object.entries(meta)) insertMeta.run(k, v);
    })();
    copy.close();
    copy = null;

    job.throwIfCancelled();
    await rename(temp, target);
    job.progress(shas.length + 1, shas.length + 1, jobStep('BACKUP_WRITTEN'));
    return { path: target, bytes: statSync(target).size, documents, files, leftOut };
  } catch (e) {
    if (copy?.open) copy.close();
    await removeQuietly(temp);
    // The backup's disk (a USB stick), not the library's, is the one that filled up.
    throw diskFullError(e, dirname(target)) ?? e;
  } finally {
    forget();
  }
}
