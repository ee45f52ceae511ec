import type { ContactFilter } from '../../shared/contacts/filter';
import { ftsQuery } from '../../shared/search/text';

/**
 * A contact filter as SQL conditions on `contact_p p`: kind and outlet from the
 * projection, the arrays (beats, countries, languages, lists) from the winning body with
 * json_each, the search through the FTS index. One builder for the list, segments and export.
 */

export interface Condition {
  sql: string;
  params: (string | number)[];
}

const inBody = (path: string): string =>
  `EXISTS (SELECT 1 FROM revs r, json_each(r.body, '${path}') j WHERE r.doc_rowid = p.doc_rowid AND r.rev = (SELECT winner FROM docs WHERE rowid = p.doc_rowid) AND j.value = ?)`;

/** The conditions, or null when the search can match nothing (a query of punctuation only). */
export function filterConditions(f: ContactFilter, withQuery: boolean): Condition[] | null {
  const where: Condition[] = [];
  if (f.kind) where.push({ sql: 'p.kind = ?', params: [f.kind] });
  if (f.outlet) where.push({ sql: 'p.outlet = ?', params: [f.outlet] });
  if (f.beat) where.push({ sql: inBody('$.beats'), params: [f.beat] });
  if (f.country) where.push({ sql: inBody('$.countries'), params: [f.country] });
  if (f.language) where.push({ sql: inBody('$.languages'), params: [f.language] });
  if (f.list) where.push({ sql: inBody('$.lists'), params: [f.list] });
  if (withQuery && f.query !== undefined && f.query.trim() !== '') {
    const q = ftsQuery(f.query);
    if (q === null) return null;
    where.push({ sql: 'p.doc_rowid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)', params: [q] });
  }
  return where;
}
