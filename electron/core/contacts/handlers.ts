import type { ContactSummary, NamedSummary } from '../../shared/contract';
import type { Handlers } from '../dispatcher';
import { contactsMatching, toContactSummary, type ContactRow } from './queries';
import { createDoc, getDoc, updateDoc } from '../store/repository';
import { listPage } from '../store/paging';

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
      map: toContactSummary,
    }),
  'contact.match': (input, ctx) => contactsMatching(ctx, input.emails, input.phones, { order: 'name', limit: 20 }),
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
