import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContactSummary, Page } from '../../electron/shared/contract';
import type { ContactFacets, Segment } from '../../electron/shared/contacts/organise-contract';
import type { PersonExport } from '../../electron/shared/contacts/person-contract';
import type { KitPreview } from '../../electron/shared/kits/contract';
import { tempDir } from '../helpers';
import { call, core, fail } from './helpers';
import { openCore } from '../../electron/core/index';
import { damageLocal } from '../damage';

/** Outlets, the editors' rules, filters and segments, private notes and do-not-contact, on a real library file. */

async function library() {
  const dir = tempDir();
  const c = await openCore(dir, { author: 'amina' });
  return { c, dir, close: () => c.close() };
}

const names = (p: Page<ContactSummary>) => p.items.map((i) => i.name);

describe('outlets and a journalist who moves', () => {
  it('keeps the outlet left behind in outletHistory and refuses to delete an outlet a contact names', async () => {
    const c = await core();
    const nation = await call<{ id: string }>(c, 'outlet.create', { name: 'Daily Nation', kind: 'newspaper', countries: ['KE'], languages: ['en'], website: 'https://nation.example' });
    const citizen = await call<{ id: string }>(c, 'outlet.create', { name: 'Citizen TV', kind: 'tv' });
    const p = await call<{ id: string; rev: string }>(c, 'contact.create', { name: 'Peter Okoth', role: 'Health reporter', outlet: nation.id });
    await call(c, 'contact.update', { id: p.id, rev: p.rev, fields: { outlet: citizen.id, role: 'Editor' } });
    const moved = await call<{ outlet: string; role: string; outletHistory: unknown[]; updatedAt: string }>(c, 'contact.get', { id: p.id });
    expect(moved.outlet).toBe(citizen.id);
    expect(moved.outletHistory).toEqual([{ outlet: nation.id, role: 'Health reporter', from: null, to: moved.updatedAt.slice(0, 10) }]);
    // Saving again without a move adds nothing.
    await call(c, 'contact.update', { id: p.id, rev: null, fields: { role: 'Senior editor' } });
    expect((await call<{ outletHistory: unknown[] }>(c, 'contact.get', { id: p.id })).outletHistory).toHaveLength(1);

    const list = await call<Page<{ name: string; kind: string }>>(c, 'outlet.list', { limit: 10 });
    expect(list.items.map((o) => [o.name, o.kind])).toEqual([['Citizen TV', 'tv'], ['Daily Nation', 'newspaper']]);
    expect((await call<{ contacts: { name: string }[] }>(c, 'outlet.references', { id: nation.id })).contacts.map((x) => x.name)).toEqual(['Peter Okoth']);
    const refused = await fail(c, 'outlet.delete', { id: nation.id, rev: null });
    expect(refused).toMatchObject({ code: 'FORBIDDEN', params: { contacts: 1 } });
    expect(refused.message).toContain('Peter Okoth');
    expect((await call<{ name: string }>(c, 'outlet.get', { id: nation.id })).name).toBe('Daily Nation');

    const unused = await call<{ id: string; rev: string }>(c, 'outlet.create', { name: 'Radio Maisha' });
    await call(c, 'outlet.delete', { id: unused.id, rev: unused.rev });
    expect((await fail(c, 'outlet.get', { id: unused.id })).code).toBe('NOT_FOUND');
  });
});

describe('phones from the office’s country', () => {
  it('writes national numbers in E.164, keeps one given with its "+" as grouped, and keeps what it cannot read as typed', async () => {
    const c = await core();
    const office = await call<{ id: string }>(c, 'office.create', { name: 'Geneva', country: 'CH', beats: ['health', 'migration'] });
    const a = await call<{ id: string }>(c, 'contact.create', {
      name: 'Anne Rochat',
      office: office.id,
      phones: [
        { type: 'mobile', number: '079 123 45 67' },
        { type: 'work', number: '+254 20 123 4567' },
        { type: 'work', number: '00254 20 123 4567' },
        { type: 'work', number: '022 917 12 34 ext. 5' },
      ],
    });
    const got = await call<{ phones: { number: string }[] }>(c, 'contact.get', { id: a.id });
    expect(got.phones.map((p) => p.number)).toEqual(['+41791234567', '+254 20 123 4567', '+254201234567', '022 917 12 34 ext. 5']);
    // No office, no country: a national number stays as typed.
    const b = await call<{ id: string }>(c, 'contact.create', { name: 'Ben', phones: [{ type: 'mobile', number: '079 123 45 67' }] });
    expect((await call<{ phones: { number: string }[] }>(c, 'contact.get', { id: b.id })).phones[0]!.number).toBe('079 123 45 67');
    await call(c, 'contact.update', { id: b.id, rev: null, fields: { office: office.id } });
    expect((await call<{ phones: { number: string }[] }>(c, 'contact.get', { id: b.id })).phones[0]!.number).toBe('+41791234567');
  });
});

describe('filters, sorting, segments and export of a selection', () => {
  it('narrows the list by beat, country, language, outlet, list and text, and exports the same selection', async () => {
    const c = await core();
    const office = await call<{ id: string }>(c, 'office.create', { name: 'Nairobi', country: 'KE', beats: ['health', 'drought'] });
    const nation = await call<{ id: string }>(c, 'outlet.create', { name: 'Daily Nation' });
    await call(c, 'contact.create', { name: 'Peter Okoth', office: office.id, outlet: nation.id, beats: ['health'], countries: ['KE'], languages: ['en', 'sw'], lists: ['Launch'], tags: ['radio-friendly'], regions: ['East Africa'] });
    await call(c, 'contact.create', { name: 'Amina Yusuf', beats: ['drought', 'health'], countries: ['SO'], languages: ['so'], socialHandles: [{ network: 'X', handle: '@amina' }] });
    await call(c, 'contact.create', { name: 'Carlos Ruiz', beats: ['migration'], countries: ['CO'], languages: ['es'], lists: ['Launch'] });

    const list = (f: Record<string, unknown>) => call<Page<ContactSummary>>(c, 'contact.list', { limit: 50, ...f });
    expect(names(await list({ beat: 'health' }))).toEqual(['Amina Yusuf', 'Peter Okoth']);
    expect(names(await list({ country: 'CO' }))).toEqual(['Carlos Ruiz']);
    expect(names(await list({ language: 'sw' }))).toEqual(['Peter Okoth']);
    expect(names(await list({ outlet: nation.id }))).toEqual(['Peter Okoth']);
    expect(names(await list({ list: 'Launch' }))).toEqual(['Carlos Ruiz', 'Peter Okoth']);
    expect(names(await list({ list: 'Launch', beat: 'health', query: 'okoth' }))).toEqual(['Peter Okoth']);
    expect((await list({ beat: 'health' })).total).toBe(2);
    expect(names(await list({ sort: 'updated' }))).toEqual(['Carlos Ruiz', 'Amina Yusuf', 'Peter Okoth']);
    expect((await fail(c, 'contact.list', { limit: 5, country: 'Kenya' })).path).toEqual(['country']);

    const facets = await call<ContactFacets>(c, 'contact.facets', {});
    expect(facets).toEqual({
      beats: ['drought', 'health', 'migration'],
      officeBeats: ['drought', 'health'],
      tags: ['radio-friendly'],
      regions: ['East Africa'],
      lists: ['Launch'],
      countries: ['CO', 'KE', 'SO'],
      languages: ['en', 'es', 'so', 'sw'],
    });

    const saved = await call<Segment[]>(c, 'segment.save', { name: 'Health in Kenya', filter: { beat: 'health', country: 'KE' } });
    expect(saved).toEqual([{ name: 'Health in Kenya', filter: { beat: 'health', country: 'KE' } }]);
    await call(c, 'segment.save', { name: 'Colombia', filter: { country: 'CO' } });
    expect((await call<Segment[]>(c, 'segment.list', {})).map((s) => s.name)).toEqual(['Colombia', 'Health in Kenya']);
    expect(await call<Segment[]>(c, 'segment.delete', { name: 'Colombia' })).toHaveLength(1);
    expect((await fail(c, 'segment.delete', { name: 'Colombia' })).code).toBe('NOT_FOUND');

    const csv = await call<{ text: string; count: number }>(c, 'contact.export', { format: 'csv', ...saved[0]!.filter });
    expect(csv.count).toBe(1);
    expect(csv.text).toContain('Peter Okoth');
    expect(csv.text).not.toContain('Amina');
    const vcf = await call<{ text: string; count: number }>(c, 'contact.export', { format: 'vcf', list: 'Launch' });
    expect(vcf.text.match(/^FN:.*$/gm)).toEqual(['FN:Carlos Ruiz', 'FN:Peter Okoth']);
  });
});

describe('data protection', () => {
  it('shows a contact not verified within the office’s period as outdated, and leaves do-not-contact people out of kits', async () => {
    const c = await core();
    const office = await call<{ id: string }>(c, 'office.create', { name: 'Bogotá', outdatedAfterMonths: 12 });
    await call(c, 'contact.create', { name: 'Old Friend', office: office.id, dataProtection: { legalBasis: 'consent', consentDate: '2020-01-05', lastVerified: '2020-02-01' } });
    await call(c, 'contact.create', { name: 'New Friend', office: office.id, dataProtection: { legalBasis: 'legitimate-interest', lastVerified: new Date().toISOString().slice(0, 10) } });
    const page = await call<Page<ContactSummary>>(c, 'contact.list', { limit: 10 });
    expect(page.items.map((i) => [i.name, i.outdated])).toEqual([['New Friend', false], ['Old Friend', true]]);

    const quiet = await call<{ id: string }>(c, 'contact.create', { name: 'Lucía Gómez', kind: 'spokesperson', emails: [{ address: 'lucia@example.org' }], dataProtection: { doNotContact: true } });
    const speaker = await call<{ id: string }>(c, 'contact.create', { name: 'Ana Restrepo', kind: 'spokesperson', emails: [{ address: 'ana@example.org' }] });
    const kit = await call<{ id: string }>(c, 'kit.create', { title: 'Floods', items: [{ kind: 'contact', id: quiet.id }, { kind: 'contact', id: speaker.id }] });
    const preview = await call<KitPreview>(c, 'kit.preview', { id: kit.id });
    expect(preview.html).toContain('ana@example.org');
    expect(preview.html).not.toContain('lucia@example.org');
    expect(preview.warnings).toContainEqual(expect.objectContaining({ code: 'KIT_DO_NOT_CONTACT', params: { name: 'Lucía Gómez' } }));
    expect((await call<Page<ContactSummary>>(c, 'contact.list', { limit: 10, query: 'Lucía' })).items[0]!.doNotContact).toBe(true);
  });
});

describe('private notes', () => {
  it('stay on this computer: never a revision or a change, in the person’s export, gone with an erase, joined on a merge', async () => {
    const { c, dir, close } = await library();
    try {
      const a = await call<{ id: string }>(c, 'contact.create', { name: 'Peter Okoth', emails: [{ address: 'peter@nation.example' }] });
      const b = await call<{ id: string }>(c, 'contact.create', { name: 'P. Okoth' });
      const before = await call<{ lastSeq: number }>(c, 'library.changes', { since: 0 });
      expect(await call(c, 'contact.setPrivateNote', { id: a.id, text: '  Prefers WhatsApp after 6 pm  ' })).toEqual({ id: a.id, text: 'Prefers WhatsApp after 6 pm' });
      await call(c, 'contact.setPrivateNote', { id: b.id, text: 'Met at the Kisumu launch' });
      expect((await call<{ lastSeq: number }>(c, 'library.changes', { since: 0 })).lastSeq).toBe(before.lastSeq);
      expect((await call<PersonExport>(c, 'contact.exportPerson', { id: a.id })).privateNote).toBe('Prefers WhatsApp after 6 pm');

      await call(c, 'contact.merge', { survivor: a.id, other: b.id });
      expect(await call(c, 'contact.privateNote', { id: a.id })).toEqual({ id: a.id, text: 'Prefers WhatsApp after 6 pm\n\nMet at the Kisumu launch' });

      const raw = () => {
        const db = new Database(join(dir, 'library.sqlite'), { readonly: true });
        try {
          return {
            revs: (db.prepare('SELECT body FROM revs WHERE body IS NOT NULL').pluck().all() as string[]).join('\n'),
            local: (db.prepare('SELECT body FROM local_docs').pluck().all() as string[]).join('\n'),
          };
        } finally {
          db.close();
        }
      };
      expect(raw().revs).not.toContain('WhatsApp');
      expect(raw().local).toContain('WhatsApp');
      await call(c, 'contact.erase', { id: a.id });
      expect(raw().local).not.toContain('WhatsApp');
      expect(raw().local).not.toContain('Kisumu');
      expect((await fail(c, 'contact.setPrivateNote', { id: 'con-missing', text: 'x' })).code).toBe('NOT_FOUND');
    } finally {
      close();
    }
  });
});

describe('saved segments and private notes damaged outside Dateline', () => {
  it('say which record and field cannot be read, and saving does not write over the segments kept', async () => {
    const c = await core();
    await call(c, 'segment.save', { name: 'Colombia', filter: { country: 'CO' } });
    damageLocal(c.library.db, 'contact-segments', '{"segments":[{"name":"Colombia","filter":{"country":7}}]}');
    const listed = await fail(c, 'segment.list', {});
    expect(listed).toMatchObject({ code: 'INVALID_INPUT', path: ['segments', 0, 'filter', 'country'], params: { type: 'saved segments', id: 'contact-segments', field: 'segments.0.filter.country' } });
    expect(listed.message).toMatch(/^The saved segments "contact-segments" cannot be read: segments\.0\.filter\.country: /);
    expect((await fail(c, 'segment.save', { name: 'Kenya', filter: { country: 'KE' } })).code).toBe('INVALID_INPUT');
    expect(c.library.db.prepare('SELECT body FROM local_docs WHERE id = ?').pluck().get('contact-segments')).toContain('"country":7');

    const a = await call<{ id: string }>(c, 'contact.create', { name: 'Grace Wanjiru' });
    await call(c, 'contact.setPrivateNote', { id: a.id, text: 'Prefers calls' });
    damageLocal(c.library.db, `contact-note:${a.id}`, '{"text":');
    expect(await fail(c, 'contact.privateNote', { id: a.id })).toMatchObject({
      code: 'INVALID_INPUT',
      message: `The private note "contact-note:${a.id}" cannot be read: its text is not JSON`,
    });
  });
});
