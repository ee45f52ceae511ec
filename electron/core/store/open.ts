import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DatelineError } from '../../shared/errors';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations/index';

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
export function moveAside(dir: string, reason: string): never {
  const dest = join(dir, 'damaged', stamp());
  mkdirSync(dest, { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) {
    const from = join(dir, DB_FILE + suffix);
    if (existsSync(from)) renameSync(from, join(dest, DB_FILE + suffix));
  }
  throw new DatelineError(
    'LIBRARY_DAMAGED',
    `The library in ${dir} is damaged (${reason}). It was moved, untouched, to ${dest}; ` +
      'Dateline will start a new, empty library there next time. Restore a backup with `dateline restore FILE`.',
    { params: { movedTo: dest, reason } },
  );
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
  // Statement journals of big transactions stay in memory instead of temporary files.
  db.pragma('temp_store = MEMORY');
  // 32 MB of page cache instead of SQLite's 2 MB: the id, name and key indexes take writes in
  // random order, and a laptop has the memory to keep their pages.
  db.pragma('cache_size = -32768');
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
    if (isCorruption(e)) moveAside(dir, 'SQLite cannot read it');
    throw e;
  }
  let damaged: string | null = null;
  try {
    ro.pragma('busy_timeout = 5000');
    const appId = ro.pragma('application_id', { simple: true }) as number;
    const version = ro.pragma('user_version', { simple: true }) as number;
    const tables = (ro.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n;
    if (appId !== APPLICATION_ID && tables > 0) {
      throw new DatelineError('NOT_A_LIBRARY', `${path} is a database of another program, not a Dateline library; it was left untouched.`, {
        params: { path },
      });
    }
    if (version > LATEST_VERSION) {
      throw new DatelineError('LIBRARY_NEWER', `${path} was written by a newer version of Dateline; it was left untouched.`, {
        params: { path, version, supported: LATEST_VERSION },
      });
    }
    if (appId === APPLICATION_ID) {
      // The probe query: the library's own tables answer. Then SQLite's quick check, which reads
      // every page: for a big library only its own catalogue here, the whole file in the
      // background (Library.checkInBackground), so opening stays fast.
      ro.prepare('SELECT count(*) FROM meta').get();
      const whole = statSync(path).size <= FULL_CHECK_AT_OPEN_BYTES;
      const check = ro.pragma(whole ? 'quick_check(1)' : 'quick_check(meta)', { simple: true });
      if (check !== 'ok') damaged = `quick check: ${String(check)}`;
    }
  } catch (e) {
    if (isCorruption(e)) damaged = 'SQLite reports the file as corrupt';
    else throw e;
  } finally {
    ro.close();
  }
  if (damaged) moveAside(dir, damaged);
}

/**
 * Opens (or creates) the library database in `dir`. Refuses, untouched, a file that is not a
 * Dateline library or that a newer Dateline wrote; moves a damaged one aside; backs up and
 * migrates an older one.
 */
export async function openDatabase(dir: string, opts: OpenDbOptions = {}): Promise<OpenedDb> {
  const migrations = opts.migrations ?? MIGRATIONS;
  const latest = migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new DatelineError('NOT_A_LIBRARY', `${dir} is a file; a Dateline library is a folder.`, {
      params: { path: dir },
    });
  }
  mkdirSync(dir, { recursive: true });
  const path = join(dir, DB_FILE);
  const exists = existsSync(path);

  if (exists) {
    const h = readHeader(path);
    if (!h.isSqlite) {
      throw new DatelineError('NOT_A_LIBRARY', `${path} is not a Dateline library (not a SQLite database); it was left untouched.`, {
        params: { path },
      });
    }
    if (h.size > 0 && h.applicationId !== APPLICATION_ID && !(h.applicationId === 0 && h.userVersion === 0)) {
      throw new DatelineError('NOT_A_LIBRARY', `${path} is a database of another program, not a Dateline library; it was left untouched.`, {
        params: { path },
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
  }

  const binding = opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {};
  if (exists) probe(dir, path, binding);

  let db: Database.Database;
  try {
    db = new Database(path, binding);
  } catch (e) {
    if (isCorruption(e)) moveAside(dir, 'SQLite cannot read it');
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
    return { db, migrationBackup, version: latest };
  } catch (e) {
    if (db.open) db.close();
    if (isCorruption(e)) moveAside(dir, 'SQLite reports the file as corrupt');
    throw e;
  }
}
