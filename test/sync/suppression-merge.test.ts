import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { CouchPeer } from '../../electron/core/sync/couch-peer';
import { syncLibrary } from '../../electron/core/sync/library-sync';
import { replicate } from '../../electron/core/sync/replicate';
import { settleConflicts } from '../../electron/core/sync/session';
import { StorePeer } from '../../electron/core/sync/store-peer';
import type { ConflictCase } from '../../electron/shared/conflicts/contract';
import type { ContactImportReport } from '../../electron/shared/contacts/bulk-contract';
import { job, library } from '../core-harness';
import { tempDir } from '../helpers';
import { useCouchWithProxy } from './couch-server';
import { couchState } from './couch-state';
import { call, libraryState } from './library-state';

/**
 * Devices of one office that erase different people before they sync each add to the office's
 * suppression record. Sync joins the records (every hash under the key it was made with, the
 * smallest key the office's from then on): no case for the conflicts inbox, the same revision
 * on every device, and no erased person imported again anywhere.
 */

const couch = useCouchWithProxy();

const PEOPLE = {
  amina: ['Amina Yusuf', 'amina@omega.example'],
  joseph: ['Joseph Okello', '+256 772 100 200'],
  grace: ['Grace Akello', 'grace@monitor.example'],
  peter: ['Peter Okoth', '+254 712 345 678'],
} as const;

interface OfficeRecord {
  rev: string;
  privacyKey?: string;
  suppressed?: string[];
  suppressedUnder?: { privacyKey: string; suppressed: string[] }[];
}

/** An office set up on the first device and synced to the others, none of which has erased anyone yet. */
async function office(...authors: string[]): Promise<{ db: string; id: string; devices: Core[] }> {
  const { direct: db } = await couch.freshDb();
  const devices = await Promise.all(authors.map((a) => library(a)));
  const id = (await call<{ id: string }>(devices[0]!, 'office.create', { name: 'Kampala' })).id;
  for (const d of devices) await syncLibrary(d.library, { remote: { url: db } });
  return { db, id, devices };
}

async function erase(c: Core, who: keyof typeof PEOPLE): Promise<void> {
  const [name, address] = PEOPLE[who];
  const contact = address.includes('@') ? { emails: [{ type: 'work', address }] } : { phones: [{ type: 'work', number: address }] };
  const { id } = await call<{ id: string }>(c, 'contact.create', { name, ...contact });
  await call(c, 'contact.erase', { id });
}

/** A dry run importing every person erased in these tests and one who never was. */
function reimport(c: Core): Promise<ContactImportReport> {
  const path = join(tempDir(), 'media.csv');
  const rows = Object.values(PEOPLE).map(([name, address]) => (address.includes('@') ? `${name},${address},` : `${name},,${address}`));
  writeFileSync(path, ['Name,E-mail (work),Phone (work)', ...rows, 'Sarah Nabirye,sarah@observer.example,', ''].join('\r\n'));
  return job<ContactImportReport>(c, 'contact.importFile', { path });
}

/** This library's documents sent to the server as they are, without a pull first (as a sync that ran at the same time as another's does). */
async function pushOnly(c: Core, db: string): Promise<void> {
  const server = new CouchPeer({ url: db });
  await server.open(false);
  await replicate(new StorePeer(c.library.replication), server);
}

async function expectOneRecord(devices: Core[], id: string): Promise<OfficeRecord> {
  const records = await Promise.all(devices.map((d) => call<OfficeRecord>(d, 'office.get', { id })));
  const states = devices.map((d) => libraryState(d)[id]);
  // One live branch: every other ended by a merge.
  for (const d of devices) expect(d.library.docs.revisions(id).filter((r) => r.leaf && !r.deleted)).toHaveLength(1);
  for (const s of states.slice(1)) expect(s).toEqual(states[0]);
  for (const r of records.slice(1)) expect(r).toEqual(records[0]);
  for (const d of devices) expect(await call<ConflictCase[]>(d, 'conflict.list', {})).toEqual([]);
  return records[0]!;
}

describe("the office's suppression record, added to on several devices before they sync", () => {
  it('joins two devices\' erases with no conflict: one revision on both, and neither person imported again on either', async () => {
    const { db, id, devices } = await office('Kampala laptop', 'Gulu laptop');
    const [kampala, gulu] = devices as [Core, Core];
    // Neither has a key yet: each erase makes one of its own.
    await erase(kampala, 'amina');
    await erase(gulu, 'joseph');
    const keys = await Promise.all(devices.map(async (d) => (await call<OfficeRecord>(d, 'office.get', { id })).privacyKey!));
    expect(keys[0]).not.toBe(keys[1]);

    const summaries = [];
    for (const d of [kampala, gulu, kampala]) summaries.push(await syncLibrary(d.library, { remote: { url: db } }));
    for (const s of summaries) expect(s.conflicts).toEqual([]);
    expect(summaries[1]!.merged).toBe(1);

    const record = await expectOneRecord(devices, id);
    // The smallest key is the office's from now on; the other's list stays under its own key.
    const [smallest, other] = [...keys].sort();
    expect(record.privacyKey).toBe(smallest);
    expect(record.suppressed).toHaveLength(1);
    expect(record.suppressedUnder).toEqual([{ privacyKey: other, suppressed: expect.any(Array) }]);
    for (const d of devices) expect(await reimport(d)).toMatchObject({ created: 3, refused: 2 });

    // A later erase anywhere uses the office's key, and the next sync needs no merge.
    await erase(kampala, 'grace');
    expect((await call<OfficeRecord>(kampala, 'office.get', { id })).privacyKey).toBe(smallest);
    await syncLibrary(kampala.library, { remote: { url: db } });
    expect((await syncLibrary(gulu.library, { remote: { url: db } })).merged).toBe(0);
    for (const d of devices) expect(await reimport(d)).toMatchObject({ created: 2, refused: 3 });
  });

  it('joins three devices\' erases, also when two pushed at the same time and the third receives three versions at once', async () => {
    const { db, id, devices } = await office('Kampala laptop', 'Gulu laptop', 'Geneva HQ');
    const [kampala, gulu, geneva] = devices as [Core, Core, Core];
    // The office has a key already, shared by all three: their lists still differ.
    await erase(kampala, 'amina');
    for (const d of devices) await syncLibrary(d.library, { remote: { url: db } });
    await erase(gulu, 'joseph');
    await erase(geneva, 'grace');
    await erase(kampala, 'peter');
    await pushOnly(kampala, db);
    await pushOnly(gulu, db);
    expect((await couchState(db))[id]!.leaves).toHaveLength(2);

    const third = await syncLibrary(geneva.library, { remote: { url: db } });
    expect(third).toMatchObject({ conflicts: [], merged: 1 });
    for (const d of [kampala, gulu]) expect((await syncLibrary(d.library, { remote: { url: db } })).conflicts).toEqual([]);
    const record = await expectOneRecord(devices, id);
    expect(record.suppressedUnder).toBeUndefined();
    expect(record.suppressed).toHaveLength(4);
    for (const d of devices) expect(await reimport(d)).toMatchObject({ created: 1, refused: 4 });
  });

  it('joins the record when a person settles a conflict on the office\'s other fields, whichever side they pick', async () => {
    const { db, id, devices } = await office('Kampala laptop', 'Gulu laptop');
    const [kampala, gulu] = devices as [Core, Core];
    for (const [d, name] of [[kampala, 'Kampala office'], [gulu, 'Gulu office']] as const) {
      const { rev } = await call<OfficeRecord>(d, 'office.get', { id });
      await call(d, 'office.update', { id, rev, fields: { name } });
    }
    await erase(kampala, 'amina');
    await erase(gulu, 'joseph');
    for (const d of [kampala, gulu]) await syncLibrary(d.library, { remote: { url: db } });
    // The name is for a person to decide; the record is not.
    const [kase] = await call<ConflictCase[]>(gulu, 'conflict.list', { docId: id });
    expect(kase).toMatchObject({ kind: 'fields', fields: ['name'] });
    await call(gulu, 'conflict.resolve', { id: kase!.id, choice: { kind: 'fields', take: { name: 'theirs' } } });
    for (const d of [gulu, kampala]) await syncLibrary(d.library, { remote: { url: db } });
    await expectOneRecord(devices, id);
    for (const d of devices) expect(await reimport(d)).toMatchObject({ created: 3, refused: 2 });
  });

  it('makes the same merge on each device that makes it, and making it again changes nothing', async () => {
    const { id, devices } = await office('Kampala laptop', 'Gulu laptop');
    const [kampala, gulu] = devices as [Core, Core];
    await erase(kampala, 'amina');
    await erase(gulu, 'joseph');
    const files = await Promise.all(
      devices.map(async (d, i) => {
        const out = join(tempDir(), `device-${i}.dateline-sync`);
        await job(d, 'sync.export', { out, peer: null });
        return out;
      }),
    );
    // Each merges the other's version on its own, from the sync file.
    await job(kampala, 'sync.import', { from: files[1] });
    await job(gulu, 'sync.import', { from: files[0] });
    expect(libraryState(kampala)[id]).toEqual(libraryState(gulu)[id]);
    const merged = libraryState(kampala);

    // The same files again, and the same merge planned again: nothing new.
    await job(kampala, 'sync.import', { from: files[1] });
    expect(settleConflicts(kampala.library.replication, [id])).toEqual({ merged: 0, conflicts: [] });
    expect(libraryState(kampala)).toEqual(merged);
    await expectOneRecord(devices, id);
    for (const d of devices) expect(await reimport(d)).toMatchObject({ created: 3, refused: 2 });
  });
});
