import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';
import { call, core, importFile } from './helpers';

/**
 * A row merging into a contact whose data-protection record has another legal basis: the
 * preview says so, as a difference the person decides (keep the contact's, or take the
 * file's), and neither value is dropped without a word.
 */

function write(name: string, text: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

const CSV = 'Name,E-mail (work),Legal basis,Purpose\r\nOmar Said,omar.said@example.org,legitimate interest,Briefings\r\n';

describe('a different legal basis in a merge', () => {
  it('is shown in the preview as a difference, keeps the contact\'s by default and saying so, and takes the file\'s when the person chooses it', async () => {
    const c = await core();
    const omar = await call<{ id: string }>(c, 'contact.create', {
      name: 'Omar Said',
      emails: [{ type: 'work', address: 'omar.said@example.org' }],
      dataProtection: { legalBasis: 'consent', consentDate: '2024-05-01' },
    });
    const file = write('again.csv', CSV);

    const dry = await importFile(c, file);
    const row = dry.outcomes[0]!;
    expect(row.differences).toEqual([{ field: 'legalBasis', contact: 'consent', file: 'legitimate-interest', kept: 'contact' }]);
    expect(row.notes).toContainEqual({ code: 'LEGAL_BASIS_DIFFERS', params: { contact: 'consent', file: 'legitimate-interest' } });
    expect(row.warnings?.join(' ')).toMatch(/legal basis differs.*"consent".*"legitimate-interest"/);

    // Kept as it is, and said so in the outcome of the commit too.
    const kept = await importFile(c, file, { commit: true });
    expect(kept.outcomes[0]!.differences).toEqual([{ field: 'legalBasis', contact: 'consent', file: 'legitimate-interest', kept: 'contact' }]);
    expect((await call<{ dataProtection: { legalBasis: string } }>(c, 'contact.get', { id: omar.id })).dataProtection).toMatchObject({ legalBasis: 'consent', consentDate: '2024-05-01' });

    // The person takes the file's record: stored, with the contact's do-not-contact standing.
    const taken = await importFile(c, file, { commit: true, decisions: { '2': 'merge-file' } });
    expect(taken).toMatchObject({ merged: 1, unchanged: 0 });
    expect(taken.outcomes[0]!.differences).toEqual([{ field: 'legalBasis', contact: 'consent', file: 'legitimate-interest', kept: 'file' }]);
    const after = await call<{ dataProtection: { legalBasis: string; purpose: string | null } }>(c, 'contact.get', { id: omar.id });
    expect(after.dataProtection).toMatchObject({ legalBasis: 'legitimate-interest', purpose: 'Briefings', doNotContact: false });
  });

  it('shows the same between two rows of one file, and says nothing when the bases agree or one side has none', async () => {
    const c = await core();
    const rows = write('two.csv', [
      'Name,E-mail (work),Legal basis',
      'Aida Bello,aida@radio.example,consent',
      'Aida Bello,aida@radio.example,public task',
      'Peter Okoth,peter@nation.example,consent',
      'Peter Okoth,peter@nation.example,consent',
      'Grace Akello,grace@monitor.example,',
      'Grace Akello,grace@monitor.example,contract',
      '',
    ].join('\r\n'));
    const r = await importFile(c, rows);
    expect(r.outcomes.map((o) => [o.row, o.action, o.differences ?? null])).toEqual([
      [2, 'create', null],
      [3, 'merge', [{ field: 'legalBasis', contact: 'consent', file: 'public-task', kept: 'contact' }]],
      [4, 'create', null],
      [5, 'merge', null],
      [6, 'create', null],
      [7, 'merge', null],
    ]);
  });

  it('reads a vCard\'s legal basis the same way', async () => {
    const c = await core();
    await call(c, 'contact.create', { name: 'Omar Said', emails: [{ type: 'work', address: 'omar.said@example.org' }], dataProtection: { legalBasis: 'consent' } });
    const card = ['BEGIN:VCARD', 'VERSION:4.0', 'FN:Omar Said', 'EMAIL:omar.said@example.org', 'X-DATELINE-LEGAL-BASIS:contract', 'END:VCARD', ''].join('\r\n');
    const r = await importFile(c, write('omar.vcf', card));
    expect(r.outcomes[0]).toMatchObject({ action: 'unchanged', differences: [{ field: 'legalBasis', contact: 'consent', file: 'contract', kept: 'contact' }] });
  });
});
