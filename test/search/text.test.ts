import { describe, expect, it } from 'vitest';
import { foldText, ftsQuery, indexText, searchTokens } from '../../electron/shared/search/text';

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

  it('indexes and queries the same way, the last word as a prefix', () => {
    expect(indexText("L'École de Ségou")).toBe('l ecole de segou');
    expect(ftsQuery('Ségou éco')).toBe('"segou" "eco"*');
    expect(ftsQuery('Ségou ')).toBe('"segou"');
    expect(ftsQuery('  " * ( ')).toBeNull();
    expect(ftsQuery('NEAR(a b) OR c')).toBe('"near" "a" "b" "or" "c"*');
  });
});
