import type { KitSummary, NamedSummary } from '../../shared/contract';
import type { Handlers } from '../dispatcher';
import { createDoc, getDoc, updateDoc } from './common';
import { listPage } from './paging';

export const officeKitHandlers: Pick<
  Handlers,
  'office.create' | 'office.update' | 'office.get' | 'office.list' | 'kit.create' | 'kit.update' | 'kit.get' | 'kit.list'
> = {
  'office.create': (input, ctx) => createDoc(ctx, 'office', input),
  'office.update': (input, ctx) => updateDoc(ctx, 'office', input.id, input.rev, input.fields),
  'office.get': (input, ctx) => getDoc(ctx, 'office', input.id),
  'office.list': (input, ctx) =>
    listPage<{ name: string; updated_at: string }, NamedSummary>(ctx.library.db, {
      table: 'office_p',
      columns: 'p.name, p.updated_at',
      sort: { column: 'name', direction: 'ASC' },
      where: [],
      query: input.query,
      limit: input.limit,
      cursor: input.cursor,
      map: (r) => ({ id: r.id, rev: r.rev, name: r.name, updatedAt: r.updated_at }),
    }),
  'kit.create': (input, ctx) => createDoc(ctx, 'kit', input),
  'kit.update': (input, ctx) => updateDoc(ctx, 'kit', input.id, input.rev, input.fields),
  'kit.get': (input, ctx) => getDoc(ctx, 'kit', input.id),
  'kit.list': (input, ctx) =>
    listPage<{ title: string; language: string; item_count: number; updated_at: string }, KitSummary>(ctx.library.db, {
      table: 'kit_p',
      columns: 'p.title, p.language, p.item_count, p.updated_at',
      sort: { column: 'updated_at', direction: 'DESC' },
      where: [],
      query: input.query,
      limit: input.limit,
      cursor: input.cursor,
      map: (r) => ({ id: r.id, rev: r.rev, title: r.title, language: r.language, itemCount: r.item_count, updatedAt: r.updated_at }),
    }),
};
