import type Database from 'better-sqlite3';

export interface Migration {
  /** The schema version this migration brings the library to. */
  version: number;
  name: string;
  /** Runs inside the migration's transaction; must not manage transactions itself. */
  up(db: Database.Database): void;
}
