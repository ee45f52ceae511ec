import { describe, expect, it } from 'vitest';
import { vCards } from '../../electron/core/kits/bundle-text';
import type { KitContact } from '../../electron/core/kits/model';

/** The kit's contacts.vcf names the languages a press contact speaks in the kit's language, not by their codes. */

const amira = {
  id: 'con-1',
  name: 'Amira Haddad',
  role: null,
  organisation: null,
  emails: [],
  phones: [],
  languages: ['ar', 'fr', 'en'],
} as unknown as KitContact;

const note = (card: string): string => card.split('\r\n').find((l) => l.startsWith('NOTE:'))!;

describe('the languages note of a kit vCard', () => {
  it('gives language names in the export language, with its own label and comma', () => {
    expect(note(vCards([amira], 'en'))).toBe('NOTE:Languages: Arabic\\, French\\, English');
    expect(note(vCards([amira], 'fr'))).toBe('NOTE:Langues: arabe\\, français\\, anglais');
    expect(note(vCards([amira], 'es'))).toBe('NOTE:Idiomas: árabe\\, francés\\, inglés');
    expect(note(vCards([amira], 'ar'))).toBe('NOTE:اللغات: العربية، الفرنسية، الإنجليزية');
  });

  it('keeps a code it has no name for as written, and writes no note for a contact with no languages', () => {
    expect(note(vCards([{ ...amira, languages: ['qaa'] }], 'en'))).toBe('NOTE:Languages: qaa');
    expect(vCards([{ ...amira, languages: [] }], 'en')).not.toContain('NOTE');
  });
});
