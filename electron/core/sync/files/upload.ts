import { DatelineError } from '../../../shared/errors';
import { BlobStore } from '../../attachments/blobs';
import { chunkLength, fileDocId, manifestOf, readChunks, type FileManifest } from './chunks';
import type { ChunkOut, FilesPeer } from './files-peer';
import { Pace } from './pace';

/**
 * Uploading files, a group at a time: the files the server does not list yet (one `_all_docs`),
 * their chunks the server lacks (one `_revs_diff` for all chunks of the group), those chunks
 * several to a `_bulk_docs` request in lanes paced by the link (pace.ts), then the group's file
 * documents in one `_bulk_docs`. A cut anywhere leaves the chunks already sent on the server, so
 * the next run sends only the rest: a cut at 60% resumes at 60%. A file another library already
 * uploaded costs one `_all_docs` row, no chunk.
 */

export interface FileRef {
  sha256: string;
  size: number;
}

export interface UploadResult {
  /** Files now complete on the server that were not before. */
  files: number;
  chunks: number;
  /** Chunk bytes sent (the file's own bytes; the protocol's bytes per request are in the peer's stats). */
  bytes: number;
  /** Chunks the server already had (another file, another library, an earlier cut run). */
  chunksSkipped: number;
}

/** Files per group: their manifests are made first, and their file documents written when the group is up. */
const GROUP_BYTES = 32 * 1024 * 1024;

/** One missing chunk: where in which file, and its bytes when they were kept from making the manifest. */
interface Pending {
  manifest: FileManifest;
  path: string;
  index: number;
  bytes?: Buffer;
}

/**
 * Files up to this size keep their chunks from the pass that made their manifest (hashed then,
 * from the very bytes sent): 40 photos of 256 KB were read and hashed twice, 10 MB each time.
 * A larger file's chunks are read again as they go, each checked against its hash.
 */
const KEEP_BYTES = 8 * 1024 * 1024;

export async function uploadFiles(peer: FilesPeer, blobs: BlobStore, files: readonly FileRef[], signal?: AbortSignal): Promise<UploadResult> {
  const result: UploadResult = { files: 0, chunks: 0, bytes: 0, chunksSkipped: 0 };
  const here = distinctFiles(files).filter((f) => f.size > 0 && blobs.has(f.sha256));
  const onServer = await peer.existing(here.map((f) => fileDocId(f.sha256)));
  const todo = here.filter((f) => !onServer.has(fileDocId(f.sha256)));
  let pace: Pace | null = null;
  for (let start = 0; start < todo.length; ) {
    let end = start;
    for (let bytes = 0; end < todo.length && (end === start || bytes + todo[end]!.size <= GROUP_BYTES); end++) bytes += todo[end]!.size;
    const group = todo.slice(start, end);
    start = end;
    signal?.throwIfAborted();
    const manifests: FileManifest[] = [];
    const kept = new Map<FileManifest, Buffer[]>();
    for (const f of group) {
      const bytes: Buffer[] = [];
      const m = await manifestOf(blobs.path(f.sha256), f.sha256, f.size, undefined, f.size <= KEEP_BYTES ? (i, b) => (bytes[i] = b) : undefined);
      manifests.push(m);
      if (bytes.length > 0) kept.set(m, bytes);
    }
    const missing = await peer.missingChunks([...new Set(manifests.flatMap((m) => m.chunks))]);
    const queue: Pending[] = [];
    for (const m of manifests) {
      m.chunks.forEach((sha, index) => {
        if (!missing.has(sha)) return result.chunksSkipped++;
        // A chunk twice (in one file or two) goes once.
        missing.delete(sha);
        const bytes = kept.get(m)?.[index];
        queue.push({ manifest: m, path: blobs.path(m.sha256), index, ...(bytes ? { bytes } : {}) });
      });
    }
    pace ??= new Pace(Math.min(...manifests.map((m) => m.chunkSize)), undefined, peer.requestBytes);
    let next = 0;
    const take = (budget: number): Pending[] | null => {
      if (next >= queue.length) return null;
      const batch: Pending[] = [];
      let bytes = 0;
      while (next < queue.length && (batch.length === 0 || bytes + queue[next]!.manifest.chunkSize <= budget)) {
        const p = queue[next++]!;
        bytes += chunkLength(p.index, p.manifest.size, p.manifest.chunkSize);
        batch.push(p);
      }
      return batch;
    };
    const lanes = pace;
    await lanes.inLanes(take, async (batch) => {
      const chunks = await readBatch(batch);
      const retries = peer.couch.stats.retries;
      const wire = await peer.putChunks(chunks);
      if (peer.couch.stats.retries > retries) lanes.dropped();
      result.chunks += chunks.length;
      for (const c of chunks) result.bytes += c.bytes.length;
      return wire;
    }, signal);
    // Written last: a file document on the server means the whole file is there.
    await peer.putFiles(manifests);
    result.files += manifests.length;
  }
  return result;
}

/** A request's chunks: those kept as they are, the others read from disk (consecutive chunks of one file in one read), each checked against its hash. */
async function readBatch(batch: readonly Pending[]): Promise<ChunkOut[]> {
  const out: ChunkOut[] = [];
  for (let i = 0; i < batch.length; ) {
    const first = batch[i]!;
    if (first.bytes) {
      out.push({ sha256: first.manifest.chunks[first.index]!, bytes: first.bytes });
      i++;
      continue;
    }
    let run = 1;
    while (i + run < batch.length && !batch[i + run]!.bytes && batch[i + run]!.manifest === first.manifest && batch[i + run]!.index === first.index + run) run++;
    const m = first.manifest;
    const read = await readChunks(first.path, first.index, run, m.size, m.chunkSize);
    read.forEach((bytes, k) => {
      const sha = m.chunks[first.index + k]!;
      // The file may have been replaced on disk since its manifest was made: never send a chunk under another's name.
      if (BlobStore.hash(bytes) !== sha) {
        throw new DatelineError('LIBRARY_DAMAGED', `The library's copy of the file ${m.sha256.slice(0, 12)}… does not match its hash; it was not uploaded.`, {
          params: { sha256: m.sha256, reason: 'fileMismatch' },
        });
      }
      out.push({ sha256: sha, bytes });
    });
    i += run;
  }
  return out;
}

/** Each file once, whichever attachments name it. */
export function distinctFiles(files: readonly FileRef[]): FileRef[] {
  const seen = new Map<string, FileRef>();
  for (const f of files) if (!seen.has(f.sha256)) seen.set(f.sha256, f);
  return [...seen.values()];
}
