import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';
import { allContacts, call, core, importFile, jobFails } from './helpers';

/** Phones read from a file are put in E.164 exactly as typed ones are: from the import's office, or the library's only one. */

const CSV = [
  'Name,E-mail (work),Phone (mobile),Phone (work)',
  'Grace Akello,grace@monitor.example,0712 345 678,+254 20 123 4567',
  'Omar Haddad,omar@nation.example,00254 733 000 111,44 55',
  'Wanjiru Kamau,wanjiru@nation.example,12 34,',
].join('\r\n');

const VCF = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Nour Khatib', 'EMAIL;TYPE=work:nour@radio.example', 'TEL;TYPE=cell:0799 888 777', 'END:VCARD', ''].join('\r\n');

function write(name: string, text: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

const phonesOf = async (c: Awaited<ReturnType<typeof core>>) => Object.fromEntries((await allContacts(c)).map((p) => [p.name, p.phones.map((x) => x.number)]));

describe('phones in an import', () => {
  it('puts national numbers in E.164 from the chosen office\'s country, keeps numbers with "+" and those it cannot read, and gives the contacts the office', async () => {
    const c = await core();
    const kenya = await call<{ id: string }>(c, 'office.create', { name: 'Nairobi', country: 'KE' });
    await call(c, 'office.create', { name: 'Geneva', country: 'CH' });
    const r = await importFile(c, write('media.csv', CSV), { commit: true, office: kenya.id });
    expect(r).toMatchObject({ created: 3, refused: 0 });
    expect(await phonesOf(c)).toEqual({
      'Grace Akello': ['+254712345678', '+254 20 123 4567'],
      'Omar Haddad': ['+254733000111', '44 55'],
      'Wanjiru Kamau': ['12 34'],
    });
    expect((await allContacts(c)).map((p) => (p as unknown as { office: string | null }).office)).toEqual([kenya.id, kenya.id, kenya.id]);
  });

  it('uses the library\'s only office for the country when none is chosen (the contacts keep no office), and reads vCards the same way', async () => {
    const c = await core();
    await call(c, 'office.create', { name: 'Nairobi', country: 'KE' });
    await importFile(c, write('phone.vcf', VCF), { commit: true });
    await importFile(c, write('media.csv', CSV), { commit: true });
    const phones = await phonesOf(c);
    expect(phones['Nour Khatib']).toEqual(['+254799888777']);
    expect(phones['Grace Akello']).toEqual(['+254712345678', '+254 20 123 4567']);
    expect((await allContacts(c)).every((p) => (p as unknown as { office: string | null }).office === null)).toBe(true);
  });

  it('finds a typed contact again by its normalised number, and keeps national numbers as typed when the office has no country', async () => {
    const c = await core();
    const office = await call<{ id: string }>(c, 'office.create', { name: 'Nairobi', country: 'KE' });
    await call(c, 'contact.create', { name: 'Grace Akello', office: office.id, phones: [{ type: 'mobile', number: '0712345678' }] });
    const again = await importFile(c, write('again.csv', 'Name,Phone (mobile)\r\nG. Akello,0712 345 678\r\n'), { office: office.id });
    expect(again.outcomes[0]).toMatchObject({ action: 'unchanged', into: { name: 'Grace Akello' } });

    const plain = await core();
    await call(plain, 'office.create', { name: 'Somewhere' });
    await importFile(plain, write('media.csv', CSV), { commit: true });
    expect((await phonesOf(plain))['Grace Akello']).toEqual(['0712 345 678', '+254 20 123 4567']);
  });

  it('refuses an office that is not one, and names the column of a field too long', async () => {
    const c = await core();
    const missing = await jobFails(c, 'contact.importFile', { path: write('media.csv', CSV), office: 'off-00000000-0000-4000-8000-000000000000' });
    expect(missing.code).toBe('NOT_FOUND');
    const long = await importFile(c, write('long.csv', `Name,Role\r\nGrace,${'x'.repeat(400)}\r\n`));
    expect(long.outcomes[0]).toMatchObject({ action: 'refuse', column: 'Role', why: { code: 'TOO_LONG', params: { column: 'Role', length: 400, limit: 300 } } });
    expect(long.outcomes[0]!.reason).toBe(`row 2, column "Role": the role is 400 characters long; it can hold at most 300 characters ("${'x'.repeat(40)}…")`);
  });
});
