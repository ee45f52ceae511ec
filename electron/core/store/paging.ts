import type Database from 'better-sqlite3';
import type { Page } from '../../shared/contract';
import { ftsQuery } from '../../shared/search/text';
import { catchUpSearch } from '../search/index-writer';
import { decodeCursor, encodeCursor } from './repository';
import { prepared } from './statements';

type Param = string | number | null;

export interface ListSpec<Row, Item> {
  /** Projection table, aliased p; must have doc_rowid. */
  table: string;
  /** Extra columns to select from p. */
  columns: string;
  sort: { column: string; direction: 'ASC' | 'DESC' };
  where: { sql: string; params: Param[] }[];
  query?: string | undefined;
  limit: number;
  cursor: string | null;
  map(row: Row & { doc_rowid: number; id: string; rev: string }): Item;
}

/**
 * One page of a projection, newest/first by the sort column with rowid as tie-breaker
 * (keyset paging: page 500 costs what page 1 costs), optionally narrowed by full-text search.
 */
export function listPage<Row, Item>(db: Database.Database, spec: ListSpec<Row, Item>): Page<Item> {
  const where = [...spec.where];
  if (spec.query !== undefined && spec.query.trim() !== '') {
    const q = ftsQuery(spec.query);
    if (q === null) return { items: [], nextCursor: null, total: 0 };
    catchUpSearch(db);
    where.push({ sql: 'p.doc_rowid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)', params: [q] });
  }
  const filterSql = where.length ? where.map((w) => `(${w.sql})`).join(' AND ') : '1';
  const filterParams = where.flatMap((w) => w.params);
  const total = (prepared(db, `SELECT count(*) AS n FROM ${spec.table} p WHERE ${filterSql}`).get(...filterParams) as { n: number }).n;

  const after = decodeCursor(spec.cursor);
  const cmp = spec.sort.direction === 'DESC' ? '<' : '>';
  const keyset = after ? ` AND (p.${spec.sort.column}, p.doc_rowid) ${cmp} (?, ?)` : '';
  const rows = prepared(
    db,
    `SELECT p.doc_rowid, d.id, d.winner AS rev, ${spec.columns} FROM ${spec.table} p JOIN docs d ON d.rowid = p.doc_rowid
       WHERE ${filterSql}${keyset}
       ORDER BY p.${spec.sort.column} ${spec.sort.direction}, p.doc_rowid ${spec.sort.direction} LIMIT ?`,
  ).all(...filterParams, ...(after ? after : []), spec.limit + 1) as (Row & { doc_rowid: number; id: string; rev: string })[];
  const more = rows.length > spec.limit;
  const pageRows = more ? rows.slice(0, spec.limit) : rows;
  const last = pageRows[pageRows.length - 1] as (Record<string, unknown> & { doc_rowid: number }) | undefined;
  const sortKey = last?.[spec.sort.column.replace(/^.*\./, '')];
  return {
    items: pageRows.map(spec.map),
    nextCursor: more && last && (typeof sortKey === 'string' || typeof sortKey === 'number') ? encodeCursor(sortKey, last.doc_rowid) : null,
    total,
  };
}
