import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContactExportText } from '../../electron/shared/contacts/bulk-contract';
import { damageRevision } from '../damage';
import { tempDir } from '../helpers';
import { call, core, fail } from './helpers';

/** Contacts out as CSV and vCard, read from the typed documents. */
describe('contact export', () => {
  it('writes each contact from its typed document, and a damaged one is the coded error naming it, with no file left behind', async () => {
    const c = await core();
    const outlet = await call<{ id: string }>(c, 'outlet.create', { name: 'Radio Omega' });
    const a = await call<{ id: string }>(c, 'contact.create', { name: 'Amina Yusuf', outlet: outlet.id, beats: ['health'], emails: [{ type: 'work', address: 'amina@omega.example' }] });
    const b = await call<{ id: string }>(c, 'contact.create', { name: 'Peter Okoth', countries: ['KE'] });
    const csv = await call<ContactExportText>(c, 'contact.export', { format: 'csv' });
    expect(csv.count).toBe(2);
    expect(csv.text.split('\r\n')[1]).toBe(['Amina Yusuf', 'journalist', '', '', 'Radio Omega', 'health', '', '', '', '', '', 'amina@omega.example', '', '', '', '', '', '', '', '', '', '', '', '', '', '', ''].map((v) => `"${v}"`).join(','));
    const vcf = await call<ContactExportText>(c, 'contact.export', { format: 'vcf', ids: [b.id] });
    expect(vcf.text).toContain('FN:Peter Okoth\r\nX-DATELINE-KIND:journalist\r\nX-DATELINE-COUNTRIES:KE\r\n');

    damageRevision(c.library.db, a.id, '$.emails', '[{"type":"work","address":42}]');
    const e = await fail(c, 'contact.export', { format: 'vcf' });
    expect(e).toMatchObject({ code: 'INVALID_INPUT', path: ['emails', 0, 'address'], params: { type: 'contact', id: a.id, field: 'emails.0.address' } });
    expect(e.message).toMatch(new RegExp(`^The contact "${a.id}" cannot be read: emails\\.0\\.address: `));
    const dir = tempDir();
    expect((await fail(c, 'contact.exportFile', { format: 'csv', out: join(dir, 'contacts.csv') })).params).toMatchObject({ id: a.id });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a folder as the file to write, naming it and suggesting a file in it, and writes nothing beside it', async () => {
    const c = await core();
    await call(c, 'contact.create', { name: 'Peter Okoth' });
    const parent = tempDir();
    const folder = join(parent, 'exports');
    mkdirSync(folder);
    const e = await fail(c, 'contact.exportFile', { format: 'csv', out: folder });
    expect(e).toMatchObject({ code: 'NOT_A_FILE', message: `${folder} is a folder; give a file name, such as ${join(folder, 'contacts.csv')}.` });
    expect(readdirSync(parent)).toEqual(['exports']);
    expect(readdirSync(folder)).toEqual([]);
    // The file suggested for a list's export is named after the list.
    await call(c, 'contact.create', { name: 'Amani Bisimwa', lists: ['Journalistes Goma'] });
    const listed = await fail(c, 'contact.exportFile', { format: 'vcf', list: 'Journalistes Goma', out: folder });
    expect(listed.message).toBe(`${folder} is a folder; give a file name, such as ${join(folder, 'Journalistes Goma.vcf')}.`);
  });

  it('names the file after the segment, the list or the search it came from, made safe, and "contacts" for every contact', async () => {
    const c = await core();
    await call(c, 'contact.create', { name: 'Amani Bisimwa', lists: ['Journalistes Goma', 'صحفيو غزة'], emails: [{ type: 'work', address: 'amani@radio.example' }] });
    const named = async (input: Record<string, unknown>) => (await call<ContactExportText>(c, 'contact.export', { format: 'csv', ...input })).fileName;
    expect(await named({})).toBe('contacts.csv');
    expect(await named({ beat: 'health' })).toBe('contacts.csv');
    expect(await named({ list: 'Journalistes Goma' })).toBe('Journalistes Goma.csv');
    expect(await named({ list: 'صحفيو غزة' })).toBe('صحفيو غزة.csv');
    expect(await named({ query: ' radio okapi ' })).toBe('radio okapi.csv');
    expect(await named({ list: 'Journalistes Goma', query: 'radio' })).toBe('Journalistes Goma – radio.csv');
    // A saved segment's name comes first; what a file system refuses in a name is replaced, and a version number is not taken for the extension.
    expect(await named({ list: 'Journalistes Goma', title: 'Goma: radios 1/2' })).toBe('Goma - radios 1-2.csv');
    expect(await named({ list: 'Liste v1.2' })).toBe('Liste v1.2.csv');
    expect((await call<ContactExportText>(c, 'contact.export', { format: 'vcf', list: 'Journalistes Goma' })).fileName).toBe('Journalistes Goma.vcf');
    // A long search is cut, the extension kept.
    const long = await named({ query: 'a'.repeat(300) });
    expect([...long].length).toBeLessThanOrEqual(80);
    expect(long.endsWith('.csv')).toBe(true);
  });
});
