import type { ContactFilter } from '../../shared/contacts/filter';
import { ftsQuery } from '../../shared/search/terms';
import type { ContactFacetField } from '../store/projections';

/**
 * A contact filter as SQL conditions on `contact_p p`: kind and outlet from the projection, the
 * arrays (beats, countries, languages, lists) from contact_facet_p (the text values of the
 * winning body's arrays, matched exactly), the search through the FTS index. One builder for
 * the list, segments and export.
 */

export interface Condition {
  sql: string;
  params: (string | number)[];
}

/** The contacts holding `value` in `field`, read from the table's key in the value's order. */
const holding = (field: ContactFacetField, value: string): Condition => ({
  sql: 'p.doc_rowid IN (SELECT doc_rowid FROM contact_facet_p WHERE field = ? AND value = ?)',
  params: [field, value],
});

/** The conditions, or null when the search can match nothing (a query of punctuation only). */
export function filterConditions(f: ContactFilter, withQuery: boolean): Condition[] | null {
  const where: Condition[] = [];
  if (f.kind) where.push({ sql: 'p.kind = ?', params: [f.kind] });
  if (f.outlet) where.push({ sql: 'p.outlet = ?', params: [f.outlet] });
  if (f.beat) where.push(holding('beats', f.beat));
  if (f.country) where.push(holding('countries', f.country));
  if (f.language) where.push(holding('languages', f.language));
  if (f.list) where.push(holding('lists', f.list));
  if (withQuery && f.query !== undefined && f.query.trim() !== '') {
    const q = ftsQuery(f.query);
    if (q === null) return null;
    where.push({ sql: 'p.doc_rowid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)', params: [q] });
  }
  return where;
}
