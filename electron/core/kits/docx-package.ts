import { crc32, inflateRawSync } from 'node:zlib';
import { DatelineError } from '../../shared/errors';

/**
 * Puts the real photos into the DOCX package `docx` wrote with tiny stand-ins for them (see
 * docx.ts). Every other part is copied with its compressed bytes as they are, so nothing is
 * inflated or deflated again: on the bench's kit this step went from a quarter of the DOCX's
 * time (yauzl reading every part, yazl deflating it again) to copying bytes. The package is
 * the one `docx` just wrote (no ZIP64, no comment), read through its central directory.
 */

interface Part {
  name: Buffer;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  data: Buffer;
}

const broken = (what: string) => new DatelineError('INTERNAL', `The Word document could not be packed (${what}); nothing was written.`);

function partsOf(zip: Buffer): Part[] {
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

/** The package with each stand-in (known by its bytes, as latin1 text) replaced by its real image, stored. */
export function withRealImages(packed: Buffer, media: Map<string, Buffer>): Buffer {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  const seen = new Set<string>();
  let offset = 0;
  for (const p of partsOf(packed)) {
    let part = p;
    if (p.name.toString('latin1').startsWith('word/media/') && p.size < 512) {
      const bytes = p.method === 8 ? inflateRawSync(p.data) : p.data;
      const real = media.get(bytes.toString('latin1'));
      if (real) {
        seen.add(bytes.toString('latin1'));
        // Photos are compressed already: stored as they are.
        part = { name: p.name, method: 0, crc: crc32(real), compressedSize: real.length, size: real.length, data: real };
      }
    }
    central.push(header(part, offset), part.name);
    out.push(header(part, null), part.name, part.data);
    offset += 30 + part.name.length + part.data.length;
  }
  const missing = [...media.keys()].filter((k) => !seen.has(k));
  if (missing.length) throw new DatelineError('INTERNAL', `The Word document lost ${missing.length} image(s) while it was packed.`);
  const centralBytes = Buffer.concat(central);
  if (offset + centralBytes.length > 0xffffffff) throw broken('over 4 GB');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, centralBytes, end]);
}
