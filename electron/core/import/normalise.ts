/**
 * Character-level clean-up shared by every extractor. Right-to-left text is never reordered:
 * only invisible characters that break matching are removed, and directional marks stay.
 */

const ARABIC_INDIC = /[\u0660-\u0669\u06F0-\u06F9]/g;

/**
 * Arabic-Indic and Persian digits to ASCII, so dates and phone numbers parse the same way.
 * Not search's `asciiDigitsOf`, on purpose: the extractors find a date or a dateline in this
 * text and cut the original at the same positions, so every character must stay one UTF-16
 * unit, and `asciiDigitsOf` turns a digit outside the Basic Multilingual Plane (𝟏, a styled
 * digit pasted from social media) into one; it would also read the digits of every other script
 * (१२, ১২, １２), which no date or phone rule of the importer was written or tested for.
 * On the two ranges read here the two functions give the same digits (a test holds both).
 */
export function asciiDigits(s: string): string {
  return s.replace(ARABIC_INDIC, (d) => {
    const c = d.charCodeAt(0);
    return String(c >= 0x06f0 ? c - 0x06f0 : c - 0x0660);
  });
}

/**
 * Text without the control characters no reader sees (NUL and the other C0 controls but tab and
 * line ends, and DEL), which old systems and PDF copies leave in; a vertical tab (Word's line
 * break in copied text) or form feed (a page break) ends a line, so the words either side stay apart.
 */
export function withoutControls(s: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return s.replace(/[\u000B\u000C]/g, '\n').replace(/[\u0000-\u0008\u000E-\u001F\u007F]/g, '');
}

/** One line of text as a person reads it: no zero-width junk, single spaces, trimmed. */
export function cleanLine(s: string): string {
  return s
    .replace(/[\u200B\u2060\uFEFF\u00AD]/g, '') // zero-width space, word joiner, BOM, soft hyphen
    // Arabic letters in their presentation forms ("اﻷول" with the lam-alef ligature), as PDFs and
    // old pages leave them: the letters a reader sees, so that words and dates read as typed.
    .replace(/[\uFB50-\uFDFF\uFE70-\uFEFE]+/gu, (m) => m.normalize('NFKC'))
    .replace(/[\u00A0\u2007\u202F\u3000\t\u2000-\u200A]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Arabic short vowels, shadda, other marks and tatweel: "أيّار" is "أيار" written with its marks. */
export const ARABIC_MARKS = /[\u064B-\u065F\u0670\u0640]/gu;

export function wordCount(s: string): number {
  return (s.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []).length;
}

/** A comparison key: case, accents, punctuation and spacing do not matter. */
export function compareKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Title Case for a place written in capitals ("DAR ES SALAAM" → "Dar es Salaam", "N'DJAMENA" → "N'Djamena"). */
const PLACE_PARTICLES = new Set(['de', 'del', 'des', 'du', 'la', 'le', 'les', 'el', 'es', 'au', 'aux', 'da', 'do', 'dos', 'y', 'et', 'and', 'of', 'on', 'sur']);
export function placeCase(s: string): string {
  return s
    // "LYDGATE, Vermont and CASSEL RIDGE, Montana": a joining word starts another place, cased on its own.
    .split(/([,،]\s*|\s+(?:and|et|y)\s+)/u)
    .map((part, index) => {
      // "D.C. and SAN FRANCISCO": a joining word in lower case leaves the places in capitals.
      if (/\p{Ll}/u.test(part.replace(/(?<![\p{L}])(?:and|et|y)(?![\p{L}])/gu, '')) || !/\p{Lu}/u.test(part)) return part;
      // A state or province code after the town ("TROIS-RIVIÈRES, QC", "AUSTIN, TX") stays in capitals.
      if (index > 0 && /^\p{Lu}{2}$/u.test(part.trim())) return part;
      return part.replace(/[\p{L}'’]+/gu, (w: string, offset: number) => {
        // "GINEBRA/NUEVA YORK": each place after a slash starts again.
        const first = offset === 0 || part[offset - 1] === '/';
        const lower = w.toLowerCase();
        if (!first && PLACE_PARTICLES.has(lower)) return lower;
        const cap = lower.charAt(0).toUpperCase() + lower.slice(1);
        // One letter and an apostrophe is an elided article: the name after it keeps its capital.
        return cap.replace(/^(\p{Lu}['’])(\p{Ll})/u, (_m, a: string, b: string) => a + b.toUpperCase());
      });
    })
    .join('');
}

/** The text of bytes: BOMs, UTF-16, valid UTF-8, else the declared or the common Windows code page. */
export function decodeText(bytes: Uint8Array, declared: string | null = null): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: a page saved by an older browser or editor.
  }
  if (declared) {
    try {
      const decoder = new TextDecoder(declared);
      return decoder.encoding === 'windows-1252' ? decodeWindows1252(bytes) : decoder.decode(bytes);
    } catch {
      // An unknown label: fall through to the usual Western code page.
    }
  }
  return decodeWindows1252(bytes);
}

// What Windows-1252 puts at 0x80-0x9F, where ISO-8859-1 has control characters (0 = unassigned,
// read as the control character, as browsers do).
const WINDOWS_1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/**
 * Windows-1252, the code page of text saved by Notepad or Word on a Western Windows, and what
 * pages labelled ISO-8859-1 mean. Written out because Node 20's TextDecoder decodes those labels
 * in one call as ISO-8859-1: a curly apostrophe (0x92) or a dash (0x96) became a control
 * character, which the reader then dropped ("d’eau" read "deau", and the dateline was lost).
 */
function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const codes = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH[b - 0x80] || b : b));
    out += String.fromCharCode(...codes);
  }
  return out;
}

const UNICODE_BOUNDARY = '(?:(?<=[\\p{L}\\p{N}_])(?![\\p{L}\\p{N}_])|(?<![\\p{L}\\p{N}_])(?=[\\p{L}\\p{N}_]))';

/**
 * A regular expression whose \b knows accented and Arabic letters. JavaScript's \b is ASCII
 * even with the u flag, so "déclaré\b" never matches before a space.
 */
export function ub(re: RegExp): RegExp {
  const flags = re.flags.includes('u') ? re.flags : `${re.flags}u`;
  return new RegExp(re.source.replace(/\\b/g, UNICODE_BOUNDARY), flags);
}

/** A person's name written in capitals ("GRACE PHIRI") as the contact record wants it; others stay as written. */
export function nameCase(s: string): string {
  if (/\p{Ll}/u.test(s) || !/\p{Lu}\p{Lu}/u.test(s)) return s;
  return placeCase(s);
}
