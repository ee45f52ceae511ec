import type Database from 'better-sqlite3';
import type { SearchHit } from '../../shared/search/contract';
import { DOC_TYPES, type DocType } from '../../shared/documents';
import { TRASHED } from '../../shared/releases/rules';
import { ftsQuery } from '../../shared/search/terms';
import { bestPage, type Ranked, type SearchPath } from './best-page';
import { catchUpSearch } from './index-writer';

// Fields, not wording: the interface names the language and writes the date in the person's
// language and date format, the CLI in its own plain form.
const TITLE_SQL: Record<DocType, string> = {
  release: 'SELECT headline AS title, language, release_date AS date, NULL AS detail FROM release_p WHERE doc_rowid = ?',
  contact: 'SELECT name AS title, NULL AS language, NULL AS date, organisation AS detail FROM contact_p WHERE doc_rowid = ?',
  outlet: 'SELECT name AS title, NULL AS language, NULL AS date, kind AS detail FROM outlet_p WHERE doc_rowid = ?',
  attachment: 'SELECT original_name AS title, NULL AS language, NULL AS date, media_type AS detail FROM attachment_p WHERE doc_rowid = ?',
  kit: 'SELECT title, language, NULL AS date, NULL AS detail FROM kit_p WHERE doc_rowid = ?',
  office: 'SELECT name AS title, NULL AS language, NULL AS date, NULL AS detail FROM office_p WHERE doc_rowid = ?',
};

/**
 * The ranking: bm25 over every match, nothing cut off first (a cap on the matches ranked once
 * hid the best hit of common words). Ties, frequent among short titles, go to the newest
 * release date, then to the newest document. The bench compares each page's scores with the
 * same full ranking done on the bare FTS5 table.
 *
 * At 250,000 documents the ranking itself is the cost: FTS5 calls bm25 once per match (about
 * 1 µs each, more for words repeated through long releases), while finding the matches alone
 * is 7 to 30 times cheaper. So a page is first sought in the lists of best rows, which score
 * a few hundred rows and prove the page (best-page.ts); when the proof fails, every match is
 * ranked.
 */
export const SEARCH_ORDER = 'f.rank, r.release_date DESC NULLS LAST, f.rowid DESC';

interface Statements {
  /** The best `m` matches by score alone (the index ranks them), then joined to their documents. */
  best: Database.Statement<{ match: string; m: number }, Ranked>;
  /** The whole ranking joined and filtered in SQL: for pages deep enough that candidates would not pay. */
  full: Database.Statement<{ match: string; limit: number; offset: number; types: string | null }, Ranked>;
  titles: Record<DocType, Database.Statement<[number], { title: string; language: string | null; date: string | null; detail: string | null }>>;
}

const cache = new WeakMap<Database.Database, Statements>();

function statements(db: Database.Database): Statements {
  let s = cache.get(db);
  if (!s) {
    s = {
      best: db.prepare(
        `SELECT f.rowid, f.score, d.id, d.type, d.deleted, r.status, r.release_date
         FROM (SELECT rowid, rank AS score FROM search_fts WHERE search_fts MATCH @match ORDER BY rank LIMIT @m) f
         LEFT JOIN docs d ON d.rowid = f.rowid LEFT JOIN release_p r ON r.doc_rowid = f.rowid`,
      ),
      full: db.prepare(
        `SELECT f.rowid AS rowid, d.id, d.type, d.deleted, r.status, r.release_date, f.rank AS score
         FROM (SELECT rowid, rank FROM search_fts WHERE search_fts MATCH @match) f
         JOIN docs d ON d.rowid = f.rowid
         LEFT JOIN release_p r ON r.doc_rowid = f.rowid
         WHERE d.deleted = 0 AND (r.status IS NULL OR r.status <> '${TRASHED}') AND (@types IS NULL OR d.type IN (SELECT value FROM json_each(@types)))
         ORDER BY ${SEARCH_ORDER} LIMIT @limit OFFSET @offset`,
      ),
      titles: Object.fromEntries(DOC_TYPES.map((t) => [t, db.prepare(TITLE_SQL[t])])) as Statements['titles'],
    };
    cache.set(db, s);
  }
  return s;
}

/** SEARCH_ORDER in JavaScript: score, then the newest release date (none last), then the newest document. */
function searchOrder(a: Ranked, b: Ranked): number {
  if (a.score !== b.score) return a.score - b.score;
  if (a.release_date !== b.release_date) {
    if (a.release_date === null) return 1;
    if (b.release_date === null) return -1;
    return a.release_date < b.release_date ? 1 : -1;
  }
  return b.rowid - a.rowid;
}

// Candidates beyond the page fetched at first: room for hits a type filter or the trash drops.
const HEADROOM = 40;
// Past this many candidates (a deep page, or a filter dropping most matches), the SQL ranking pays better.
const MAX_CANDIDATES = 2000;

/**
 * The page from the best matches by score alone, joined afterwards: the same page as the full
 * SQL ranking, without joining every match to its document first (at 250,000 documents that
 * join made the slowest searches 1.4 times the bare ranking). Exact: every match scoring
 * strictly better than the worst candidate fetched is among the candidates, and every other
 * match comes after them in the order. Null when too few of them are wanted: the caller ranks
 * in SQL instead.
 */
function pageFromCandidates(s: Statements, match: string, k: number, wanted: (r: Ranked) => boolean): Ranked[] | null {
  for (let m = k + HEADROOM; m <= MAX_CANDIDATES; m *= 4) {
    const cands = s.best.all({ match, m });
    const complete = cands.length < m;
    const last = cands.reduce((worst, c) => Math.max(worst, c.score), -Infinity);
    const ranked = cands.filter((c) => (complete || c.score < last) && wanted(c)).sort(searchOrder);
    if (complete || ranked.length >= k) return ranked;
  }
  return null;
}

export interface SearchOptions {
  limit: number;
  /** How many of the best matches to skip: page n starts at n × limit. */
  offset?: number;
  /** Only documents of these types; all types when absent or empty. */
  types?: DocType[] | undefined;
  /** Told how the page was found (the bench counts how often the proof fails). */
  onPath?: (path: SearchPath) => void;
}

/** One page of the full-text search across the library, best matches first; `score` is bm25 (lower is better). */
export function searchLibrary(db: Database.Database, query: string, opts: SearchOptions): (SearchHit & { score: number })[] {
  const match = ftsQuery(query);
  if (match === null) return [];
  catchUpSearch(db);
  const s = statements(db);
  const offset = opts.offset ?? 0;
  const types = opts.types && opts.types.length ? new Set<string>(opts.types) : null;
  const wanted = (d: Ranked): boolean => d.deleted === 0 && d.status !== TRASHED && (types === null || types.has(d.type));
  const k = offset + opts.limit;
  const proven = bestPage(db, match, k, wanted, searchOrder);
  opts.onPath?.(proven === null ? 'full' : 'best-rows');
  const rows =
    proven?.slice(offset, k) ??
    pageFromCandidates(s, match, k, wanted)?.slice(offset, k) ??
    s.full.all({ match, limit: opts.limit, offset, types: types ? JSON.stringify([...types]) : null });
  return rows.map((r) => {
    const titleStmt = (s.titles as Record<string, Statements['titles'][DocType] | undefined>)[r.type];
    const t = titleStmt?.get(r.rowid);
    return { id: r.id, type: r.type as DocType, title: t?.title ?? r.id, language: t?.language ?? null, date: t?.date ?? null, detail: t?.detail ?? null, score: r.score };
  });
}
