import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/run';
import type { ContactImportReport } from '../../electron/shared/contacts/bulk-contract';
import { tempDir } from '../helpers';
import { fixture } from './helpers';

/**
 * The command line walked with the files field offices have: a French Excel sheet saved as
 * "CSV (séparateur: point-virgule)" in Windows-1252, a Spanish Google Contacts export and an
 * iPhone's vCards with a photo, then a semicolon export read back.
 */
describe('dateline contacts, with the files people have', () => {
  it('imports them, lists each person with where they work, and reads its own semicolon export back unchanged', async () => {
    const lib = tempDir();
    const mapping = join(tempDir(), 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ Nom: 'familyName', Prénom: 'givenName', Média: 'outlet', Fonction: 'role', Téléphone: 'phone:work', Portable: 'phone:mobile', 'E-mail': 'email:work', Remarques: 'notes' }));
    const fr = await cli(['contacts', 'import', fixture('fr-excel-pointvirgule-1252.csv'), '--mapping', mapping, '--library', lib]);
    expect(fr.out).toContain('(windows-1252, ";"-separated, columns from the mapping): 4 rows');
    expect(fr.out).toMatch(/row 6\s+refused\s+Gaëlle Dubois: row 6, column "Téléphone": "01 45 67 89 0x" is not a phone number/);
    expect(fr.out).toContain('3 created, 0 merged, 1 refused, 0 skipped; 1 blank row skipped');
    const es = JSON.parse((await cli(['contacts', 'import', fixture('google-es.csv'), '--json', '--library', lib])).out) as ContactImportReport;
    expect(es).toMatchObject({ headerSet: 'google', created: 3, refused: 0 });
    const vcf = JSON.parse((await cli(['contacts', 'import', fixture('iphone-export.vcf'), '--json', '--library', lib])).out) as ContactImportReport;
    expect(vcf).toMatchObject({ format: 'vcard', created: 3, refused: 0 });
    const thandiwe = JSON.parse((await cli(['contacts', 'show', vcf.outcomes[0]!.id!, '--json', '--library', lib])).out) as { photo: string | null; phones: { type: string; number: string }[] };
    expect(thandiwe.photo).toMatch(/^att-/);
    expect(thandiwe.phones).toEqual([expect.objectContaining({ type: 'mobile', number: '+27 82 555 0101' }), expect.objectContaining({ type: 'work', number: '+27 11 555 0199' })]);

    // A journalist with an outlet and no organisation typed is listed with the outlet, as on the contacts screen.
    const list = (await cli(['contacts', 'list', '--library', lib])).out;
    expect(list).toContain('Hélène Lefèvre  (Le Quotidien d’Abidjan)');
    expect(list).toContain('Lucía Fernández López  (El País)');
    expect(list).toContain('9 contacts');

    const out = join(tempDir(), 'presse.csv');
    await cli(['contacts', 'export', '--format', 'csv', '--separator', 'semicolon', '--out', out, '--library', lib]);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFF"Name";"Kind";')).toBe(true);
    expect(text).toContain('"Hélène Lefèvre";"journalist";"Journaliste santé";"";"Le Quotidien d’Abidjan"');
    const again = await cli(['contacts', 'import', out, '--dry-run', '--library', lib]);
    expect(again.out).toContain('(utf-8, ";"-separated, dateline columns): 9 rows');
    expect(again.out).toContain('0 to create, 0 to merge, 0 refused, 0 skipped; 9 already in the library, unchanged.');
  });
});
