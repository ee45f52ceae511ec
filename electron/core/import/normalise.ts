/**
 * Character-level clean-up shared by every extractor. Right-to-left text is never reordered:
 * only invisible characters that break matching are removed, and directional marks stay.
 */

const ARABIC_INDIC = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** Arabic-Indic and Persian digits to ASCII, so dates and phone numbers parse the same way. */
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
    .split(/([,،]\s*)/u)
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
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // An unknown label: fall through to the usual Western code page.
    }
  }
  return new TextDecoder('windows-1252').decode(bytes);
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
