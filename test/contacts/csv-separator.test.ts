import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContactExportText, ContactImportReport } from '../../electron/shared/contacts/bulk-contract';
import { csvLine, csvSeparatorFor } from '../../electron/shared/csv-cell';
import { captionsCsv } from '../../electron/core/kits/bundle-text';
import { refusedRowsCsv, refusedSeparator } from '../../electron/shared/contacts/refused-csv';
import { cli } from '../cli/run';
import { tempDir } from '../helpers';
import { call, core, importFile, type ContactDoc } from './helpers';

/**
 * Every CSV Dateline writes (a contacts export, a kit's captions.csv, the refused rows of an
 * import) is UTF-8 with a byte-order mark and separated as the reader's Excel expects: a
 * semicolon in French and Spanish, a comma in English and Arabic, or as the person chose.
 */

const PEOPLE = [
  {
    name: 'Amélie Kaboré',
    kind: 'journalist',
    role: 'Rédactrice en chef; économie',
    organisation: 'Société Radio-Canada',
    beats: ['santé', 'eau'],
    languages: ['fr', 'en'],
    countries: ['BF', 'FR'],
    tags: ['Ouagadougou, secteur 15'],
    lists: ['Journalistes Goma', 'Presse écrite'],
    emails: [
      { type: 'work', address: 'amelie.kabore@radio.example' },
      { type: 'personal', address: 'amelie@mail.example', visibility: 'internal' },
    ],
    phones: [
      { type: 'work', number: '+33 1 42 68 53 00' },
      { type: 'mobile', number: '+226 70 11 22 33', visibility: 'press-only' },
    ],
    socialHandles: [{ network: 'X', handle: '@amelie_k' }],
    notes: 'Appeler avant 10 h; « pas le lundi », dit-elle.\nDeuxième ligne, avec "guillemets".',
    dataProtection: { legalBasis: 'consent', purpose: 'Communiqués santé', consentDate: '2025-03-01', consentSource: 'Formulaire; salon', doNotContact: false, lastVerified: '2025-09-30' },
  },
  { name: 'José Núñez', kind: 'spokesperson', role: '=1+1', organisation: '@SUM(A1)', phones: [{ type: 'mobile', number: '+34 612 34 56 78' }] },
  { name: 'ليلى حداد', organisation: 'النهار', emails: [{ type: 'work', address: 'layla@annahar.example' }], phones: [{ type: 'work', number: '+961 1 234 567' }] },
];

/** What a contact holds that a CSV carries, in a form two libraries can compare. */
function carried(c: ContactDoc & Record<string, unknown>): Record<string, unknown> {
  const { id: _id, rev: _rev, office: _office, outlet: _outlet, updatedAt: _u, createdAt: _c, ...rest } = c as Record<string, unknown>;
  return JSON.parse(JSON.stringify(rest, (k, v: unknown) => (k === '_rev' || k === 'rev' || k === 'updatedAt' || k === 'createdAt' || k === 'updatedBy' || k === 'createdBy' ? undefined : v))) as Record<string, unknown>;
}

async function libraryWithPeople() {
  const c = await core();
  const ids: string[] = [];
  for (const p of PEOPLE) ids.push((await call<{ id: string }>(c, 'contact.create', p)).id);
  return { c, ids };
}

describe('CSV separators', () => {
  it('chooses the separator by the reader’s language: a semicolon for French and Spanish Excel, a comma for English and Arabic', () => {
    expect(['fr', 'fr-BE', 'es', 'es-419', 'en', 'en-GB', 'ar', 'ar-EG'].map(csvSeparatorFor)).toEqual([';', ';', ';', ';', ',', ',', ',', ',']);
    // A separator inside a cell stays in its cell, and a formula is still neutralised.
    expect(csvLine(['a;b', '=HYPERLINK("http://x")', '+33 1 42 68 53 00'], ';')).toBe('"a;b";"\'=HYPERLINK(""http://x"")";"+33 1 42 68 53 00"\r\n');
  });

  it('exports contacts with semicolons and a byte-order mark, and reads its own export back with nothing lost, whichever the separator', async () => {
    const { c, ids } = await libraryWithPeople();
    for (const separator of [';', ','] as const) {
      const out = await call<ContactExportText>(c, 'contact.export', { format: 'csv', separator });
      expect(out.text.startsWith('\uFEFF"Name"' + separator + '"Kind"')).toBe(true);
      // Formulas are still neutralised with either separator.
      expect(out.text).toContain(`"'=1+1"`);
      expect(out.text).toContain(`"'@SUM(A1)"`);
      const path = join(tempDir(), `contacts-${separator === ';' ? 'semicolon' : 'comma'}.csv`);
      writeFileSync(path, out.text, 'utf8');
      const other = await core();
      const report: ContactImportReport = await importFile(other, path, { commit: true });
      expect(report).toMatchObject({ separator, headerSet: 'dateline', created: 3, refused: 0 });
      for (const [i, id] of ids.entries()) {
        const before = await call<ContactDoc & Record<string, unknown>>(c, 'contact.get', { id });
        const after = await call<ContactDoc & Record<string, unknown>>(other, 'contact.get', { id: report.outcomes[i]!.id! });
        expect(carried(after), `${PEOPLE[i]!.name}, "${separator}"`).toEqual(carried(before));
      }
    }
  });

  it('writes the file on disk the same way, from the command line with --separator, and refuses a separator it does not write', async () => {
    const lib = tempDir();
    const c = await core(lib);
    await call(c, 'contact.create', PEOPLE[0]);
    c.close();
    const out = join(tempDir(), 'contacts.csv');
    const r = await cli(['contacts', 'export', '--format', 'csv', '--separator', 'semicolon', '--out', out, '--library', lib]);
    expect(r.err).toBe('');
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, row] = bytes.toString('utf8').slice(1).split('\r\n');
    expect(header!.split('";"').length).toBeGreaterThan(20);
    expect(row!.startsWith('"Amélie Kaboré";"journalist";"Rédactrice en chef; économie";"Société Radio-Canada"')).toBe(true);
    const bad = await cli(['contacts', 'export', '--format', 'csv', '--separator', 'tab', '--out', out, '--library', lib]);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('--separator comma or --separator semicolon');
  });

  it('separates a kit’s captions.csv as the kit’s language reads it', () => {
    const rows = [{ file: 'photos/puits.jpg', caption: 'Un puits, à Kaya; 2025', credit: '© Amélie Kaboré', altText: null, usageRights: '=cmd', usageExpires: '2026-01-01' }];
    const fr = captionsCsv(rows, 'fr');
    expect(fr).toBe('\uFEFF"file";"caption";"credit";"alt text";"usage rights";"usage expires"\r\n"photos/puits.jpg";"Un puits, à Kaya; 2025";"© Amélie Kaboré";"";"\'=cmd";"2026-01-01"\r\n');
    expect(captionsCsv(rows, 'es').split('\r\n')[0]).toContain('";"');
    expect(captionsCsv(rows, 'en').split('\r\n')[0]).toBe('\uFEFF"file","caption","credit","alt text","usage rights","usage expires"');
    expect(captionsCsv(rows, 'ar').split('\r\n')[0]).toContain('","');
  });

  it('writes the refused rows of an import with the separator the file came with', () => {
    const outcomes = [{ row: 2, action: 'refuse' as const, name: 'X', reason: 'bad', cells: ['X', 'x@'] }];
    const text = refusedRowsCsv(['Nom', 'Courriel'], outcomes, (o) => o.reason ?? '', 'Raison', refusedSeparator(';', 'en'));
    expect(text).toBe('\uFEFF"Nom";"Courriel";"Raison"\r\n"X";"x@";"bad"\r\n');
    expect(refusedSeparator('\t', 'es')).toBe(';');
    expect(refusedSeparator('\t', 'en')).toBe(',');
  });
});
