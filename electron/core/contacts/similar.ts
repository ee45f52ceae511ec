import { SIMILAR_REASONS, type SimilarContact, type SimilarReason } from '../../shared/contacts/similar-contract';
import type { CoreContext } from '../context';
import { prepared } from '../store/statements';
import { NOT_SAME_MAX, notSameId, StoredNotSame } from './not-same';
import { nameLikeness, nameParts, organisationKey, type NameLikeness } from './similar-names';

/**
 * The people a contact's page suggests may be the same person: a live contact sharing one of its
 * normalised e-mail addresses or phone numbers (contact_key_p), or with a similar name
 * (`similar-names.ts`) at the same outlet or organisation (contact_p's outlet index,
 * contact_org_p). Every read goes through an index from this contact's own rows: no body is
 * read, and the cost grows with the people of its outlet and organisation, not the library.
 *
 * The person's "Not the same person" is kept on this computer (not-same.ts), on both contacts'
 * records.
 */

/**
 * An e-mail or phone more people share than this is an office's switchboard or a desk's
 * address (info@, newsroom@), not one person's: it suggests no one.
 */
const SHARED_KEY_MAX = 5;
/**
 * People of an outlet or organisation compared by name at most: 20,000 names took 35 ms to
 * compare (140 ms the first time, before the JIT) on the shared 2-core machine, a page's
 * worst; an outlet of more people is a whole broadcaster's list, not one newsroom.
 */
const PEOPLE_READ_MAX = 20_000;
/** Suggestions shown at most, the surest first. */
const SHOWN_MAX = 20;

interface Found {
  rowid: number;
  reasons: Set<SimilarReason>;
  likeness?: NameLikeness;
}

export function similarContacts(ctx: CoreContext, id: string): SimilarContact[] {
  const db = ctx.library.db;
  ctx.library.docs.require(id, 'contact');
  const self = prepared(db, 'SELECT p.doc_rowid AS rowid, p.name, p.organisation, p.outlet FROM docs d JOIN contact_p p ON p.doc_rowid = d.rowid WHERE d.id = ?').get(id) as
    | { rowid: number; name: string; organisation: string | null; outlet: string | null }
    | undefined;
  if (!self) return [];
  const found = new Map<number, Found>();
  const add = (rowid: number, reason: SimilarReason, likeness?: NameLikeness) => {
    let f = found.get(rowid);
    if (!f) found.set(rowid, (f = { rowid, reasons: new Set() }));
    f.reasons.add(reason);
    if (likeness) f.likeness = likeness;
  };

  const keys = prepared(db, 'SELECT key FROM contact_key_p WHERE doc_rowid = ?').pluck().all(self.rowid) as string[];
  const sharing = prepared(db, 'SELECT doc_rowid FROM contact_key_p WHERE key = ? AND doc_rowid <> ? LIMIT ?').pluck();
  for (const key of keys) {
    const others = sharing.all(key, self.rowid, SHARED_KEY_MAX + 1) as number[];
    if (others.length > SHARED_KEY_MAX) continue;
    for (const rowid of others) add(rowid, key.startsWith('email:') ? 'email' : 'phone');
  }

  const parts = nameParts(self.name);
  const org = organisationKey(self.organisation);
  if (parts.words.length >= 2) {
    const asked: [string, string | null][] = [
      ['SELECT doc_rowid, name FROM contact_p WHERE outlet = ? AND doc_rowid <> ? LIMIT ?', self.outlet],
      ['SELECT g.doc_rowid, p.name FROM contact_org_p g JOIN contact_p p ON p.doc_rowid = g.doc_rowid WHERE g.org_key = ? AND g.doc_rowid <> ? LIMIT ?', org],
    ];
    for (const [sql, value] of asked) {
      if (value === null) continue;
      for (const r of prepared(db, sql).iterate(value, self.rowid, PEOPLE_READ_MAX) as Iterable<{ doc_rowid: number; name: string }>) {
        const likeness = nameLikeness(parts, nameParts(r.name));
        if (likeness) add(r.doc_rowid, 'name', likeness);
      }
    }
  }
  if (found.size === 0) return [];

  const notSame = new Set(readNotSame(ctx, id));
  const shown = prepared(
    db,
    // The outlet's name by its id's key, then its row: joined, SQLite chose to read every outlet of a library with few.
    `SELECT d.id, p.name, p.sort_name, p.organisation, p.outlet,
       (SELECT o.name FROM outlet_p o WHERE o.doc_rowid = (SELECT od.rowid FROM docs od WHERE od.id = p.outlet)) AS outlet_name
     FROM contact_p p JOIN docs d ON d.rowid = p.doc_rowid WHERE p.doc_rowid = ?`,
  );
  const out: (SimilarContact & { rank: number; sortName: string })[] = [];
  for (const f of found.values()) {
    const r = shown.get(f.rowid) as { id: string; name: string; sort_name: string; organisation: string | null; outlet: string | null; outlet_name: string | null } | undefined;
    if (!r || notSame.has(r.id)) continue;
    const reasons = SIMILAR_REASONS.filter((x) => f.reasons.has(x));
    out.push({
      id: r.id,
      name: r.name,
      organisation: r.organisation,
      outlet: r.outlet && r.outlet_name !== null ? { id: r.outlet, name: r.outlet_name } : null,
      reasons,
      ...(f.likeness ? { sameName: f.likeness === 'same' } : {}),
      // The surest reason first, then more reasons, then the same name before a name alike.
      rank: SIMILAR_REASONS.indexOf(reasons[0]!) * 10 - reasons.length * 2 - (f.likeness === 'same' ? 1 : 0),
      sortName: r.sort_name,
    });
  }
  out.sort((a, b) => a.rank - b.rank || (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : 0));
  return out.slice(0, SHOWN_MAX).map(({ rank: _rank, sortName: _sortName, ...s }) => s);
}

/** "Not the same person": kept on both contacts' records here; answers what is left to suggest. */
export function markNotSame(ctx: CoreContext, id: string, other: string): SimilarContact[] {
  ctx.library.docs.require(id, 'contact');
  ctx.library.db.transaction(() => {
    addNotSame(ctx, id, other);
    addNotSame(ctx, other, id);
  })();
  return similarContacts(ctx, id);
}

function readNotSame(ctx: CoreContext, contact: string): string[] {
  return ctx.library.repo.local(notSameId(contact), StoredNotSame, 'not the same person')?.others ?? [];
}

function addNotSame(ctx: CoreContext, contact: string, other: string): void {
  const others = readNotSame(ctx, contact).filter((o) => o !== other);
  others.push(other);
  ctx.library.replication.putLocal({ _id: notSameId(contact), others: others.slice(-NOT_SAME_MAX) });
}
