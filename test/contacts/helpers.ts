import { join } from 'node:path';
import type { Core } from '../../electron/core/index';
import { call } from '../core-harness';
import type { ContactImportReport } from '../../electron/shared/contacts/bulk-contract';

/** Contact fixtures and the shared core harness. */

export { call, core, fail } from '../core-harness';

export const fixture = (name: string): string => join(import.meta.dirname, 'fixtures', name);

export function importFile(c: Core, path: string, opts: Record<string, unknown> = {}): Promise<ContactImportReport> {
  return call<ContactImportReport>(c, 'contact.importFile', { path, ...opts });
}

export interface ContactDoc {
  id: string;
  name: string;
  organisation: string | null;
  role: string | null;
  notes: string | null;
  outlet: string | null;
  photo?: string | null;
  beats: string[];
  languages: string[];
  countries: string[];
  emails: { type: string; address: string }[];
  phones: { type: string; number: string }[];
}

/** Every contact in the library, by name. */
export async function allContacts(c: Core): Promise<ContactDoc[]> {
  const page = await call<{ items: { id: string }[] }>(c, 'contact.list', { limit: 500 });
  return Promise.all(page.items.map((i) => call<ContactDoc>(c, 'contact.get', { id: i.id })));
}
