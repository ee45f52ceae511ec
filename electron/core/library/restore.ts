import Database from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, statSync } from 'node:fs';
import { copyFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { RestoreResult } from '../../shared/contract';
import type { LastBackup } from '../../shared/library/contract';
import { DatelineError, type ErrorReason } from '../../shared/errors';
import { jobStep } from '../../shared/library/job-steps';
import { BlobStore } from '../attachments/blobs';
import type { CoreContext } from '../context';
import type { JobHandle } from '../jobs';
import { LATEST_VERSION } from '../store/migrations/index';
import { isSyncFileHead } from '../sync/sync-file';
import { APPLICATION_ID, DB_FILE } from '../store/open';
import { BACKUP_FORMAT, NO_JOB } from './backup';
import { readLastBackup, recordRestoredBackup } from './last-backup';
import { retireSessions, sessionsOf } from './replaced-sessions';
import { schemaDifferences } from './schema';

/**
 * Restoring replaces the library with a backup. Everything that can be checked is checked
 * first, on a private copy of the backup, while the library stays open and untouched: that it
 * is a Dateline backup, not from a newer Dateline, sound (integrity check), and that every
 * file's bytes match their SHA-256. Only then is the library closed and swapped; the library
 * it replaces is moved to replaced/<time>/, never deleted.
 */

function notABackup(path: string, reason: ErrorReason<'NOT_A_BACKUP'>, why: string): DatelineError {
  return new DatelineError('NOT_A_BACKUP', `${path} is not a Dateline backup (${why}); nothing was changed.`, { params: { path, reason } });
}

/** A backup that cannot be restored as it is: `detail` names what SQLite's check or the files' hashes found, in English. */
function damaged(path: string, reason: ErrorReason<'LIBRARY_DAMAGED'>, why: string): DatelineError {
  return new DatelineError('LIBRARY_DAMAGED', `The backup ${path} is damaged (${why}); nothing was changed. Try another backup.`, {
    params: { path, reason, detail: why },
  });
}

/** Looks at the first 100 bytes only, so a file that is not ours is never opened by SQLite. */
function checkHeader(path: string): void {
  let info;
  try {
    info = statSync(path);
  } catch {
    throw new DatelineError('FILE_UNREADABLE', `Cannot read ${path}: it does not exist.`, { params: { path, reason: 'missing' } });
  }
  if (info.isDirectory()) throw new DatelineError('NOT_A_FILE', `${path} is a folder; choose the backup file itself.`, { params: { path } });
  const head = Buffer.alloc(100);
  let n: number;
  try {
    const fd = openSync(path, 'r');
    try {
      n = readSync(fd, head, 0, 100, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    throw new DatelineError('FILE_UNREADABLE', `Cannot read ${path}: permission was denied or the disk failed.`, { params: { path, reason: 'cannotOpen' } });
  }
  if (n === 0) throw notABackup(path, 'empty', 'it is empty, 0 bytes');
  if (isSyncFileHead(head.subarray(0, n))) {
    throw new DatelineError(
      'NOT_A_BACKUP',
      `${path} is a sync file, not a backup; nothing was changed. A sync file merges into the library (\`dateline sync import\`); a backup, made with \`dateline backup\`, replaces it.`,
      { params: { path, reason: 'syncFile' } },
    );
  }
  if (n < 100 || head.subarray(0, 16).toString('latin1') !== 'SQLite format 3\u0000') throw notABackup(path, 'notSqlite', 'not a SQLite database');
  if (head.readInt32BE(68) !== APPLICATION_ID) throw notABackup(path, 'otherProgram', 'a database of another program');
}

function isCorruption(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

interface Staged {
  path: string;
  documents: number;
  files: number;
  leftOut: string[];
  createdAt: string | null;
}

/** What a backup says of itself, once it is known to be one this Dateline can restore. */
interface BackupFacts {
  createdAt: string | null;
  documents: number;
  files: number;
  leftOut: string[];
}

/** A count the backup records, or null when it records none that makes sense. */
function countOf(value: string | undefined): number | null {
  const n = Number(value);
  return value !== undefined && Number.isSafeInteger(n) && n >= 0 ? n : null;
}

/**
 * The checks that need no more than the backup's description and schema: its tables are a
 * backup's, its format and library version are not newer than this Dateline reads, and its
 * schema is exactly the one Dateline makes. Throws the refusal in words; reads none of the
 * backup's files, so it is quick on a backup of gigabytes.
 */
function describeBackup(db: Database.Database, from: string): BackupFacts {
  const hasMeta = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name IN ('backup_meta', 'backup_files')").get() as {
    n: number;
  };
  if (hasMeta.n !== 2) throw notABackup(from, 'libraryNotBackup', 'a Dateline database, but not a backup: it has no backup tables');
  const meta = new Map(
    db
      .prepare<[], { key: string; value: string }>('SELECT key, value FROM backup_meta')
      .all()
      .map((r) => [r.key, r.value]),
  );
  const format = Number(meta.get('format'));
  if (!Number.isInteger(format) || format < 1) throw notABackup(from, 'noDescription', 'its description is missing');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (format > BACKUP_FORMAT || version > LATEST_VERSION) {
    throw new DatelineError(
      'LIBRARY_NEWER',
      `${from} was made by a newer Dateline (library version ${version}); this one reads up to ${LATEST_VERSION}; ` +
        'update Dateline to restore it. Nothing was changed.',
      { params: { path: from, version, supported: LATEST_VERSION } },
    );
  }
  // Before anything else reads it: a trigger, view or index this version does not make
  // would be restored with the data and keep acting.
  const foreign = schemaDifferences(db, version);
  if (foreign.length > 0) {
    throw new DatelineError('NOT_A_BACKUP', `${from} is not a backup Dateline made (${foreign.slice(0, 3).join('; ')}); it was refused and nothing was changed.`, {
      params: { path: from, differences: foreign.length, reason: 'notMadeByDateline' },
    });
  }
  const createdAt = meta.get('createdAt');
  const documents = countOf(meta.get('documents')) ?? (db.prepare('SELECT count(*) AS n FROM docs WHERE deleted = 0').get() as { n: number }).n;
  const files = countOf(meta.get('files')) ?? (db.prepare('SELECT count(*) AS n FROM backup_files').get() as { n: number }).n;
  return {
    createdAt: createdAt !== undefined && !Number.isNaN(Date.parse(createdAt)) ? new Date(createdAt).toISOString() : null,
    documents,
    files,
    leftOut: leftOutOf(meta.get('leftOut')),
  };
}

/**
 * Checks the backup at `from` before anyone is asked to confirm a restore: readable, a Dateline
 * backup, not from a newer Dateline, its schema Dateline's own. It is opened read-only and
 * nothing is written. The restore checks all of it again on its own copy, and the rest too
 * (SQLite's integrity check, every file against its SHA-256), which takes longer.
 */
export function checkBackupFile(from: string): BackupFacts & { bytes: number } {
  const source = resolve(from);
  checkHeader(source);
  let db: Database.Database | null = null;
  try {
    db = new Database(source, { readonly: true, fileMustExist: true });
    return { ...describeBackup(db, source), bytes: statSync(source).size };
  } catch (e) {
    if (isCorruption(e)) throw damaged(source, 'backupUnreadable', 'SQLite cannot read it');
    if (e instanceof DatelineError) throw e;
    const code = (e as { code?: unknown } | null)?.code;
    if (code === 'SQLITE_ERROR') throw notABackup(source, 'wrongTables', 'its tables are not those of a Dateline backup');
    if (code === 'SQLITE_CANTOPEN' || code === 'EACCES') throw new DatelineError('FILE_UNREADABLE', `Cannot read ${source}: permission was denied or the disk failed.`, { params: { path: source, reason: 'cannotOpen' } });
    throw e;
  } finally {
    if (db?.open) db.close();
  }
}

/** The files a backup says it was made without; a list that is not one is no list. */
function leftOutOf(value: string | undefined): string[] {
  try {
    const list: unknown = JSON.parse(value ?? '[]');
    return Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string' && /^[0-9a-f]{64}$/.test(s)).slice(0, 100_000) : [];
  } catch {
    return [];
  }
}

/** Copies the backup into the library's tmp/ and checks the copy; the caller removes it on failure. */
async function stageAndVerify(from: string, staging: string, job: JobHandle): Promise<Staged> {
  // Said before the copy, which takes a while for a backup of gigabytes: the app covers the window from here.
  job.progress(0, null, jobStep('RESTORE_CHECKING'));
  await copyFile(from, staging);
  job.throwIfCancelled();
  let db: Database.Database | null = null;
  try {
    db = new Database(staging, { fileMustExist: true });
    const facts = describeBackup(db, from);

    job.progress(0, null, jobStep('RESTORE_CHECKING'));
    const problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).filter((m) => m !== 'ok');
    if (problems.length > 0) throw damaged(from, 'backupCheckFailed', problems.slice(0, 3).join('; '));
    job.throwIfCancelled();

    const total = (db.prepare('SELECT count(*) AS n FROM backup_files').get() as { n: number }).n;
    let done = 0;
    for (const row of db.prepare<[], { sha256: string; data: Buffer | null }>('SELECT sha256, data FROM backup_files').iterate()) {
      if (!/^[0-9a-f]{64}$/.test(row.sha256) || !row.data || BlobStore.hash(row.data) !== row.sha256) {
        throw damaged(from, 'backupFileMismatch', `the file ${row.sha256.slice(0, 12)}… does not match its SHA-256`);
      }
      done++;
      if (done % 20 === 0) {
        job.progress(done, total, jobStep('RESTORE_FILES', { done, total }));
        // Let a cancel request in between files.
        await new Promise((r) => setImmediate(r));
        job.throwIfCancelled();
      }
    }
    const documents = (db.prepare('SELECT count(*) AS n FROM docs WHERE deleted = 0').get() as { n: number }).n;
    return { path: staging, documents, files: total, leftOut: facts.leftOut, createdAt: facts.createdAt };
  } catch (e) {
    if (isCorruption(e)) throw damaged(from, 'backupUnreadable', 'SQLite cannot read it');
    if (e instanceof DatelineError) throw e;
    if ((e as { code?: unknown } | null)?.code === 'SQLITE_ERROR') throw notABackup(from, 'wrongTables', 'its tables are not those of a Dateline backup');
    throw e;
  } finally {
    if (db?.open) db.close();
  }
}

/** Writes the backup's files into files/, then strips the backup tables so the copy is a plain library. */
function unpack(staging: string, blobs: BlobStore): void {
  const db = new Database(staging, { fileMustExist: true });
  try {
    for (const row of db.prepare<[], { data: Buffer }>('SELECT data FROM backup_files').iterate()) blobs.put(row.data);
    db.exec('DROP TABLE backup_files; DROP TABLE backup_meta;');
    // A restored library is a new replication peer: two laptops restored from one backup must
    // not share an identity (their changes would be taken for each other's). A backup from
    // before the library id existed gets one from its migration.
    if (db.prepare("SELECT 1 FROM meta WHERE key = 'library_id'").get()) {
      db.prepare("UPDATE meta SET value = ? WHERE key = 'library_id'").run(randomUUID());
    }
    db.exec('VACUUM');
  } finally {
    db.close();
  }
}

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

/** Moves library.sqlite and its -wal and -shm aside; returns the folder, or null when there was no library. */
function moveCurrentAside(dir: string): string | null {
  const present = ['', '-wal', '-shm'].filter((s) => existsSync(join(dir, DB_FILE + s)));
  if (present.length === 0) return null;
  let dest = join(dir, 'replaced', stamp());
  if (existsSync(dest)) dest = `${dest}-${randomBytes(3).toString('hex')}`;
  mkdirSync(dest, { recursive: true });
  for (const s of present) renameSync(join(dir, DB_FILE + s), join(dest, DB_FILE + s));
  return dest;
}

function moveBack(dir: string, from: string): void {
  for (const s of ['', '-wal', '-shm']) {
    const p = join(from, DB_FILE + s);
    if (existsSync(p) && !existsSync(join(dir, DB_FILE + s))) renameSync(p, join(dir, DB_FILE + s));
  }
}

/** Replaces the library of `ctx` with the backup at `from`. */
export async function restoreLibrary(ctx: CoreContext, from: string, job: JobHandle = NO_JOB): Promise<RestoreResult> {
  const source = resolve(from);
  checkHeader(source);
  const tmp = join(ctx.dir, 'tmp');
  mkdirSync(tmp, { recursive: true });
  const staging = join(tmp, `restore-${randomBytes(6).toString('hex')}.sqlite`);
  try {
    const staged = await stageAndVerify(source, staging, job);
    const bytes = statSync(source).size;
    job.throwIfCancelled();
    job.progress(staged.files, staged.files, jobStep('RESTORE_REPLACING'));
    // A damaged record of the last backup is no reason to refuse a restore: it is then forgotten.
    let lastBackup: LastBackup | null = null;
    try {
      lastBackup = readLastBackup(ctx.library);
    } catch {
      lastBackup = null;
    }
    const sessions = sessionsOf(ctx.library);
    const previous = await ctx.withLibraryClosed(async (dir) => {
      unpack(staging, new BlobStore(dir));
      const aside = moveCurrentAside(dir);
      try {
        renameSync(staging, join(dir, DB_FILE));
      } catch (e) {
        if (aside) moveBack(dir, aside);
        throw e;
      }
      // Before the restored library answers anyone: an editor open on the old one must not save into it.
      retireSessions(ctx, sessions);
      return aside;
    });
    recordRestoredBackup(ctx.library, staged.createdAt, bytes, lastBackup);
    return { createdAt: staged.createdAt, documents: staged.documents, files: staged.files, leftOut: staged.leftOut, previous };
  } finally {
    await Promise.all(['', '-journal', '-wal', '-shm'].map((s) => rm(staging + s, { force: true })));
  }
}
