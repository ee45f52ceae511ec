import type Database from 'better-sqlite3';
import { DatelineError } from '../../shared/errors';
import { ftsQuery } from '../../shared/search/terms';
import { listFilter } from '../store/paging';
import { prepared } from '../store/statements';

type Param = string | number | null;

/** Where a page ends: the last row's score, release date ('' for none) and document. */
type After = [score: number, date: string, rowid: number];

const encode = (after: After): string => Buffer.from(JSON.stringify(after)).toString('base64url');

function decode(cursor: string | null): After | null {
  if (!cursor) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 3 && typeof v[0] === 'number' && typeof v[1] === 'string' && typeof v[2] === 'number') return [v[0], v[1], v[2]];
  } catch {
    // fall through to the error below
  }
  throw new DatelineError('INVALID_INPUT', 'cursor: this page cursor is not one Dateline gave out; start from the first page.', { path: ['cursor'], params: { reason: 'staleCursor' } });
}

/**
 * One page of the releases a search finds, the best matches first: the search's own order
 * (search/query.ts, SEARCH_ORDER), bm25 over the index, ties to the newest release date (none
 * last), then to the newest document. The kit builder's picker lists them so: "sudan floods"
 * puts the release about Sudan's floods before a newer one that names Sudan once in its body.
 *
 * Keyset paging on the three keys, as the other orders page: every match is ranked (FTS5 scores
 * each), which is the cost the top bar's search pays in full too.
 */
export function relevancePage(
  db: Database.Database,
  spec: { where: { sql: string; params: Param[] }[]; query: string; limit: number; cursor: string | null },
): { rowids: number[]; nextCursor: string | null; total: number } {
  const match = ftsQuery(spec.query);
  const filter = listFilter(db, spec.where, spec.query);
  if (match === null || filter === null) return { rowids: [], nextCursor: null, total: 0 };
  const total = (prepared(db, `SELECT count(*) AS n FROM release_p p WHERE ${filter.sql}`).get(...filter.params) as { n: number }).n;

  const after = decode(spec.cursor);
  const date = "ifnull(p.release_date, '')";
  const conditions = spec.where.map((w) => `(${w.sql})`);
  const params: Param[] = [match, ...spec.where.flatMap((w) => w.params)];
  if (after) {
    conditions.push(`(f.rank > ? OR (f.rank = ? AND (${date} < ? OR (${date} = ? AND p.doc_rowid < ?))))`);
    params.push(after[0], after[0], after[1], after[1], after[2]);
  }
  const rows = prepared(
      db,
      `SELECT p.doc_rowid AS rowid, f.rank AS score, ${date} AS date
       FROM (SELECT rowid, rank FROM search_fts WHERE search_fts MATCH ?) f CROSS JOIN release_p p ON p.doc_rowid = f.rowid
       WHERE ${conditions.length ? conditions.join(' AND ') : '1'}
       ORDER BY f.rank, ${date} DESC, p.doc_rowid DESC LIMIT ?`,
    ).all(...params, spec.limit + 1) as { rowid: number; score: number; date: string }[];
  const more = rows.length > spec.limit;
  const page = more ? rows.slice(0, spec.limit) : rows;
  const last = page[page.length - 1];
  return { rowids: page.map((r) => r.rowid), nextCursor: more && last ? encode([last.score, last.date, last.rowid]) : null, total };
}
