import { DatelineError } from '../../shared/errors';
import { tiffReader } from '../attachments/tiff';

/**
 * Removes location (GPS, XMP and IPTC place fields, maker notes that may hold either) from a
 * photo's file without touching its compressed pixels: a photo taken in a camp must not tell
 * a journalist's reader where the camp is, and a 3 MB photo must not be decoded and
 * compressed again (slow, and a second loss of quality) just to drop a few hundred bytes.
 */

const TAG_ORIENTATION = 0x0112;
const TAG_ARTIST = 0x013b;
const TAG_COPYRIGHT = 0x8298;

function damaged(what: string): DatelineError {
  return new DatelineError('FILE_UNREADABLE', `${what} is damaged: its JPEG structure cannot be read.`, { params: { reason: 'imageDamaged' } });
}

/**
 * A new Exif block holding only what a reader needs and that says nothing of place: the
 * orientation (or the photo shows sideways), the photographer and the copyright. Null when
 * none of them is there or the block cannot be read (then the whole block goes).
 */
function minimalExif(seg: Buffer): Buffer | null {
  // seg: FF E1, length (2), "Exif\0\0", TIFF data.
  const tiff = seg.subarray(10);
  const reader = tiffReader(tiff);
  if (!reader) return null;
  const { u16, u32 } = reader;
  try {
    const ifd = u32(4);
    const count = u16(ifd);
    let orientation: number | null = null;
    const texts = new Map<number, Buffer>();
    for (let i = 0; i < count; i++) {
      const e = ifd + 2 + i * 12;
      const tag = u16(e);
      const type = u16(e + 2);
      const n = u32(e + 4);
      if (tag === TAG_ORIENTATION && type === 3 && n === 1) {
        const v = u16(e + 8);
        if (v >= 1 && v <= 8) orientation = v;
      } else if ((tag === TAG_ARTIST || tag === TAG_COPYRIGHT) && type === 2 && n > 0 && n <= 2000) {
        const at = n <= 4 ? e + 8 : u32(e + 8);
        if (at + n > tiff.length) continue;
        const text = tiff.subarray(at, at + n);
        const end = text.indexOf(0);
        const clean = end >= 0 ? text.subarray(0, end) : text;
        if (clean.length > 0) texts.set(tag, Buffer.concat([clean, Buffer.from([0])]));
      }
    }
    const entries: { tag: number; type: number; count: number; value: Buffer }[] = [];
    if (orientation !== null) {
      const v = Buffer.alloc(4);
      v.writeUInt16BE(orientation, 0);
      entries.push({ tag: TAG_ORIENTATION, type: 3, count: 1, value: v });
    }
    for (const tag of [TAG_ARTIST, TAG_COPYRIGHT]) {
      const t = texts.get(tag);
      if (t) entries.push({ tag, type: 2, count: t.length, value: t });
    }
    if (entries.length === 0) return null;
    // Big-endian TIFF: header (8), IFD0 (2 + 12n + 4), then the out-of-line values.
    const ifdSize = 2 + entries.length * 12 + 4;
    let dataAt = 8 + ifdSize;
    const out: Buffer[] = [];
    const head = Buffer.alloc(8 + ifdSize);
    head.write('MM', 0, 'latin1');
    head.writeUInt16BE(42, 2);
    head.writeUInt32BE(8, 4);
    head.writeUInt16BE(entries.length, 8);
    entries.forEach((en, i) => {
      const at = 10 + i * 12;
      head.writeUInt16BE(en.tag, at);
      head.writeUInt16BE(en.type, at + 2);
      head.writeUInt32BE(en.count, at + 4);
      if (en.value.length <= 4) en.value.copy(head, at + 8);
      else {
        head.writeUInt32BE(dataAt, at + 8);
        const padded = en.value.length % 2 === 1 ? Buffer.concat([en.value, Buffer.from([0])]) : en.value;
        out.push(padded);
        dataAt += padded.length;
      }
    });
    const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), head, ...out]);
    const segHead = Buffer.alloc(4);
    segHead.writeUInt16BE(0xffe1, 0);
    segHead.writeUInt16BE(body.length + 2, 2);
    return Buffer.concat([segHead, body]);
  } catch {
    return null;
  }
}

function startsWithText(seg: Buffer, text: string): boolean {
  return seg.length >= 4 + text.length && seg.toString('latin1', 4, 4 + text.length) === text;
}

/** Whether a segment before the image data is kept, dropped or rewritten. */
function keepSegment(marker: number, seg: Buffer): Buffer | null {
  if (marker === 0xe1) return startsWithText(seg, 'Exif\0\0') ? minimalExif(seg) : null; // XMP and extended XMP go
  if (marker === 0xe0) return seg; // JFIF
  if (marker === 0xe2) return startsWithText(seg, 'ICC_PROFILE\0') ? seg : null; // colours stay; MPF and FlashPix go
  if (marker === 0xee) return startsWithText(seg, 'Adobe') ? seg : null; // tells CMYK decoders how to read the pixels
  if (marker >= 0xe3 && marker <= 0xef) return null; // IPTC (APP13, with city and sublocation) and makers' blocks
  if (marker === 0xfe) return null; // free-text comments
  return seg;
}

/**
 * A JPEG with its location metadata removed and its compressed image data copied byte for
 * byte. Whatever follows the image (phones append depth maps and previews, each with its
 * own metadata) is dropped.
 */
export function stripJpegLocation(src: Buffer, what = 'The photo'): Buffer {
  if (src.length < 4 || src[0] !== 0xff || src[1] !== 0xd8) throw damaged(what);
  const out: Buffer[] = [src.subarray(0, 2)];
  let at = 2;
  let inScan = false;
  while (at < src.length) {
    if (inScan) {
      // Entropy-coded data: 0xFF is followed by 0x00 (a stuffed byte) or a restart marker,
      // unless a real marker starts there (the next scan's tables, or the end).
      let i = at;
      while (i + 1 < src.length) {
        if (src[i] === 0xff) {
          const m = src[i + 1]!;
          if (m !== 0x00 && m !== 0xff && !(m >= 0xd0 && m <= 0xd7)) break;
        }
        i++;
      }
      out.push(src.subarray(at, i));
      if (i + 1 >= src.length) {
        // No end marker: a truncated file. Keep what there is and close it properly.
        out.push(src.subarray(i), Buffer.from([0xff, 0xd9]));
        return Buffer.concat(out);
      }
      at = i;
      inScan = false;
      continue;
    }
    if (src[at] !== 0xff) throw damaged(what);
    let marker = src[at + 1];
    while (marker === 0xff && at + 2 < src.length) {
      at++; // fill bytes
      marker = src[at + 1];
    }
    if (marker === undefined) throw damaged(what);
    if (marker === 0xd9) {
      out.push(Buffer.from([0xff, 0xd9]));
      return Buffer.concat(out);
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      out.push(src.subarray(at, at + 2));
      at += 2;
      continue;
    }
    if (at + 4 > src.length) throw damaged(what);
    const len = src.readUInt16BE(at + 2);
    if (len < 2 || at + 2 + len > src.length) throw damaged(what);
    const seg = src.subarray(at, at + 2 + len);
    const kept = keepSegment(marker, seg);
    if (kept) out.push(kept);
    at += 2 + len;
    if (marker === 0xda) inScan = true;
  }
  out.push(Buffer.from([0xff, 0xd9]));
  return Buffer.concat(out);
}

/**
 * PNG chunks a picture needs to look right; every other chunk goes: text in three encodings
 * (XMP travels in iTXt), Exif, C2PA provenance (caBX, which may name a place), timestamps and
 * any private chunk.
 */
const PNG_KEPT = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'pHYs', 'bKGD', 'cICP', 'mDCV', 'cLLI', 'acTL', 'fcTL', 'fdAT']);

export function stripPngLocation(src: Buffer, what = 'The image'): Buffer {
  const sig = src.subarray(0, 8);
  if (src.length < 8 || sig.toString('hex') !== '89504e470d0a1a0a') throw new DatelineError('FILE_UNREADABLE', `${what} is damaged: not a PNG file.`, { params: { reason: 'imageDamaged' } });
  const out: Buffer[] = [sig];
  let at = 8;
  while (at + 12 <= src.length) {
    const len = src.readUInt32BE(at);
    const type = src.toString('latin1', at + 4, at + 8);
    const end = at + 12 + len;
    if (end > src.length) throw new DatelineError('FILE_UNREADABLE', `${what} is damaged: a PNG chunk runs past the end of the file.`, { params: { reason: 'imageDamaged' } });
    if (PNG_KEPT.has(type)) out.push(src.subarray(at, end));
    at = end;
    if (type === 'IEND') break;
  }
  return Buffer.concat(out);
}

/** Application extensions that only say how an animation loops; any other (XMP, C2PA, a maker's) goes. */
const GIF_LOOP_APPS = new Set(['NETSCAPE2.0', 'ANIMEXTS1.0']);

/**
 * A GIF without its comments and application blocks (XMP and provenance travel there), its
 * frames, palettes, timing and loop copied byte for byte.
 */
export function stripGifMetadata(src: Buffer, what = 'The image'): Buffer {
  const damaged = (why: string) => new DatelineError('FILE_UNREADABLE', `${what} is damaged: ${why}.`, { params: { reason: 'imageDamaged' } });
  const head = src.toString('latin1', 0, 6);
  if (src.length < 13 || (head !== 'GIF87a' && head !== 'GIF89a')) throw damaged('not a GIF file');
  const table = (flags: number) => (flags & 0x80 ? 3 * 2 ** ((flags & 0x07) + 1) : 0);
  /** The end of a run of sub-blocks starting at `at` (after its 0 terminator). */
  const subBlocks = (at: number): number => {
    let i = at;
    while (i < src.length && src[i] !== 0) i += 1 + src[i]!;
    if (i >= src.length) throw damaged('a GIF block runs past the end of the file');
    return i + 1;
  };
  let at = 13 + table(src[10]!);
  const out: Buffer[] = [src.subarray(0, at)];
  while (at < src.length) {
    const kind = src[at]!;
    if (kind === 0x3b) {
      out.push(src.subarray(at, at + 1));
      return Buffer.concat(out);
    }
    if (kind === 0x2c) {
      if (at + 11 > src.length) throw damaged('a GIF frame runs past the end of the file');
      const end = subBlocks(at + 10 + table(src[at + 9]!) + 1);
      out.push(src.subarray(at, end));
      at = end;
    } else if (kind === 0x21) {
      const label = src[at + 1];
      const end = subBlocks(at + 2);
      const app = label === 0xff && src[at + 2] === 11 ? src.toString('latin1', at + 3, at + 14) : null;
      const keep = label === 0xf9 || label === 0x01 || (app !== null && GIF_LOOP_APPS.has(app));
      if (keep) out.push(src.subarray(at, end));
      at = end;
    } else throw damaged(`an unknown GIF block (0x${kind.toString(16)})`);
  }
  // No trailer: a truncated file, closed properly.
  out.push(Buffer.from([0x3b]));
  return Buffer.concat(out);
}
