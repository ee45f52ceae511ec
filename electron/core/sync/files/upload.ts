import { createHash } from 'node:crypto';
import { DatelineError } from '../../../shared/errors';
import type { BlobStore } from '../../attachments/blobs';
import { chunkCount, fileDocId, manifestOf, readChunk } from './chunks';
import type { FilesPeer } from './files-peer';

/**
 * Uploading files: for each file the server does not list yet, its chunks the server lacks
 * (asked with `_revs_diff`), one at a time, then its file document. A cut anywhere leaves the
 * chunks already sent on the server, so the next run sends only the rest: a cut at 60% resumes
 * at 60%. A file another library already uploaded costs one `_all_docs` row, no chunk.
 */

export interface FileRef {
  sha256: string;
  size: number;
}

export interface UploadResult {
  /** Files now complete on the server that were not before. */
  files: number;
  chunks: number;
  /** Chunk bytes sent (the file's own bytes; the protocol's few hundred bytes per chunk are in the peer's stats). */
  bytes: number;
  /** Chunks the server already had (another file, another library, an earlier cut run). */
  chunksSkipped: number;
}

export async function uploadFiles(peer: FilesPeer, blobs: BlobStore, files: readonly FileRef[], signal?: AbortSignal): Promise<UploadResult> {
  const result: UploadResult = { files: 0, chunks: 0, bytes: 0, chunksSkipped: 0 };
  const here = distinctFiles(files).filter((f) => f.size > 0 && blobs.has(f.sha256));
  const onServer = await peer.existing(here.map((f) => fileDocId(f.sha256)));
  for (const f of here) {
    if (onServer.has(fileDocId(f.sha256))) continue;
    signal?.throwIfAborted();
    const path = blobs.path(f.sha256);
    const manifest = await manifestOf(path, f.sha256, f.size);
    const missing = await peer.missingChunks(manifest.chunks);
    for (let i = 0; i < chunkCount(f.size, manifest.chunkSize); i++) {
      const sha = manifest.chunks[i]!;
      if (!missing.has(sha)) {
        result.chunksSkipped++;
        continue;
      }
      signal?.throwIfAborted();
      const bytes = await readChunk(path, i, f.size, manifest.chunkSize);
      // The file may have been replaced on disk since its manifest was made: never send a chunk under another's name.
      if (createHash('sha256').update(bytes).digest('hex') !== sha) throw new DatelineError('LIBRARY_DAMAGED', `The library's copy of the file ${f.sha256.slice(0, 12)}… does not match its hash; it was not uploaded.`, {
          params: { sha256: f.sha256 },
        });
      await peer.putChunk(sha, bytes);
      missing.delete(sha);
      result.chunks++;
      result.bytes += bytes.length;
    }
    await peer.putFile(manifest);
    result.files++;
  }
  return result;
}

/** Each file once, whichever attachments name it. */
export function distinctFiles(files: readonly FileRef[]): FileRef[] {
  const seen = new Map<string, FileRef>();
  for (const f of files) if (!seen.has(f.sha256)) seen.set(f.sha256, f);
  return [...seen.values()];
}
