import { createWriteStream } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { cancelledError, DatelineError } from '../../shared/errors';
import { isUnsafeEntryPath } from '../../shared/kits/layout';

/** Writing ZIP files (the DOCX package and the kit bundles) with yazl. */

/** A fixed time for every entry, so the same kit exports to the same bytes. */
function entryTime(at: Date): Date {
  // DOS timestamps start in 1980; anything before would be refused by some unzippers.
  return at.getTime() < Date.UTC(1980, 1, 1) ? new Date(Date.UTC(1980, 1, 1)) : at;
}

/**
 * Media types whose bytes are already compressed: stored as they are, because deflating a
 * JPEG again costs time and saves nothing.
 */
export function alreadyCompressed(mediaType: string): boolean {
  return (
    /^(image|video|audio)\//.test(mediaType) && mediaType !== 'image/bmp' && mediaType !== 'image/tiff' && mediaType !== 'image/svg+xml'
  ) || /^application\/(zip|pdf|gzip|x-7z-compressed|vnd\.openxmlformats|vnd\.oasis\.opendocument|epub)/.test(mediaType);
}

function readEntries(buf: Buffer): Promise<{ name: string; data: Buffer }[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('cannot read the package'));
      const out: { name: string; data: Buffer }[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(out));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('cannot read an entry'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            out.push({ name: entry.fileName, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

/**
 * Writes a DOCX package again with its stand-in images replaced by the real bytes, stored
 * uncompressed; the XML parts are deflated. A stand-in is known by its content (`media` is
 * keyed by the stand-in's bytes as latin1 text), whatever name the package gave it.
 */
export async function rezip(packed: Buffer, media: Map<string, Buffer>, mtime = new Date(Date.UTC(2000, 0, 1))): Promise<Buffer> {
  const entries = await readEntries(packed);
  const zip = new yazl.ZipFile();
  const seen = new Set<string>();
  for (const e of entries) {
    const key = e.name.startsWith('word/media/') && e.data.length < 512 ? e.data.toString('latin1') : null;
    const real = key === null ? undefined : media.get(key);
    if (real && key !== null) {
      seen.add(key);
      zip.addBuffer(real, e.name, { compress: false, mtime });
    } else zip.addBuffer(e.data, e.name, { compress: true, compressionLevel: 6, mtime });
  }
  const missing = [...media.keys()].filter((k) => !seen.has(k));
  if (missing.length) throw new DatelineError('INTERNAL', `The Word document lost ${missing.length} image(s) while it was packed.`);
  const out = collect(zip.outputStream);
  zip.end();
  return out;
}

export interface ZipEntry {
  path: string;
  /** Called when the entry's turn comes, so only one large file is in memory at a time. */
  bytes: () => Promise<Buffer> | Buffer;
  compress: boolean;
}

/** Writes a ZIP file to `path` (a temporary name: the caller renames it when all is well). */
export async function writeZip(path: string, entries: ZipEntry[], mtime: Date, signal?: AbortSignal): Promise<void> {
  const zip = new yazl.ZipFile();
  const time = entryTime(mtime);
  for (const e of entries) {
    // The names were made safe when they were given out; this is the last guard before the disk.
    if (isUnsafeEntryPath(e.path)) throw new DatelineError('INTERNAL', `Refusing to write the unsafe ZIP entry name "${e.path}".`);
    zip.addReadStreamLazy(e.path, { compress: e.compress, mtime: time }, (cb) => {
      if (signal?.aborted) {
        cb(cancelledError('export'), new PassThrough());
        return;
      }
      Promise.resolve()
        .then(() => e.bytes())
        .then(
          (b) => cb(null, Readable.from([b])),
          (err: unknown) => cb(err instanceof Error ? err : new Error(String(err)), new PassThrough()),
        );
    });
  }
  const failed = new Promise<never>((_, reject) => zip.on('error', reject));
  zip.end();
  await Promise.race([pipeline(zip.outputStream as unknown as Readable, createWriteStream(path, { flags: 'wx' })), failed]);
}
