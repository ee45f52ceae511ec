/**
 * Search normalisation, applied the same way to indexed text and to queries, so that
 * "Bogota" finds "Bogotá", "ecole" finds "École", "4500" finds "٤٥٠٠", and in Arabic diacritics,
 * the forms of alef with hamza and the definite article do not matter ("منظمة" finds "المنظمة").
 */

const ARABIC_LETTER = /[\u0600-\u06FF]/;
// Prefixes made of a conjunction/preposition and the article, longest first.
const ARABIC_ARTICLE_PREFIXES = ['وبال', 'وال', 'ولل', 'بال', 'كال', 'فال', 'لل', 'ال'];

function normaliseArabicToken(token: string, alternates?: string[]): string {
  for (const p of ARABIC_ARTICLE_PREFIXES) {
    // Keep at least two letters so short words are not eaten.
    if (token.startsWith(p) && token.length - p.length >= 2) {
      const stem = token.slice(p.length);
      // "للاجئين" is ل + اللاجئين with the article's alef dropped, and the article's lam merged
      // with the noun's own: the noun is "لاجئين", not "اجئين". Written alike, "للمخيم" is ل +
      // المخيم ("مخيم"). Which one a word is cannot be told from its letters, so the indexed
      // text holds both readings, and a search for "اللاجئين" or "لاجئين" finds it.
      if (alternates && p.endsWith('لل')) alternates.push(`ل${stem}`);
      return stem;
    }
  }
  return token;
}

const ASCII = /^[ -~\t\n\r]*$/;

/**
 * Folds one piece of text to its searchable form: lower case, no marks, normalised letters
 * (foldUnicode), by a shorter way where it gives the same result.
 */
export function foldText(text: string): string {
  // Plain ASCII has nothing to fold but case; most names, e-mails and outlets are plain ASCII.
  if (ASCII.test(text)) return text.toLowerCase();
  // Names with accents ("Amélie Kaboré") a character at a time: Unicode normalisation was 2%
  // of a contacts import, whose names are folded for duplicates, sorting and the index.
  return latinFolded(text) ?? foldUnicode(text);
}

// A decimal digit of any script but ASCII: Arabic-Indic ٤, Eastern Arabic-Indic ۴ (Persian, Urdu), Devanagari ४...
const OTHER_DIGIT = /(?![0-9])\p{Nd}/gu;
const DIGIT = /^\p{Nd}$/u;
const digitValues = new Map<string, string>();

/**
 * The ASCII digit of a decimal digit of any script. Unicode assigns every script's decimal
 * digits as one run from zero to nine, and runs that touch are whole runs too, so a digit's
 * value is its distance from the start of the digits around it, modulo ten.
 */
function asciiDigit(d: string): string {
  let v = digitValues.get(d);
  if (v === undefined) {
    const c = d.codePointAt(0)!;
    let zero = c;
    while (DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
    v = String((c - zero) % 10);
    digitValues.set(d, v);
  }
  return v;
}

/**
 * The text with the decimal digits of every script written as ASCII digits, all else as it was:
 * "٠٧٩" and "۰۷۹" become "079". Search folds digits with it, and contacts read phone numbers with it.
 */
export function asciiDigitsOf(text: string): string {
  return text.replace(OTHER_DIGIT, asciiDigit);
}

/** What foldText gives for any text, through Unicode normalisation: the definition its shortcuts keep to. */
export function foldUnicode(text: string): string {
  // Digits after NFKD, which already makes full-width and styled digits ASCII.
  return asciiDigitsOf(text.normalize('NFKD'))
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

const LATIN_END = 0x250;
// foldText of each character below LATIN_END, filled in as they are met.
const latinFolds: (string | undefined)[] = [];

/**
 * foldText for text made only of characters below U+0250 (Latin letters with their accents),
 * one character at a time; null for any other text. The same result as folding the whole text:
 * none of these characters decomposes to a leading combining mark, every mark is removed
 * anyway, and none needs context to be lower-cased (the Greek final sigma is above). Folding
 * French and Spanish words this way costs a fraction of the Unicode normalisation.
 */
function latinFolded(text: string): string | null {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= LATIN_END) return null;
    let f = latinFolds[c];
    if (f === undefined) latinFolds[c] = f = foldUnicode(text[i]!);
    out += f;
  }
  return out;
}

/**
 * Folds a piece of text and splits it into word tokens, whatever its script. For indexed text
 * (`indexed`), a word with more than one reading is followed by its other readings.
 */
function foldedTokens(text: string, out: string[], indexed: boolean): void {
  const latin = latinFolded(text);
  if (latin !== null) {
    for (const w of latin.match(/[\p{L}\p{N}]+/gu) ?? []) out.push(w);
    return;
  }
  const alternates: string[] = [];
  for (const w of foldText(text).match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (!ARABIC_LETTER.test(w)) {
      out.push(w);
      continue;
    }
    out.push(normaliseArabicToken(w, indexed ? alternates : undefined));
    if (alternates.length > 0) out.push(...alternates.splice(0));
  }
}

const isAsciiSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
const isAsciiWordChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);

/** Adds the words of an ASCII-only piece, lower-cased: all that folding does to ASCII. */
function asciiTokens(text: string, from: number, to: number, out: string[]): void {
  let start = -1;
  for (let i = from; i <= to; i++) {
    if (i < to && isAsciiWordChar(text.charCodeAt(i))) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push(text.slice(start, i).toLowerCase());
      start = -1;
    }
  }
}

/**
 * Splits text into folded word tokens (letters and digits of any script). Same result as
 * folding the whole text and matching its words, but a run of plain ASCII between ASCII
 * spaces skips the Unicode work, which was most of the cost of indexing a release (an ASCII
 * space ends every folding context: decomposition, mark reordering, the final sigma).
 */
export function searchTokens(text: string): string[] {
  return tokensOf(text, false);
}

/**
 * The tokens a document's text is indexed under: searchTokens' tokens, each word that can be
 * read two ways followed by its other reading ("للاجئين": "اجئين", then "لاجئين"), so that a
 * query in either reading finds it. Queries keep one reading a word (searchTokens).
 */
export function indexTokens(text: string): string[] {
  return tokensOf(text, true);
}

function tokensOf(text: string, indexed: boolean): string[] {
  const out: string[] = [];
  const n = text.length;
  // Pieces with other characters are folded together, from `slow` to `slowEnd`.
  let slow = -1;
  let slowEnd = -1;
  let i = 0;
  while (i < n) {
    while (i < n && isAsciiSpace(text.charCodeAt(i))) i++;
    if (i === n) break;
    const start = i;
    let ascii = true;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (isAsciiSpace(c)) break;
      if (c > 127) ascii = false;
    }
    if (!ascii) {
      if (slow < 0) slow = start;
      slowEnd = i;
      continue;
    }
    if (slow >= 0) {
      foldedTokens(text.slice(slow, slowEnd), out, indexed);
      slow = -1;
    }
    asciiTokens(text, start, i, out);
  }
  if (slow >= 0) foldedTokens(text.slice(slow, slowEnd), out, indexed);
  return out;
}

/** The text stored in the full-text index for a field. */
export function indexText(text: string | null | undefined): string {
  if (!text) return '';
  return indexTokens(text).join(' ');
}
