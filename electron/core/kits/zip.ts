import { createWriteStream } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
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
    if (isUnsafeEntryPath(e.path)) throw new DatelineError('INTERNAL', `Refusing to write the unsafe ZIP entry name "${e.path}".`, { params: { reason: 'unsafeZipEntry', detail: e.path } });
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
