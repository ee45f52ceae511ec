import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DatelineError, type ErrorReason } from '../../shared/errors';
import type { LibraryNotice } from '../../shared/library/notices';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations/index';
import { DAMAGED_DIR, MOVED_NOTE, pendingNotice } from './notices';
import { isAlive } from '../process-alive';

/** "DTLN": marks a SQLite file as a Dateline library (PRAGMA application_id). */
export const APPLICATION_ID = 0x44544c4e;
export const DB_FILE = 'library.sqlite';
/** Libraries up to this size get SQLite's whole-file quick check at open (about 4 ms per MB). */
export const FULL_CHECK_AT_OPEN_BYTES = 32 * 1024 * 1024;

export interface OpenDbOptions {
  /** Path to an Electron build of better-sqlite3 (the desktop app); Node's build otherwise. */
  nativeBinding?: string | undefined;
  /** Migrations to apply (tests pass a prefix to build old libraries). */
  migrations?: readonly Migration[];
  /** Called with a progress line while the library is migrated. */
  onNotice?: (message: string) => void;
}

export interface OpenedDb {
  db: Database.Database;
  /** True when the library can only be read here (a read-only file, folder or disk). */
  readOnly: boolean;
  /** A damaged library was moved aside before this open and the person was not told yet. */
  notice: LibraryNotice | null;
  /** Where the pre-migration backup went, if a migration ran on an existing library. */
  migrationBackup: string | null;
  version: number;
}

interface Header {
  isSqlite: boolean;
  userVersion: number;
  applicationId: number;
  size: number;
}

/** Reads the SQLite header directly, without opening the file with SQLite (so nothing is touched). */
function readHeader(path: string): Header {
  const size = statSync(path).size;
  if (size === 0) return { isSqlite: true, userVersion: 0, applicationId: 0, size };
  const buf = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let n: number;
  try {
    n = readSync(fd, buf, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  const isSqlite = n >= 100 && buf.subarray(0, 16).toString('latin1') === 'SQLite format 3\u0000';
  return {
    isSqlite,
    userVersion: isSqlite ? buf.readInt32BE(60) : 0,
    applicationId: isSqlite ? buf.readInt32BE(68) : 0,
    size,
  };
}

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

/** Moves a damaged library and its -wal and -shm files into <dir>/damaged/, never deleting them. */
export function moveAside(dir: string, cause: ErrorReason<'LIBRARY_DAMAGED'>, why: string): never {
  // SQLite's check reports over several lines; the message is one.
  const reason = why.replace(/\s+/g, ' ').trim();
  const dest = join(dir, DAMAGED_DIR, stamp());
  mkdirSync(dest, { recursive: true });
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    const from = join(dir, DB_FILE + suffix);
    if (existsSync(from)) renameSync(from, join(dest, DB_FILE + suffix));
  }
  // Read by the next open, which says what happened instead of quietly showing an empty library.
  writeFileSync(join(dest, MOVED_NOTE), JSON.stringify({ reason, movedTo: dest }));
  throw new DatelineError(
    'LIBRARY_DAMAGED',
    `The library in ${dir} is damaged (${reason}). It was moved, untouched, to ${dest}; ` +
      'Dateline will start a new, empty library there next time. Restore a backup with `dateline restore FILE`.',
    // SQLite's own words stay English, as a detail: the window says the cause by its reason.
    { params: { movedTo: dest, reason: cause, detail: reason } },
  );
}

/** SQLite errors that say the file itself cannot be used (as opposed to busy, full or read-only). */
function isUnusable(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  if (isCorruption(e)) return true;
  return typeof code === 'string' && (code === 'SQLITE_ERROR' || code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_IOERR_SHORT_READ'));
}

function isCorruption(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

function applyPragmas(db: Database.Database): void {
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Space a deleted or rewritten row frees is zeroed when its page is written anyway: an edit
  // leaves no old name or address behind in the file (an erase zeroes everything; scrub.ts).
  db.pragma('secure_delete = FAST');
  // Statement journals of big transactions stay in memory instead of temporary files.
  db.pragma('temp_store = MEMORY');
  // 32 MB of page cache instead of SQLite's 2 MB: the id, name and key indexes take writes in
  // random order, and a laptop has the memory to keep their pages.
  db.pragma('cache_size = -32768');
  // No mmap (mmap_size stays 0), although it made point reads about 7x cheaper: it speeds up
  // reads only (writes go to the WAL by pwrite either way), and a library may sit on a USB stick
  // or a network share. Through read(), a pulled stick or a file truncated by another program is
  // an SQLITE_IOERR the library reports; through a mapping it is a SIGBUS that kills the process
  // in the middle of its work.
}

function runMigrations(db: Database.Database, from: number, migrations: readonly Migration[]): void {
  for (const m of migrations) {
    if (m.version <= from) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
      db.prepare(
        "INSERT INTO meta(key, value) VALUES ('schema', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      ).run(`${m.version}-${m.name}`);
    }).immediate();
  }
}

/**
 * Checks an existing file through a read-only connection, which writes nothing (no WAL switch,
 * no checkpoint on close), so a foreign, newer or damaged file is left exactly as it was.
 */
function probe(dir: string, path: string, binding: { nativeBinding?: string }): void {
  let ro: Database.Database;
  try {
    ro = new Database(path, { ...binding, readonly: true, fileMustExist: true });
  } catch (e) {
    if (isUnusable(e)) moveAside(dir, 'cannotOpen', `SQLite cannot read it: ${(e as Error).message}`);
    throw e;
  }
  let damaged: { cause: ErrorReason<'LIBRARY_DAMAGED'>; why: string } | null = null;
  try {
    ro.pragma('busy_timeout = 5000');
    const appId = ro.pragma('application_id', { simple: true }) as number;
    const version = ro.pragma('user_version', { simple: true }) as number;
    const tables = (ro.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n;
    if (appId !== APPLICATION_ID && tables > 0) {
      throw new DatelineError('NOT_A_LIBRARY', `${path} is a database of another program, not a Dateline library; it was left untouched.`, {
        params: { path, reason: 'otherProgram' },
      });
    }
    if (version > LATEST_VERSION) {
      throw new DatelineError('LIBRARY_NEWER', `${path} was written by a newer version of Dateline; it was left untouched.`, {
        params: { path, version, supported: LATEST_VERSION },
      });
    }
    // A library stamped as ours but never migrated (version 0: the first migration did not
    // commit) has no tables yet; it is finished like a new one below.
    if (appId === APPLICATION_ID && version > 0) {
      // The probe query: the library's own tables answer. Then SQLite's quick check, which reads
      // every page: for a big library only its own catalogue here, the whole file in the
      // background (Library.checkInBackground), so opening stays fast.
      ro.prepare('SELECT count(*) FROM meta').get();
      const whole = statSync(path).size <= FULL_CHECK_AT_OPEN_BYTES;
      const check = ro.pragma(whole ? 'quick_check(1)' : 'quick_check(meta)', { simple: true });
      if (check !== 'ok') damaged = { cause: 'checkFailed', why: `quick check: ${String(check)}` };
    }
  } catch (e) {
    if (isUnusable(e)) damaged = { cause: 'cannotOpen', why: `SQLite cannot use it: ${(e as Error).message}` };
    else throw e;
  } finally {
    ro.close();
  }
  if (damaged) moveAside(dir, damaged.cause, damaged.why);
}

/**
 * True when a rollback journal sits beside a file that is ours, blank, or not yet written
 * (its first page is still in the journal): a foreign file is never rolled back here.
 */
function hasHotJournal(path: string): boolean {
  const journal = `${path}-journal`;
  if (!existsSync(journal) || statSync(journal).size === 0) return false;
  const h = readHeader(path);
  if (h.isSqlite) return h.applicationId === APPLICATION_ID || (h.applicationId === 0 && h.userVersion === 0);
  const head = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  return head.every((b) => b === 0);
}

/**
 * A write interrupted in rollback-journal mode (a library being created when the app was
 * killed) leaves a hot journal that only a connection allowed to write can roll back; the
 * read-only probe would fail on it forever. Roll it back first (the header was checked: the
 * file is ours or blank).
 */
function recoverHotJournal(path: string, binding: { nativeBinding?: string }): void {
  const db = new Database(path, { ...binding, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } finally {
    db.close();
  }
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } catch {
    // Some file systems (and Windows, for folders) cannot sync this; the rename is still atomic.
  } finally {
    closeSync(fd);
  }
}

const TEMP_PREFIX = `${DB_FILE}.new-`;

/** Removes the half-built new libraries of processes that were killed while creating one. */
function removeStaleTemps(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(TEMP_PREFIX)) continue;
    const pid = Number(name.slice(TEMP_PREFIX.length).split('-')[0]);
    if (Number.isInteger(pid) && pid !== process.pid && !isAlive(pid)) rmSync(join(dir, name), { force: true });
  }
}

/**
 * Creates a new library whole or not at all: it is built and migrated under a temporary name,
 * synced, then linked into place, which fails if another process got there first (then that
 * process's library is used). A crash or a full disk leaves only a temporary file, removed by
 * the next open, never a `library.sqlite` that cannot open.
 */
function createAtomically(dir: string, path: string, binding: { nativeBinding?: string }, migrations: readonly Migration[]): void {
  const tmp = join(dir, `${TEMP_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const db = new Database(tmp, binding);
    try {
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      db.pragma(`application_id = ${APPLICATION_ID}`);
      runMigrations(db, 0, migrations);
      // Last, so that closing checkpoints everything into the one file that is linked.
      db.pragma('journal_mode = WAL');
    } finally {
      db.close();
    }
    if (existsSync(`${tmp}-wal`) && statSync(`${tmp}-wal`).size > 0) {
      throw new DatelineError('INTERNAL', `The new library could not be completed in ${dir}; try again.`, { params: { reason: 'libraryIncomplete', path: dir } });
    }
    fsyncPath(tmp);
    try {
      linkSync(tmp, path);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'EEXIST') return;
      // A file system without hard links (some USB sticks): rename, which may replace a
      // library another process created a moment ago, but never leaves half of one.
      if (existsSync(path)) return;
      renameSync(tmp, path);
    }
    fsyncPath(dir);
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(tmp + suffix, { force: true });
  }
}

/** True when this process may not write the library (a read-only file, folder or disk). */
function cannotWrite(dir: string, path: string): boolean {
  for (const p of [dir, path]) {
    if (!existsSync(p)) continue;
    try {
      accessSync(p, constants.W_OK);
    } catch {
      return true;
    }
  }
  return false;
}

/** Makes the library folder, or says which folder on the way refuses it and why. */
function makeFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    const code = (e as { code?: string }).code;
    let existing = dirname(dir);
    while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
    if (code === 'ENOTDIR' || code === 'EEXIST') {
      throw new DatelineError('NOT_A_LIBRARY', `The library folder ${dir} cannot be made: ${existing} is a file, not a folder.`, { params: { path: dir, file: existing, reason: 'fileInPath' } });
    }
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new DatelineError('LIBRARY_READ_ONLY', `The library folder ${dir} cannot be made: this user may not write in ${existing}. Choose another folder for the library.`, {
        params: { path: dir },
      });
    }
    throw e;
  }
}

function readOnlyError(dir: string, what: string): DatelineError {
  return new DatelineError('LIBRARY_READ_ONLY', `The library in ${dir} is read-only here (${what}); it can be read but not changed.`, {
    params: { path: dir },
  });
}

/**
 * Opens (or creates) the library database in `dir`. Refuses, untouched, a file that is not a
 * Dateline library or that a newer Dateline wrote; moves a damaged one aside; backs up and
 * migrates an older one; opens a library this process may not write read-only.
 */
export async function openDatabase(dir: string, opts: OpenDbOptions = {}): Promise<OpenedDb> {
  const migrations = opts.migrations ?? MIGRATIONS;
  const latest = migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new DatelineError('NOT_A_LIBRARY', `${dir} is a file; a Dateline library is a folder.`, {
      params: { path: dir, reason: 'isFile' },
    });
  }
  const path = join(dir, DB_FILE);
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new DatelineError('NOT_A_LIBRARY', `${path} is a folder; a Dateline library keeps its data in a file of that name. Move the folder away and try again.`, {
      params: { path, reason: 'dataIsFolder' },
    });
  }
  const binding = opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {};
  const readOnly = cannotWrite(dir, path);
  if (!readOnly) {
    makeFolder(dir);
    removeStaleTemps(dir);
  }
  const notice = readOnly ? null : pendingNotice(dir);

  let exists = existsSync(path);
  if (exists && !readOnly && hasHotJournal(path)) {
    try {
      recoverHotJournal(path, binding);
    } catch (e) {
      if (isUnusable(e)) moveAside(dir, 'interruptedWrite', `an interrupted write could not be rolled back: ${(e as Error).message}`);
      throw e;
    }
  }
  if (exists) {
    const h = readHeader(path);
    if (!h.isSqlite) {
      throw new DatelineError('NOT_A_LIBRARY', `${path} is not a Dateline library (not a SQLite database); it was left untouched.`, {
        params: { path, reason: 'notSqlite' },
      });
    }
    if (h.size > 0 && h.applicationId !== APPLICATION_ID && !(h.applicationId === 0 && h.userVersion === 0)) {
      throw new DatelineError('NOT_A_LIBRARY', `${path} is a database of another program, not a Dateline library; it was left untouched.`, {
        params: { path, reason: 'otherProgram' },
      });
    }
    if (h.userVersion > LATEST_VERSION) {
      throw new DatelineError(
        'LIBRARY_NEWER',
        `${path} was written by a newer version of Dateline (library version ${h.userVersion}, this app reads up to ${LATEST_VERSION}). ` +
          'Update Dateline to open it; the library was left untouched.',
        { params: { path, version: h.userVersion, supported: LATEST_VERSION } },
      );
    }
    if (h.size === 0 && !readOnly && !existsSync(`${path}-wal`) && !existsSync(`${path}-journal`)) {
      // An empty file left by an older Dateline killed while creating a library: nothing to keep.
      rmSync(path, { force: true });
      exists = false;
    }
  }

  if (readOnly) {
    if (!exists) throw readOnlyError(dir, 'the folder cannot be written, so no library can be created in it');
    return openReadOnly(dir, path, binding, latest);
  }
  if (exists) {
    probe(dir, path, binding);
  } else {
    createAtomically(dir, path, binding, migrations);
  }

  let db: Database.Database;
  try {
    db = new Database(path, binding);
  } catch (e) {
    if (isUnusable(e)) moveAside(dir, 'cannotOpen', `SQLite cannot open it: ${(e as Error).message}`);
    throw e;
  }

  try {
    db.pragma('busy_timeout = 5000');
    const version = db.pragma('user_version', { simple: true }) as number;
    // Only now that the file is known to be ours may anything be written to it.
    applyPragmas(db);
    let migrationBackup: string | null = null;
    if (version < latest) {
      if (version > 0) {
        mkdirSync(join(dir, 'backups'), { recursive: true });
        migrationBackup = join(dir, 'backups', `before-v${latest}-${stamp()}.sqlite`);
        opts.onNotice?.(`Backing up the library to ${migrationBackup} before updating it.`);
        await db.backup(migrationBackup);
      } else {
        db.pragma(`application_id = ${APPLICATION_ID}`);
      }
      runMigrations(db, version, migrations);
    }
    return { db, migrationBackup, version: latest, readOnly: false, notice };
  } catch (e) {
    if (db.open) db.close();
    if (isCorruption(e)) moveAside(dir, 'corrupt', 'SQLite reports the file as corrupt');
    throw e;
  }
}

/**
 * A read-only connection. SQLite cannot open a WAL library read-only in a folder where it may
 * not create the -shm index; such a library (with nothing left in its -wal) is then read from
 * a copy in memory, refusing every write.
 */
function openReadOnlyConnection(dir: string, path: string, binding: { nativeBinding?: string }): Database.Database {
  try {
    const db = new Database(path, { ...binding, readonly: true, fileMustExist: true });
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return db;
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string' || !(code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN'))) throw e;
  }
  const wal = `${path}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) {
    throw readOnlyError(dir, 'its last changes are still in library.sqlite-wal, which only a process that may write the folder can fold in');
  }
  const bytes = readFileSync(path);
  // Bytes 18 and 19 say "WAL"; a copy in memory has no -wal, so it is read as a rollback-journal file.
  bytes[18] = 1;
  bytes[19] = 1;
  const db = new Database(bytes, binding);
  db.pragma('query_only = ON');
  return db;
}

function openReadOnly(dir: string, path: string, binding: { nativeBinding?: string }, latest: number): OpenedDb {
  let db: Database.Database;
  try {
    db = openReadOnlyConnection(dir, path, binding);
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    const version = db.pragma('user_version', { simple: true }) as number;
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (appId !== APPLICATION_ID) {
      db.close();
      throw new DatelineError('NOT_A_LIBRARY', `${path} is not a Dateline library; it was left untouched.`, { params: { path, reason: 'otherProgram' } });
    }
    if (version < latest) {
      db.close();
      throw readOnlyError(dir, `it was made by an older Dateline and must be updated before use, which needs write access`);
    }
    db.prepare('SELECT count(*) FROM meta').get();
  } catch (e) {
    if (e instanceof DatelineError) throw e;
    throw new DatelineError('LIBRARY_READ_ONLY', `The library in ${dir} is read-only here and could not be read: ${(e as Error).message}`, {
      params: { path: dir },
    });
  }
  return { db, migrationBackup: null, version: latest, readOnly: true, notice: null };
}
