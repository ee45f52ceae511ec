/**
 * Text direction, decided one way everywhere: by language for what is written in a known
 * language (a release, a kit, the interface), and by the first strong letter for a piece of
 * text on its own (a paragraph typed or imported), as the Unicode bidi algorithm (rules P2-P3)
 * and `dir="auto"` decide it.
 */

export type Direction = 'ltr' | 'rtl';

/** Languages written right to left, by base subtag. */
export const RTL_LANGUAGES: readonly string[] = ['ar', 'fa', 'he', 'ur', 'ps', 'dv', 'yi', 'syr', 'ckb', 'sd', 'ug'];

export function isRtlLanguage(tag: string): boolean {
  return RTL_LANGUAGES.includes((tag.split('-')[0] ?? tag).toLowerCase());
}

export function directionOf(tag: string): Direction {
  return isRtlLanguage(tag) ? 'rtl' : 'ltr';
}

// Letters of the right-to-left scripts (bidi classes R and AL): Hebrew, Arabic, Syriac, Thaana,
// N'Ko, Samaritan, Mandaic, and their presentation forms. Digits are weak and decide nothing.
const RTL_LETTER = /(?=\p{L})[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}]/u;
const LETTER = /\p{L}/u;

/** True when the text has any letter of a right-to-left script (a Word run that must be marked so). */
export function hasRightToLeft(text: string): boolean {
  for (const ch of text) if (RTL_LETTER.test(ch)) return true;
  return false;
}

/** The direction of a piece of text from its first letter; null when it has none (digits, punctuation). */
export function textDirection(text: string): Direction | null {
  for (const ch of text) {
    if (!LETTER.test(ch)) continue;
    return RTL_LETTER.test(ch) ? 'rtl' : 'ltr';
  }
  return null;
}

/**
 * True when most of a text's letters (over 40%) are of a right-to-left script. Not a direction:
 * the importer's first guess at a document's language, over hundreds of words.
 */
export function mostlyRightToLeft(text: string): boolean {
  let letters = 0;
  let rtl = 0;
  for (const ch of text) {
    if (!LETTER.test(ch)) continue;
    letters++;
    if (RTL_LETTER.test(ch)) rtl++;
  }
  return letters > 0 && rtl / letters > 0.4;
}
