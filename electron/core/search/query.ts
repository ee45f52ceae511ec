import type Database from 'better-sqlite3';
import type { SearchHit } from '../../shared/search/contract';
import { DOC_TYPES, type DocType } from '../../shared/documents';
import { ftsQuery } from '../../shared/search/text';
import { catchUpSearch } from './index-writer';

const TITLE_SQL: Record<DocType, string> = {
  release: "SELECT headline AS title, language || coalesce(' · ' || release_date, '') AS detail FROM release_p WHERE doc_rowid = ?",
  contact: 'SELECT name AS title, organisation AS detail FROM contact_p WHERE doc_rowid = ?',
  outlet: 'SELECT name AS title, kind AS detail FROM outlet_p WHERE doc_rowid = ?',
  attachment: 'SELECT original_name AS title, media_type AS detail FROM attachment_p WHERE doc_rowid = ?',
  kit: 'SELECT title, language AS detail FROM kit_p WHERE doc_rowid = ?',
  office: 'SELECT name AS title, NULL AS detail FROM office_p WHERE doc_rowid = ?',
};

/**
 * The ranking: bm25 over every match, nothing cut off first (a cap on the matches ranked once
 * hid the best hit of common words). Ties, frequent among short titles, go to the newest
 * release date, then to the newest document. The bench compares each page's scores with the
 * same full ranking done on the bare FTS5 table.
 */
export const SEARCH_ORDER = 'f.rank, r.release_date DESC NULLS LAST, f.rowid DESC';

interface Statements {
  hits: Database.Statement<
    { match: string; limit: number; offset: number; types: string | null },
    { rowid: number; id: string; type: string; score: number }
  >;
  titles: Record<DocType, Database.Statement<[number], { title: string; detail: string | null }>>;
}

const cache = new WeakMap<Database.Database, Statements>();

function statements(db: Database.Database): Statements {
  let s = cache.get(db);
  if (!s) {
    s = {
      hits: db.prepare(
        `SELECT f.rowid AS rowid, d.id, d.type, f.rank AS score
         FROM (SELECT rowid, rank FROM search_fts WHERE search_fts MATCH @match) f
         JOIN docs d ON d.rowid = f.rowid
         LEFT JOIN release_p r ON r.doc_rowid = f.rowid
         WHERE d.deleted = 0 AND (r.status IS NULL OR r.status <> 'trashed') AND (@types IS NULL OR d.type IN (SELECT value FROM json_each(@types)))
         ORDER BY ${SEARCH_ORDER} LIMIT @limit OFFSET @offset`,
      ),
      titles: Object.fromEntries(DOC_TYPES.map((t) => [t, db.prepare(TITLE_SQL[t])])) as Statements['titles'],
    };
    cache.set(db, s);
  }
  return s;
}

export interface SearchOptions {
  limit: number;
  /** How many of the best matches to skip: page n starts at n × limit. */
  offset?: number;
  /** Only documents of these types; all types when absent or empty. */
  types?: DocType[] | undefined;
}

/** One page of the full-text search across the library, best matches first; `score` is bm25 (lower is better). */
export function searchLibrary(db: Database.Database, query: string, opts: SearchOptions): (SearchHit & { score: number })[] {
  const match = ftsQuery(query);
  if (match === null) return [];
  catchUpSearch(db);
  const s = statements(db);
  const types = opts.types && opts.types.length ? JSON.stringify(opts.types) : null;
  const rows = s.hits.all({ match, limit: opts.limit, offset: opts.offset ?? 0, types });
  return rows.map((r) => {
    const titleStmt = (s.titles as Record<string, Statements['titles'][DocType] | undefined>)[r.type];
    const t = titleStmt?.get(r.rowid);
    return { id: r.id, type: r.type as DocType, title: t?.title ?? r.id, detail: t?.detail ?? null, score: r.score };
  });
}
