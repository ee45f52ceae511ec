import { createHash } from 'node:crypto';
import { BlobStore } from '../../attachments/blobs';
import { open } from 'node:fs/promises';
import { z } from 'zod';
import { canonicalJson } from '../../store/revisions';
import { BULK_HEAD, BULK_TAIL } from '../couch-peer';

/**
 * Files travel as content-addressed chunks in their own database next to the documents'
 * (`<db>-files`), so a link that drops at 60% of a photo resumes at 60%, and a photo two
 * offices both hold is sent once. Everything here is a function of the bytes alone: a chunk
 * document is `chunk-<sha256 of the chunk>` at revision `1-<first 32 hex of that sha256>` with
 * the bytes as its one attachment and nothing else; a file document `file-<sha256 of the file>`
 * lists its chunks in order, at a revision made from its body. Two libraries uploading the same
 * file therefore write the very same documents and revisions, and never make a conflict.
 *
 * The chunk size is a function of the file's size (so every device cuts a file the same way):
 * the smallest of 8, 16, 32 or 64 KiB that cuts it into at most 64 chunks, 64 KiB above 2 MiB.
 * A drop loses the chunk in flight: at 64 kbit/s a 1 MiB chunk takes 131 s, longer than a
 * satellite link stays up, and with 1 MiB chunks the field-link bench sent 2.16x a clean push
 * (16 KiB chunks: 1.08x; 8 KiB: see the README). Each chunk costs about 750 bytes of protocol
 * (its JSON part, a `_revs_diff` entry, its line in the file document), so bigger files take
 * bigger chunks: 1% of a 64 KiB chunk.
 */

/** The size of every chunk of file documents written before the size followed the file (no `chunkSize`); sync files still use it. */
export const LEGACY_CHUNK_SIZE = 1024 * 1024;
const SMALLEST_CHUNK = 8 * 1024;
const LARGEST_CHUNK = 64 * 1024;
/** A file takes the smallest chunk size that cuts it into at most this many chunks, within the bounds above. */
const CHUNKS_PER_FILE = 64;

/** The chunk size for a file of this size: the same on every device, every version from this one on. */
export function chunkSizeFor(size: number): number {
  let chunk = SMALLEST_CHUNK;
  while (chunk < LARGEST_CHUNK && size > chunk * CHUNKS_PER_FILE) chunk *= 2;
  return chunk;
}
/** The name of a chunk document's one attachment. */
export const CHUNK_ATTACHMENT = 'data';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'not a SHA-256');

export const chunkId = (sha256: string): string => `chunk-${sha256}`;
export const chunkRev = (sha256: string): string => `1-${sha256.slice(0, 32)}`;
export const fileDocId = (sha256: string): string => `file-${sha256}`;

/** How many chunks a file of this size has in chunks of `chunkSize` (an empty file has none). */
export const chunkCount = (size: number, chunkSize: number): number => Math.ceil(size / chunkSize);

/** The file document as stored on the server: the file's hash, its size, its chunk size (none: 1 MiB) and its chunks in order. */
export const FileDoc = z
  .object({
    _id: z.string(),
    _rev: z.string(),
    sha256: Sha256,
    size: z.number().int().min(0),
    chunkSize: z.number().int().min(1024).max(LEGACY_CHUNK_SIZE).optional(),
    chunks: z.array(Sha256),
  })
  .loose()
  .refine((d) => d._id === fileDocId(d.sha256), { message: 'the document id does not name its file' })
  .refine((d) => d.chunks.length === chunkCount(d.size, d.chunkSize ?? LEGACY_CHUNK_SIZE), { message: 'the chunk list does not fit the size' });

export interface FileManifest {
  sha256: string;
  size: number;
  chunkSize: number;
  chunks: string[];
}

/** The file document to write, with its revision and path (written as it is, `new_edits: false`). */
export function fileDoc(m: FileManifest): Record<string, unknown> & { _id: string; _rev: string } {
  const body = { sha256: m.sha256, size: m.size, chunkSize: m.chunkSize, chunks: m.chunks };
  const hashPart = createHash('md5').update(canonicalJson(body)).digest('hex');
  return { _id: fileDocId(m.sha256), _rev: `1-${hashPart}`, _revisions: { start: 1, ids: [hashPart] }, ...body };
}

/**
 * The `_bulk_docs` body (`new_edits: false`) for these chunks: each a chunk document at its fixed
 * revision and path, its bytes inline as base64. Put together in one buffer of known size, not
 * by JSON.stringify: a photo's chunks were a megabyte of base64 strings copied into the JSON
 * text and then encoded to UTF-8 again (10 MB of chunks: about 160 ms of CPU, more than the
 * compressing after). Every part is ASCII, so the text is its bytes.
 */
export function chunkDocsBody(chunks: readonly { sha256: string; bytes: Uint8Array }[]): Buffer {
  const parts = chunks.map((c) => {
    const hex = chunkRev(c.sha256).slice(2);
    return {
      head: `{"_id":"${chunkId(c.sha256)}","_rev":"1-${hex}","_revisions":{"start":1,"ids":["${hex}"]},"_attachments":{"${CHUNK_ATTACHMENT}":{"content_type":"application/octet-stream","data":"`,
      data: Buffer.from(c.bytes.buffer, c.bytes.byteOffset, c.bytes.byteLength).toString('base64'),
    };
  });
  const size = BULK_HEAD.length + BULK_TAIL.length + parts.reduce((n, p, i) => n + (i > 0 ? 1 : 0) + p.head.length + p.data.length + DOC_TAIL.length, 0);
  const body = Buffer.allocUnsafe(size);
  let at = body.write(BULK_HEAD, 0, 'latin1');
  parts.forEach((p, i) => {
    if (i > 0) at += body.write(',', at, 'latin1');
    at += body.write(p.head, at, 'latin1');
    at += body.write(p.data, at, 'latin1');
    at += body.write(DOC_TAIL, at, 'latin1');
  });
  body.write(BULK_TAIL, at, 'latin1');
  return body;
}

const DOC_TAIL = '"}}}';

/** The length of chunk `index` of a file (the last one may be shorter). */
export const chunkLength = (index: number, size: number, chunkSize: number): number => Math.min(chunkSize, size - index * chunkSize);

/** Reads chunks `from` to `from + count - 1` of a file on disk in one read, each as its own slice. */
export async function readChunks(path: string, from: number, count: number, size: number, chunkSize: number): Promise<Buffer[]> {
  const start = from * chunkSize;
  const length = Math.min(size, (from + count) * chunkSize) - start;
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    let at = 0;
    while (at < length) {
      const { bytesRead } = await fh.read(buf, at, length - at, start + at);
      if (bytesRead === 0) throw new Error(`${path} is shorter than its recorded size`);
      at += bytesRead;
    }
    return Array.from({ length: count }, (_, k) => buf.subarray(k * chunkSize, Math.min(length, (k + 1) * chunkSize)));
  } finally {
    await fh.close();
  }
}

/** Reads chunk `index` of a file on disk. */
export async function readChunk(path: string, index: number, size: number, chunkSize: number): Promise<Buffer> {
  return (await readChunks(path, index, 1, size, chunkSize))[0]!;
}

/**
 * The manifest of a file on disk: one pass, a few chunks in memory at a time. `keep` hears each
 * chunk with its index as it is hashed (an upload keeps a small file's chunks so as not to read
 * and hash them a second time).
 */
export async function manifestOf(path: string, sha256: string, size: number, chunkSize = chunkSizeFor(size), keep?: (index: number, bytes: Buffer) => void): Promise<FileManifest> {
  const chunks: string[] = [];
  const total = chunkCount(size, chunkSize);
  const step = Math.max(1, Math.floor((1024 * 1024) / chunkSize));
  for (let i = 0; i < total; i += step) {
    for (const bytes of await readChunks(path, i, Math.min(step, total - i), size, chunkSize)) {
      keep?.(chunks.length, bytes);
      chunks.push(BlobStore.hash(bytes));
    }
  }
  return { sha256, size, chunkSize, chunks };
}
