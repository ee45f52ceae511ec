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

/** A piece of text: a left-to-right number to set apart, or the text around it. */
export interface TextPiece {
  text: string;
  number: boolean;
}

// Groups of ASCII digits, each perhaps in brackets, with at most one space, dot, dash or slash
// between them, perhaps after a "+": "+41 22 717 9111", "(022) 717 91 11", "40 000".
const NUMBER_RUN = /(?<![0-9A-Za-z])\+?\(?[0-9]+\)?(?:[ \u00A0./-]?\(?[0-9]+\)?)*/g;
// What the bidirectional algorithm reorders among right-to-left letters: a leading "+" goes to
// the far end, and spaced groups are laid out from the right ("9111 717 22 41+"). Digits joined
// by dots, commas, dashes or slashes alone ("4,500", "2026-03-12") keep their order.
const REORDERED = /^\+|[ \u00A0]/;

/** The direction of the last letter before `end`; null when there is none. */
function directionBefore(text: string, end: number): Direction | null {
  for (let i = end - 1; i >= 0; i--) {
    const ch = text[i]!;
    if (LETTER.test(ch)) return RTL_LETTER.test(ch) ? 'rtl' : 'ltr';
  }
  return null;
}

/**
 * Splits text around the numbers that must be set apart as left to right to keep their order
 * in right-to-left text (a phone number in an Arabic paragraph). A number after a Latin letter
 * is left alone: it takes that letter's direction anyway ("COVID-19 2020"), and set apart it
 * would come loose from it. Joined again, the pieces are the text.
 */
export function leftToRightNumbers(text: string): TextPiece[] {
  const out: TextPiece[] = [];
  let at = 0;
  for (const m of text.matchAll(NUMBER_RUN)) {
    if (!REORDERED.test(m[0]) || directionBefore(text, m.index) === 'ltr') continue;
    if (m.index > at) out.push({ text: text.slice(at, m.index), number: false });
    out.push({ text: m[0], number: true });
    at = m.index + m[0].length;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), number: false });
  return out;
}
