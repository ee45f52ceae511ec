import { join } from 'node:path';
import type { Core } from '../../electron/core/index';
import { call } from '../core-harness';
import type { ContactImportReport } from '../../electron/shared/contacts/bulk-contract';
import { toApiError } from '../../electron/core/jobs';

/** Contact fixtures and the shared core harness. */

export { call, core, fail, jobFails } from '../core-harness';

export const fixture = (name: string): string => join(import.meta.dirname, 'fixtures', name);

/** Runs a job method to its end: its result, or an Error naming its failure. */
export async function job<T>(c: Core, method: string, input: unknown): Promise<T> {
  const { jobId } = await call<{ jobId: string }>(c, method, input);
  try {
    return (await c.jobs.wait(jobId)) as T;
  } catch (e) {
    const err = toApiError(e);
    throw new Error(`${method} failed: ${err.code} ${err.message}`, { cause: e });
  }
}

export function importFile(c: Core, path: string, opts: Record<string, unknown> = {}): Promise<ContactImportReport> {
  return job<ContactImportReport>(c, 'contact.importFile', { path, ...opts });
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
  dataProtection?: { legalBasis: string | null; purpose?: string | null; consentDate?: string | null; consentSource?: string | null; doNotContact: boolean; lastVerified?: string | null };
}

/** Every contact in the library, by name. */
export async function allContacts(c: Core): Promise<ContactDoc[]> {
  const page = await call<{ items: { id: string }[] }>(c, 'contact.list', { limit: 500 });
  return Promise.all(page.items.map((i) => call<ContactDoc>(c, 'contact.get', { id: i.id })));
}
