import { z } from 'zod';
import { ContactFields, DocIdSchema, LanguageSchema, OutletFields, type Doc } from '../documents';
import { fieldsUpdate, ListIds, method, pageInput, type Created, type Page, type Saved } from '../methods';
import { CONTACT_SORTS, ContactFilterShape } from './filter';
import { ORGANISE_API, type OutletSummary } from './organise-contract';
import { CONTACT_BULK_API } from './bulk-contract';
import { PERSON_API } from './person-contract';
import { SIMILAR_API } from './similar-contract';

/** Contract methods of media contacts and the outlets they write for. Merged into API in contract.ts. */

export interface ContactSummary {
  id: string;
  rev: string;
  kind: 'spokesperson' | 'journalist';
  name: string;
  organisation: string | null;
  outlet: string | null;
  /** In the contacts list: the outlet's name (null when it has none, or the outlet is gone). */
  outletName?: string | null;
  updatedAt: string;
  /** Not verified for longer than the office allows (see dataProtection.lastVerified). */
  outdated?: boolean;
  doNotContact?: boolean;
  /** In a list grouped by outlet, country or language: the names it is grouped under ("Kenya, Uganda"), empty when none. */
  group?: string;
}

export const CONTACT_API = {
  'contact.create': method<Created>()(ContactFields),
  'contact.update': method<Saved>()(fieldsUpdate(ContactFields)),
  'contact.get': method<Doc<'contact'>>()(z.object({ id: DocIdSchema }).strict()),
  'contact.list': method<Page<ContactSummary>>()(pageInput({
      ...ContactFilterShape,
      sort: z.enum(CONTACT_SORTS).default('name'),
      /** The interface's language: names, countries and languages are ordered and named in it. */
      locale: LanguageSchema.optional(),
      /** Only these contacts (the kit builder names the ones its kit holds). */
      ids: ListIds.optional(),
    })),
  'contact.match': method<ContactSummary[]>()(
    z.object({ emails: z.array(z.string().max(320)).max(20).default([]), phones: z.array(z.string().max(40)).max(20).default([]) }).strict(),
  ),

  'outlet.create': method<Created>()(OutletFields),
  'outlet.update': method<Saved>()(fieldsUpdate(OutletFields)),
  'outlet.get': method<Doc<'outlet'>>()(z.object({ id: DocIdSchema }).strict()),
  'outlet.list': method<Page<OutletSummary>>()(pageInput({})),
  ...CONTACT_BULK_API,
  ...PERSON_API,
  ...SIMILAR_API,
  ...ORGANISE_API,
} as const;
