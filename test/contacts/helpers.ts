import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openCore, type Core } from '../../electron/core/index';
import type { ContactImportReport } from '../../electron/shared/contacts/bulk-contract';
import type { ApiError } from '../../electron/shared/errors';
import { tempDir } from '../helpers';

/** A core on a fresh library folder per test, and calls that throw on failure. */

const open: Core[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

export const fixture = (name: string): string => join(import.meta.dirname, 'fixtures', name);

export async function core(): Promise<Core> {
  const c = await openCore(tempDir(), { author: 'amina' });
  open.push(c);
  return c;
}

export async function call<T = Record<string, unknown>>(c: Core, method: string, input: unknown): Promise<T> {
  const r = await c.dispatch(method, input, { transport: 'test' });
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

export async function fail(c: Core, method: string, input: unknown): Promise<ApiError> {
  const r = await c.dispatch(method, input, { transport: 'test' });
  if (r.ok) throw new Error(`${method} should have failed`);
  return r.error;
}

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
