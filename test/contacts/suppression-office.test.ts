import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { joinRecords } from '../../electron/core/contacts/suppression';
import { syncLibrary } from '../../electron/core/sync/library-sync';
import type { EraseResult } from '../../electron/shared/contacts/person-contract';
import { job, library } from '../core-harness';
import { tempDir } from '../helpers';
import { useCouchWithProxy } from '../sync/couch-server';
import { call, importFile } from './helpers';

/**
 * A library with no office keeps its list of erased people on this computer only. Once it has
 * an office (set up here, or arriving by sync or a sync file), the list moves into the office's
 * shared record, so an import on a colleague's computer refuses those people too.
 */

const couch = useCouchWithProxy();

const localRecords = (c: Core) => c.library.db.prepare("SELECT count(*) FROM local_docs WHERE id = 'contact-suppression'").pluck().get() as number;

async function eraseHere(c: Core, name: string, address: string): Promise<void> {
  const { id } = await call<{ id: string }>(c, 'contact.create', { name, emails: [{ type: 'work', address }] });
  await call<EraseResult>(c, 'contact.erase', { id });
}

function csv(rows: [string, string][]): string {
  const path = join(tempDir(), 'media.csv');
  writeFileSync(path, ['Name,E-mail (work)', ...rows.map((r) => r.join(',')), ''].join('\r\n'));
  return path;
}

interface OfficeRecord {
  privacyKey?: string;
  suppressed?: string[];
  suppressedUnder?: { privacyKey: string; suppressed: string[] }[];
}

describe('a suppression list kept on this computer, once the library has an office', () => {
  it('moves into the office set up here, under its key, and a colleague\'s import refuses the erased person after a sync', async () => {
    const { direct: db } = await couch.freshDb();
    const kampala = await library('Kampala laptop');
    await eraseHere(kampala, 'Amina Yusuf', 'amina@omega.example');
    expect(localRecords(kampala)).toBe(1);

    const office = (await call<{ id: string }>(kampala, 'office.create', { name: 'Kampala' })).id;
    const record = await call<OfficeRecord>(kampala, 'office.get', { id: office });
    expect(record.privacyKey).toMatch(/^[0-9a-f]{64}$/);
    expect(record.suppressed).toHaveLength(1);
    expect(localRecords(kampala)).toBe(0);
    // Still refused here, now through the office's record.
    expect(await importFile(kampala, csv([['Amina Y.', 'amina@omega.example']]))).toMatchObject({ refused: 1, created: 0 });

    const geneva = await library('Geneva HQ');
    await syncLibrary(kampala.library, { remote: { url: db } });
    await syncLibrary(geneva.library, { remote: { url: db } });
    const r = await importFile(geneva, csv([['Amina Yusuf', 'amina@omega.example'], ['Joseph Okello', 'joseph@okello.example']]), { commit: true });
    expect(r).toMatchObject({ created: 1, refused: 1 });
  });

  it('joins an office that arrives by sync with a key of its own, in the same sync, and the office\'s earlier list still works', async () => {
    const { direct: db } = await couch.freshDb();
    const nairobi = await library('Nairobi laptop');
    const office = (await call<{ id: string }>(nairobi, 'office.create', { name: 'Nairobi' })).id;
    await eraseHere(nairobi, 'Peter Okoth', 'peter@nation.example');
    const laptop = await library('New laptop');
    await eraseHere(laptop, 'Grace Akello', 'grace@monitor.example');

    await syncLibrary(nairobi.library, { remote: { url: db } });
    await syncLibrary(laptop.library, { remote: { url: db } });
    expect(localRecords(laptop)).toBe(0);
    const joined = await call<OfficeRecord>(laptop, 'office.get', { id: office });
    const officeKey = (await call<OfficeRecord>(nairobi, 'office.get', { id: office })).privacyKey;
    expect(joined.privacyKey).toBe(officeKey);
    expect(joined.suppressed).toHaveLength(1);
    expect(joined.suppressedUnder).toHaveLength(1);
    expect(joined.suppressedUnder![0]!.privacyKey).not.toBe(officeKey);

    await syncLibrary(nairobi.library, { remote: { url: db } });
    const both = csv([['Grace Akello', 'grace@monitor.example'], ['Peter Okoth', 'peter@nation.example'], ['Joseph Okello', 'joseph@okello.example']]);
    expect(await importFile(nairobi, both)).toMatchObject({ created: 1, refused: 2 });
    expect(await importFile(laptop, both)).toMatchObject({ created: 1, refused: 2 });
  });

  it('joins an office that arrives on a sync file, and travels back on the next one', async () => {
    const nairobi = await library('Nairobi laptop');
    await call(nairobi, 'office.create', { name: 'Nairobi' });
    const laptop = await library('New laptop');
    await eraseHere(laptop, 'Grace Akello', 'grace@monitor.example');
    const there = join(tempDir(), 'nairobi.dateline-sync');
    await job(nairobi, 'sync.export', { out: there, peer: null });
    await job(laptop, 'sync.import', { from: there });
    expect(localRecords(laptop)).toBe(0);

    const back = join(tempDir(), 'laptop.dateline-sync');
    await job(laptop, 'sync.export', { out: back, peer: null });
    await job(nairobi, 'sync.import', { from: back });
    expect(await importFile(nairobi, csv([['Grace A.', 'grace@monitor.example']]))).toMatchObject({ created: 0, refused: 1 });
  });

  it('moves before a sync file is written, for a library whose office was set up before lists moved', async () => {
    const kampala = await library('Kampala laptop');
    await eraseHere(kampala, 'Amina Yusuf', 'amina@omega.example');
    // As an earlier version set up an office: the list stayed on this computer.
    kampala.library.repo.create('office', { name: 'Kampala' });
    expect(localRecords(kampala)).toBe(1);
    const file = join(tempDir(), 'kampala.dateline-sync');
    await job(kampala, 'sync.export', { out: file, peer: null });
    expect(localRecords(kampala)).toBe(0);
    const geneva = await library('Geneva HQ');
    await job(geneva, 'sync.import', { from: file });
    expect(await importFile(geneva, csv([['Amina Yusuf', 'amina@omega.example']]))).toMatchObject({ created: 0, refused: 1 });
  });

  it('joins records as a function of the two, sorted, whatever their order, and joining again changes nothing', () => {
    const [k1, k2, k3] = ['1'.repeat(64), '2'.repeat(64), '3'.repeat(64)];
    const [h1, h2, h3] = ['a'.repeat(64), 'b'.repeat(64), 'c'.repeat(64)];
    expect(joinRecords({}, { privacyKey: k2, suppressed: [h2, h1] })).toEqual({ privacyKey: k2, suppressed: [h1, h2] });
    const office = { privacyKey: k1, suppressed: [h3], suppressedUnder: [{ privacyKey: k3, suppressed: [h3] }] };
    const once = joinRecords(office, { privacyKey: k2, suppressed: [h2, h1] });
    expect(once).toEqual({ suppressedUnder: [{ privacyKey: k2, suppressed: [h1, h2] }, { privacyKey: k3, suppressed: [h3] }] });
    expect(joinRecords({ ...office, ...once }, { privacyKey: k2, suppressed: [h1] })).toEqual(once);
  });
});
