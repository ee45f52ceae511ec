import { describe, expect, it } from 'vitest';
import { likenessKeys, nameLikeness, nameParts, organisationKey } from '../../electron/core/contacts/similar-names';

const like = (a: string, b: string) => nameLikeness(nameParts(a), nameParts(b));

/** Whether the import would find `b` when `a` is the row: one of a's lookups is one of b's keys. */
const found = (a: string, b: string) => {
  const keys = new Set(likenessKeys(nameParts(b)).keys);
  return likenessKeys(nameParts(a)).lookups.some((k) => keys.has(k));
};

const ALIKE: [string, string, string][] = [
  ['A. Kaboré', 'Amélie Kaboré', 'initial'],
  ['A Kaboré', 'Amélie Kaboré', 'initial'],
  ['KABORÉ A.', 'Amélie Kaboré', 'initial'],
  ['Kaboré Amélie', 'A. Kaboré', 'initial'],
  ['J.-P. Dubois', 'Jean-Pierre Dubois', 'initial'],
  ['Amelie Kabore-Traoré', 'Amélie Kaboré', 'part'],
  ['María Fernández López', 'Maria Fernandez', 'part'],
  ['Amélie Kaboré', 'Amélie Marie Kaboré', 'part'],
  ['Jean-Pierre Dubois', 'Jean Pierre Dubois', 'same'],
  ['Jeanpierre Dubois', 'Jean-Pierre Dubois', 'spelling'],
  ['Mohamed Ali', 'Mohammed Ali', 'spelling'],
  ['Muhammad Ali', 'Mohamed Ali', 'spelling'],
  ['Ahmed El-Sayed', 'Ahmad al Sayed', 'spelling'],
  ['Abdelrahman Haddad', 'Abd al-Rahman Haddad', 'spelling'],
  ['Abdul Rahman Haddad', 'Abdelrahman Haddad', 'spelling'],
  ['Youssef Khatib', 'Yusuf Khatib', 'spelling'],
  ['Wanjiru Kamau', 'Wanjiru Kamua', 'spelling'],
  ['Grace Akello', 'Grace Akelo', 'spelling'],
  ['Kwame Boatengg', 'Kwame Boateng', 'spelling'],
  ['Sara Villanueva', 'Sara Vilanueva', 'spelling'],
  ['Hélène Fernández-Villanueva', 'Hélène Fernández-Vilanueva', 'spelling'],
  ['Layla Abdelmassih', 'Layla Abdelmasih', 'spelling'],
  // Titles are left out before comparing.
  ['Dr. Amélie Kaboré', 'Amélie Kaboré', 'same'],
  ['Dr Amélie Kaboré', 'Mme Amélie Kaboré', 'same'],
  ['Prof. Wanjiru Kamau', 'Wanjiru Kamua', 'spelling'],
  ['Mr Kwame Boateng', 'Kwame Boateng', 'same'],
  ['Mrs. Grace Akello', 'Grace Akello', 'same'],
  ['Ms Grace Akello', 'G. Akello', 'initial'],
  ['M. Jean-Pierre Dubois', 'Jean-Pierre Dubois', 'same'],
  ['Mlle Amélie Kaboré', 'A. Kaboré', 'initial'],
  ['Sr. José García', 'José García', 'same'],
  ['Sra. María Fernández', 'María Fernández', 'same'],
  ['Srta. María Fernández López', 'Maria Fernandez', 'part'],
  ['Don José García', 'José García', 'same'],
  ['Doña María Fernández', 'María Fernández', 'same'],
  ['Sr. Dr. José García', 'José García', 'same'],
  ['د. أحمد حداد', 'أحمد حداد', 'same'],
  ['د.أحمد حداد', 'أحمد حداد', 'same'],
  ['الدكتور أحمد حداد', 'أحمد حداد', 'same'],
  ['السيد أحمد حداد', 'د. أحمد حداد', 'same'],
  ['السيدة ليلى حداد', 'ليلى حداد', 'same'],
];

const APART: [string, string, string][] = [
  ['Ali Hassan', 'Ali Hussein', 'two family names three letters apart'],
  ['Marie Dubois', 'Mario Dubois', 'given names differ: two colleagues of one family'],
  ['Louis Martin', 'Louise Martin', 'given names differ'],
  ['Amélie Kaboré', 'Amélie Traoré', 'different family names'],
  ['Amélie Kaboré', 'Abena Kaboré', 'different given names'],
  ['B. Kaboré', 'Amélie Kaboré', 'an initial that is not the given name'],
  ['Amélie K.', 'Amélie Kaboré', 'a family name is never an initial'],
  ['Madonna', 'Madona', 'one word'],
  ['Madonna', 'Madonna Ciccone', 'one word'],
  ['Amélie Kaboré 123', 'Amélie Kaboré 124', 'numbers differ'],
  ['A. Kaborre', 'Amélie Kaboré', 'a slip and an initial together'],
  ['Grace Akello', 'Grace Bkello', 'a slip in the first letter'],
  ['Sara Diop', 'Sara Diope', 'a family name under 5 letters takes no slip'],
  ['Amélie Kaboré', 'Amélie Kabiría', 'two slips in a name under 10 letters'],
  ['Abdoulaye Diallo', 'Abdoul Diallo', 'Abdoulaye is a name of its own'],
  ['Dr. Amélie Kaboré', 'Dr. Abena Kaboré', 'the same title, different given names'],
  ['Mme Kaboré', 'Mme Amélie Kaboré', 'a title and one word: too little to go on'],
  ['M Dupont', 'Jean Dupont', '"M" without its dot is an initial, not a title'],
];

describe('similar names (a merge suggested at the same organisation or outlet)', () => {
  it.each(ALIKE)('"%s" and "%s" are alike (%s), either way round, and the import finds them', (a, b, how) => {
    expect(like(a, b)).toBe(how);
    expect(like(b, a)).toBe(how);
    expect(found(a, b)).toBe(true);
    expect(found(b, a)).toBe(true);
  });

  it.each(APART)('"%s" and "%s" are not (%s)', (a, b) => {
    expect(like(a, b)).toBeNull();
    expect(like(b, a)).toBeNull();
  });

  it('keeps a title that leaves a single word: "Don Johnson" is a given name and a family name', () => {
    expect(nameParts('Don Johnson').words).toEqual(['don', 'johnson']);
    expect(nameParts('Dr. Kaboré').words).toEqual(['dr', 'kabore']);
    expect(nameParts('Dr. Don Johnson').words).toEqual(['don', 'johnson']);
  });

  it('leaves the same words in another order as they were: one name', () => {
    expect(like('Ali Hassan', 'Hassan Ali')).toBe('same');
  });

  it('gives the names of a list told apart by a number keys of their own', () => {
    // The bench's names ("Amélie Kaboré 123"): a row's lookups must not meet every Kaboré's keys.
    const keys = new Set(Array.from({ length: 200 }, (_, i) => likenessKeys(nameParts(`Amélie Kaboré ${i}`)).keys).flat());
    const hits = likenessKeys(nameParts('Abena Kaboré 7001')).lookups.filter((k) => keys.has(k));
    expect(hits).toEqual([]);
  });
});

describe('an organisation as its spellings compare', () => {
  it('is the same with other accents, case, hyphens and spaces, in every script', () => {
    expect(organisationKey('Société Radio-Canada')).toBe('societe radio canada');
    expect(organisationKey('SOCIETE  Radio Canada')).toBe('societe radio canada');
    expect(organisationKey('Médecins Sans Frontières')).toBe(organisationKey('medecins sans frontieres'));
    expect(organisationKey('الأهرام')).toBe(organisationKey('الاهرام'));
    expect(organisationKey('Radio-Canada')).not.toBe(organisationKey('Radio Canadá Internacional'));
  });

  it('is none for a name with no word', () => {
    expect(organisationKey('')).toBeNull();
    expect(organisationKey(' – ')).toBeNull();
    expect(organisationKey(null)).toBeNull();
  });
});
