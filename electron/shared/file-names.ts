/**
 * File names that a person typed or another program sent, made safe to store, show and write
 * on Windows, macOS and Linux. The one sanitiser: attachments keep their given name through it,
 * and a kit's exported files and ZIP entries are named by it.
 */

/** The longest name a file system takes (ext4, NTFS and APFS all stop at 255). */
export const MAX_FILE_NAME = 255;

// C0/C1 controls, zero-width characters and the bidi controls that can make "gpj.exe" read
// "exe.jpg" (embeddings, overrides, isolates, LRM/RLM, the Arabic letter mark), and the BOM.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\u061c\ufeff]/gu;
// Characters Windows refuses in a name, and both path separators.
const FORBIDDEN = /[<>:"/\\|?*]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

const EXTENSION_BY_TYPE: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'image/tiff': '.tif',
  'image/heic': '.heic',
  'image/heif': '.heif',
  'image/avif': '.avif',
  'application/pdf': '.pdf',
  'video/mp4': '.mp4',
  'video/quicktime': '.mov',
  'audio/mpeg': '.mp3',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
};

function extensionFor(mediaType: string): string | null {
  return EXTENSION_BY_TYPE[mediaType] ?? null;
}

/** True when the text holds a control, zero-width or bidi character (or is not in NFC). */
export function hasUnsafeChars(s: string): boolean {
  return s.normalize('NFC').replace(CONTROL_OR_BIDI, '') !== s;
}

/** "CON", "nul.txt", "com1 .jpg": names Windows keeps for devices, whatever the extension. */
export function isWindowsReserved(segment: string): boolean {
  return WINDOWS_RESERVED.test(segment.split('.')[0]!.trim());
}

/** A name's stem and extension; a long or unusual "extension" is part of the name. */
export function splitExtension(name: string): [string, string] {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return [name, ''];
  const ext = name.slice(dot);
  return /^\.[A-Za-z0-9]{1,8}$/.test(ext) ? [name.slice(0, dot), ext] : [name, ''];
}

/** At most `max` code points, never cutting a surrogate pair in two. */
export function cut(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : chars.slice(0, max).join('');
}

/**
 * Drops trailing dots and spaces (Windows drops them itself, so "a." and "a" would collide).
 * A backwards scan: /[.\s]+$/ retries from every dot and space, so a long run of them in a name
 * someone sent costs quadratic time.
 */
export function trimEndDots(s: string): string {
  let end = s.length;
  while (end > 0 && (s.charAt(end - 1) === '.' || /\s/.test(s.charAt(end - 1)))) end--;
  return s.slice(0, end);
}

export interface SafeNameOptions {
  /** When known, the extension is the one this type has, so a photo is never "photo.exe". */
  mediaType?: string | null;
  /** The name when nothing usable is left. */
  fallback?: string;
  /** At most this many code points, extension kept. */
  max?: number;
}

/**
 * One path segment that is safe on Windows, macOS and Linux and cannot be read as something
 * else: no folders ("../", "/etc", "C:\"), no control or bidi characters, no characters
 * Windows refuses, no reserved device names (CON, NUL, COM1...), no trailing dots or spaces,
 * at most `max` characters with the extension kept (lower-cased).
 */
export function safeFileName(given: string, options: SafeNameOptions = {}): string {
  // Only the last part of a path a person typed or another system sent.
  return safeSegment(given.normalize('NFC').replace(CONTROL_OR_BIDI, '').split(/[/\\]/).pop() ?? '', options);
}

/**
 * The characters file systems refuse in a title, written as a person would in a file's name:
 * "Niger : 40 000 sinistrés" → "Niger - 40 000 sinistrés", "Goma 24/7" → "Goma 24-7", where
 * the sanitiser would make each one "_" ("Niger _ 40 000 sinistrés").
 */
export function writtenForFileName(title: string): string {
  let out = '';
  for (const ch of title) {
    if (ch === ':' || ch === '|') out += ' - ';
    else if (ch === '/' || ch === '\\') out += '-';
    else if (ch === '"') out += "'";
    else if ('<>?*'.includes(ch)) out += ' ';
    else out += ch;
  }
  return out;
}

/**
 * A file name made from a title a person wrote (a kit's, a contact's name), not from a path: a
 * slash in it is part of the title ("Goma / المياه", "Goma 24/7"), so it is written as every
 * character Windows refuses is (writtenForFileName), and the words before it stay in the name.
 */
export function titleFileName(title: string, options: SafeNameOptions = {}): string {
  // "../../Kit": what is left of a path's dots and slashes before the title's words is no part of its name.
  return safeSegment(writtenForFileName(title.normalize('NFC').replace(CONTROL_OR_BIDI, '').replace(/^[./\\\s_]+/u, '')), options);
}

function safeSegment(segment: string, { mediaType = null, fallback = 'file', max = MAX_FILE_NAME }: SafeNameOptions): string {
  let name = segment;
  name = name.replace(FORBIDDEN, '_').replace(/\s+/g, ' ').trim();
  let [stem, ext] = splitExtension(name);
  const typed = mediaType ? extensionFor(mediaType) : null;
  if (typed && ext.toLowerCase() !== typed && !(typed === '.jpg' && /^\.jpe?g$/i.test(ext)) && !(typed === '.tif' && /^\.tiff?$/i.test(ext))) {
    // The name's extension lies about the content (or is missing): the content wins.
    if (ext) stem = `${stem}${ext.replace(/\./g, '_')}`;
    ext = typed;
  }
  stem = trimEndDots(stem.replace(/^[.\s]+/, ''));
  if (stem === '' || /^[._\s]*$/.test(stem)) stem = fallback;
  // "CON.txt" is as reserved as "CON" on Windows, and so is "con .txt".
  if (isWindowsReserved(stem)) stem = `_${stem}`;
  ext = ext.toLowerCase();
  stem = trimEndDots(cut(stem, Math.max(1, max - [...ext].length)));
  if (stem === '') stem = fallback;
  return stem + ext;
}
