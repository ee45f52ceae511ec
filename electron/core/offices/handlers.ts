import type { NamedSummary } from '../../shared/contract';
import type { Handlers } from '../dispatcher';
import { listPage } from '../store/paging';
import { checkOfficeReferences } from './references';
import { withOwnRecord } from '../contacts/suppression';

export const officeHandlers: Pick<Handlers, 'office.create' | 'office.update' | 'office.get' | 'office.list'> = {
  'office.create': (input, ctx) => {
    checkOfficeReferences(ctx, input, []);
    // The first office takes the list of erased people this library kept on its own.
    return withOwnRecord(ctx.library, input, (fields) => ctx.library.repo.create('office', fields));
  },
  'office.update': (input, ctx) => {
    checkOfficeReferences(ctx, input.fields, ['fields']);
    return ctx.library.repo.commit('office', input.id, input.rev, input.fields);
  },
  'office.get': (input, ctx) => ctx.library.repo.show('office', input.id),
  'office.list': (input, ctx) =>
    listPage(ctx.library.db, {
      table: 'office_p',
      sort: { column: 'name', direction: 'ASC' },
      where: [],
      query: input.query,
      limit: input.limit,
      cursor: input.cursor,
      map: (r): NamedSummary => ({ id: r.id, rev: r.rev, name: r.name, updatedAt: r.updated_at }),
    }),
};
