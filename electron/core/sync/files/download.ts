import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BlobStore } from '../../attachments/blobs';
import { SyncError } from '../errors';
import { chunkCount, chunkLength } from './chunks';
import type { FilesPeer } from './files-peer';
import type { FileRef } from './upload';

/**
 * Downloading a file: its chunk list from the server, each chunk checked against its hash and
 * kept under `tmp/chunks/` as it arrives (so a cut at 60% resumes at 60%), then the file put
 * together and checked against the attachment's SHA-256 before it is stored. Bytes that do not
 * match are refused, never stored.
 */

export type DownloadOutcome = 'stored' | 'here' | 'not-on-server';

export interface DownloadStats {
  chunks: number;
  bytes: number;
}

/** Where verified chunks of unfinished downloads wait. */
export function chunkCacheDir(blobs: BlobStore): string {
  return join(blobs.root, '..', 'tmp', 'chunks');
}

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** `onBytes` hears the bytes of the file here so far (chunks kept from an earlier try count), for a progress bar. */
export async function downloadFile(peer: FilesPeer, blobs: BlobStore, file: FileRef, stats?: DownloadStats, signal?: AbortSignal, onBytes?: (bytes: number) => void): Promise<DownloadOutcome> {
  if (blobs.has(file.sha256)) return 'here';
  const manifest = await peer.getFile(file.sha256);
  if (!manifest) return 'not-on-server';
  const name = `${file.sha256.slice(0, 12)}…`;
  if (manifest.size !== file.size) {
    throw new SyncError('damaged', `The server's copy of the file ${name} is ${manifest.size} bytes, not the ${file.size} its attachment records; it was not downloaded.`);
  }
  const cache = chunkCacheDir(blobs);
  mkdirSync(cache, { recursive: true });
  const parts: string[] = [];
  let done = 0;
  for (let i = 0; i < chunkCount(manifest.size, manifest.chunkSize); i++) {
    const sha = manifest.chunks[i]!;
    const part = join(cache, sha);
    parts.push(part);
    const length = chunkLength(i, manifest.size, manifest.chunkSize);
    done += length;
    if (existsSync(part)) continue;
    signal?.throwIfAborted();
    const bytes = await fetchChunk(peer, sha, length, name, i);
    blobs.writeAtomic(part, bytes);
    if (stats) {
      stats.chunks++;
      stats.bytes += bytes.length;
    }
    onBytes?.(done);
  }
  if (!blobs.putParts(parts, file.sha256)) {
    for (const p of parts) rmSync(p, { force: true });
    throw new SyncError('damaged', `The file ${name} put together from the server's chunks does not match its hash; it was not stored.`);
  }
  for (const p of parts) rmSync(p, { force: true });
  return 'stored';
}

/** A chunk that fails its hash is asked for once more (the link may have garbled it); twice wrong, it is refused. */
async function fetchChunk(peer: FilesPeer, sha: string, length: number, name: string, index: number): Promise<Buffer> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const bytes = await peer.getChunk(sha, length);
    if (!bytes) throw new SyncError('not-found', `Chunk ${index + 1} of the file ${name} is missing from the server; it was not downloaded.`);
    if (bytes.length === length && sha256Of(bytes) === sha) return bytes;
  }
  throw new SyncError('damaged', `Chunk ${index + 1} of the file ${name} on the server does not match its hash; it was refused and nothing was stored.`);
}
