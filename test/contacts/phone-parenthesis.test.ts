import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PHONE_PATTERN, phoneProblem } from '../../electron/shared/documents';
import { tempDir } from '../helpers';
import { allContacts, call, core, fail, importFile } from './helpers';

/**
 * A number written with its area code in brackets, "(601) 555 0101" (a Bogotá landline) or
 * "(022) 917 12 34", is a phone number: the form, a CSV row and a vCard take it, and it is put
 * in E.164 from the office's country as any national number is. A refused number is said by
 * what is wrong with it.
 */

function write(name: string, text: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

describe('a phone number opening with a bracket', () => {
  it('is a phone number; text with no digits, letters or a + inside still are not, each said by what is wrong', () => {
    for (const ok of ['(601) 555 0101', '(022) 917 12 34', '+(41) 22 917 12 34', '(0)20 7946 0000 ext. 12']) {
      expect(PHONE_PATTERN.test(ok), ok).toBe(true);
      expect(phoneProblem(ok), ok).toBeNull();
    }
    expect(phoneProblem('(--)')).toMatchObject({ code: 'noDigits' });
    expect(phoneProblem('(601) CALL')).toMatchObject({ code: 'character', char: 'C' });
    expect(phoneProblem('601 + 555')).toMatchObject({ code: 'plusInside' });
    expect(phoneProblem(')601 555')).toMatchObject({ code: 'start', char: ')' });
    expect(phoneProblem('(601) 555-')).toMatchObject({ code: 'end', char: '-' });
    expect(phoneProblem('12')).toMatchObject({ code: 'tooShort' });
  });

  it('is taken by the contact form and stored in E.164 from the office\'s country', async () => {
    const c = await core();
    const bogota = await call<{ id: string }>(c, 'office.create', { name: 'Bogotá', country: 'CO' });
    const made = await call<{ id: string }>(c, 'contact.create', { name: 'Lucía Arbeláez', office: bogota.id, phones: [{ type: 'work', number: '(601) 555 0101' }] });
    expect((await call<{ phones: { number: string }[] }>(c, 'contact.get', { id: made.id })).phones.map((p) => p.number)).toEqual(['+576015550101']);
    const refused = await fail(c, 'contact.create', { name: 'Lucía Arbeláez', phones: [{ type: 'work', number: '(601) CALL' }] });
    expect(refused.message).toContain('holds "C"');
  });

  it('is read from a CSV row and a vCard, and a refused one says what is wrong', async () => {
    const c = await core();
    const geneva = await call<{ id: string }>(c, 'office.create', { name: 'Geneva', country: 'CH' });
    const csv = ['Name,Phone (work)', 'Anselm Rieder,(022) 917 12 34', 'Berit Sol,(022) nine one seven'].join('\r\n');
    const r = await importFile(c, write('people.csv', csv), { commit: true, office: geneva.id });
    expect(r).toMatchObject({ created: 1, refused: 1 });
    const refusal = r.outcomes.find((o) => o.action === 'refuse')!;
    expect(refusal.reason).toBe('row 3, column "Phone (work)": "(022) nine one seven" is not a phone number: it holds "n", which is not part of a phone number (digits, spaces and + ( ) - . / only, and an extension written "ext. 12" or "x12")');
    expect(refusal.why).toMatchObject({ code: 'BAD_PHONE', params: { problem: 'character', char: 'n' } });
    const vcf = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Cosima Vert', 'TEL;TYPE=work:(022) 733 11 22', 'END:VCARD', ''].join('\r\n');
    await importFile(c, write('card.vcf', vcf), { commit: true, office: geneva.id });
    const phones = Object.fromEntries((await allContacts(c)).map((p) => [p.name, p.phones.map((x) => x.number)]));
    expect(phones).toEqual({ 'Anselm Rieder': ['+41229171234'], 'Cosima Vert': ['+41227331122'] });
  });

  it('is stored without its opening bracket where no country reads it, so versions that refuse a bracket first still read the contact', async () => {
    const c = await core();
    const made = await call<{ id: string }>(c, 'contact.create', { name: 'Lucía Arbeláez', phones: [{ type: 'work', number: '(601) 555 0101' }, { type: 'mobile', number: '(0)20 7946 0000' }] });
    const numbers = (await call<{ phones: { number: string }[] }>(c, 'contact.get', { id: made.id })).phones.map((p) => p.number);
    expect(numbers).toEqual(['601 555 0101', '0 20 7946 0000']);
    const before = /^[+\p{Nd}][\p{Nd} ().\-/]*\p{Nd}(\s*(ext\.?|x)\s*\p{Nd}+)?$/iu;
    for (const n of numbers) expect(before.test(n), n).toBe(true);
    const csv = ['Name,Phone (work)', 'Anselm Rieder,(022) 917 12 34'].join('\r\n');
    await importFile(c, write('people.csv', csv), { commit: true });
    const anselm = (await allContacts(c)).find((p) => p.name === 'Anselm Rieder')!;
    expect(anselm.phones.map((p) => p.number)).toEqual(['022 917 12 34']);
    // A release's media contact, stored with the release, the same way.
    const text = 'Water reaches Kasese\n\nKAMPALA, 30 November 2026 – The organisation today completed twelve boreholes in Kasese district, bringing clean water to 40,000 people.\n\nMedia contact: Jane Akello, jane.akello@example.org, (041) 555 0101\n';
    const source = { name: 'kasese.txt', data: Buffer.from(text).toString('base64') };
    const preview = await call<{ release: Record<string, unknown>; contacts: Record<string, unknown>[] }>(c, 'import.preview', source);
    // The review lets the person write the number as they know it.
    await call(c, 'import.commit', { release: preview.release, contacts: preview.contacts.map(({ match: _match, ...x }) => ({ ...x, phone: '(041) 555 0101' })), source });
    const jane = (await allContacts(c)).find((p) => p.name === 'Jane Akello')!;
    expect(jane.phones.map((p) => p.number)).toEqual(['041 555 0101']);
  });
});
