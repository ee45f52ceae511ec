import type { ContactSummary, NamedSummary } from '../../shared/contract';
import type { Handlers } from '../dispatcher';
import { contactKeys } from '../store/projections';
import { createDoc, getDoc, updateDoc } from '../store/repository';
import { listPage } from '../store/paging';

interface ContactRow {
  kind: 'spokesperson' | 'journalist';
  name: string;
  sort_name: string;
  organisation: string | null;
  outlet: string | null;
  updated_at: string;
}

const toContact = (r: ContactRow & { id: string; rev: string }): ContactSummary => ({
  id: r.id,
  rev: r.rev,
  kind: r.kind,
  name: r.name,
  organisation: r.organisation,
  outlet: r.outlet,
  updatedAt: r.updated_at,
});

export const contactHandlers: Pick<
  Handlers,
  | 'contact.create'
  | 'contact.update'
  | 'contact.get'
  | 'contact.list'
  | 'contact.match'
  | 'outlet.create'
  | 'outlet.update'
  | 'outlet.get'
  | 'outlet.list'
> = {
  'contact.create': (input, ctx) => createDoc(ctx, 'contact', input),
  'contact.update': (input, ctx) => updateDoc(ctx, 'contact', input.id, input.rev, input.fields),
  'contact.get': (input, ctx) => getDoc(ctx, 'contact', input.id),
  'contact.list': (input, ctx) =>
    listPage<ContactRow, ContactSummary>(ctx.library.db, {
      table: 'contact_p',
      columns: 'p.kind, p.name, p.sort_name, p.organisation, p.outlet, p.updated_at',
      sort: { column: 'sort_name', direction: 'ASC' },
      where: input.kind ? [{ sql: 'p.kind = ?', params: [input.kind] }] : [],
      query: input.query,
      limit: input.limit,
      cursor: input.cursor,
      map: toContact,
    }),
  'contact.match': (input, ctx) => {
    const keys = contactKeys({
      emails: input.emails.map((address) => ({ address })),
      phones: input.phones.map((number) => ({ number })),
    });
    if (keys.length === 0) return [];
    return (
      ctx.library.db
        .prepare(
          `SELECT DISTINCT p.kind, p.name, p.sort_name, p.organisation, p.outlet, p.updated_at, d.id, d.winner AS rev
           FROM contact_key_p k JOIN contact_p p ON p.doc_rowid = k.doc_rowid JOIN docs d ON d.rowid = p.doc_rowid
           WHERE k.key IN (${keys.map(() => '?').join(',')}) ORDER BY p.sort_name LIMIT 20`,
        )
        .all(...keys) as (ContactRow & { id: string; rev: string })[]
    ).map(toContact);
  },
  'outlet.create': (input, ctx) => createDoc(ctx, 'outlet', input),
  'outlet.update': (input, ctx) => updateDoc(ctx, 'outlet', input.id, input.rev, input.fields),
  'outlet.get': (input, ctx) => getDoc(ctx, 'outlet', input.id),
  'outlet.list': (input, ctx) =>
    listPage<{ name: string; sort_name: string; updated_at: string }, NamedSummary>(ctx.library.db, {
      table: 'outlet_p',
      columns: 'p.name, p.sort_name, p.updated_at',
      sort: { column: 'sort_name', direction: 'ASC' },
      where: [],
      query: input.query,
      limit: input.limit,
      cursor: input.cursor,
      map: (r) => ({ id: r.id, rev: r.rev, name: r.name, updatedAt: r.updated_at }),
    }),
};
