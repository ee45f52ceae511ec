import Database from 'better-sqlite3';
import { MIGRATIONS } from '../store/migrations/index';

/** The two tables a backup adds to the copy of a library. */
export const BACKUP_TABLES_SQL = `
  CREATE TABLE backup_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  CREATE TABLE backup_files (sha256 TEXT PRIMARY KEY, data BLOB NOT NULL) STRICT;
`;

interface SchemaEntry {
  type: string;
  name: string;
  table: string;
  sql: string | null;
}

/** SQLite's own tables (sequences, statistics) are left out: they hold no code. */
const READ = `SELECT type, name, tbl_name AS "table", sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name`;

function key(e: SchemaEntry): string {
  return JSON.stringify([e.type, e.name, e.table, e.sql === null ? null : e.sql.replace(/\s+/g, ' ').trim()]);
}

/** The schema a library of `version` has as this Dateline makes it, with the backup tables. */
function expectedSchema(version: number, nativeBinding?: string): Map<string, SchemaEntry> {
  const db = new Database(':memory:', nativeBinding ? { nativeBinding } : {});
  try {
    for (const m of MIGRATIONS) if (m.version <= version) m.up(db);
    db.exec(BACKUP_TABLES_SQL);
    return new Map(db.prepare<[], SchemaEntry>(READ).all().map((e) => [key(e), e]));
  } finally {
    db.close();
  }
}

/**
 * What in a backup's schema differs from the one this version makes for its library version:
 * an extra trigger, view, index or table (which would keep acting after a restore, such as a
 * trigger rewriting every contact saved afterwards), or a missing or altered one. Empty when
 * the schema is exactly ours. Reading sqlite_schema runs none of the backup's code.
 */
export function schemaDifferences(backup: Database.Database, version: number, nativeBinding?: string): string[] {
  const expected = expectedSchema(version, nativeBinding);
  const found = backup.prepare<[], SchemaEntry>(READ).all();
  const out: string[] = [];
  const seen = new Set<string>();
  for (const e of found) {
    const k = key(e);
    seen.add(k);
    if (!expected.has(k)) {
      const same = [...expected.values()].some((x) => x.type === e.type && x.name === e.name);
      out.push(same ? `its ${e.type} "${e.name}" is not the one Dateline makes` : `it has a ${e.type} "${e.name}" that Dateline does not make`);
    }
  }
  for (const [k, e] of expected) if (!seen.has(k) && !found.some((x) => x.type === e.type && x.name === e.name)) out.push(`its ${e.type} "${e.name}" is missing`);
  return out;
}
