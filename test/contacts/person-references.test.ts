import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { EraseResult, MergeResult } from '../../electron/shared/contacts/person-contract';
import { mergeContactFields } from '../../electron/shared/contacts/merge';
import { DOC_SCHEMA_VERSION } from '../../electron/shared/documents';
import type { KitPreview } from '../../electron/shared/kits/contract';
import { markdownToRichText } from '../../electron/core/markdown';
import { call, core } from './helpers';

/**
 * What a merge and an erase leave behind them: the survivor's whole outlet history, offices
 * whose default press contacts named the person, and releases and kits a newer Dateline wrote.
 */

const stint = (outlet: string, role: string | null, from: string | null, to: string | null) => ({ outlet, role, from, to });

describe('a merge keeps both outlet histories', () => {
  it('joins the two histories newest first, a stint both records hold once, and the outlet the duplicate left on top', async () => {
    const c = await core();
    const outlet = async (name: string) => (await call<{ id: string }>(c, 'outlet.create', { name })).id;
    const [omega, savane, sidwaya, horizon, lobs] = [await outlet('Radio Omega'), await outlet('Savane FM'), await outlet('Sidwaya'), await outlet('Horizon FM'), await outlet("L'Observateur")];
    const a = await call<{ id: string }>(c, 'contact.create', {
      name: 'Amelie Kabore',
      outlet: omega,
      outletHistory: [stint(sidwaya, 'Reporter', '2019-01-01', '2022-06-30'), stint(lobs, 'Intern', '2012-09-01', '2014-06-30')],
    });
    const b = await call<{ id: string }>(c, 'contact.create', {
      name: 'Amélie Kaboré',
      outlet: savane,
      outletHistory: [stint(sidwaya, 'Reporter', '2019-01-01', '2022-06-30'), stint(horizon, 'Producer', '2015-03-01', '2018-12-31')],
    });
    await call<MergeResult>(c, 'contact.merge', { survivor: a.id, other: b.id });
    const kept = await call<{ outlet: string; outletHistory: unknown[] }>(c, 'contact.get', { id: a.id });
    expect(kept.outlet).toBe(omega);
    expect(kept.outletHistory).toEqual([
      stint(savane, null, null, null),
      stint(sidwaya, 'Reporter', '2019-01-01', '2022-06-30'),
      stint(horizon, 'Producer', '2015-03-01', '2018-12-31'),
      stint(lobs, 'Intern', '2012-09-01', '2014-06-30'),
    ]);
    // Each outlet's people still include her, through the survivor.
    const named = await call<{ contacts: { id: string }[] }>(c, 'outlet.references', { id: horizon });
    expect(named.contacts.map((x) => x.id)).toEqual([a.id]);
  });

  it('mergeContactFields: a stint only dated on one record is that dated one; a role missing on one record is taken from the other', () => {
    const kept = { outletHistory: [stint('out-a', null, '2020-01-01', '2021-01-01'), stint('out-b', null, null, null)] };
    const other = { outletHistory: [stint('out-c', 'Editor', '2021-02-01', '2023-05-01'), stint('out-a', 'Reporter', '2020-01-01', '2021-01-01'), stint('out-b', 'Stringer', '2016-01-01', '2017-01-01')] };
    expect(mergeContactFields(kept, other).outletHistory).toEqual([
      stint('out-c', 'Editor', '2021-02-01', '2023-05-01'),
      stint('out-a', 'Reporter', '2020-01-01', '2021-01-01'),
      stint('out-b', 'Stringer', '2016-01-01', '2017-01-01'),
    ]);
    expect(mergeContactFields({ name: 'x' }, { name: 'y' })).not.toHaveProperty('outletHistory');
  });
});

/** Two spokespeople of one person, the office that names the duplicate as its press contact, and a kit that names no one. */
async function officeNamingDuplicate(c: Core) {
  const a = await call<{ id: string }>(c, 'contact.create', { kind: 'spokesperson', name: 'Ana Duarte', emails: [{ type: 'work', address: 'ana.duarte@hq.example' }] });
  const b = await call<{ id: string }>(c, 'contact.create', { kind: 'spokesperson', name: 'Ana Duarte Silva', phones: [{ type: 'mobile', number: '+41 79 555 01 02' }] });
  const luis = await call<{ id: string }>(c, 'contact.create', { kind: 'spokesperson', name: 'Luis Herrera' });
  const office = await call<{ id: string }>(c, 'office.create', { name: 'Geneva Headquarters', contacts: [b.id, luis.id] });
  const kit = await call<{ id: string }>(c, 'kit.create', { title: 'Winter 2026', office: office.id, items: [] });
  return { a: a.id, b: b.id, luis: luis.id, office: office.id, kit: kit.id };
}

describe("an office's default press contacts", () => {
  it('name the survivor after a merge: the kit prints her, and the office saves', async () => {
    const c = await core();
    const x = await officeNamingDuplicate(c);
    const r = await call<MergeResult>(c, 'contact.merge', { survivor: x.a, other: x.b });
    expect(r).toMatchObject({ officesChanged: 1 });
    expect((await call<{ contacts: string[] }>(c, 'office.get', { id: x.office })).contacts).toEqual([x.a, x.luis]);
    const preview = await call<KitPreview>(c, 'kit.preview', { id: x.kit });
    expect(preview.warnings.map((w) => w.code)).toEqual([]);
    expect(preview.html).toContain('ana.duarte@hq.example');
    expect(preview.html).toContain('+41 79 555 01 02');
    await call(c, 'office.update', { id: x.office, rev: null, fields: { footer: 'Geneva Headquarters · press@hq.example' } });
  });

  it('name the survivor once when the office named both records', async () => {
    const c = await core();
    const x = await officeNamingDuplicate(c);
    await call(c, 'office.update', { id: x.office, rev: null, fields: { contacts: [x.a, x.b, x.luis] } });
    await call<MergeResult>(c, 'contact.merge', { survivor: x.a, other: x.b });
    expect((await call<{ contacts: string[] }>(c, 'office.get', { id: x.office })).contacts).toEqual([x.a, x.luis]);
  });

  it('leave out a duplicate merged into a journalist: an office names only spokespeople', async () => {
    const c = await core();
    const x = await officeNamingDuplicate(c);
    const journalist = await call<{ id: string }>(c, 'contact.create', { kind: 'journalist', name: 'Ana D.' });
    await call<MergeResult>(c, 'contact.merge', { survivor: journalist.id, other: x.b });
    expect((await call<{ contacts: string[] }>(c, 'office.get', { id: x.office })).contacts).toEqual([x.luis]);
    await call(c, 'office.update', { id: x.office, rev: null, fields: { footer: 'Geneva' } });
  });

  it('no longer name an erased person: the kit prints the others, and the office saves', async () => {
    const c = await core();
    const x = await officeNamingDuplicate(c);
    const r = await call<EraseResult>(c, 'contact.erase', { id: x.b });
    expect(r).toMatchObject({ officesChanged: 1 });
    expect((await call<{ contacts: string[] }>(c, 'office.get', { id: x.office })).contacts).toEqual([x.luis]);
    const preview = await call<KitPreview>(c, 'kit.preview', { id: x.kit });
    expect(preview.warnings.map((w) => w.code)).toEqual([]);
    expect(preview.html).toContain('Luis Herrera');
    await call(c, 'office.update', { id: x.office, rev: null, fields: { footer: 'Geneva' } });
  });
});

const rev1 = (seed: string) => `1-${createHash('md5').update(seed).digest('hex')}`;

/** Stores a document as a later Dateline (document version 2) wrote it, arrived by sync. */
function fromNewerApp(c: Core, id: string, body: Record<string, unknown>): string {
  const rev = rev1(id);
  const r = c.library.replication.bulkInsertRemote([{ ...body, schema: DOC_SCHEMA_VERSION + 1, _id: id, _rev: rev, _revisions: { start: 1, ids: [rev.slice(2)] } }]);
  expect(r.denied).toEqual([]);
  return rev;
}

/** A release, a kit and an office written by a newer Dateline, each naming `id` beside what this version does not know. */
function newerDocsNaming(c: Core, id: string, other: string) {
  const richBody = markdownToRichText('Twelve boreholes.');
  fromNewerApp(c, 'rel-newer', {
    type: 'release',
    headline: 'Clean water reaches 40,000 people in Kasese',
    language: 'en',
    releaseDate: '2026-11-30',
    body: richBody,
    contacts: [id, other],
    factCheck: { by: 'hq', state: 'passed' },
    updatedAt: '2026-11-20T09:00:00.000Z',
    updatedBy: 'nairobi',
  });
  fromNewerApp(c, 'kit-newer', {
    type: 'kit',
    title: 'Kasese kit',
    items: [
      { kind: 'contact', id, note: 'on site until Friday' },
      { kind: 'map', id: 'att-map', zoom: 7 },
    ],
    updatedAt: '2026-11-20T09:00:00.000Z',
    updatedBy: 'nairobi',
  });
  fromNewerApp(c, 'off-newer', { type: 'office', name: 'Nairobi', contacts: [id], pressLine: '+254 700 000 000', updatedAt: '2026-11-20T09:00:00.000Z', updatedBy: 'nairobi' });
  return { richBody };
}

/** The stored body of a document's winner, as the store keeps it. */
const stored = (c: Core, id: string) => c.library.docs.getStored(id)!;

describe('releases, kits and offices a newer Dateline wrote', () => {
  it('no longer name an erased person: only the reference goes, every other field and value and the version mark stay', async () => {
    const c = await core();
    const lina = await call<{ id: string }>(c, 'contact.create', { kind: 'spokesperson', name: 'Lina Haddad', emails: [{ type: 'work', address: 'lina.haddad@example.org' }] });
    const omar = await call<{ id: string }>(c, 'contact.create', { kind: 'spokesperson', name: 'Omar Saleh' });
    const { richBody } = newerDocsNaming(c, lina.id, omar.id);
    const before = { rel: stored(c, 'rel-newer').body, kit: stored(c, 'kit-newer').body, off: stored(c, 'off-newer').body };

    const r = await call<EraseResult>(c, 'contact.erase', { id: lina.id });
    expect(r).toMatchObject({ releasesChanged: 1, kitsChanged: 1, officesChanged: 1 });
    expect(stored(c, 'rel-newer').body).toEqual({ ...before.rel, contacts: [omar.id] });
    expect(stored(c, 'rel-newer').body).toMatchObject({ schema: 2, factCheck: { by: 'hq', state: 'passed' }, body: richBody });
    expect(stored(c, 'kit-newer').body).toEqual({ ...before.kit, items: [{ kind: 'map', id: 'att-map', zoom: 7 }] });
    // The office also keeps the erased person's keyed hashes (it is the library's only office).
    expect(stored(c, 'off-newer').body).toEqual({ ...before.off, contacts: [], privacyKey: expect.any(String), suppressed: expect.any(Array) });
    // Still read-only here: the version rule holds for people's edits.
    expect((await c.dispatch('release.update', { id: 'rel-newer', rev: null, fields: { headline: 'x' } }, { transport: 'test' })).ok).toBe(false);
  });

  it('name the survivor after a merge, with every other field and value kept', async () => {
    const c = await core();
    const a = await call<{ id: string }>(c, 'contact.create', { kind: 'spokesperson', name: 'Lina Haddad' });
    const b = await call<{ id: string }>(c, 'contact.create', { kind: 'spokesperson', name: 'Lina Hadad' });
    newerDocsNaming(c, b.id, a.id);
    const r = await call<MergeResult>(c, 'contact.merge', { survivor: a.id, other: b.id });
    expect(r).toMatchObject({ releasesChanged: 1, kitsChanged: 1, officesChanged: 1 });
    expect(stored(c, 'rel-newer').body.contacts).toEqual([a.id]);
    expect(stored(c, 'kit-newer').body.items).toEqual([
      { kind: 'contact', id: a.id, note: 'on site until Friday' },
      { kind: 'map', id: 'att-map', zoom: 7 },
    ]);
    expect(stored(c, 'off-newer').body.contacts).toEqual([a.id]);
    expect(stored(c, 'kit-newer').body.schema).toBe(2);
  });
});
