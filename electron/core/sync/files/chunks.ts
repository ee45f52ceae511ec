import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { z } from 'zod';
import { canonicalJson } from '../../store/revisions';

/**
 * Files travel as 1 MiB content-addressed chunks in their own database next to the documents'
 * (`<db>-files`), so a link that drops at 60% of a photo resumes at 60%, and a photo two
 * offices both hold is sent once. Everything here is a function of the bytes alone: a chunk
 * document is `chunk-<sha256 of the chunk>` at revision `1-<first 32 hex of that sha256>` with
 * the bytes as its one attachment and nothing else; a file document `file-<sha256 of the file>`
 * lists its chunks in order, at a revision made from its body. Two libraries uploading the same
 * file therefore write the very same documents and revisions, and never make a conflict.
 */

export const CHUNK_SIZE = 1024 * 1024;
/** The name of a chunk document's one attachment. */
export const CHUNK_ATTACHMENT = 'data';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'not a SHA-256');

export const chunkId = (sha256: string): string => `chunk-${sha256}`;
export const chunkRev = (sha256: string): string => `1-${sha256.slice(0, 32)}`;
export const fileDocId = (sha256: string): string => `file-${sha256}`;

/** How many chunks a file of this size has (an empty file has none). */
export const chunkCount = (size: number): number => Math.ceil(size / CHUNK_SIZE);

/** The file document as stored on the server: the file's hash, its size and its chunks in order. */
export const FileDoc = z
  .object({
    _id: z.string(),
    _rev: z.string(),
    sha256: Sha256,
    size: z.number().int().min(0),
    chunks: z.array(Sha256),
  })
  .loose()
  .refine((d) => d._id === fileDocId(d.sha256), { message: 'the document id does not name its file' })
  .refine((d) => d.chunks.length === chunkCount(d.size), { message: 'the chunk list does not fit the size' });

export interface FileManifest {
  sha256: string;
  size: number;
  chunks: string[];
}

/** The file document to write, with its revision and path (written as it is, `new_edits: false`). */
export function fileDoc(m: FileManifest): Record<string, unknown> & { _id: string; _rev: string } {
  const body = { sha256: m.sha256, size: m.size, chunks: m.chunks };
  const hashPart = createHash('md5').update(canonicalJson(body)).digest('hex');
  return { _id: fileDocId(m.sha256), _rev: `1-${hashPart}`, _revisions: { start: 1, ids: [hashPart] }, ...body };
}

/** A chunk document's JSON part, as sent before its bytes in a multipart/related PUT. */
export function chunkDoc(sha256: string, length: number): Record<string, unknown> {
  const rev = chunkRev(sha256);
  return {
    _id: chunkId(sha256),
    _rev: rev,
    _revisions: { start: 1, ids: [rev.slice(2)] },
    _attachments: { [CHUNK_ATTACHMENT]: { follows: true, content_type: 'application/octet-stream', length } },
  };
}

/** Reads chunk `index` of a file on disk (the last one may be shorter). */
export async function readChunk(path: string, index: number, size: number): Promise<Buffer> {
  const start = index * CHUNK_SIZE;
  const length = Math.min(CHUNK_SIZE, size - start);
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    let at = 0;
    while (at < length) {
      const { bytesRead } = await fh.read(buf, at, length - at, start + at);
      if (bytesRead === 0) throw new Error(`${path} is shorter than its recorded size`);
      at += bytesRead;
    }
    return buf;
  } finally {
    await fh.close();
  }
}

/** The manifest of a file on disk: one pass, one chunk in memory at a time. */
export async function manifestOf(path: string, sha256: string, size: number): Promise<FileManifest> {
  const chunks: string[] = [];
  for (let i = 0; i < chunkCount(size); i++) chunks.push(createHash('sha256').update(await readChunk(path, i, size)).digest('hex'));
  return { sha256, size, chunks };
}
