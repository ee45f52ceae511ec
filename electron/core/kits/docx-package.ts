import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { DatelineError } from '../../shared/errors';

/**
 * The DOCX package (a ZIP file) of a kit: its parts written one after the other with a central
 * directory, the XML deflated by zlib, photos and fonts stored as they are (they are compressed
 * already). Parts that come from the office's look (see docx-look.ts) keep the compressed bytes
 * they were cached with, so they are neither inflated nor deflated again.
 */

export interface Part {
  name: Buffer;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  data: Buffer;
}

/**
 * zlib's level for the XML. On the bench kit's 108 KB document.xml (best of 30): level 3 took
 * 1.1 ms for 14.2 KB, level 6 (zlib's default) 2.1 ms for 12.2 KB, level 1 1.4 ms for 16.2 KB;
 * 2 KB more in a 3.8 MB package with its photos is nothing.
 */
const DEFLATE_LEVEL = 3;

/** A part to write: XML is deflated, anything else (photos, fonts) stored; `crc` when it is known already. */
export function partOf(name: string, content: string | Buffer, crc?: number): Part {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const deflate = typeof content === 'string';
  const data = deflate ? deflateRawSync(bytes, { level: DEFLATE_LEVEL }) : bytes;
  return { name: Buffer.from(name, 'utf8'), method: deflate ? 8 : 0, crc: crc ?? crc32(bytes), compressedSize: data.length, size: bytes.length, data };
}

const broken = (what: string) => new DatelineError('INTERNAL', `The Word document could not be packed (${what}); nothing was written.`, { params: { reason: 'docxPacking', detail: what } });

/** The parts of a package written by `docx` or by `packParts` (no ZIP64, no comment), read through its central directory. */
export function partsOf(zip: Buffer): Part[] {
  const eocd = zip.length - 22;
  if (eocd < 0 || zip.readUInt32LE(eocd) !== 0x06054b50) throw broken('no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const parts: Part[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) throw broken('a damaged central directory');
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength);
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50) throw broken('a damaged local header');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    if (start + compressedSize > zip.length) throw broken('a part past the end');
    parts.push({ name, method, crc, compressedSize, size, data: zip.subarray(start, start + compressedSize) });
    at += 46 + skip;
  }
  return parts;
}

/** A part's bytes as they were before compression. */
export const contentOf = (p: Part): Buffer => (p.method === 8 ? inflateRawSync(p.data) : p.data);

/** DOS date and time of a fixed moment, so the same kit packs to the same bytes. */
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;
const UTF8_NAMES = 0x0800;

/**
 * A part's local header (`localAt` null), or its entry in the central directory, which has the
 * same fields two bytes further on (after "version made by") and the local header's offset.
 */
function header(part: Part, localAt: number | null): Buffer {
  const central = localAt !== null;
  const at = central ? 2 : 0;
  const b = Buffer.alloc(central ? 46 : 30);
  b.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, 0);
  if (central) b.writeUInt16LE(20, 4);
  b.writeUInt16LE(20, 4 + at); // version needed to extract
  b.writeUInt16LE(UTF8_NAMES, 6 + at);
  b.writeUInt16LE(part.method, 8 + at);
  b.writeUInt16LE(0, 10 + at); // time
  b.writeUInt16LE(DOS_DATE, 12 + at);
  b.writeUInt32LE(part.crc >>> 0, 14 + at);
  b.writeUInt32LE(part.compressedSize, 18 + at);
  b.writeUInt32LE(part.size, 22 + at);
  b.writeUInt16LE(part.name.length, 26 + at);
  // Extra field, comment, disk and attributes stay 0.
  if (central) b.writeUInt32LE(localAt, 42);
  return b;
}

/**
 * The package of `parts`, in their order, as the pieces to write one after the other: not
 * joined into one buffer, because copying the photos' megabytes into a new one took more than
 * everything else (allocating it under memory pressure), and the file is written piece by piece.
 */
export function packParts(parts: Part[]): Buffer[] {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    central.push(header(part, offset), part.name);
    out.push(header(part, null), part.name, part.data);
    offset += 30 + part.name.length + part.data.length;
  }
  const centralBytes = Buffer.concat(central);
  if (offset + centralBytes.length > 0xffffffff) throw broken('over 4 GB');
  if (parts.length > 0xffff) throw broken('too many parts');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return [...out, centralBytes, end];
}
