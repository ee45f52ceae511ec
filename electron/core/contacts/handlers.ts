import type { ContactSummary } from '../../shared/contract';
import type { ORGANISE_API, OutletSummary } from '../../shared/contacts/organise-contract';
import type { Handlers } from '../dispatcher';
import { filterConditions } from './filter-sql';
import { CONTACT_ROW_EXTRA, groupedContactPage, type ContactListRow } from './grouped-list';
import { contactFacets, deleteOutlet, deleteSegment, listSegments, outletReferences, privateNote, saveSegment, setPrivateNote } from './organise';
import { outdatedJudge } from './outdated';
import { contactsMatching, toContactSummary } from './queries';
import { createContact, updateContact } from './write';
import { idsCondition, listPage } from '../store/paging';

/** What a contact's list row adds to its projection columns, read from its winning revision. */
type ComputedColumns = { dnc: number | null; verified: string | null; outlet_name: string | null };

/** A list row as the screen shows it. */
const rowSummary =
  (judge: ReturnType<typeof outdatedJudge>) =>
  (r: ContactListRow): ContactSummary => ({ ...toContactSummary(r), outletName: r.outlet_name, outdated: judge(r.office, r.verified, r.updated_at), doNotContact: r.dnc === 1 });

const organiseHandlers: Pick<Handlers, keyof typeof ORGANISE_API> = {
  'contact.facets': (_input, ctx) => contactFacets(ctx),
  'contact.privateNote': (input, ctx) => privateNote(ctx, input.id),
  'contact.setPrivateNote': (input, ctx) => setPrivateNote(ctx, input.id, input.text),
  'segment.list': (_input, ctx) => listSegments(ctx),
  'segment.save': (input, ctx) => saveSegment(ctx, input),
  'segment.delete': (input, ctx) => deleteSegment(ctx, input.name),
  'outlet.references': (input, ctx) => outletReferences(ctx, input.id),
  'outlet.delete': (input, ctx) => deleteOutlet(ctx, input.id, input.rev),
};

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
  | keyof typeof ORGANISE_API
> = {
  'contact.create': (input, ctx) => createContact(ctx, input),
  'contact.update': (input, ctx) => updateContact(ctx, input.id, input.rev, input.fields),
  'contact.get': (input, ctx) => ctx.library.repo.show('contact', input.id),
  'contact.list': (input, ctx) => {
    const filters = filterConditions(input, false);
    const where = filters && input.ids ? [...filters, idsCondition(input.ids)] : filters;
    const toSummary = rowSummary(outdatedJudge(ctx));
    if (input.sort !== 'name' && input.sort !== 'updated') {
      const spec = { where: where ?? [], query: input.query, limit: input.limit, cursor: input.cursor, locale: input.locale ?? 'en' };
      return groupedContactPage(ctx.library.db, input.sort, spec, toSummary);
    }
    return listPage<'contact_p', ContactSummary, ComputedColumns>(ctx.library.db, {
      table: 'contact_p',
      extra: CONTACT_ROW_EXTRA,
      sort: input.sort === 'updated' ? { column: 'updated_at', direction: 'DESC' } : { column: 'sort_name', direction: 'ASC' },
      where: where ?? [],
      query: input.query,
      limit: input.limit,
      cursor: input.cursor,
      map: toSummary,
    });
  },
  'contact.match': (input, ctx) => contactsMatching(ctx, input.emails, input.phones, { order: 'name', limit: 20 }),
  'outlet.create': (input, ctx) => ctx.library.repo.create('outlet', input),
  'outlet.update': (input, ctx) => ctx.library.repo.commit('outlet', input.id, input.rev, input.fields),
  'outlet.get': (input, ctx) => ctx.library.repo.show('outlet', input.id),
  'outlet.list': (input, ctx) =>
    listPage(ctx.library.db, {
      table: 'outlet_p',
      sort: { column: 'sort_name', direction: 'ASC' },
      where: [],
      query: input.query,
      limit: input.limit,
      cursor: input.cursor,
      map: (r): OutletSummary => ({ id: r.id, rev: r.rev, name: r.name, kind: r.kind, updatedAt: r.updated_at }),
    }),
  ...organiseHandlers,
};
