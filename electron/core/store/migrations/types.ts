import type Database from 'better-sqlite3';

export interface Migration {
  /** The schema version this migration brings the library to. */
  version: number;
  name: string;
  /** Runs inside the migration's transaction; must not manage transactions itself. */
  up(db: Database.Database): void;
  /**
   * Runs first, outside any transaction, for what SQLite cannot do inside one (VACUUM). It must
   * leave a library it stops half-way usable and be safe to run again: the version is written
   * only by the transaction after it.
   */
  outside?(db: Database.Database): void;
}
