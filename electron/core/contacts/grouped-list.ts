import type Database from 'better-sqlite3';
import type { ContactSummary, Page } from '../../shared/contract';
import { countryName, languageName } from '../../shared/ui/languages';
import { collatedPage, collator } from '../store/collated-page';
import { listFilter } from '../store/paging';
import { selectList, type ProjectionRow } from '../store/projection-columns';
import { prepared } from '../store/statements';

type Param = string | number | null;

/** The orders of the contacts list that group it. */
export type ContactGroupOrder = 'outlet' | 'country' | 'language' | 'beat' | 'list';

/** What a contact's list row adds to its projection columns, read from its winning revision. */
export const CONTACT_ROW_EXTRA = `(SELECT json_extract(r.body, '$.dataProtection.doNotContact') FROM revs r WHERE r.doc_rowid = p.doc_rowid AND r.rev = d.winner) AS dnc,
        (SELECT json_extract(r.body, '$.dataProtection.lastVerified') FROM revs r WHERE r.doc_rowid = p.doc_rowid AND r.rev = d.winner) AS verified,
        (SELECT o.name FROM docs od JOIN outlet_p o ON o.doc_rowid = od.rowid WHERE od.id = p.outlet) AS outlet_name`;

export type ContactListRow = ProjectionRow<'contact_p'> & { doc_rowid: number; id: string; rev: string; dnc: number | null; verified: string | null; outlet_name: string | null };

/** Between a contact's values in its group's text: no value holds it (control characters are refused). */
const SEP = '\u001f';

/** A contact's values of one field (contact_facet_p), joined by SEP. */
const values = (field: string): { sql: string; params: Param[] } => ({
  sql: `(SELECT group_concat(f.value, char(31)) FROM contact_facet_p f WHERE f.doc_rowid = p.doc_rowid AND f.field = ?)`,
  params: [field],
});

/**
 * Each contact's group, as SQL on the projection (aliased p): the live outlet's name, else the
 * organisation typed; the codes of its countries or languages, its beats or its lists.
 */
const GROUP_SQL: Record<ContactGroupOrder, { sql: string; params: Param[] }> = {
  outlet: {
    sql: `coalesce((SELECT o.name FROM docs od JOIN outlet_p o ON o.doc_rowid = od.rowid WHERE od.id = p.outlet), p.organisation, '')`,
    params: [],
  },
  country: values('countries'),
  language: values('languages'),
  beat: values('beats'),
  list: values('lists'),
};

/**
 * One page of the contacts list grouped by outlet, country, language, beat or list: the groups in the
 * collation of `locale`, by their names in it ("Allemagne" before "Kenya" in French, "Germany"
 * after "Egypt" in English), contacts by name within each, contacts with no group last. A
 * contact in several countries is grouped under their names together, in order ("Kenya,
 * Uganda", after "Kenya"). Every row the filters keep is read and the page chosen by
 * collatedPage, as the releases list's headline order is.
 */
export function groupedContactPage(
  db: Database.Database,
  order: ContactGroupOrder,
  spec: { where: { sql: string; params: Param[] }[]; query: string | undefined; limit: number; cursor: string | null; locale: string },
  map: (row: ContactListRow) => ContactSummary,
): Page<ContactSummary> {
  const filter = listFilter(db, spec.where, spec.query);
  if (filter === null) return { items: [], nextCursor: null, total: 0 };
  const group = GROUP_SQL[order];
  // As arrays, not objects: a list of 100,000 contacts is read whole.
  const rows = prepared(db, `SELECT p.doc_rowid, p.name, ${group.sql} FROM contact_p p WHERE ${filter.sql}`)
    .raw()
    .all(...group.params, ...filter.params) as [number, string, string | null][];

  const compare = collator(spec.locale).compare;
  const labelOf = new Map<string, string>();
  const label = (grp: string | null): string => {
    if (order === 'outlet' || !grp) return grp ?? '';
    let l = labelOf.get(grp);
    if (l === undefined) {
      const name = order === 'country' ? countryName : order === 'language' ? languageName : (v: string) => v;
      l = grp
        .split(SEP)
        .map((v) => name(v, spec.locale))
        .sort(compare)
        .join(', ');
      labelOf.set(grp, l);
    }
    return l;
  };
  const labels = new Map<number, string>();
  const keyed = rows.map(([rowid, name, grp]) => {
    const l = label(grp);
    labels.set(rowid, l);
    return { rowid, keys: [l, name] };
  });
  // The groups are few (a country, an outlet): each is ranked once, so most comparisons of two
  // rows compare two numbers before any name.
  const rank = new Map([...new Set(labels.values())].sort(compare).map((l, i) => [l, i]));
  const page = collatedPage(keyed, { keys: 2, limit: spec.limit, cursor: spec.cursor, direction: 'asc', locale: spec.locale, what: order, rankOfFirst: (l) => rank.get(l) });
  if (page.rowids.length === 0) return { items: [], nextCursor: page.nextCursor, total: page.total };

  const found = prepared(
    db,
    `SELECT p.doc_rowid, d.id, d.winner AS rev, ${selectList('contact_p')}, ${CONTACT_ROW_EXTRA}
     FROM contact_p p JOIN docs d ON d.rowid = p.doc_rowid WHERE p.doc_rowid IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(page.rowids)) as ContactListRow[];
  const byRowid = new Map(found.map((r) => [r.doc_rowid, r]));
  const items = page.rowids.flatMap((rowid) => {
    const r = byRowid.get(rowid);
    return r ? [{ ...map(r), group: labels.get(rowid) ?? '' }] : [];
  });
  return { items, nextCursor: page.nextCursor, total: page.total };
}
