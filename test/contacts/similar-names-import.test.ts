import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preparedDuring, tempDir } from '../helpers';
import { allContacts, call, core, importFile } from './helpers';

const csvFile = (lines: string[]): string => {
  const path = join(tempDir(), 'contacts.csv');
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
  return path;
};

const suggestionOf = (r: Awaited<ReturnType<typeof importFile>>, row: number) => r.outcomes.find((o) => o.row === row)?.suggestion;

describe('the contacts import suggests merging similar names at the same organisation or outlet', () => {
  it('suggests "A. Kaboré, Le Pays" for the stored "Amélie Kaboré, Le Pays", not the same name at another outlet, and merges it when chosen', async () => {
    const c = await core();
    const lePays = await call<{ id: string }>(c, 'outlet.create', { name: 'Le Pays' });
    const amelie = await call<{ id: string }>(c, 'contact.create', { name: 'Amélie Kaboré', outlet: lePays.id });
    const file = csvFile(['Name,Outlet,E-mail (work)', 'A. Kaboré,Le Pays,a.kabore@lepays.example', 'A. Kaboré,Sidwaya,akabore@sidwaya.example']);

    const r = await importFile(c, file);
    expect(r).toMatchObject({ created: 2, merged: 0 });
    expect(suggestionOf(r, 2)).toEqual({
      id: amelie.id,
      row: null,
      name: 'Amélie Kaboré',
      reason: 'same family name, a given name written as its initial, at the same organisation or outlet',
      why: { code: 'SIMILAR_NAME_INITIAL' },
    });
    expect(suggestionOf(r, 3)).toBeUndefined();

    const chosen = await importFile(c, file, { commit: true, decisions: { '2': 'merge' } });
    expect(chosen).toMatchObject({ created: 1, merged: 1 });
    const kept = await call<{ name: string; emails: { address: string }[] }>(c, 'contact.get', { id: amelie.id });
    expect(kept).toMatchObject({ name: 'Amélie Kaboré', emails: [{ address: 'a.kabore@lepays.example' }] });
    expect((await allContacts(c)).map((p) => p.name).sort()).toEqual(['A. Kaboré', 'Amélie Kaboré']);
  });

  it('finds them at the same organisation (case aside), in the library and earlier in the file, with the reason', async () => {
    const c = await core();
    const ali = await call<{ id: string }>(c, 'contact.create', { name: 'Mohamed Ali', organisation: 'UNHCR' });
    await call(c, 'contact.create', { name: 'Mohammed Ali', organisation: 'Al-Ahram' });
    const r = await importFile(
      c,
      csvFile([
        'Name,Organisation',
        'Mohammed Ali,unhcr',
        'Jean-Pierre Dubois,Le Monde',
        'Amélie Kaboré,Le Monde',
        'Jean Pierre Dubois,Le Monde',
        'Amelie Kabore-Traoré,Le Monde',
        'Marie Dubois,Le Monde',
        'Mario Dubois,Le Monde',
        'Ali Hassan,Le Monde',
        'Ali Hussein,Le Monde',
      ]),
    );
    expect(suggestionOf(r, 2)).toMatchObject({ id: ali.id, name: 'Mohamed Ali', why: { code: 'SIMILAR_NAME_SPELLING' } });
    expect(suggestionOf(r, 5)).toMatchObject({ row: 3, name: 'Jean-Pierre Dubois', why: { code: 'SIMILAR_NAME' } });
    expect(suggestionOf(r, 6)).toMatchObject({ row: 4, name: 'Amélie Kaboré', why: { code: 'SIMILAR_NAME_PART' } });
    expect([7, 8, 9, 10].map((row) => suggestionOf(r, row))).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('finds them at an organisation spelt with other accents and hyphens, and under a title', async () => {
    const c = await core();
    const marc = await call<{ id: string }>(c, 'contact.create', { name: 'Marc-André Tremblay', organisation: 'Société Radio-Canada' });
    const r = await importFile(c, csvFile(['Name,Organisation', 'M. Marc André Tremblay,SOCIETE RADIO CANADA', 'Dr. Marc-André Tremblay,Radio Canada International']));
    expect(suggestionOf(r, 2)).toMatchObject({ id: marc.id, name: 'Marc-André Tremblay', why: { code: 'SIMILAR_NAME' } });
    expect(suggestionOf(r, 3)).toBeUndefined();
  });

  it('finds them past the filters of a long file, through indexes only', async () => {
    const c = await core();
    const omega = await call<{ id: string }>(c, 'outlet.create', { name: 'Radio Omega' });
    const grace = await call<{ id: string }>(c, 'contact.create', { name: 'Grace Akello', outlet: omega.id });
    await call(c, 'contact.create', { name: 'Wanjiru Kamau', organisation: 'Daily Monitor' });
    const lines = ['Name,Outlet,Organisation'];
    for (let i = 0; i < 1500; i++) lines.push(`Reporter ${i},${i % 2 ? 'Radio Omega' : ''},Daily Monitor`);
    lines.push('Grace Akelo,Radio Omega,', 'Wanjiru Kamua,,daily monitor', 'Reporter 12,Radio Omega,Daily Monitor', 'Layla Haddad,Radio Omega,');
    let r!: Awaited<ReturnType<typeof importFile>>;
    const sql = await preparedDuring(c.library.db, async () => {
      r = await importFile(c, csvFile(lines), { limit: 2000 });
    });
    expect(suggestionOf(r, 1502)).toMatchObject({ id: grace.id, name: 'Grace Akello', why: { code: 'SIMILAR_NAME_SPELLING' } });
    expect(suggestionOf(r, 1503)).toMatchObject({ name: 'Wanjiru Kamau', why: { code: 'SIMILAR_NAME_SPELLING' } });
    // An earlier row of the file, written with its batch: the same name, as before.
    expect(suggestionOf(r, 1504)).toMatchObject({ row: null, name: 'Reporter 12', why: { code: 'SIMILAR_NAME' } });
    expect(suggestionOf(r, 1505)).toBeUndefined();
    expect(r.outcomes.filter((o) => o.suggestion).length).toBe(3);

    const byOutlet = sql.filter((s) => /FROM contact_p p JOIN docs d .* WHERE p\.outlet = /s.test(s));
    const byOrganisation = sql.filter((s) => /FROM contact_org_p g JOIN contact_p p .* WHERE g\.org_key = /s.test(s));
    expect([byOutlet.length, byOrganisation.length]).toEqual([1, 1]);
    const planOf = (s: string) => (c.library.db.prepare(`EXPLAIN QUERY PLAN ${s}`).all('x') as { detail: string }[]).map((d) => d.detail).join('; ');
    expect(planOf(byOutlet[0]!)).toMatch(/^SEARCH p USING INDEX contact_p_outlet \(/);
    expect(planOf(byOrganisation[0]!)).toMatch(/^SEARCH g USING PRIMARY KEY \(org_key=\?\)/);
  });
});
