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
    expect(csv.text.split('\r\n')[1]).toBe(['Amina Yusuf', 'journalist', '', '', 'Radio Omega', 'health', '', '', '', '', '', 'amina@omega.example', '', '', '', '', '', '', '', '', '', '', '', '', ''].map((v) => `"${v}"`).join(','));
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
  });
});
