import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BlobStore } from '../../attachments/blobs';
import { chunkCount, chunkLength, type FileManifest } from './chunks';
import { FileFailed } from './failure';
import type { ChunkWanted, FilesPeer } from './files-peer';
import { Pace } from './pace';
import type { FileRef } from './upload';

/**
 * Downloading files: their chunk lists from the server (one `_all_docs`), then their chunks
 * several to a `_bulk_get` request in lanes paced by the link (pace.ts), each chunk checked
 * against its hash and kept under `tmp/chunks/` as it arrives (so a cut at 60% resumes at 60%).
 * A file whose chunks are all here is put together and checked against the attachment's SHA-256
 * before it is stored. Bytes that do not match are refused, never stored; a file that fails does
 * not hold back the others.
 */

export type DownloadOutcome = 'stored' | 'here' | 'not-on-server';

export interface DownloadStats {
  chunks: number;
  bytes: number;
}

export interface DownloadOptions {
  stats?: DownloadStats;
  signal?: AbortSignal;
  /** Hears, per file, its bytes here so far (chunks kept from an earlier try count), for a progress bar. */
  onBytes?: (sha256: string, bytes: number) => void;
  /** Files up to this size are put together in memory (HOLD_BYTES unless given); larger ones through `tmp/chunks/`. */
  holdBytes?: number;
}

/** Where verified chunks of unfinished downloads wait. */
export function chunkCacheDir(blobs: BlobStore): string {
  return join(blobs.root, '..', 'tmp', 'chunks');
}

const nameOf = (sha256: string) => `${sha256.slice(0, 12)}…`;

/** One file on its way down. */
interface Incoming {
  file: FileRef;
  manifest: FileManifest;
  parts: string[];
  /** Chunks not here yet. */
  left: Set<string>;
  done: number;
  /** A small file's chunks, held in memory until it is whole (written to the cache only if the run stops first); null: on disk as they come. */
  held: Map<string, Buffer> | null;
}

/**
 * Files up to this size are put together in memory: a 256 KB photo of 32 chunks was 32 files
 * written, renamed, read back and removed, most of a download's time on a busy disk.
 */
const HOLD_BYTES = 8 * 1024 * 1024;

/**
 * Brings these files down; answers each file's outcome, or the FileFailed that refused it (its code says why) (a
 * damaged or missing chunk, a chunk list that does not fit). A lost connection or a refused
 * account stops the whole download and is thrown (what arrived is kept for the next try).
 */
export async function downloadFiles(peer: FilesPeer, blobs: BlobStore, files: readonly FileRef[], opts: DownloadOptions = {}): Promise<Map<string, DownloadOutcome | FileFailed>> {
  const out = new Map<string, DownloadOutcome | FileFailed>();
  const wanted = files.filter((f) => {
    if (!blobs.has(f.sha256)) return true;
    out.set(f.sha256, 'here');
    return false;
  });
  if (wanted.length === 0) return out;
  const manifests = await peer.getFiles(wanted.map((f) => f.sha256));
  const cache = chunkCacheDir(blobs);
  mkdirSync(cache, { recursive: true });
  // One listing of the chunks kept by earlier tries, not a look for each chunk (a pull of 40 photos: 1,280 looks, 10 ms).
  const cached = new Set(readdirSync(cache));
  const incoming: Incoming[] = [];
  /** Files put together (stored, or refused as a whole): their chunks are no longer needed. */
  const assembled = new Set<Incoming>();
  /** Files being stored (off the main thread) while the download goes on; the first failure among them, thrown at the end. */
  const storing: Promise<void>[] = [];
  let storeFailed: { error: unknown } | null = null;
  const complete = (f: Incoming) => {
    storing.push(finish(blobs, f, out, assembled).catch((error: unknown) => void (storeFailed ??= { error })));
  };
  /** Chunks this run found or wrote in the cache: the only ones it removes (a held file's 32 chunks were 32 removals of nothing). */
  const onDisk = new Set<string>();
  /** Each missing chunk once, with the files that need it. */
  const needed = new Map<string, { length: number; files: Incoming[] }>();
  for (const file of wanted) {
    if (out.has(file.sha256)) continue;
    const manifest = manifests.get(file.sha256) ?? null;
    if (!manifest || manifest instanceof FileFailed) {
      out.set(file.sha256, manifest ?? 'not-on-server');
      continue;
    }
    if (manifest.size !== file.size) {
      out.set(file.sha256, new FileFailed({ code: 'size-mismatch', serverSize: manifest.size, size: file.size }, `The server's copy of the file ${nameOf(file.sha256)} is ${manifest.size} bytes, not the ${file.size} its attachment records; it was not downloaded.`));
      continue;
    }
    const f: Incoming = { file, manifest, parts: [], left: new Set(), done: 0, held: manifest.size <= (opts.holdBytes ?? HOLD_BYTES) ? new Map() : null };
    for (let i = 0; i < chunkCount(manifest.size, manifest.chunkSize); i++) {
      const sha = manifest.chunks[i]!;
      const part = join(cache, sha);
      f.parts.push(part);
      const length = chunkLength(i, manifest.size, manifest.chunkSize);
      if (cached.has(sha) && kept(part, sha, length)) {
        onDisk.add(part);
        f.done += length;
        continue;
      }
      if (f.left.has(sha)) continue;
      f.left.add(sha);
      const need = needed.get(sha);
      if (need) need.files.push(f);
      else needed.set(sha, { length, files: [f] });
    }
    incoming.push(f);
  }
  for (const f of incoming) {
    if (f.left.size === 0) complete(f);
    else opts.onBytes?.(f.file.sha256, f.done);
  }

  const queue = [...needed.entries()].map(([sha256, n]) => ({ sha256, length: n.length }));
  let next = 0;
  const take = (budget: number): ChunkWanted[] | null => {
    const batch: ChunkWanted[] = [];
    let bytes = 0;
    while (next < queue.length && (batch.length === 0 || bytes + queue[next]!.length <= budget)) {
      const c = queue[next++]!;
      // A file that already failed needs nothing more.
      if (needed.get(c.sha256)!.files.every((f) => out.has(f.file.sha256))) continue;
      bytes += c.length;
      batch.push(c);
    }
    return batch.length > 0 ? batch : null;
  };
  const fail = (sha: string, error: FileFailed) => {
    for (const f of needed.get(sha)!.files) if (!out.has(f.file.sha256)) out.set(f.file.sha256, error);
  };
  const arrived = (c: ChunkWanted, bytes: Buffer) => {
    if (needed.get(c.sha256)!.files.some((f) => !f.held)) {
      keep(join(cache, c.sha256), bytes);
      onDisk.add(join(cache, c.sha256));
    }
    if (opts.stats) {
      opts.stats.chunks++;
      opts.stats.bytes += bytes.length;
    }
    for (const f of needed.get(c.sha256)!.files) {
      if (out.has(f.file.sha256) || !f.left.delete(c.sha256)) continue;
      f.held?.set(c.sha256, bytes);
      f.done += c.length * f.manifest.chunks.filter((s) => s === c.sha256).length;
      opts.onBytes?.(f.file.sha256, f.done);
      if (f.left.size === 0) complete(f);
    }
  };
  const unit = Math.min(...incoming.map((f) => f.manifest.chunkSize));
  try {
    const pace = new Pace(Number.isFinite(unit) ? unit : 8192, undefined, peer.requestBytes);
    await pace.inLanes(take, async (batch) => {
    const retries = peer.couch.stats.retries;
    const { chunks, wire: first } = await peer.getChunks(batch);
    if (peer.couch.stats.retries > retries) pace.dropped();
    let wire = first;
    // A chunk that fails its hash is asked for once more (the link may have garbled it); twice wrong, it is refused.
    const again = batch.filter((c) => chunks.has(c.sha256) && !fits(chunks.get(c.sha256)!, c));
    if (again.length > 0) {
      const second = await peer.getChunks(again);
      wire += second.wire;
      for (const c of again) {
        const b = second.chunks.get(c.sha256);
        if (b) chunks.set(c.sha256, b);
        else chunks.delete(c.sha256);
      }
    }
    for (const c of batch) {
      const bytes = chunks.get(c.sha256);
      const index = (f: Incoming) => f.manifest.chunks.indexOf(c.sha256) + 1;
      const f0 = needed.get(c.sha256)!.files[0]!;
      if (!bytes) fail(c.sha256, new FileFailed({ code: 'chunk-missing', chunk: index(f0) }, `Chunk ${index(f0)} of the file ${nameOf(f0.file.sha256)} is missing from the server; it was not downloaded.`, 'not-found'));
      else if (!fits(bytes, c)) fail(c.sha256, new FileFailed({ code: 'chunk-damaged', chunk: index(f0) }, `Chunk ${index(f0)} of the file ${nameOf(f0.file.sha256)} on the server does not match its hash; it was refused and nothing was stored.`));
      else arrived(c, bytes);
    }
    return wire;
    }, opts.signal);
    await Promise.all(storing);
    const failed = storeFailed as { error: unknown } | null;
    if (failed) throw failed.error;
  } finally {
    // Files still being stored are waited for: what is on disk decides which chunks stay.
    await Promise.all(storing);
    // A run that stops keeps what arrived for the next try; chunks of files now stored (or refused whole) go.
    for (const f of incoming) if (!out.has(f.file.sha256)) for (const [sha, bytes] of f.held ?? []) keep(join(cache, sha), bytes);
    const waiting = new Set(incoming.filter((f) => !out.has(f.file.sha256)).flatMap((f) => f.parts));
    for (const f of incoming) if (assembled.has(f)) for (const p of f.parts) if (onDisk.has(p) && !waiting.has(p)) rmSync(p, { force: true });
  }
  return out;
}

const fits = (bytes: Buffer, c: ChunkWanted) => bytes.length === c.length && BlobStore.hash(bytes) === c.sha256;

/**
 * Keeps a checked chunk for the file it belongs to, whole or not at all (a rename), without an
 * fsync: two per chunk were most of a download's time on a busy disk, and a chunk is only a
 * resume aid, checked again before it is used (kept below) and the file as a whole after.
 */
function keep(part: string, bytes: Buffer): void {
  const temp = `${part}.${randomBytes(4).toString('hex')}.part`;
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, part);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

/** A chunk kept by an earlier try that is still what it should be (a power cut may leave one empty or torn): else removed. */
function kept(part: string, sha256: string, length: number): boolean {
  if (!existsSync(part)) return false;
  const bytes = readFileSync(part);
  if (bytes.length === length && BlobStore.hash(bytes) === sha256) return true;
  rmSync(part, { force: true });
  return false;
}

/** Puts a file together from its checked chunks; stored only when the whole matches its hash. */
async function finish(blobs: BlobStore, f: Incoming, out: Map<string, DownloadOutcome | FileFailed>, assembled: Set<Incoming>): Promise<void> {
  assembled.add(f);
  let ok: boolean;
  if (f.held) {
    const { chunks } = f.manifest;
    // A file of one chunk is that chunk, whose hash was checked as it arrived (fits): hashed and
    // copied again, it was a tenth of a photo download's main thread.
    const single = chunks.length === 1 && chunks[0] === f.file.sha256 ? f.held.get(chunks[0]) : undefined;
    const whole = single ?? Buffer.concat(chunks.map((sha, i) => f.held!.get(sha) ?? readFileSync(f.parts[i]!)));
    ok = single !== undefined || BlobStore.hash(whole) === f.file.sha256;
    // Checked just now: written as it is (put would hash it a second time).
    if (ok) await blobs.writeAtomicAsync(blobs.path(f.file.sha256), whole);
  } else ok = blobs.putParts(f.parts, f.file.sha256);
  out.set(f.file.sha256, ok ? 'stored' : new FileFailed({ code: 'file-damaged' }, `The file ${nameOf(f.file.sha256)} put together from the server's chunks does not match its hash; it was not stored.`));
  // Its outcome is decided: its chunks are let go now, not when the whole run ends (a first sync
  // of an office's photos would otherwise hold every small file of the run in memory at once).
  f.held?.clear();
}

/** One file, for someone who opens or exports it: its outcome, or the refusal thrown. */
export async function downloadFile(peer: FilesPeer, blobs: BlobStore, file: FileRef, stats?: DownloadStats, signal?: AbortSignal, onBytes?: (bytes: number) => void): Promise<DownloadOutcome> {
  const got = (await downloadFiles(peer, blobs, [file], { ...(stats ? { stats } : {}), ...(signal ? { signal } : {}), ...(onBytes ? { onBytes: (_sha, n) => onBytes(n) } : {}) })).get(file.sha256)!;
  if (got instanceof FileFailed) throw got;
  return got;
}
