import type { ContactSummary } from '../../shared/contacts/contract';
import type { CoreContext } from '../context';
import { contactKeys } from '../store/projections';

/** Contact lookups other domains share (the importer matches the people a release names). */

export interface ContactRow {
  kind: 'spokesperson' | 'journalist';
  name: string;
  sort_name: string;
  organisation: string | null;
  outlet: string | null;
  updated_at: string;
}

export const toContactSummary = (r: ContactRow & { id: string; rev: string }): ContactSummary => ({
  id: r.id,
  rev: r.rev,
  kind: r.kind,
  name: r.name,
  organisation: r.organisation,
  outlet: r.outlet,
  updatedAt: r.updated_at,
});

/**
 * Live contacts sharing a normalised e-mail address or phone number with the ones given: by
 * name for a person to choose from, or oldest first (the one an import links to).
 */
export function contactsMatching(
  ctx: CoreContext,
  emails: string[],
  phones: string[],
  opts: { order: 'name' | 'oldest'; limit: number },
): ContactSummary[] {
  const keys = contactKeys({ emails: emails.map((address) => ({ address })), phones: phones.map((number) => ({ number })) });
  if (keys.length === 0) return [];
  const order = opts.order === 'name' ? 'p.sort_name, d.rowid' : 'd.rowid';
  const rows = ctx.library.db
    .prepare(
      `SELECT DISTINCT p.kind, p.name, p.sort_name, p.organisation, p.outlet, p.updated_at, d.id, d.winner AS rev, d.rowid
       FROM contact_key_p k JOIN contact_p p ON p.doc_rowid = k.doc_rowid JOIN docs d ON d.rowid = p.doc_rowid
       WHERE d.deleted = 0 AND k.key IN (${keys.map(() => '?').join(',')}) ORDER BY ${order} LIMIT ?`,
    )
    .all(...keys, opts.limit) as (ContactRow & { id: string; rev: string })[];
  return rows.map(toContactSummary);
}
