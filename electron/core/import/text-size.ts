import { DatelineError } from '../../shared/errors';
import { TEXT_NODE_MAX_CHARS } from '../../shared/richtext';

/**
 * How much text the importer reads: a release is a few pages, and a paste of a whole report or
 * a book is no release. The longest release of the corpus (test/import/corpus) has 1,861
 * characters of text once cleaned, the scraped example of shared/examples 3,100; long releases
 * with an annex run to some 40,000. 300,000 characters (about 50,000 words, a hundred pages) is
 * several times the longest, and reads in about 1.3 s on a loaded two-core machine where five
 * million took 11 s and left the review screen to work on one paragraph of five million.
 */
export const IMPORT_MAX_TEXT_CHARS = TEXT_NODE_MAX_CHARS;

/**
 * A saved web page weighs more than its text (scripts, styles, markup), so the raw input is
 * measured by its text too before the page is built, which is the slow part (five million
 * characters of paragraphs took 13 s): at twice the limit nothing after cleaning could fit.
 */
const ROUGH_MARGIN = 2;

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f;
const isTagStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 47 || c === 33 || c === 63;

/** The end of an element whose content is no text (a script or a style), from the "<" that opens it; -1 for another tag. */
function rawEnd(lower: string, at: number): number {
  for (const name of ['script', 'style']) {
    if (!lower.startsWith(name, at + 1)) continue;
    const end = lower.indexOf(`</${name}`, at + 1 + name.length);
    if (end < 0) return lower.length;
    const close = lower.indexOf('>', end);
    return close < 0 ? lower.length : close + 1;
  }
  return -1;
}

/**
 * About how many characters of text a person would read in `s`, counted in one pass and
 * without building the page: a run of spaces and line ends counts as one, and in HTML the tags,
 * comments, scripts and styles count as none. A character reference counts as written.
 */
export function roughTextLength(s: string, html: boolean): number {
  const lower = html ? s.toLowerCase() : s;
  let count = 0;
  let spaced = true;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (html && c === 60 && i + 1 < s.length && isTagStart(s.charCodeAt(i + 1))) {
      let next: number;
      if (s.startsWith('<!--', i)) {
        const end = s.indexOf('-->', i + 4);
        next = end < 0 ? s.length : end + 3;
      } else {
        next = rawEnd(lower, i);
        if (next < 0) {
          const end = s.indexOf('>', i + 1);
          next = end < 0 ? s.length : end + 1;
        }
      }
      if (!spaced) count++;
      spaced = true;
      i = next;
      continue;
    }
    if (isSpace(c)) {
      if (!spaced) count++;
      spaced = true;
    } else {
      count++;
      spaced = false;
    }
    i++;
  }
  return spaced && count > 0 ? count - 1 : count;
}

/** The refusal of a text longer than a release, naming it and its length. */
export function textTooLong(name: string, chars: number): DatelineError {
  const n = (x: number) => x.toLocaleString('en');
  return new DatelineError(
    'FILE_TOO_LARGE',
    `"${name}" holds about ${n(chars)} characters of text; Dateline imports a release of at most ${n(IMPORT_MAX_TEXT_CHARS)} (about a hundred pages). Nothing was imported: import the release on its own.`,
    { params: { name, chars, limit: IMPORT_MAX_TEXT_CHARS, reason: 'importTextTooLong' } },
  );
}

/** Refuses raw text or HTML whose text is far beyond a release's, before it is read. */
export function checkRoughText(name: string, s: string, html: boolean): void {
  // Shorter than the limit in characters, it holds no more text than that: nothing to count.
  if (s.length <= IMPORT_MAX_TEXT_CHARS) return;
  const chars = roughTextLength(s, html);
  if (chars > ROUGH_MARGIN * IMPORT_MAX_TEXT_CHARS) throw textTooLong(name, chars);
}

/** Refuses a source whose cleaned text (its blocks, as the review shows them) is longer than a release's. */
export function checkCleanText(name: string, texts: readonly string[]): void {
  let chars = 0;
  for (const t of texts) chars += t.length;
  if (chars > IMPORT_MAX_TEXT_CHARS) throw textTooLong(name, chars);
}
