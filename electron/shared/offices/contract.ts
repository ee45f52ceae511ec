import { z } from 'zod';
import { DocIdSchema, OfficeFields, type Doc } from '../documents';
import { fieldsUpdate, method, pageInput, type Created, type NamedSummary, type Page, type Saved } from '../methods';

/** Contract methods of field offices (their boilerplates, time zones, contacts). Merged into API in contract.ts. */

export const OFFICE_API = {
  'office.create': method<Created>()(OfficeFields),
  'office.update': method<Saved>()(fieldsUpdate(OfficeFields)),
  'office.get': method<Doc<'office'>>()(z.object({ id: DocIdSchema }).strict()),
  'office.list': method<Page<NamedSummary>>()(pageInput({})),
} as const;
