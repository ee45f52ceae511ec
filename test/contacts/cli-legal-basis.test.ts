import { describe, expect, it } from 'vitest';
import { cli } from '../cli/run';
import { openCore } from '../../electron/core/index';
import type { ContactImportReport } from '../../electron/shared/contacts/bulk-contract';
import { tempDir } from '../helpers';
import { call, fixture } from './helpers';

/**
 * `dateline contacts import --take-file-legal-basis`: the command line's way to take the file's
 * data-protection record where a row states another legal basis than the contact it merges into
 * (the import screen's "Merge, taking the file's legal basis", for every such row). Without it
 * the contact's record is kept, and the row says so.
 */

type Record = { legalBasis: string | null; purpose: string | null; consentDate: string | null } | undefined;

/** Each contact's name and data-protection record, read from the library the CLI wrote. */
async function records(lib: string): Promise<Map<string, Record>> {
  const core = await openCore(lib);
  try {
    const page = await call<{ items: { id: string; name: string }[] }>(core, 'contact.list', {});
    const out = new Map<string, Record>();
    for (const c of page.items) out.set(c.name, (await call<{ dataProtection?: Record }>(core, 'contact.get', { id: c.id })).dataProtection);
    return out;
  } finally {
    core.close();
  }
}

describe('dateline contacts import --take-file-legal-basis', () => {
  it("stores the file's record where the legal basis differs, and only there; without it the contact's is kept", async () => {
    const lib = tempDir();
    expect((await cli(['contacts', 'import', fixture('press-list-2025.csv'), '--library', lib])).out).toContain('Stored in one go: 3 created');

    // Without the option: the difference is said, and the contact's record kept.
    const dry = await cli(['contacts', 'import', fixture('press-list-2026.csv'), '--dry-run', '--library', lib]);
    expect(dry.out).toContain('note: legal basis differs: "consent" on the contact, "public-task" in the file; the contact\'s record is kept (the import screen, or --take-file-legal-basis on the command line, takes the file\'s instead)');
    expect(dry.out).toContain("1 legal basis differing from the contact's (the contact's kept)");

    // With it, in a dry run first: the same rows, Omar's now taking the file's record.
    const dryTaking = await cli(['contacts', 'import', fixture('press-list-2026.csv'), '--dry-run', '--take-file-legal-basis', '--library', lib]);
    expect(dryTaking.out).toMatch(/row 2\s+would merge\s+Omar Said into Omar Said \(con-[^)]+\): same e-mail or phone/);
    expect(dryTaking.out).toContain('note: legal basis differs: "consent" on the contact, "public-task" in the file; the file\'s record is stored, as chosen');
    expect(dryTaking.out).toContain('Nothing stored (--dry-run): 0 to create, 2 to merge, 0 refused, 0 skipped; 1 already in the library, unchanged; 1 legal basis taken from the file.');
    expect((await records(lib)).get('Omar Said')).toMatchObject({ legalBasis: 'consent', purpose: 'Press releases' });

    const taken = await cli(['contacts', 'import', fixture('press-list-2026.csv'), '--take-file-legal-basis', '--json', '--library', lib]);
    expect(taken.err).toBe('');
    const report = JSON.parse(taken.out) as ContactImportReport;
    expect(report).toMatchObject({ committed: true, created: 0, merged: 2, unchanged: 1 });
    expect(report.outcomes.map((o) => [o.row, o.action, o.differences ?? null])).toEqual([
      [2, 'merge', [{ field: 'legalBasis', contact: 'consent', file: 'public-task', kept: 'file' }]],
      [3, 'unchanged', null],
      [4, 'merge', null],
    ]);
    const after = await records(lib);
    // Omar: the file's record. Aida: the same legal basis, so her own record stands (purpose and all).
    // Peter had none, so the file's is stored as on any import.
    expect(after.get('Omar Said')).toMatchObject({ legalBasis: 'public-task', purpose: 'Briefings' });
    expect(after.get('Aida Bello')).toMatchObject({ legalBasis: 'consent', purpose: 'Press releases', consentDate: '2025-03-01' });
    expect(after.get('Peter Okoth')).toMatchObject({ legalBasis: 'legitimate-interest', purpose: 'Briefings' });
  });

  it('is in the help of contacts import', async () => {
    const help = await cli(['--help']);
    expect(help.out + help.err).toMatch(/contacts import FILE .*\[--take-file-legal-basis\]/);
    expect(help.out + help.err).toContain("--take-file-legal-basis: where a row merging into a contact states");
  });
});
