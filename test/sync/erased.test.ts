import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { syncLibrary } from '../../electron/core/sync/library-sync';
import { job, library } from '../core-harness';
import { tempDir } from '../helpers';
import { useCouchWithProxy } from './couch-server';
import { call, libraryState } from './library-state';

/**
 * A person erased at their request in one office's library: the other libraries that receive the
 * erase, by sync or by a sync file, keep none of their data in any stored version either, as
 * the library that erased them keeps none.
 */

const couch = useCouchWithProxy();

/** Stored bodies of any revision, draft or document that still name the person. */
function traces(core: Core, text: string): number {
  const n = (sql: string) => (core.library.db.prepare(sql).get(`%${text}%`) as { n: number }).n;
  return n('SELECT count(*) AS n FROM bodies WHERE json LIKE ?') + n('SELECT count(*) AS n FROM drafts WHERE fields LIKE ?');
}

async function twoLibrariesWithLina(): Promise<{ amman: Core; geneva: Core; db: string; id: string }> {
  const { direct: db } = await couch.freshDb();
  const amman = await library('Amman laptop');
  const geneva = await library('Geneva HQ');
  const office = (await call<{ id: string }>(amman, 'office.create', { name: 'Amman' })).id;
  const id = (await call<{ id: string }>(amman, 'contact.create', {
    name: 'Lina Haddad',
    kind: 'journalist',
    office,
    organisation: 'Jordan Times',
    emails: [{ type: 'work', address: 'lina.haddad@example.org' }],
  })).id;
  await call(amman, 'contact.update', { id, rev: null, fields: { role: 'Health correspondent' } });
  await syncLibrary(amman.library, { remote: { url: db } });
  await syncLibrary(geneva.library, { remote: { url: db } });
  expect(traces(geneva, 'lina.haddad@example.org')).toBeGreaterThan(0);
  await call(amman, 'contact.erase', { id });
  expect(traces(amman, 'lina.haddad@example.org')).toBe(0);
  return { amman, geneva, db, id };
}

describe('a contact erased in another library', () => {
  it('arrives by sync with none of the person left in any stored version here', async () => {
    const { amman, geneva, db, id } = await twoLibrariesWithLina();
    await syncLibrary(amman.library, { remote: { url: db } });
    await syncLibrary(geneva.library, { remote: { url: db } });
    expect(libraryState(geneva)[id]).toEqual(libraryState(amman)[id]);
    expect(libraryState(geneva)[id]?.winner).toBe('deleted');
    for (const text of ['lina.haddad@example.org', 'Lina Haddad', 'Health correspondent']) expect(traces(geneva, text)).toBe(0);
    // Syncing again changes nothing.
    const again = await syncLibrary(geneva.library, { remote: { url: db } });
    expect([again.pulled.docs, again.pushed.docs]).toEqual([0, 0]);
  });

  it('arrives on a sync file the same way', async () => {
    const { amman, geneva } = await twoLibrariesWithLina();
    const file = join(tempDir(), 'amman.dateline-sync');
    await job(amman, 'sync.export', { out: file, peer: null });
    await job(geneva, 'sync.import', { from: file });
    expect(traces(geneva, 'lina.haddad@example.org')).toBe(0);
  });
});
