import type Database from 'better-sqlite3';
import type { Page } from '../../shared/contract';
import { DatelineError } from '../../shared/errors';
import { ftsQuery } from '../../shared/search/terms';
import { catchUpSearch } from '../search/index-writer';
import { selectList, type ColumnOf, type ProjectionRow, type ProjectionTable } from './projection-columns';
import { prepared } from './statements';

type Param = string | number | null;

/** A listed row: the projection's declared columns, any computed ones, and the document's key. */
export type ListedRow<T extends ProjectionTable, Extra = unknown> = ProjectionRow<T> & Extra & { doc_rowid: number; id: string; rev: string };

export interface ListSpec<T extends ProjectionTable, Extra, Item> {
  /** Projection table, aliased p; every column it declares is selected. */
  table: T;
  /** Computed columns beside the declared ones (typed by `Extra`), e.g. "(SELECT ...) AS dnc". */
  extra?: string;
  /** `nullsLast`: rows without a value come after all others, in either direction. */
  sort: { column: ColumnOf<T>; direction: 'ASC' | 'DESC'; nullsLast?: boolean };
  where: { sql: string; params: Param[] }[];
  query?: string | undefined;
  limit: number;
  cursor: string | null;
  map(row: ListedRow<T, Extra>): Item;
}

/**
 * One page of a projection, newest/first by the sort column with rowid as tie-breaker
 * (keyset paging: page 500 costs what page 1 costs), optionally narrowed by full-text search.
 */
export function listPage<T extends ProjectionTable, Item, Extra = unknown>(db: Database.Database, spec: ListSpec<T, Extra, Item>): Page<Item> {
  const filter = listFilter(db, spec.where, spec.query);
  if (filter === null) return { items: [], nextCursor: null, total: 0 };
  const { sql: filterSql, params: filterParams } = filter;
  const total = (prepared(db, `SELECT count(*) AS n FROM ${spec.table} p WHERE ${filterSql}`).get(...filterParams) as { n: number }).n;

  const after = decodeCursor(spec.cursor);
  const cmp = spec.sort.direction === 'DESC' ? '<' : '>';
  // Rows without a value sort as a value beyond every other in the direction asked: none (U+FFFF
  // is above every date and instant) going up, the empty text going down.
  const missing = spec.sort.direction === 'ASC' ? '\uffff' : '';
  const key = spec.sort.nullsLast ? `ifnull(p.${spec.sort.column}, ${spec.sort.direction === 'ASC' ? 'char(65535)' : "''"})` : `p.${spec.sort.column}`;
  const keyset = after ? ` AND (${key}, p.doc_rowid) ${cmp} (?, ?)` : '';
  // CROSS JOIN: the projection first, always. Left to choose, SQLite walked every document to
  // find a small list's rows when it held no statistics for the projection (an empty office or
  // attachment list read all 100,000 documents of a contacts library: 7-9 ms a call).
  const rows = prepared(
    db,
    `SELECT p.doc_rowid, d.id, d.winner AS rev, ${selectList(spec.table)}${spec.extra ? `, ${spec.extra}` : ''} FROM ${spec.table} p CROSS JOIN docs d ON d.rowid = p.doc_rowid
       WHERE ${filterSql}${keyset}
       ORDER BY ${key} ${spec.sort.direction}, p.doc_rowid ${spec.sort.direction} LIMIT ?`,
  ).all(...filterParams, ...(after ? after : []), spec.limit + 1) as ListedRow<T, Extra>[];
  const more = rows.length > spec.limit;
  const pageRows = more ? rows.slice(0, spec.limit) : rows;
  const last = pageRows[pageRows.length - 1] as (Record<string, unknown> & { doc_rowid: number }) | undefined;
  const sortKey = spec.sort.nullsLast ? (last?.[spec.sort.column] ?? missing) : last?.[spec.sort.column];
  return {
    items: pageRows.map(spec.map),
    nextCursor: more && last && (typeof sortKey === 'string' || typeof sortKey === 'number') ? encodeCursor(sortKey, last.doc_rowid) : null,
    total,
  };
}

/**
 * A list's filters and search as one SQL condition on the projection (aliased p), or null when
 * the search has no words to look for (nothing matches). Searching first catches the index up.
 */
export function listFilter(db: Database.Database, where: readonly { sql: string; params: Param[] }[], query: string | undefined): { sql: string; params: Param[] } | null {
  const all = [...where];
  if (query !== undefined && query.trim() !== '') {
    const q = ftsQuery(query);
    if (q === null) return null;
    catchUpSearch(db);
    all.push({ sql: 'p.doc_rowid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)', params: [q] });
  }
  return { sql: all.length ? all.map((w) => `(${w.sql})`).join(' AND ') : '1', params: all.flatMap((w) => w.params) };
}

/** The listed rows of these documents, found by the documents' id key (never by walking the projection's documents). */
export function idsCondition(ids: readonly string[]): { sql: string; params: Param[] } {
  return { sql: 'p.doc_rowid IN (SELECT rowid FROM docs WHERE id IN (SELECT value FROM json_each(?)))', params: [JSON.stringify(ids)] };
}

/** Opaque keyset cursors: the sort key and rowid of the last row of the page. */
export function encodeCursor(key: string | number, rowid: number): string {
  return Buffer.from(JSON.stringify([key, rowid])).toString('base64url');
}

export function decodeCursor(cursor: string | null): [string | number, number] | null {
  if (!cursor) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && (typeof v[0] === 'string' || typeof v[0] === 'number') && typeof v[1] === 'number') {
      return [v[0], v[1]];
    }
  } catch {
    // fall through to the error below
  }
  throw new DatelineError('INVALID_INPUT', 'cursor: this page cursor is not one Dateline gave out; start from the first page.', {
    path: ['cursor'],
    params: { reason: 'staleCursor' },
  });
}
