import type Database from 'better-sqlite3';
import { DatelineError } from '../../../shared/errors';
import type { Migration } from './types';

/** The library's page size from this migration on. */
export const PAGE_SIZE = 16_384;

/**
 * Pages of 16 KB instead of SQLite's 4 KB. A pulled batch rewrites a page for nearly every
 * random key it adds (the contact key table, the contact name indexes, release tags), and each
 * rewritten page is a WAL frame, written with two system calls: with pages four times as big, a
 * batch's keys share pages and it writes fewer frames (measured on 10,000 pulled documents:
 * CPU per 1,000 documents 108–125 ms against 134–137 with 4 KB pages).
 *
 * SQLite changes the page size of an existing file only by rebuilding it with VACUUM, which
 * cannot run in a transaction nor in WAL mode: the journal goes back to a rollback journal for
 * it (VACUUM is then atomic: a crash leaves the old file, which this migration rebuilds again at
 * the next open) and returns to WAL after. The backup of the library was taken before.
 */
export const m0011: Migration = {
  version: 11,
  name: 'page-size',
  outside(db) {
    if ((db.pragma('page_size', { simple: true }) as number) === PAGE_SIZE) return;
    const journal = String(db.pragma('journal_mode', { simple: true }));
    const temp = db.pragma('temp_store', { simple: true }) as number;
    if (journal.toLowerCase() === 'wal') leaveWal(db);
    try {
      db.pragma(`page_size = ${PAGE_SIZE}`);
      // VACUUM builds the new file in a temporary database: on disk, not in memory, whatever its size.
      db.pragma('temp_store = FILE');
      db.exec('VACUUM');
    } finally {
      db.pragma(`temp_store = ${temp}`);
      db.pragma(`journal_mode = ${journal}`);
    }
  },
  up() {
    // The pages were rebuilt before this transaction; it records the version.
  },
};

/** Out of WAL mode, which SQLite allows only to the one connection to the file. */
function leaveWal(db: Database.Database): void {
  let mode: string;
  try {
    mode = String(db.pragma('journal_mode = DELETE', { simple: true }));
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code !== 'SQLITE_BUSY' && code !== 'SQLITE_LOCKED') throw e;
    mode = 'wal';
  }
  if (mode.toLowerCase() === 'wal') {
    throw new DatelineError(
      'LIBRARY_BUSY',
      `The library in ${db.name} is open in another Dateline (the app or a command). Close it there so that this update can rebuild the library file, then open it again; nothing was changed.`,
      { params: { path: db.name } },
    );
  }
}
