import { describe, expect, it } from 'vitest';
import { isProblem, planColumns, rowName, rowToContact, type RowContact, type RowProblem } from '../../electron/core/contacts/row-to-contact';
import { recogniseHeaders } from '../../electron/shared/contacts/columns';
import { ContactFields } from '../../electron/shared/documents';

/**
 * A row is checked value by value with the contact schema's rules, and the import fills in the
 * rest of the contact itself: what it builds must be exactly what the whole schema would give.
 */

const HEADERS = ['Name', 'Kind', 'Role', 'Organisation', 'Beats', 'Languages', 'Countries', 'Tags', 'Lists', 'E-mail (work)', 'E-mail (personal)', 'Phone (mobile)', 'Notes'];
const plan = planColumns(HEADERS, recogniseHeaders(HEADERS).mapping);

function read(row: Record<string, string>): RowContact | RowProblem | null {
  return rowToContact(
    HEADERS.map((h) => row[h] ?? ''),
    plan,
  );
}

function contact(row: Record<string, string>): RowContact {
  const r = read(row);
  if (r === null || isProblem(r)) throw new Error(`row refused: ${JSON.stringify(r)}`);
  return r;
}

function refusal(row: Record<string, string>): RowProblem {
  const r = read(row);
  if (r === null || !isProblem(r)) throw new Error(`row read: ${JSON.stringify(r)}`);
  return r;
}

describe('a spreadsheet row to a contact', () => {
  it('builds the fields the contact schema would give, defaults included, for rows full and sparse', () => {
    const rows: Record<string, string>[] = [
      {
        Name: '  Amélie Kaboré ',
        Kind: 'Spokesperson',
        Role: 'Editor',
        Organisation: 'Radio Omega',
        // A beat cut at 60 characters ends in a space, which the schema trims.
        Beats: `Health; ${'w'.repeat(59)} tail; Health`,
        Languages: 'French, en',
        Countries: 'bf',
        Tags: 'radio',
        Lists: 'Sahel',
        'E-mail (work)': 'amelie@radio-omega.example; AMELIE@radio-omega.example',
        'E-mail (personal)': 'amelie@mail.example',
        'Phone (mobile)': '+226 70 11 22 33',
        Notes: "'=not a formula",
      },
      { 'E-mail (work)': 'only.an.address@press.example' },
      { Name: 'Omar Khatib', 'Phone (mobile)': '079 123 45 67' },
    ];
    for (const row of rows) {
      const { fields } = contact(row);
      expect(ContactFields.parse(fields)).toEqual(fields);
    }
    const full = contact(rows[0]!).fields;
    expect(full).toMatchObject({
      name: 'Amélie Kaboré',
      kind: 'spokesperson',
      beats: ['Health', 'w'.repeat(59)],
      languages: ['fr', 'en'],
      countries: ['BF'],
      tags: ['radio'],
      lists: ['Sahel'],
      notes: '=not a formula',
      office: null,
      outlet: null,
    });
    expect(full.emails).toEqual([
      { type: 'work', address: 'amelie@radio-omega.example', visibility: 'public' },
      { type: 'personal', address: 'amelie@mail.example', visibility: 'public' },
    ]);
    expect(contact(rows[1]!).fields.name).toBe('only.an.address@press.example');
    expect(contact(rows[2]!).fields).not.toHaveProperty('tags');
  });

  it('refuses a row naming the column at fault: a bad address or number, too many of them, a name too long', () => {
    expect(refusal({ Name: 'A', 'E-mail (personal)': 'a@b.example; not-an-address' })).toMatchObject({
      column: 'E-mail (personal)',
      reason: { code: 'BAD_EMAIL', params: { value: 'not-an-address' } },
    });
    expect(refusal({ Name: 'A', 'Phone (mobile)': 'call me' })).toMatchObject({ column: 'Phone (mobile)', reason: { code: 'BAD_PHONE' } });
    const many = Array.from({ length: 21 }, (_, i) => `p${i}@press.example`).join('; ');
    const tooMany = refusal({ Name: 'A', 'E-mail (work)': many });
    expect(tooMany).toMatchObject({ column: 'E-mail (work)', reason: { code: 'BAD_FIELD' } });
    expect(tooMany.reason.message).toMatch(/^emails: /);
    const long = refusal({ Name: 'x'.repeat(301) });
    expect(long).toMatchObject({ column: 'Name', reason: { code: 'TOO_LONG', params: { column: 'Name', length: 301, limit: 300 } } });
    expect(long.reason.message).toBe(`the name is 301 characters long; it can hold at most 300 characters ("${'x'.repeat(40)}…")`);
    expect(refusal({ Kind: 'blogger', Name: 'A' })).toMatchObject({ column: 'Kind', reason: { code: 'BAD_KIND' } });
  });

  it('skips a row with nothing in it, and refuses one with no name, e-mail or phone', () => {
    expect(read({})).toBeNull();
    expect(refusal({ Role: 'Editor' })).toMatchObject({ column: 'Name', reason: { code: 'NO_NAME' } });
  });

  it('reads languages by code or name and countries by code or name, each kept once, and leaves out with a note what is neither', () => {
    const r = contact({ Name: 'Omar Khatib', Languages: 'Arabic; Klingon, ar, fr', Countries: 'jo, Jordan; JO; Narnia; الأردن' });
    expect(r.fields).toMatchObject({ languages: ['ar', 'fr'], countries: ['JO'] });
    expect(r.warnings).toEqual([
      { code: 'LANGUAGE_LEFT_OUT', message: 'column "Languages": "Klingon" is not a language code such as en, fr, es or ar; left out', params: { column: 'Languages', value: 'Klingon' } },
      {
        code: 'COUNTRY_LEFT_OUT',
        message: 'column "Countries": "Narnia" is not a country Dateline recognises (a name in English, French, Spanish or Arabic, or a code such as KE); left out',
        params: { column: 'Countries', value: 'Narnia' },
      },
    ]);
  });

  it('joins a name given in parts as given, middle and family name, whatever the columns’ order, for a contact and for a refused row', () => {
    const headers = ['Last Name', 'E-mail Address', 'Middle Name', 'First Name'];
    const parts = planColumns(headers, recogniseHeaders(headers).mapping);
    const read = rowToContact(['Kaboré', 'amelie@radio-omega.example', 'Wendé', 'Amélie'], parts);
    expect(read !== null && !isProblem(read) && read.fields.name).toBe('Amélie Wendé Kaboré');
    const refused = ['Kaboré', 'amelie@', 'Wendé', 'Amélie'];
    expect(rowToContact(refused, parts)).toMatchObject({ column: 'E-mail Address', reason: { code: 'BAD_EMAIL' } });
    expect(rowName(refused, parts)).toBe('Amélie Wendé Kaboré');
    // A whole-name column, where there is one, is the name.
    const withName = ['Name', ...headers];
    expect(rowName(['A. W. Kaboré', ...refused], planColumns(withName, recogniseHeaders(withName).mapping))).toBe('A. W. Kaboré');
  });

  it('blames a name too long on the columns it was joined from, with its limit in words and the value cut short', () => {
    const headers = ['First Name', 'Last Name', 'E-mail Address'];
    const outlook = planColumns(headers, recogniseHeaders(headers).mapping);
    const r = rowToContact(['Ottilie', 'N'.repeat(300), 'ottilie@wire.example'], outlook);
    if (r === null || !isProblem(r)) throw new Error(`row read: ${JSON.stringify(r)}`);
    expect(r.column).toBe('First Name + Last Name');
    expect(r.reason).toMatchObject({ code: 'TOO_LONG', params: { length: 308, limit: 300, value: `Ottilie ${'N'.repeat(32)}…` } });
    expect(r.reason.message).toBe(`the name is 308 characters long; it can hold at most 300 characters ("Ottilie ${'N'.repeat(32)}…")`);
    expect(r.reason.message).not.toMatch(/Too big|<=/);
  });
});
