import { describe, expect, it } from 'vitest';
import { CountrySchema, LanguageSchema } from '../../electron/shared/documents';
import { COUNTRY_CODES, findCodes, LANGUAGE_CODES, typedCode } from '../../renderer/ui/languages';

/** The countries and languages a person finds by typing part of a name, in the interface's language or in English, or the code. */

const codes = (kind: 'country' | 'language', query: string, ui: string) => findCodes(kind, query, ui).map((c) => c.code);

describe('the codes offered', () => {
  it('are all codes the schema stores, each once, each with a name of its own in the four languages', () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(COUNTRY_CODES.filter((c) => !CountrySchema.safeParse(c).success)).toEqual([]);
    expect(LANGUAGE_CODES.filter((c) => !LanguageSchema.safeParse(c).success)).toEqual([]);
    expect(new Set(COUNTRY_CODES).size).toBe(COUNTRY_CODES.length);
    expect(new Set(LANGUAGE_CODES).size).toBe(LANGUAGE_CODES.length);
    for (const ui of ['en', 'fr', 'es', 'ar']) {
      const named = (type: 'region' | 'language', code: string) => new Intl.DisplayNames([ui], { type, fallback: 'none' }).of(code) !== undefined;
      expect(COUNTRY_CODES.filter((c) => !named('region', c)), ui).toEqual([]);
      expect(LANGUAGE_CODES.filter((c) => !named('language', c)), ui).toEqual([]);
    }
  });
});

describe('finding a country', () => {
  it('by part of its name in the interface’s language or in English, accents, case and apostrophes aside', () => {
    expect(codes('country', 'cote', 'fr')[0]).toBe('CI');
    expect(codes('country', "cote d'iv", 'en')).toEqual(['CI']);
    expect(codes('country', 'IVOIRE', 'es')).toContain('CI');
    expect(codes('country', 'ساحل', 'ar')).toEqual(['CI']);
    expect(codes('country', 'burkina', 'ar')).toEqual(['BF']);
    expect(codes('country', 'allem', 'fr')).toEqual(['DE']);
    expect(codes('country', 'germ', 'fr')).toEqual(['DE']);
  });

  it('in Arabic, with or without the article and the hamza', () => {
    expect(codes('country', 'المانيا', 'ar')).toEqual(['DE']);
    expect(codes('country', 'كونغو', 'ar')).toEqual(expect.arrayContaining(['CD', 'CG']));
  });

  it('by its code first, then by the names that begin with what is typed', () => {
    expect(codes('country', 'ke', 'en')[0]).toBe('KE');
    expect(codes('country', 'ch', 'fr')[0]).toBe('CH');
    expect(codes('country', 'chi', 'fr').slice(0, 2)).toEqual(['CL', 'CN']);
  });

  it('offers a code the schema stores that is not in the list only when typed in full', () => {
    expect(findCodes('country', 'xk', 'en')[0]).toEqual({ code: 'XK', name: 'Kosovo' });
    expect(codes('country', 'narnia', 'en')).toEqual([]);
  });
});

describe('finding a language', () => {
  it('by its name in the interface’s language, in English, or its code', () => {
    expect(codes('language', 'dari', 'fr')).toContain('prs');
    expect(codes('language', 'prs', 'en')[0]).toBe('prs');
    expect(codes('language', 'allemand', 'fr')).toContain('de');
    expect(codes('language', 'german', 'fr')).toContain('de');
    expect(codes('language', 'الفرنسية', 'ar')).toEqual(expect.arrayContaining(['fr', 'fr-CA']));
    expect(codes('language', 'fr', 'en')[0]).toBe('fr');
  });

  it('offers the working languages first when nothing is typed', () => {
    expect(codes('language', '', 'ar').slice(0, 4)).toEqual(['en', 'fr', 'es', 'ar']);
  });

  it('takes a tag the schema stores written in any case, and no other', () => {
    expect(typedCode('language', 'PT-ao')).toBe('pt-AO');
    expect(typedCode('language', 'sr-latn-rs')).toBe('sr-Latn-RS');
    expect(typedCode('language', 'French')).toBeNull();
    expect(typedCode('country', ' ke ')).toBe('KE');
    expect(typedCode('country', 'KEN')).toBeNull();
    expect(findCodes('language', 'pt-ao', 'en')[0]).toEqual({ code: 'pt-AO', name: 'Portuguese (Angola)' });
  });
});
