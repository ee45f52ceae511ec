import type Database from 'better-sqlite3';
import type { SearchHit } from '../../shared/contract';
import { DOC_TYPES, type DocType } from '../../shared/documents';
import { ftsQuery } from '../../shared/search/text';
import type { Handlers } from '../dispatcher';

const TITLE_SQL: Record<DocType, string> = {
  release: "SELECT headline AS title, language || coalesce(' · ' || release_date, '') AS detail FROM release_p WHERE doc_rowid = ?",
  contact: 'SELECT name AS title, organisation AS detail FROM contact_p WHERE doc_rowid = ?',
  outlet: 'SELECT name AS title, kind AS detail FROM outlet_p WHERE doc_rowid = ?',
  attachment: 'SELECT original_name AS title, media_type AS detail FROM attachment_p WHERE doc_rowid = ?',
  kit: 'SELECT title, language AS detail FROM kit_p WHERE doc_rowid = ?',
  office: 'SELECT name AS title, NULL AS detail FROM office_p WHERE doc_rowid = ?',
};

/**
 * How many of the newest matches are ranked. Ranking (bm25) costs time per match, so a very
 * common word matching tens of thousands of documents would dominate the tail; past this many,
 * the newest matches are the ones a newsroom wants anyway.
 */
export const RANKED_MATCHES = 5000;

interface Statements {
  hits: Database.Statement<{ match: string; limit: number; cap: number; types: string | null }, { rowid: number; id: string; type: string }>;
  titles: Record<DocType, Database.Statement<[number], { title: string; detail: string | null }>>;
}

const cache = new WeakMap<Database.Database, Statements>();

function statements(db: Database.Database): Statements {
  let s = cache.get(db);
  if (!s) {
    s = {
      hits: db.prepare(
        `SELECT d.rowid AS rowid, d.id, d.type FROM search_fts f JOIN docs d ON d.rowid = f.rowid
         WHERE search_fts MATCH @match
           AND f.rowid >= coalesce((SELECT min(rowid) FROM
                 (SELECT rowid FROM search_fts WHERE search_fts MATCH @match ORDER BY rowid DESC LIMIT @cap)), 0)
           AND d.deleted = 0
           AND (@types IS NULL OR d.type IN (SELECT value FROM json_each(@types)))
         ORDER BY f.rank LIMIT @limit`,
      ),
      titles: Object.fromEntries(DOC_TYPES.map((t) => [t, db.prepare(TITLE_SQL[t])])) as Statements['titles'],
    };
    cache.set(db, s);
  }
  return s;
}

/** Full-text search across every kind of document, best matches first. */
export function searchLibrary(db: Database.Database, query: string, limit: number, types?: DocType[]): SearchHit[] {
  const match = ftsQuery(query);
  if (match === null) return [];
  const s = statements(db);
  const rows = s.hits.all({ match, limit, cap: RANKED_MATCHES, types: types && types.length ? JSON.stringify(types) : null });
  const hits: SearchHit[] = [];
  for (const r of rows) {
    const titleStmt = (s.titles as Record<string, Statements['titles'][DocType] | undefined>)[r.type];
    const t = titleStmt?.get(r.rowid);
    hits.push({ id: r.id, type: r.type as DocType, title: t?.title ?? r.id, detail: t?.detail ?? null });
  }
  return hits;
}

export const searchHandlers: Pick<Handlers, 'search'> = {
  search: (input, ctx) => searchLibrary(ctx.library.db, input.query, input.limit, input.types),
};
