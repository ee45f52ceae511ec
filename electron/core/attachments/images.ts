import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sharp, type Sharp } from './decoders';
import { DatelineError } from '../../shared/errors';
import type { BlobStore } from './blobs';

/**
 * What a file is, from its bytes: the name and the type a sender claims are not trusted,
 * because a "photo.jpg" may be anything. Images get their pixel size and a small WebP preview.
 */

export const OCTET_STREAM = 'application/octet-stream';
const THUMBNAIL_MAX = 320;
export const THUMBNAIL_TYPE = 'image/webp';
/** About 100 megapixels: a large camera photo passes, a decompression bomb does not. */
/** The largest image Dateline decodes (thumbnails, kit renditions): beyond it, a clear error. */
export const MAX_INPUT_PIXELS = 100_000_000;

/** Raster formats this build can decode to make a preview (SVG is left out on purpose: it can carry scripts and references). */
const THUMBNAILABLE = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/tiff', 'image/avif', 'image/heic', 'image/heif']);

const ascii = (bytes: Uint8Array, start: number, end: number): string =>
  end <= bytes.length ? Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1') : '';

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  return sig.every((b, i) => bytes[at + i] === b);
}

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);
const MP4_BRANDS = new Set(['isom', 'iso2', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'dash', 'msnv', 'f4v ', 'mmp4']);

/** ISO base media files (MP4, MOV, HEIC, AVIF) share one header: a box named "ftyp" with brands. */
function isoMediaType(bytes: Uint8Array): string | null {
  if (ascii(bytes, 4, 8) !== 'ftyp') return null;
  const boxSize = Math.min(Buffer.from(bytes.buffer, bytes.byteOffset, 4).readUInt32BE(0), bytes.length, 256);
  const brands = [ascii(bytes, 8, 12)];
  for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(ascii(bytes, at, at + 4));
  const major = brands[0]!;
  if (major === 'avif' || major === 'avis') return 'image/avif';
  if (HEIF_BRANDS.has(major)) return 'image/heic';
  if (major === 'mif1' || major === 'msf1') {
    if (brands.includes('avif')) return 'image/avif';
    return brands.some((b) => HEIF_BRANDS.has(b)) ? 'image/heic' : 'image/heif';
  }
  if (major === 'qt  ') return 'video/quicktime';
  if (major === 'M4A ' || major === 'M4B ') return 'audio/mp4';
  if (major === 'M4V ' || major === 'M4VH' || major === 'M4VP') return 'video/x-m4v';
  if (major.startsWith('3g2')) return 'video/3gpp2';
  if (major.startsWith('3gp')) return 'video/3gpp';
  return MP4_BRANDS.has(major) ? 'video/mp4' : null;
}

const OOXML_BY_FOLDER: Record<string, string> = {
  'word/': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'xl/': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'ppt/': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/**
 * A ZIP file's entry names, read from its central directory at the end of the file. Only the
 * names are read (nothing is decompressed), and every offset is checked against the buffer.
 */
function zipEntryNames(bytes: Uint8Array, max = 2000): string[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const lowest = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= lowest; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return [];
  const count = Math.min(buf.readUInt16LE(eocd + 10), max);
  let at = buf.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) break;
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    if (at + 46 + nameLen > buf.length) break;
    names.push(buf.toString('utf8', at + 46, at + 46 + nameLen));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

/** OpenDocument and EPUB store their type uncompressed as the first entry, named "mimetype". */
function storedMimetype(bytes: Uint8Array): string | null {
  if (ascii(bytes, 30, 38) !== 'mimetype') return null;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const method = buf.readUInt16LE(8);
  const size = buf.readUInt32LE(18);
  const nameLen = buf.readUInt16LE(26);
  const extraLen = buf.readUInt16LE(28);
  const start = 30 + nameLen + extraLen;
  if (method !== 0 || size === 0 || size > 100 || start + size > buf.length) return null;
  const value = buf.toString('latin1', start, start + size);
  return /^application\/[a-z0-9.+-]+$/.test(value) ? value : null;
}

function zipMediaType(bytes: Uint8Array): string {
  const declared = storedMimetype(bytes);
  if (declared) return declared;
  const names = zipEntryNames(bytes);
  if (names.includes('[Content_Types].xml')) {
    for (const [folder, type] of Object.entries(OOXML_BY_FOLDER)) {
      if (names.some((n) => n.startsWith(folder))) return type;
    }
  }
  return 'application/zip';
}

/**
 * SVG is text: look for its root element near the start, after an optional XML prologue,
 * comments and a DOCTYPE. A single forward scan: a pattern with a repeated lazy group here took
 * time doubling with each comment (28 comments, 7 s), and this runs on every file attached.
 */
export function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('utf8').replace(/^\uFEFF/, '');
  let at = skipSpace(head, 0);
  if (head.slice(at, at + 5).toLowerCase() === '<?xml') {
    const end = head.indexOf('>', at);
    if (end < 0) return false;
    at = skipSpace(head, end + 1);
  }
  for (;;) {
    if (head.startsWith('<!--', at)) {
      const end = head.indexOf('-->', at + 4);
      if (end < 0) return false;
      at = skipSpace(head, end + 3);
    } else if (head.slice(at, at + 9).toUpperCase() === '<!DOCTYPE') {
      const end = head.indexOf('>', at);
      if (end < 0) return false;
      at = skipSpace(head, end + 1);
    } else break;
  }
  return head.slice(at, at + 4).toLowerCase() === '<svg' && /[\s>]/.test(head.charAt(at + 4));
}

function skipSpace(s: string, at: number): number {
  while (at < s.length && /\s/.test(s.charAt(at))) at++;
  return at;
}

/** The type the bytes prove, or null when they match no format known here. */
function typeFromBytes(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  const six = ascii(bytes, 0, 6);
  if (six === 'GIF87a' || six === 'GIF89a') return 'image/gif';
  if (ascii(bytes, 0, 4) === 'RIFF') {
    const kind = ascii(bytes, 8, 12);
    if (kind === 'WEBP') return 'image/webp';
    if (kind === 'WAVE') return 'audio/wav';
    if (kind === 'AVI ') return 'video/x-msvideo';
  }
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  const iso = isoMediaType(bytes);
  if (iso) return iso;
  if (ascii(bytes, 0, 5) === '%PDF-') return 'application/pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return zipMediaType(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'application/x-ole-storage';
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) {
    return ascii(bytes, 0, Math.min(bytes.length, 64)).includes('webm') ? 'video/webm' : 'video/x-matroska';
  }
  if (ascii(bytes, 0, 4) === 'OggS') return 'audio/ogg';
  if (ascii(bytes, 0, 4) === 'fLaC') return 'audio/flac';
  if (ascii(bytes, 0, 3) === 'ID3' || (bytes.length > 1 && bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe6) === 0xe2)) return 'audio/mpeg';
  if (ascii(bytes, 0, 5) === '{\\rtf') return 'application/rtf';
  if (ascii(bytes, 0, 2) === 'BM' && bytes.length >= 14 && Buffer.from(bytes.buffer, bytes.byteOffset, 14).readUInt32LE(2) === bytes.length) {
    return 'image/bmp';
  }
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00]) && bytes.length > 6 && bytes[4] !== 0) return 'image/vnd.microsoft.icon';
  if (looksLikeSvg(bytes)) return 'image/svg+xml';
  return null;
}

/** Types whose bytes this module recognises: a claim of one of them that the bytes do not bear out is a false claim. */
const PROVABLE = new Set([
  ...THUMBNAILABLE,
  'image/bmp',
  'image/svg+xml',
  'application/pdf',
  'application/zip',
  ...Object.values(OOXML_BY_FOLDER),
  'video/mp4',
  'video/quicktime',
  'video/webm',
]);

/** Old binary Office files share one container format; the claimed type may say which. */
const OLE_TYPES = new Set(['application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint', 'application/vnd.ms-outlook']);

function cleanGivenType(given: string | null | undefined): string | null {
  if (!given) return null;
  const t = given.split(';')[0]!.trim().toLowerCase();
  return /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/.test(t) ? t : null;
}

/**
 * The media type of a file, from its first bytes (its name is never looked at). When the
 * bytes match no known format, the type the sender gave is kept if it is well formed and does
 * not claim a format the bytes disprove; otherwise the file is application/octet-stream.
 */
export function sniffMediaType(bytes: Uint8Array, given?: string | null): string {
  const claimed = cleanGivenType(given);
  const proved = typeFromBytes(bytes);
  if (proved === 'application/x-ole-storage') return claimed && OLE_TYPES.has(claimed) ? claimed : proved;
  if (proved) return proved;
  if (claimed && !PROVABLE.has(claimed)) return claimed;
  return OCTET_STREAM;
}

/** An SVG drawing: its own bytes are its preview (see svgPreview), never decoded here. */
export const SVG_TYPE = 'image/svg+xml';

/** The largest SVG shown as its own preview: a logo or a chart is a few kilobytes; a larger one shows its kind. */
export const SVG_PREVIEW_MAX_BYTES = 512 * 1024;

/**
 * An SVG is shown as its own preview, as the bytes stored: the app only ever draws a preview in
 * an <img>, where Chromium renders SVG as a static picture (no script runs, nothing is fetched:
 * no external image, font or stylesheet), and the page's policy allows images only from itself,
 * blob: and data:. No SVG is decoded in the core (libvips' SVG loader stays blocked).
 */
export function svgPreview(mediaType: string, size: number): boolean {
  return mediaType === SVG_TYPE && size > 0 && size <= SVG_PREVIEW_MAX_BYTES;
}

/** True for the raster formats a preview can be made of. */
export function canThumbnail(mediaType: string): boolean {
  return THUMBNAILABLE.has(mediaType);
}

function decoder(bytes: Uint8Array): Sharp {
  return sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS });
}

/**
 * The pixel size of an image as it is shown (EXIF orientation applied), or nulls when the
 * file is not an image or cannot be decoded.
 */
export async function imageSize(bytes: Uint8Array, mediaType: string): Promise<{ width: number | null; height: number | null }> {
  if (!canThumbnail(mediaType)) return { width: null, height: null };
  try {
    const m = await decoder(bytes).metadata();
    const width = m.autoOrient?.width ?? m.width;
    const height = m.autoOrient?.height ?? m.height;
    if (width > 0 && height > 0) return { width, height };
  } catch {
    // A damaged or unsupported image still becomes an attachment, only without a size.
  }
  return { width: null, height: null };
}

export function thumbnailPath(libraryDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new DatelineError('INVALID_INPUT', `"${sha256}" is not a SHA-256.`, { params: { reason: 'notSha256' } });
  return join(libraryDir, 'thumbs', `${sha256}.webp`);
}

/** Removes a stored file and its preview (an erased person's photo), each only if there. */
export function removeFile(blobs: BlobStore, sha256: string): void {
  rmSync(blobs.path(sha256), { force: true });
  rmSync(thumbnailPath(dirname(blobs.root), sha256), { force: true });
}

export function hasThumbnail(libraryDir: string, sha256: string): boolean {
  return existsSync(thumbnailPath(libraryDir, sha256));
}

/**
 * Makes the preview of an image: at most 320 px on its longer side, upright, WebP, written
 * atomically to <library>/thumbs/<sha256>.webp. sharp writes no metadata by default, so the
 * preview carries no EXIF (no GPS position of a photo taken in the field).
 * Returns the path, or null when the file is not an image that can be decoded.
 */
export async function makeThumbnail(blobs: BlobStore, libraryDir: string, sha256: string, bytes: Uint8Array, mediaType: string): Promise<string | null> {
  if (!canThumbnail(mediaType)) return null;
  let webp: Buffer;
  try {
    webp = await decoder(bytes)
      .rotate()
      .resize(THUMBNAIL_MAX, THUMBNAIL_MAX, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
  } catch {
    return null;
  }
  const path = thumbnailPath(libraryDir, sha256);
  blobs.writeAtomic(path, webp);
  return path;
}
