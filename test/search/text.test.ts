import { describe, expect, it } from 'vitest';
import { foldText, foldUnicode, indexText, indexTokens, searchTokens } from '../../electron/shared/search/text';
import { ftsQuery } from '../../electron/shared/search/terms';

describe('search folding', () => {
  it('drops Latin accents and folds ligatures', () => {
    expect(foldText('Bogotá Ségou ÉCOLE Straße Œuvre')).toBe('bogota segou ecole strasse oeuvre');
  });

  it('normalises Arabic: diacritics, alef with hamza or madda, tatweel, ta marbuta, alef maqsura', () => {
    expect(searchTokens('إِطْلَاق')).toEqual(['اطلاق']);
    expect(searchTokens('آمال')).toEqual(['امال']);
    expect(searchTokens('منظمـــة')).toEqual(['منظمه']);
    expect(searchTokens('مستشفى')).toEqual(['مستشفي']);
  });

  it('strips the Arabic definite article and its prefixed forms, but not from short words', () => {
    expect(searchTokens('المنظمة والمدارس بالمستشفى للأطفال')).toEqual(['منظمه', 'مدارس', 'مستشفي', 'اطفال']);
    expect(searchTokens('الى')).toEqual(['الي']);
  });

  it('indexes a word after "لل" under both its readings, and queries with one', () => {
    // "للاجئين" is ل + اللاجئين ("لاجئين"), "للمخيم" is ل + المخيم ("مخيم"): the letters cannot tell.
    expect(indexTokens('المفوضية السامية للاجئين')).toEqual(['مفوضيه', 'ساميه', 'اجيين', 'لاجيين']);
    expect(indexTokens('وللأطفال للمخيم')).toEqual(['اطفال', 'لاطفال', 'مخيم', 'لمخيم']);
    expect(indexText('Réfugiés للاجئين')).toBe('refugies اجيين لاجيين');
    expect(searchTokens('للاجئين اللاجئين لاجئين')).toEqual(['اجيين', 'لاجيين', 'لاجيين']);
    expect(ftsQuery('اللاجئين')).toBe('"لاجيين"*');
  });

  it('folds the decimal digits of every script to ASCII, in indexed text and in queries alike', () => {
    expect(searchTokens('وزعت ٤٥٠٠ سلة')).toEqual(['وزعت', '4500', 'سله']);
    expect(indexText('۴۵۰۰ خانواده')).toBe('4500 خانواده');
    // A figure is asked for whole and in its groups of three ("4 500", "4,500"): search/terms.ts.
    expect(ftsQuery('٤٥٠٠')).toBe('("4500"* OR "4 500"*)');
    expect(ftsQuery('4500')).toBe('("4500"* OR "4 500"*)');
    expect(ftsQuery('١٢-٣-٢٠٢٦ ')).toBe('"12" AND "3" AND ("2026" OR "2 026")');
    // Every numbering system ICU knows, written by Intl itself: each digit folds to its value.
    let systems = 0;
    for (const system of Intl.supportedValuesOf('numberingSystem')) {
      const written = new Intl.NumberFormat('en', { numberingSystem: system, useGrouping: false }).format(1234567890);
      if (written === '1234567890' || !/^\p{Nd}+$/u.test(written)) continue;
      expect(searchTokens(written), system).toEqual(['1234567890']);
      systems++;
    }
    expect(systems).toBeGreaterThan(50);
  });

  it('indexes and queries the same way, the last word as a prefix', () => {
    expect(indexText("L'École de Ségou")).toBe('l ecole de segou');
    expect(ftsQuery('Ségou éco')).toBe('"segou" "eco"*');
    expect(ftsQuery('Ségou ')).toBe('"segou"');
    expect(ftsQuery('  " * ( ')).toBeNull();
    expect(ftsQuery('NEAR(a b) OR c')).toBe('"near" "a" "b" "or" "c"*');
  });
});

/** The definition searchTokens must match: fold the whole text, then take its words. */
function referenceTokens(text: string): string[] {
  const words = foldUnicode(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map((w) => {
    if (!/[\u0600-\u06FF]/.test(w)) return w;
    const p = ['وبال', 'وال', 'بال', 'كال', 'فال', 'لل', 'ال'].find((q) => w.startsWith(q) && w.length - q.length >= 2);
    return p ? w.slice(p.length) : w;
  });
}

describe('search tokens, fast path for plain ASCII', () => {
  // Pieces chosen where folding is not one character at a time: ligatures and fractions that
  // decompose, combining marks, the Greek final sigma, spaces that are not ASCII, Arabic.
  const pieces = ['word', 'WORD', 'Ab9', 'é', 'É', 'e\u0301', '\u0301', 'ﬁ', '½', 'ΟΔΟΣ', 'Σ', 'σ', '.', "'", ':', '\u00A0', '\uFEFF',
    '\u3000', 'المنظمة', 'إِطْلَاق', 'ـ', 'ß', 'Œ', '𝐀', '😀', '-', ',', '9', '٤٥', '۴', 'ال٢٠', '𝟗', '４'];
  const spaces = [' ', '  ', '\n', '\t', '', '\r\n'];

  it('gives exactly the tokens of folding the whole text, on 3,000 random texts', () => {
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let k = 0; k < 3000; k++) {
      let text = '';
      for (let j = next(12); j >= 0; j--) text += pieces[next(pieces.length)]! + spaces[next(spaces.length)]!;
      expect(searchTokens(text), JSON.stringify(text)).toEqual(referenceTokens(text));
    }
  });

  it('folds text of Latin letters below U+0250 a character at a time to exactly the same tokens', () => {
    let seed = 11;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const latin = Array.from({ length: 0x250 - 0x80 }, (_, i) => String.fromCharCode(0x80 + i));
    // Every character once, then mixed with ASCII, spaces and the pieces above.
    expect(searchTokens(latin.join(''))).toEqual(referenceTokens(latin.join('')));
    for (let k = 0; k < 3000; k++) {
      let text = '';
      for (let j = next(16); j >= 0; j--) {
        const r = next(10);
        text += (r < 6 ? latin[next(latin.length)]! : r < 8 ? 'ab'[next(2)]! : pieces[next(pieces.length)]!) + (next(3) === 0 ? spaces[next(spaces.length)]! : '');
      }
      expect(searchTokens(text), JSON.stringify(text)).toEqual(referenceTokens(text));
      expect(foldText(text), JSON.stringify(text)).toBe(foldUnicode(text));
    }
  });

  it('folds any text as Unicode normalisation does: names, pieces, every Latin character, and pairs of them', () => {
    const latin = Array.from({ length: 0x250 - 0x80 }, (_, i) => String.fromCharCode(0x80 + i));
    const texts = ['Amélie Kaboré', 'José Ramírez', 'Hélène DUBOIS', 'Straße Œuvre Æsir', 'ǄEMAL Ĳssel', '½ µ ª ´ ¨', ...pieces, ...latin];
    for (const a of latin) for (const b of ['', ...latin.filter((_, i) => i % 7 === 0), 'ΟΔΟΣ', 'e\u0301', '\u0301']) texts.push(a + b, b + a);
    for (const t of texts) expect(foldText(t), JSON.stringify(t)).toBe(foldUnicode(t));
  });

  it('keeps contexts that cross ASCII punctuation but not ASCII spaces', () => {
    for (const t of ['ΟΔΟΣ.a', "ΟΔΟΣ'a ΟΔΟΣ a", 'ΟΔΟΣ:9b', 'e\u0301.x', 'ﬁ.x ½.x']) expect(searchTokens(t), t).toEqual(referenceTokens(t));
    expect(searchTokens('ΟΔΟΣ.a ΟΔΟΣ a')).toEqual(['οδοσ', 'a', 'οδος', 'a']);
    expect(searchTokens('Ségou is in Mali, said الأمين.')).toEqual(['segou', 'is', 'in', 'mali', 'said', 'امين']);
  });
});
