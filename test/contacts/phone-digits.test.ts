import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/store/library';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/core/store/migrations/index';
import { phoneDigits, toE164 } from '../../electron/shared/contacts/phone';
import { tempDir } from '../helpers';
import { allContacts, call, core, importFile } from './helpers';

/** Phones typed in Arabic-Indic or Persian digits are the same numbers as in ASCII digits. */

function write(name: string, text: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

const keysOf = (l: { db: Library['db'] }, id: string): string[] =>
  l.db.prepare<[string], string>('SELECT k.key FROM contact_key_p k JOIN docs d ON d.rowid = k.doc_rowid WHERE d.id = ? ORDER BY 1').pluck().all(id);

describe('phone numbers in digits of other scripts', () => {
  it('reads Arabic-Indic and Persian digits for E.164 and for matching', () => {
    expect(toE164('٠٧٩١٢٣٤٥٦٧', 'CH')).toBe('+41791234567');
    expect(toE164('+٤١ ٢٢ ٧١٧ ٩١١١', null)).toBe('+41227179111');
    expect(toE164('۰۹۱۲ ۳۴۵ ۶۷۸۹', 'IR')).toBe('+989123456789');
    expect(toE164('٠٧٩ ABC', 'CH')).toBeNull();
    expect(phoneDigits('+٤١ ٢٢ ٧١٧ ٩١١١')).toBe('41227179111');
    expect(phoneDigits('۰۲۱-۱۲۳۴ x ۵۶')).toBe('0211234');
  });

  it('finds the same person in a CSV and in a vCard whichever digits either side used, and stores a "+" number in ASCII digits', async () => {
    const c = await core();
    const office = await call<{ id: string }>(c, 'office.create', { name: 'Geneva', country: 'CH' });
    const a = await call<{ id: string }>(c, 'contact.create', { name: 'Leila Haddad', office: office.id, phones: [{ type: 'work', number: '+٤١ ٢٢ ٧١٧ ٩١١١' }] });
    await call(c, 'contact.create', { name: 'Karim Saleh', office: office.id, phones: [{ type: 'mobile', number: '079 123 45 67' }] });
    // Stored with ASCII digits, spacing kept: a Dateline that predates reading other scripts' digits
    // (its phone pattern ASCII only) still reads the contact after sync.
    const stored = (await allContacts(c)).find((p) => p.id === a.id)!.phones[0]!.number;
    expect(stored).toBe('+41 22 717 9111');
    expect(stored).toMatch(/^[+0-9][0-9 ().\-/]*[0-9](\s*(ext\.?|x)\s*[0-9]+)?$/i);
    expect(keysOf(c.library, a.id)).toEqual(['phone:41227179111']);

    const csv = await importFile(c, write('m.csv', 'Name,Phone (work),Phone (mobile)\r\nL. Haddad,+41 22 717 91 11,\r\nK. Saleh,,٠٧٩١٢٣٤٥٦٧\r\n'), { office: office.id });
    expect(csv.outcomes.map((o) => [o.action, (o as { into?: { name: string } }).into?.name])).toEqual([
      ['unchanged', 'Leila Haddad'],
      ['unchanged', 'Karim Saleh'],
    ]);
    const vcf = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Karim S.', 'TEL;TYPE=cell:۰۷۹ ۱۲۳ ۴۵ ۶۷', 'END:VCARD', ''].join('\r\n');
    const card = await importFile(c, write('k.vcf', vcf), { office: office.id });
    expect(card.outcomes[0]).toMatchObject({ into: { name: 'Karim Saleh' } });
    expect(card.outcomes[0]!.action).not.toBe('create');
  });

  it('keeps an erased person out whichever digits their phone is written in', async () => {
    const c = await core();
    const a = await call<{ id: string }>(c, 'contact.create', { name: 'Amina Yusuf', phones: [{ type: 'mobile', number: '+٢٥٦ ٧٧٢ ١٢٣ ٤٥٦' }] });
    const b = await call<{ id: string }>(c, 'contact.create', { name: 'Joseph Okello', phones: [{ type: 'mobile', number: '+256 701 999 888' }] });
    await call(c, 'contact.erase', { id: a.id });
    await call(c, 'contact.erase', { id: b.id });
    const csv = 'Name,Phone (mobile)\r\nA. Yusuf,+256 772 123 456\r\nJ. Okello,+٢٥٦ ٧٠١ ٩٩٩ ٨٨٨\r\nGrace Akello,+256 712 000 111\r\n';
    expect(await importFile(c, write('c.csv', csv), { commit: true })).toMatchObject({ created: 1, refused: 2 });
  });

  it('gives the contacts of an older library their phone keys again (migration 13), and only those with such digits', async () => {
    const dir = tempDir();
    const old = await Library.open(dir, { author: 'amina', migrations: MIGRATIONS.filter((m) => m.version <= 12) });
    const ar = old.docs.create('contact', { name: 'Leila Haddad', kind: 'journalist', phones: [{ type: 'work', number: '+٤١ ٢٢ ٧١٧ ٩١١١' }] }, { author: 'amina' });
    const fa = old.docs.create('contact', { name: 'Reza', kind: 'journalist', phones: [{ type: 'work', number: '+۹۸ ۲۱ ۱۲۳۴ ۵۶۷۸' }, { type: 'mobile', number: '+41 79 000 11 22' }] }, { author: 'amina' });
    const plain = old.docs.create('contact', { name: 'Grace Akello', kind: 'journalist', phones: [{ type: 'work', number: '+256 712 000 111' }] }, { author: 'amina' });
    // The keys as the older version stored them: digits of other scripts dropped.
    const rowOf = (id: string): number => old.db.prepare<[string], number>('SELECT rowid FROM docs WHERE id = ?').pluck().get(id)!;
    old.db.prepare('DELETE FROM contact_key_p WHERE doc_rowid IN (?, ?)').run(rowOf(ar.id), rowOf(fa.id));
    old.db.prepare('INSERT INTO contact_key_p(doc_rowid, key) VALUES (?, ?)').run(rowOf(fa.id), 'phone:41790001122');
    // A marker on the plain contact's keys shows the migration leaves them alone.
    old.db.prepare('INSERT INTO contact_key_p(doc_rowid, key) VALUES (?, ?)').run(rowOf(plain.id), 'phone:untouched');
    const revs = old.db.prepare('SELECT id, winner FROM docs ORDER BY id').all();
    old.close();

    const c = await core(dir);
    expect(c.library.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(keysOf(c.library, ar.id)).toEqual(['phone:41227179111']);
    expect(keysOf(c.library, fa.id)).toEqual(['phone:41790001122', 'phone:982112345678']);
    expect(keysOf(c.library, plain.id)).toEqual(['phone:256712000111', 'phone:untouched']);
    expect(c.library.db.prepare('SELECT id, winner FROM docs ORDER BY id').all(), 'no document changed').toEqual(revs);
    const r = await importFile(c, write('m.csv', 'Name,Phone (work)\r\nL. Haddad,+41 22 717 91 11\r\n'));
    expect(r.outcomes[0]).toMatchObject({ action: 'unchanged', into: { name: 'Leila Haddad' } });
  });
});
