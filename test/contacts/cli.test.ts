import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/run';
import type { ContactImportReport } from '../../electron/shared/contacts/bulk-contract';
import { tempDir } from '../helpers';
import { fixture } from './helpers';

describe('dateline contacts', () => {
  it('imports an Outlook export as a new user would: a dry run listing what would be created, merged and refused, then the import', async () => {
    const lib = tempDir();
    const dry = await cli(['contacts', 'import', fixture('outlook-fr-1252.csv'), '--dry-run', '--library', lib]);
    expect(dry.err).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('(windows-1252, ","-separated, outlook-fr columns): 4 rows');
    expect(dry.out).toMatch(/row 2\s+would create\s+Amélie Kaboré/);
    expect(dry.out).toMatch(/row 4\s+refused\s+Hélène Dubois: row 4, column "Adresse de messagerie": "helene.dubois@" is not an e-mail address/);
    expect(dry.out).toMatch(/row 5\s+would merge\s+Amélie Kaboré into Amélie Kaboré \(row 2\): same e-mail or phone/);
    expect(dry.out).toContain('Nothing stored (--dry-run): 2 to create, 1 to merge, 1 refused, 0 skipped.');
    expect((await cli(['contacts', 'list', '--library', lib])).out).toContain('No contacts yet');

    const real = await cli(['contacts', 'import', fixture('outlook-fr-1252.csv'), '--json', '--library', lib]);
    const report = JSON.parse(real.out) as ContactImportReport;
    expect(report).toMatchObject({ committed: true, created: 2, merged: 1, refused: 1 });
    const list = await cli(['contacts', 'list', '--library', lib]);
    expect(list.out).toContain('Amélie Kaboré  (Radio Omega)');
    expect(list.out).toContain('2 contacts');
    const id = report.outcomes.find((o) => o.row === 3)!.id!;
    const shown = JSON.parse((await cli(['contacts', 'show', id, '--json', '--library', lib])).out) as { name: string };
    expect(shown.name).toBe('François Ndiaye');

    // The same file again: nothing to add, said as such, and nothing stored.
    const again = await cli(['contacts', 'import', fixture('outlook-fr-1252.csv'), '--dry-run', '--library', lib]);
    expect(again.out).toMatch(/row 2\s+unchanged\s+Amélie Kaboré: already in the library as Amélie Kaboré \(con-[^)]+\), nothing to add/);
    expect(again.out).toContain('Nothing stored (--dry-run): 0 to create, 0 to merge, 1 refused, 0 skipped; 3 already in the library, unchanged.');
    const second = await cli(['contacts', 'import', fixture('outlook-fr-1252.csv'), '--library', lib]);
    expect(second.out).toContain('Nothing to store: 0 created, 0 merged, 1 refused, 0 skipped; 3 already in the library, unchanged.');
    const json = JSON.parse((await cli(['contacts', 'import', fixture('outlook-fr-1252.csv'), '--json', '--library', lib])).out) as ContactImportReport;
    expect(json).toMatchObject({ created: 0, merged: 0, unchanged: 3, refused: 1 });
    expect(json.outcomes.filter((o) => o.action === 'unchanged').map((o) => o.row)).toEqual([2, 3, 5]);
  });

  it('refuses headers it does not know, listing them and a mapping to start from; --mapping and --encoding read the file', async () => {
    const lib = tempDir();
    const r = await cli(['contacts', 'import', fixture('excel-ar-1256.csv'), '--library', lib]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('error INVALID_INPUT:');
    expect(r.err).toContain('"الاسم", "المؤسسة", "البريد الإلكتروني", "الهاتف", "ملاحظات"');
    const ok = await cli(['contacts', 'import', fixture('excel-ar-1256.csv'), '--mapping', fixture('excel-ar-mapping.json'), '--encoding', 'cp1256', '--library', lib]);
    expect(ok.err).toBe('');
    expect(ok.out).toContain('Stored in one go: 2 created, 1 merged, 0 refused, 0 skipped.');
    const wrong = await cli(['contacts', 'import', fixture('excel-ar-1256.csv'), '--encoding', 'klingon', '--library', lib]);
    expect(wrong).toMatchObject({ code: 2 });
    expect(wrong.err).toContain('--encoding "klingon" is not one Dateline reads');
    const mappingFile = join(tempDir(), 'mapping.json');
    writeFileSync(mappingFile, JSON.stringify({ 'الاسم': 'name', 'المؤسسة': 'employer' }));
    const badMapping = await cli(['contacts', 'import', fixture('excel-ar-1256.csv'), '--mapping', mappingFile, '--library', lib]);
    expect(badMapping.code).toBe(1);
    expect(badMapping.err).toMatch(new RegExp(`^error INVALID_INPUT: ${mappingFile.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: المؤسسة: Invalid option`));
    const folder = tempDir();
    const mappingFolder = await cli(['contacts', 'import', fixture('excel-ar-1256.csv'), '--mapping', folder, '--library', lib]);
    expect([mappingFolder.code, mappingFolder.err]).toEqual([1, `error FILE_UNREADABLE: Cannot read ${folder}: it is a folder.\n`]);
  });

  it('exports CSV and vCard files that read back, and a search narrows the export', async () => {
    const lib = tempDir();
    expect((await cli(['contacts', 'import', fixture('google.csv'), '--library', lib])).code).toBe(0);
    // A filter that matches no one says so; "no contacts yet" would send the person to import them again.
    expect((await cli(['contacts', 'list', '--beat', 'Sport', '--library', lib])).out).toBe('No contact matches these filters (2 contacts in the library).\n');
    const out = join(tempDir(), 'media.csv');
    const r = await cli(['contacts', 'export', '--format', 'csv', '--out', out, '--library', lib]);
    expect(r.out).toContain(`2 contacts written to ${out}`);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFF"Name","Kind","Role"')).toBe(true);
    expect(text).toContain('"Grace Akello","journalist","Health correspondent","Daily Monitor"');
    const vcf = join(tempDir(), 'media.vcf');
    await cli(['contacts', 'export', '--format', 'vcf', '--out', vcf, '--query', 'ramirez', '--library', lib]);
    const cards = readFileSync(vcf, 'utf8');
    expect(cards.match(/BEGIN:VCARD/g)).toHaveLength(1);
    expect(cards).toContain('FN:José Ramírez');
    // Read back, the one card is counted as one.
    expect((await cli(['contacts', 'import', vcf, '--library', tempDir()])).out).toContain('(vCard, utf-8): 1 card\n');
    // A static list, by name.
    const grace = JSON.parse((await cli(['contacts', 'list', '--query', 'akello', '--json', '--library', lib])).out) as { items: { id: string }[] };
    const { openCore } = await import('../../electron/core/index');
    const core = await openCore(lib, { author: 'test' });
    const upd = await core.dispatch('contact.update', { id: grace.items[0]!.id, rev: null, fields: { lists: ['Health desk'] } }, { transport: 'test' });
    core.close();
    expect(upd.ok).toBe(true);
    const listed = join(tempDir(), 'health.csv');
    expect((await cli(['contacts', 'export', '--format', 'csv', '--out', listed, '--list', 'Health desk', '--library', lib])).out).toContain('1 contact written');
    expect(readFileSync(listed, 'utf8')).toContain('Grace Akello');
    expect(readFileSync(listed, 'utf8')).not.toContain('José');
    // A list name mistyped is said, with the lists there are, and no empty file is written.
    const typo = join(tempDir(), 'typo.csv');
    const mistyped = await cli(['contacts', 'export', '--format', 'csv', '--out', typo, '--list', 'Health dsk', '--library', lib]);
    expect([mistyped.code, mistyped.err]).toEqual([1, 'error NOT_FOUND: No contact is on a list named "Health dsk"; the lists in use are: "Health desk".\n']);
    expect(existsSync(typo)).toBe(false);
    // Filters as on the contacts screen: by beat and country, for the list and the export.
    const core2 = await openCore(lib, { author: 'test' });
    await core2.dispatch('contact.update', { id: grace.items[0]!.id, rev: null, fields: { beats: ['health'], countries: ['UG'] } }, { transport: 'test' });
    core2.close();
    const byBeat = await cli(['contacts', 'list', '--beat', 'health', '--country', 'UG', '--library', lib]);
    expect(byBeat.out).toMatch(/journalist\s+Grace Akello/);
    expect(byBeat.out).toContain('1 contact');
    expect(byBeat.out).not.toContain('José');
    const bad = await cli(['contacts', 'list', '--country', 'Uganda', '--library', lib]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('country');
  });

  it('names a legal basis that differs from the contact\'s a row merges into, in the dry run and the import', async () => {
    const lib = tempDir();
    const vcf = join(tempDir(), 'omar.vcf');
    writeFileSync(vcf, ['BEGIN:VCARD', 'VERSION:4.0', 'FN:Omar Said', 'EMAIL:omar.said@example.org', 'X-DATELINE-LEGAL-BASIS:consent', 'END:VCARD', ''].join('\r\n'));
    expect((await cli(['contacts', 'import', vcf, '--library', lib])).code).toBe(0);
    const csv = join(tempDir(), 'again.csv');
    writeFileSync(csv, 'Name,E-mail (work),Legal basis\r\nOmar Said,omar.said@example.org,public task\r\n');
    const dry = await cli(['contacts', 'import', csv, '--dry-run', '--library', lib]);
    expect(dry.out).toMatch(/row 2\s+unchanged\s+Omar Said: already in the library/);
    expect(dry.out).toContain('note: legal basis differs: "consent" on the contact, "public-task" in the file; the contact\'s record is kept');
    expect(dry.out).toContain('1 legal basis differing from the contact\'s (the contact\'s kept)');
    const real = await cli(['contacts', 'import', csv, '--library', lib]);
    expect(real.out).toContain('note: legal basis differs: "consent" on the contact, "public-task" in the file');
  });

  it('prints each refused row of an import with its column and reason, says on the last line what became of them, and writes them with --refused', async () => {
    const lib = tempDir();
    const csv = join(tempDir(), 'desk.csv');
    writeFileSync(csv, 'Name,E-mail (work),Phone (work)\r\nNadia Benali,nadia@lequotidien.example,\r\nYann Le Goff,yann(at)ouest.example,\r\nSara Lind,sara@dagbladet.example,ring me\r\n');
    const out = join(tempDir(), 'refused.csv');
    const real = await cli(['contacts', 'import', csv, '--refused', out, '--library', lib]);
    // The import is stored: it exits 0, and says the refused rows were left as they were.
    expect(real.code).toBe(0);
    expect(real.out).toMatch(/row 3\s+refused\s+Yann Le Goff: row 3, column "E-mail \(work\)": "yann\(at\)ouest.example" is not an e-mail address/);
    expect(real.out).toMatch(/row 4\s+refused\s+Sara Lind: row 4, column "Phone \(work\)": /);
    expect(real.out).toContain('Stored in one go: 1 created, 0 merged, 2 refused, 0 skipped. 2 rows refused; nothing else was changed for them.');
    expect(real.out.trimEnd().split('\n').at(-1)).toBe(`2 refused rows written to ${out}, with a Reason column; correct them and import that file again.`);
    const written = readFileSync(out, 'utf8');
    expect(written.startsWith('\uFEFF"Name","E-mail (work)","Phone (work)","Reason"\r\n"Yann Le Goff","yann(at)ouest.example","","row 3, column')).toBe(true);
    expect(written.split('\r\n')).toHaveLength(4);
  });

  it('suggests the columns of a French sheet made by hand, whose mapping then reads it, counting its blank rows apart', async () => {
    const lib = tempDir();
    const csv = join(tempDir(), 'journalistes.csv');
    writeFileSync(csv, 'Nom complet;Courriel;Téléphone;Média;Fonction;Pays\r\nAmélie Kaboré;amelie@savane.example;+226 70 00 00 01;Savane FM;Journaliste;Burkina Faso\r\n;;;;;\r\n\r\nJean Mukendi;jean@okapi.example;+243 81 000 0002;Radio Okapi;Rédacteur en chef;Congo\r\n');
    // Not an export Dateline knows, so it asks for a mapping: the one it suggests sends every column to its field.
    const asked = await cli(['contacts', 'import', csv, '--dry-run', '--library', lib]);
    expect(asked.code).toBe(1);
    const suggested = JSON.parse(asked.err.slice(asked.err.indexOf('{'))) as Record<string, string>;
    expect(suggested).toEqual({ 'Nom complet': 'name', 'Courriel': 'email:work', 'Téléphone': 'phone:work', 'Média': 'outlet', 'Fonction': 'role', 'Pays': 'countries' });
    const mapping = join(tempDir(), 'mapping.json');
    writeFileSync(mapping, JSON.stringify(suggested));
    const dry = await cli(['contacts', 'import', csv, '--dry-run', '--mapping', mapping, '--library', lib]);
    expect(dry.err).toBe('');
    expect(dry.out).toContain('columns from the mapping): 2 rows');
    expect(dry.out).toMatch(/row 2\s+would create\s+Amélie Kaboré/);
    expect(dry.out).toMatch(/row 5\s+would create\s+Jean Mukendi/);
    expect(dry.out).toContain('Nothing stored (--dry-run): 2 to create, 0 to merge, 0 refused, 0 skipped; 2 blank rows skipped.');
    const json = JSON.parse((await cli(['contacts', 'import', csv, '--mapping', mapping, '--json', '--library', lib])).out) as ContactImportReport;
    expect(json).toMatchObject({ created: 2, refused: 0, blank: 2 });
    const amelie = JSON.parse((await cli(['contacts', 'show', json.outcomes[0]!.id!, '--json', '--library', lib])).out) as { name: string; role: string; countries: string[] };
    expect(amelie).toMatchObject({ name: 'Amélie Kaboré', role: 'Journaliste', countries: ['BF'] });
  });

  it('names the columns a dry run leaves out, and the countries it does not recognise', async () => {
    const lib = tempDir();
    const csv = join(tempDir(), 'google.csv');
    writeFileSync(csv, 'Name,E-mail 1 - Value,Address 1 - City,Address 1 - Country\r\nWanjiru Kamau,wanjiru@nation.example,Nairobi,Kenya\r\nPaolo Conte,paolo@gazzetta.example,,Narnia\r\n');
    const dry = await cli(['contacts', 'import', csv, '--dry-run', '--library', lib]);
    expect(dry.out).toContain('  Not imported: Address 1 - City\n');
    expect(dry.out).toContain('note: column "Address 1 - Country": "Narnia" is not a country Dateline recognises');
    const json = JSON.parse((await cli(['contacts', 'import', csv, '--dry-run', '--json', '--library', lib])).out) as ContactImportReport;
    expect(json).toMatchObject({ headerSet: 'google', leftOut: ['Address 1 - City'], created: 2, refused: 0 });
  });
});
