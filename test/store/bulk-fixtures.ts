import type Database from 'better-sqlite3';
import { Library } from '../../electron/core/store/library';
import { tempDir } from '../helpers';

/**
 * What the bulk write tests (create-many, bulk-write) share: a library on a fixed clock, the
 * contacts they write in bulk and one by one, and the rows of a table to compare the two by.
 */

export const ctx = { author: 'amina', at: '2026-12-01T09:00:00.000Z' };
export const clock = () => new Date('2026-12-01T09:00:00.000Z');

/** Names, e-mails and phones in four scripts and spellings, and a field this version does not know. */
export const contacts = [
  { name: 'Amina Diallo', organisation: 'Radio Kaya', emails: [{ address: 'Amina@Kaya.example', type: 'work' }], phones: [{ number: '+223 20 22 33 44' }], beats: ['health'] },
  { name: 'Jean-Pierre Müller', kind: 'spokesperson', office: 'off-bamako', emails: [{ address: 'jp@example.org' }, { address: 'jp.mueller@example.org' }] },
  { name: 'محمد الأمين', organisation: 'الجزيرة', languages: ['ar'], countries: ['SD'], futureField: { kept: true } },
  { name: 'Sofía Pérez', phones: [{ number: '+57 1 555 0101 ext 12', type: 'mobile' }], notes: 'Cubre inundaciones en Chocó' },
];

export const dump = (db: Database.Database, sql: string) => db.prepare(sql).all();

export async function lib(): Promise<Library> {
  return Library.open(tempDir(), { author: 'amina', clock });
}
