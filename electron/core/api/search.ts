import type Database from 'better-sqlite3';
import type { SearchHit } from '../../shared/contract';
import type { DocType } from '../../shared/documents';
import { ftsQuery } from '../../shared/search-text';
import type { Handlers } from '../dispatcher';

const TITLE_SQL: Record<DocType, string> = {
  release: "SELECT headline AS title, language || coalesce(' · ' || release_date, '') AS detail FROM release_p WHERE doc_rowid = ?",
  contact: 'SELECT name AS title, organisation AS detail FROM contact_p WHERE doc_rowid = ?',
  outlet: 'SELECT name AS title, kind AS detail FROM outlet_p WHERE doc_rowid = ?',
  attachment: 'SELECT original_name AS title, media_type AS detail FROM attachment_p WHERE doc_rowid = ?',
  kit: 'SELECT title, language AS detail FROM kit_p WHERE doc_rowid = ?',
  office: 'SELECT name AS title, NULL AS detail FROM office_p WHERE doc_rowid = ?',
};

/** Full-text search across every kind of document, best matches first. */
export function searchLibrary(db: Database.Database, query: string, limit: number, types?: DocType[]): SearchHit[] {
  const match = ftsQuery(query);
  if (match === null) return [];
  const typeFilter = types && types.length ? ` AND d.type IN (${types.map(() => '?').join(',')})` : '';
  const rows = db
    .prepare(
      `SELECT d.rowid AS rowid, d.id, d.type FROM search_fts f JOIN docs d ON d.rowid = f.rowid
       WHERE search_fts MATCH ? AND d.deleted = 0${typeFilter} ORDER BY f.rank LIMIT ?`,
    )
    .all(match, ...(types ?? []), limit) as { rowid: number; id: string; type: DocType }[];
  return rows.map((r) => {
    const t = TITLE_SQL[r.type] ? (db.prepare(TITLE_SQL[r.type]).get(r.rowid) as { title: string; detail: string | null } | undefined) : undefined;
    return { id: r.id, type: r.type, title: t?.title ?? r.id, detail: t?.detail ?? null };
  });
}

export const searchHandlers: Pick<Handlers, 'search'> = {
  search: (input, ctx) => searchLibrary(ctx.library.db, input.query, input.limit, input.types),
};
