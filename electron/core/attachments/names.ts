/**
 * File names given by a person or another program are only ever shown and stored in the
 * attachment's document; the file on disk is named by its SHA-256. Even so, a name is made
 * harmless here: it could reach an export (a ZIP entry) or be shown beside other text.
 */

const MAX_NAME = 255;
// An extension longer than this is more likely part of the name than a real extension.
const MAX_EXTENSION = 16;
const FALLBACK = 'file';

// C0 and C1 control characters, and the bidi controls that can make "gpj.exe" read "exe.jpg"
// (U+202A-U+202E embeddings and overrides, U+2066-U+2069 isolates, LRM/RLM, the Arabic letter mark).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/gu;

/** Makes a given file name safe to store and show: no folders, no control or bidi characters, at most 255 characters. */
export function sanitiseFileName(given: string): string {
  // Both separators: a Windows path arrives on Linux and the other way round.
  const lastPart = given.split(/[/\\]/).pop() ?? '';
  let name = lastPart.normalize('NFC').replace(UNSAFE_CHARS, '').trim();
  // "." and ".." name folders, never a file.
  if (/^\.*$/.test(name)) return FALLBACK;
  name = truncateKeepingExtension(name);
  return name.length > 0 ? name : FALLBACK;
}

function truncateKeepingExtension(name: string): string {
  // Count code points, so a name is never cut in the middle of a surrogate pair.
  const chars = [...name];
  if (chars.length <= MAX_NAME) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot) : '';
  const extChars = [...ext];
  if (ext && extChars.length <= MAX_EXTENSION) {
    const stem = [...name.slice(0, dot)].slice(0, MAX_NAME - extChars.length).join('').trimEnd();
    return stem + ext;
  }
  return chars.slice(0, MAX_NAME).join('').trimEnd();
}
