import { createHash, randomBytes } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, existsSync, lstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import { constants as zlibConstants, createGunzip, createGzip, gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { DatelineError } from '../../shared/errors';
import { BlobStore } from '../attachments/blobs';
import { removeFile } from '../attachments/images';
import { diskFullError } from '../jobs';
import { notePending } from '../litter';
import { assertWritableTarget, unreadable, unreadableWhy } from '../attachments/files';
import type { RemoteRevision, ReplicationStore } from '../store/replication-api';
import { RevisionDoc } from './couch-schemas';
import { chunkCount, LEGACY_CHUNK_SIZE, manifestOf, readChunk } from './files/chunks';
import type { ConflictNote, SyncFileExport, SyncFileImport } from '../../shared/sync/contract';
import { settleConflicts } from './session';

/**
 * The sync file: what a USB stick carries between offices with no link. It holds the same
 * replication stream the network would (every leaf of every changed document, with its
 * revision path) and the attachment files those documents name, gzipped JSON lines:
 *
 *   {"dateline":"sync-file","version":2,"library":ID,"peer":NAME|null,"createdAt":ISO}
 *   {"chunk":SHA256,"data":BASE64}       one per 1 MiB chunk of the files, each once (as on the server)
 *   {"file":SHA256,"size":N,"chunks":[SHA256...]}  one per attachment file, after its chunks
 *   {"doc":{_id,_rev,_revisions,...}}    one per revision
 *   {"end":{"docs":N,"files":N}}         a file without it was cut short and is refused
 *
 * Importing merges, exactly as a pull does (idempotent, conflicts kept, different fields merged
 * by themselves, the rest offered on the Conflicts screen); a backup replaces.
 * Version 1 files (a whole file per line, `{"file":SHA256,"data":BASE64}`) are still read.
 */

const FORMAT = 'dateline-sync-file';
const Sha = z.string().regex(/^[0-9a-f]{64}$/);
/** The newest sync file format this version reads (and writes). */
const VERSION = 2;
const Header = z.object({ dateline: z.literal(FORMAT), version: z.union([z.literal(1), z.literal(VERSION)]), library: z.string(), peer: z.string().nullable(), createdAt: z.string() });
const FileLine = z.object({ file: Sha, data: z.string() });
const ChunkLine = z.object({ chunk: Sha, data: z.string() });
const FileChunksLine = z.object({ file: Sha, size: z.number().int().min(1), chunks: z.array(Sha) });
const DocLine = z.object({ doc: RevisionDoc });
const EndLine = z.object({ end: z.object({ docs: z.number().int().min(0), files: z.number().int().min(0) }) });

/** Why a file was refused, for the window to say in the person's language. */
type SyncFileProblem = 'notSyncFile' | 'syncFileDamaged' | 'syncFileCutShort' | 'syncFileNewer' | 'syncFileUnfinished';

/** Ends the name of a sync file an export is still writing (or was stopped while writing). */
const PART = '.part';

const peerLog = (peer: string) => `_local/sync-file-${peer}`;

export interface ExportOptions {
  /** Refuse a file larger than this before the peer's starting point moves on (web mode's download limit). */
  maxBytes?: number;
  /** Called as documents are written, with how many so far. */
  onDocs?: (docs: number) => void;
  /** The library's folder, where the file being written is noted until it is renamed (see litter.ts). */
  libraryDir?: string;
}

/** A file (or link) by that name goes; anything else there (a folder) is left alone. */
function removeStalePart(path: string): void {
  let info;
  try {
    info = lstatSync(path);
  } catch {
    return;
  }
  if (info.isFile() || info.isSymbolicLink()) rmSync(path, { force: true });
}

export async function exportSyncFile(store: ReplicationStore, blobs: BlobStore, out: string, peer: string | null, opts: ExportOptions = {}): Promise<SyncFileExport> {
  const logged = peer ? store.getLocal(peerLog(peer)) : null;
  const since = typeof logged?.last_seq === 'number' ? logged.last_seq : 0;
  assertWritableTarget(out, 'office.dateline-sync');
  // Written under a hidden name of its own and renamed only when complete; noted in the library,
  // so the next start removes it if this process is killed (litter.ts). The visible `<out>.part`
  // earlier versions wrote, left by one that was stopped, goes with the next export to its place.
  const temp = join(dirname(out), `.${basename(out)}.${randomBytes(6).toString('hex')}${PART}`);
  removeStalePart(`${out}${PART}`);
  const forget = opts.libraryDir ? notePending(opts.libraryDir, temp) : () => undefined;
  const gzip = createGzip();
  const file = createWriteStream(temp, { flags: 'wx' });
  gzip.pipe(file);
  // pipe() passes no error on: a write that fails (a full USB stick) would end the process as an
  // unhandled error, or leave a write waiting for a 'drain' that never comes.
  let broken: Error | null = null;
  const failed = new Promise<never>((_, reject) => {
    const fail = (e: Error) => {
      broken ??= e;
      reject(e);
    };
    file.once('error', fail);
    gzip.once('error', fail);
  });
  failed.catch(() => undefined);
  const write = (line: unknown) =>
    broken
      ? Promise.reject(broken)
      : Promise.race([
          new Promise<void>((done) => {
            if (gzip.write(`${JSON.stringify(line)}\n`)) done();
            else gzip.once('drain', done);
          }),
          failed,
        ]);
  let docs = 0;
  let files = 0;
  let lastSeq = since;
  const sent = new Set<string>();
  const sentChunks = new Set<string>();
  try {
    await write({ dateline: FORMAT, version: VERSION, library: store.libraryId(), peer, createdAt: new Date().toISOString() });
    for (let from = since; ; ) {
      const page = store.changes(from, 200);
      if (page.results.length === 0) break;
      for (const row of page.results) {
        const revs: RemoteRevision[] = store.openRevs(row.id, row.changes.map((c) => c.rev)).flatMap((r) => ('ok' in r ? [r.ok] : []));
        for (const doc of revs) {
          // The file goes before the document that names it, so an import never has one without the other.
          const sha = typeof doc.sha256 === 'string' && !doc._deleted ? doc.sha256 : null;
          if (sha && !sent.has(sha) && blobs.has(sha)) {
            sent.add(sha);
            const path = blobs.path(sha);
            const size = statSync(path).size;
            // A sync file keeps 1 MiB chunks: nothing on a USB stick is lost to a dropped link.
            const manifest = await manifestOf(path, sha, size, LEGACY_CHUNK_SIZE);
            for (let i = 0; i < chunkCount(size, LEGACY_CHUNK_SIZE); i++) {
              const chunk = manifest.chunks[i]!;
              if (sentChunks.has(chunk)) continue;
              sentChunks.add(chunk);
              await write({ chunk, data: (await readChunk(path, i, size, LEGACY_CHUNK_SIZE)).toString('base64') });
            }
            await write({ file: sha, size, chunks: manifest.chunks });
            files++;
          }
          await write({ doc });
          docs++;
        }
      }
      opts.onDocs?.(docs);
      from = lastSeq = page.lastSeq;
    }
    await write({ end: { docs, files } });
    gzip.end();
    await Promise.race([finished(file), failed]);
    const size = statSync(temp).size;
    if (opts.maxBytes !== undefined && size > opts.maxBytes) {
      throw new DatelineError('FILE_TOO_LARGE', `The sync file would be ${size} bytes, more than the ${opts.maxBytes} bytes a browser can download from web mode; nothing was recorded as sent. Save it from the desktop app or with \`dateline sync export\`.`, {
        params: { size, limit: opts.maxBytes, mb: Math.ceil(size / 1024 / 1024), limitMb: Math.floor(opts.maxBytes / 1024 / 1024), reason: 'syncFileTooLarge' },
      });
    }
    renameSync(temp, out);
  } catch (e) {
    gzip.destroy();
    file.destroy();
    rmSync(temp, { force: true });
    if (e instanceof DatelineError) throw e;
    const full = diskFullError(e, dirname(out));
    if (full) throw full;
    if ((e as { code?: unknown } | null)?.code === 'EFBIG') throw e; // said in words where any error becomes the contract's
    throw new DatelineError('FILE_UNWRITABLE', `Could not write the sync file ${out}: ${(e as Error).message}; nothing was written.`, { params: { path: out, reason: 'writeFailed' } });
  } finally {
    forget();
  }
  if (peer) {
    const prev = store.getLocal(peerLog(peer));
    store.putLocal({ _id: peerLog(peer), ...(prev ? { _rev: prev._rev } : {}), last_seq: lastSeq });
  }
  return { docs, files, lastSeq };
}

export interface ImportOptions {
  /** How the file is named in errors (an upload's own name rather than where it waits on disk). */
  shownAs?: string;
  /** Called as the file is read, with the lines read so far. */
  onLines?: (lines: number) => void;
  /** Called once the whole file is checked, as its content goes into the library. */
  onMerging?: () => void;
  /** Told of each conflict left for a person, as a sync tells it (the app records it in the conflicts inbox). */
  onConflict?: (note: ConflictNote) => void;
  /** Called once the file's content is stored and settled, as a sync calls it after a pull. */
  onReceived?: () => void;
}

/**
 * Reads a whole sync file and checks every line before anything is stored; then stores the
 * files (by hash: a file already here costs nothing) and every revision in one transaction.
 * The files' chunks wait, checked, as files in `workDir` (a folder of the library's tmp/ that the
 * caller removes), not in memory: a first sync file of an office with photos can be larger than
 * the memory of the laptop that opens it. Each file is put together from them and checked against
 * its hash before anything is stored.
 */
export async function importSyncFile(store: ReplicationStore, blobs: BlobStore, path: string, workDir: string, opts: ImportOptions = {}): Promise<SyncFileImport> {
  const shown = opts.shownAs ?? path;
  const docs: RemoteRevision[] = [];
  const files: { sha: string; size: number; parts: string[] }[] = [];
  /** Each chunk checked so far: its size; its bytes wait in workDir under its hash. */
  const chunks = new Map<string, number>();
  const waiting = (sha: string) => join(workDir, sha);
  assertFileToRead(path, shown);
  // Only the export that wrote it knows whether it finished: even a whole one is not opened.
  if (path.endsWith(PART) || shown.endsWith(PART)) {
    throw new DatelineError('INVALID_INPUT', `${shown} is a sync file an export had not finished writing (it is renamed without ${PART} once complete); nothing was imported. Save the sync file again.`, {
      params: { path: shown, reason: 'syncFileUnfinished' },
    });
  }
  mkdirSync(workDir, { recursive: true });
  let ended = false;
  let n = 0;
  let fileVersion = VERSION;
  // `reason` lets the window word each refusal in the person's language.
  const bad = (why: string, reason: SyncFileProblem) =>
    new DatelineError('INVALID_INPUT', `${shown}, line ${n}: ${why}; nothing was imported.`, { params: { path: shown, line: n, reason } });
  // pipe() does not pass the file's own errors on (a missing file, a stick pulled out mid-read):
  // handed to the gunzip stream, they end the loop below instead of escaping as an uncaught error.
  const file = createReadStream(path);
  const input = file.pipe(createGunzip());
  file.once('error', (e) => input.destroy(e));
  try {
    for await (const text of linesOf(input, () => (fileVersion === 1 ? V1_MAX_LINE_BYTES : MAX_LINE_BYTES))) {
      n++;
      if (text === null) throw bad(`a line runs past ${Math.round((fileVersion === 1 ? V1_MAX_LINE_BYTES : MAX_LINE_BYTES) / 1024 ** 2)} MB, longer than any line a sync file holds`, 'syncFileDamaged');
      if (n % 256 === 0) opts.onLines?.(n);
      if (ended) throw bad('there is more after the end of the sync file', 'syncFileDamaged');
      let line: unknown;
      try {
        line = JSON.parse(text);
      } catch {
        throw bad('not a line of a sync file', n === 1 ? 'notSyncFile' : 'syncFileDamaged');
      }
      if (n === 1) {
        const version = newerVersion(line);
        if (version !== null) {
          throw bad(`this sync file was written by a newer version of Dateline (sync file version ${version}; this one reads up to ${VERSION}); update Dateline to open it`, 'syncFileNewer');
        }
        const header = Header.safeParse(line);
        if (!header.success) throw bad('this is not a Dateline sync file (a backup is restored with `dateline restore`)', 'notSyncFile');
        fileVersion = header.data.version;
        continue;
      }
      const c = ChunkLine.safeParse(line);
      if (c.success) {
        const bytes = Buffer.from(c.data.data, 'base64');
        if (BlobStore.hash(bytes) !== c.data.chunk) throw bad(`a chunk ${c.data.chunk.slice(0, 12)}… is damaged (its content does not match its hash)`, 'syncFileDamaged');
        if (!chunks.has(c.data.chunk)) writeFileSync(waiting(c.data.chunk), bytes);
        chunks.set(c.data.chunk, bytes.length);
        continue;
      }
      const fc = FileChunksLine.safeParse(line);
      if (fc.success) {
        const { file: sha, size } = fc.data;
        if (fc.data.chunks.length !== chunkCount(size, LEGACY_CHUNK_SIZE) || fc.data.chunks.some((c) => !chunks.has(c))) throw bad(`the file ${sha.slice(0, 12)}… lacks some of its chunks`, 'syncFileDamaged');
        const parts = fc.data.chunks.map(waiting);
        if (fc.data.chunks.reduce((n, c) => n + chunks.get(c)!, 0) !== size || hashParts(parts) !== sha) {
          throw bad(`the file ${sha.slice(0, 12)}… is damaged (its content does not match its hash)`, 'syncFileDamaged');
        }
        files.push({ sha, size, parts });
        continue;
      }
      const f = FileLine.safeParse(line);
      if (f.success) {
        const bytes = Buffer.from(f.data.data, 'base64');
        if (BlobStore.hash(bytes) !== f.data.file) throw bad(`the file ${f.data.file.slice(0, 12)}… is damaged (its content does not match its hash)`, 'syncFileDamaged');
        if (!existsSync(waiting(f.data.file))) writeFileSync(waiting(f.data.file), bytes);
        files.push({ sha: f.data.file, size: bytes.length, parts: [waiting(f.data.file)] });
        continue;
      }
      const d = DocLine.safeParse(line);
      if (d.success) {
        docs.push(d.data.doc as RemoteRevision);
        continue;
      }
      const e = EndLine.safeParse(line);
      if (e.success) {
        if (e.data.end.docs !== docs.length || e.data.end.files !== files.length) throw bad('the counts at the end do not match the content', 'syncFileDamaged');
        ended = true;
        continue;
      }
      if (typeof line === 'object' && line !== null && 'doc' in line) {
        // Say which member is wrong (a revision path that does not end in the revision, an id missing).
        const issue = d.error?.issues[0];
        const where = issue ? `${issue.path.map(String).join('.') || 'doc'}: ${issue.message}` : 'doc';
        throw bad(`a document that cannot be stored (${where})`, 'syncFileDamaged');
      }
      throw bad('a line that is neither a document nor a file', 'syncFileDamaged');
    }
  } catch (e) {
    if (e instanceof DatelineError) throw e;
    if (unreadableWhy(e) !== null) throw unreadable(shown, e);
    // The library's disk filled while its chunks were set aside: the file may be whole, so it is not called cut short.
    const code = (e as { code?: unknown } | null)?.code;
    if (code === 'ENOSPC' || code === 'EFBIG') throw e;
    // Not gzip at all (the first bytes) is another kind of file; gzip that breaks off later is a copy
    // cut short, and one whose header reads but whose bytes go wrong before a whole line came out is
    // a damaged sync file, not another kind of file.
    if (n > 0 || opensAsSyncFile(path)) {
      const where = n > 0 ? `it breaks off after line ${n}` : 'its first line cannot be read';
      throw new DatelineError('INVALID_INPUT', `${shown} was cut short or damaged (${where}); nothing was imported. Copy it again.`, { params: { path: shown, reason: 'syncFileCutShort' } });
    }
    const message = isLibraryBackup(path)
      ? `${shown} is a library backup, not a sync file; nothing was imported. A backup replaces a whole library (\`dateline restore\`); a sync file, made with \`dateline sync export\`, merges into one.`
      : // The decompressor's own words ("incorrect header check") tell a person nothing: say where a sync file comes from.
        `${shown} is not a Dateline sync file (one is made with \`dateline sync export\`, or "Save a sync file…" in Settings); nothing was imported.`;
    throw new DatelineError('INVALID_INPUT', message, { params: { path: shown, reason: 'notSyncFile' } });
  }
  if (n === 0) throw new DatelineError('EMPTY_FILE', `${shown} holds no lines; nothing was imported.`, { params: { path: shown } });
  if (!ended) throw new DatelineError('INVALID_INPUT', `${shown} was cut short (it has no end); nothing was imported. Copy it again.`, { params: { path: shown, reason: 'syncFileCutShort' } });
  opts.onMerging?.();
  for (const f of files) {
    if (blobs.intact(f.sha, f.size)) continue;
    // One damaged on disk is replaced, not trusted.
    rmSync(blobs.path(f.sha), { force: true });
    if (!blobs.putParts(f.parts, f.sha)) throw new DatelineError('FILE_UNREADABLE', `The file ${f.sha.slice(0, 12)}… changed on disk while ${shown} was being opened; nothing more was imported.`, { params: { path: shown, reason: 'changedWhileRead' } });
  }
  // As a pull settles only what it brought: a file opened twice asks nothing twice.
  const wanted: Record<string, string[]> = {};
  for (const d of docs) (wanted[d._id] ??= []).push(d._rev);
  const touched = Object.keys(store.revsDiff(wanted));
  const before = store.lastSeq();
  const r = store.bulkInsertRemote(docs);
  // As after a pull: branches that changed different fields merge by themselves, the rest are asked.
  await store.settled();
  const { merged, conflicts, newer } = settleConflicts(store, touched);
  for (const c of conflicts) opts.onConflict?.(c);
  for (const sha of store.forgetErased(before).files) removeFile(blobs, sha);
  opts.onReceived?.();
  return { written: r.written, skipped: r.skipped, files: files.length, denied: r.denied, merged, conflicts, ...(newer ? { newer } : {}) };
}

/**
 * The longest line a version 2 sync file holds: a document, or a 1 MiB chunk in base64 (1.4 MB).
 * Lines are gathered in memory, so a damaged or crafted file that never breaks its line (a few
 * hundred KB of gzip can unpack to gigabytes) is refused at this length instead of filling memory.
 */
const MAX_LINE_BYTES = 64 * 1024 * 1024;
/** A version 1 file holds a whole attachment per line: up to the default 200 MB limit, in base64. */
const V1_MAX_LINE_BYTES = 280 * 1024 * 1024;

/**
 * The lines of a stream as text, split on "\n" (a "\r" before it is whitespace to JSON.parse),
 * decoded as UTF-8 whole so that no character is cut between chunks. Yields null, and stops, for a
 * line that grows past `limit()` bytes, before it is held whole.
 */
async function* linesOf(input: AsyncIterable<Buffer>, limit: () => number): AsyncGenerator<string | null> {
  let pending: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    let from = 0;
    for (let nl = chunk.indexOf(0x0a); nl >= 0; nl = chunk.indexOf(0x0a, from)) {
      pending.push(chunk.subarray(from, nl));
      if (size + nl - from > limit()) {
        yield null;
        return;
      }
      yield Buffer.concat(pending).toString('utf8');
      pending = [];
      size = 0;
      from = nl + 1;
    }
    if (from < chunk.length) {
      pending.push(chunk.subarray(from));
      size += chunk.length - from;
      if (size > limit()) {
        yield null;
        return;
      }
    }
  }
  if (size > 0) yield Buffer.concat(pending).toString('utf8');
}

/** A missing file, a folder, an unreadable or empty file, each said as such before gunzip finds it is not gzip. */
function assertFileToRead(path: string, shown: string): void {
  let size: number;
  try {
    const info = statSync(path);
    if (info.isDirectory()) throw new DatelineError('NOT_A_FILE', `${shown} is a folder; choose the sync file itself.`, { params: { path: shown } });
    size = info.size;
  } catch (e) {
    throw unreadableWhy(e) === null ? e : unreadable(shown, e);
  }
  if (size === 0) throw new DatelineError('EMPTY_FILE', `${shown} is empty (0 bytes); nothing was imported.`, { params: { path: shown } });
}

/** The version of a header written by a newer Dateline, else null. */
function newerVersion(line: unknown): number | null {
  if (typeof line !== 'object' || line === null) return null;
  const { dateline, version } = line as { dateline?: unknown; version?: unknown };
  return dateline === FORMAT && typeof version === 'number' && version > VERSION ? version : null;
}

/** SHA-256 of these files one after the other, one in memory at a time. */
function hashParts(parts: readonly string[]): string {
  const hasher = createHash('sha256');
  for (const p of parts) hasher.update(readFileSync(p));
  return hasher.digest('hex');
}

/** True when `head`, the first bytes of a file, open a sync file (gzip whose first line is our header). */
export function isSyncFileHead(head: Buffer): boolean {
  if (head[0] !== 0x1f || head[1] !== 0x8b) return false;
  try {
    // A sync flush reads as much as the bytes given hold, where a plain gunzip wants the whole file.
    const text = gunzipSync(head, { finishFlush: zlibConstants.Z_SYNC_FLUSH }).toString('utf8');
    return text.startsWith(`{"dateline":"${FORMAT}"`);
  } catch {
    return false;
  }
}

/** True when the file's first bytes open a sync file, whatever is wrong further on. */
function opensAsSyncFile(path: string): boolean {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    // The header line is about 150 characters: its compressed form fits in the first 512 bytes. A
    // damaged byte among those stops the decoder, so shorter heads that end before it are tried too.
    const head = Buffer.alloc(512);
    const read = readSync(fd, head, 0, head.length, 0);
    return [512, 256, 128].some((size) => isSyncFileHead(head.subarray(0, Math.min(size, read))));
  } catch {
    return false;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** A library backup is a SQLite database: its first 16 bytes say so. */
function isLibraryBackup(path: string): boolean {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(16);
    return readSync(fd, head, 0, 16, 0) === 16 && head.toString('latin1') === 'SQLite format 3\u0000';
  } catch {
    return false;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
