/**
 * Search normalisation, applied the same way to indexed text and to queries, so that
 * "Bogota" finds "Bogotá", "ecole" finds "École", and in Arabic diacritics, the forms
 * of alef with hamza and the definite article do not matter ("منظمة" finds "المنظمة").
 */

const ARABIC_LETTER = /[\u0600-\u06FF]/;
// Prefixes made of a conjunction/preposition and the article, longest first.
const ARABIC_ARTICLE_PREFIXES = ['وبال', 'وال', 'بال', 'كال', 'فال', 'لل', 'ال'];

function normaliseArabicToken(token: string): string {
  let t = token;
  for (const p of ARABIC_ARTICLE_PREFIXES) {
    // Keep at least two letters so short words are not eaten.
    if (t.startsWith(p) && t.length - p.length >= 2) {
      t = t.slice(p.length);
      break;
    }
  }
  return t;
}

/** Folds one piece of text to its searchable form: lower case, no marks, normalised letters. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '') // Latin accents, Arabic harakat and the hamza/madda on alef
    .replace(/\u0640/g, '') // tatweel
    .replace(/[\u0671\u0672\u0673\u0675]/g, '\u0627') // other alef forms
    .replace(/\u0649/g, '\u064A') // alef maqsura -> ya
    .replace(/\u0629/g, '\u0647') // ta marbuta -> ha
    .replace(/\u00DF/g, 'ss')
    .replace(/[\u0152\u0153]/g, (c) => (c === '\u0152' ? 'OE' : 'oe'))
    .replace(/[\u00C6\u00E6]/g, (c) => (c === '\u00C6' ? 'AE' : 'ae'))
    .toLowerCase();
}

/** Splits folded text into word tokens (letters and digits of any script). */
export function searchTokens(text: string): string[] {
  const folded = foldText(text);
  const words = folded.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map((w) => (ARABIC_LETTER.test(w) ? normaliseArabicToken(w) : w));
}

/** The text stored in the full-text index for a field. */
export function indexText(text: string | null | undefined): string {
  if (!text) return '';
  return searchTokens(text).join(' ');
}

/**
 * Builds an FTS5 MATCH expression from what a person typed: every word must occur,
 * the last one as a prefix (search as you type). Returns null when nothing is searchable.
 */
export function ftsQuery(input: string): string | null {
  const tokens = searchTokens(input).slice(0, 16);
  if (tokens.length === 0) return null;
  return tokens
    .map((t, i) => (i === tokens.length - 1 && !input.match(/\s$/) ? `"${t}"*` : `"${t}"`))
    .join(' ');
}
