import { createHash, hash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, fsyncSync, openSync, closeSync, writeSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DatelineError } from '../../shared/errors';

/**
 * Flushes a folder's entries (a rename is only durable once its folder is), where the system
 * allows a folder to be opened (not on Windows, whose renames are durable by themselves).
 */
export function fsyncFolder(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch (e) {
    if (!folderCannotSync(e)) throw e;
  } finally {
    closeSync(fd);
  }
}

/** Errors a folder's flush may give where the system cannot flush folders: the rename is durable there without it. */
const folderCannotSync = (e: unknown): boolean => ['EINVAL', 'EPERM', 'EISDIR'].includes((e as { code?: string }).code ?? '');

/** `fsyncFolder` through the thread pool. */
async function fsyncFolderAsync(dir: string): Promise<void> {
  let folder;
  try {
    folder = await open(dir, 'r');
  } catch {
    return;
  }
  try {
    await folder.sync();
  } catch (e) {
    if (!folderCannotSync(e)) throw e;
  } finally {
    await folder.close();
  }
}

/** SHA-256 of a file, read in pieces (a stored video is not read into memory at once). */
function hashFile(path: string): string {
  const hasher = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.alloc(1024 * 1024);
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      hasher.update(chunk.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return hasher.digest('hex');
}

/**
 * Attachment files, stored under the library folder by their SHA-256 (files/ab/abcdef...):
 * the same bytes are stored once, and a name given by a person never reaches the disk.
 * A file is written to a temporary name, flushed, then renamed, so a crash leaves either
 * the whole file or nothing under its final name.
 */
export class BlobStore {
  readonly root: string;
  private readonly tmp: string;

  constructor(libraryDir: string) {
    this.root = join(libraryDir, 'files');
    this.tmp = join(libraryDir, 'tmp');
    mkdirSync(this.root, { recursive: true });
    mkdirSync(this.tmp, { recursive: true });
  }

  /** SHA-256 in hex, in one call: a hash object per call cost more than hashing a chunk of 8 KiB (1,280 chunks: 14 ms against 9). */
  static hash(bytes: Uint8Array): string {
    return hash('sha256', bytes, 'hex');
  }

  path(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new DatelineError('INVALID_INPUT', `"${sha256}" is not a SHA-256.`, { params: { reason: 'notSha256' } });
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  has(sha256: string): boolean {
    return existsSync(this.path(sha256));
  }

  /**
   * Stores bytes; returns their hash and whether they were already there. A file already under
   * the name counts only when its bytes hash to it: one damaged on disk (same size, other bytes)
   * is replaced, not trusted.
   */
  put(bytes: Uint8Array): { sha256: string; size: number; existed: boolean } {
    const sha256 = BlobStore.hash(bytes);
    const final = this.path(sha256);
    if (existsSync(final) && statSync(final).size === bytes.length && hashFile(final) === sha256) {
      return { sha256, size: bytes.length, existed: true };
    }
    this.writeAtomic(final, bytes);
    return { sha256, size: bytes.length, existed: false };
  }

  /** Writes bytes under `final` through a temporary file in the library. */
  writeAtomic(final: string, bytes: Uint8Array): void {
    mkdirSync(join(final, '..'), { recursive: true });
    const temp = join(this.tmp, `${randomBytes(8).toString('hex')}.part`);
    try {
      writeFileSync(temp, bytes);
      const fd = openSync(temp, 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, final);
      fsyncFolder(dirname(final));
    } catch (e) {
      rmSync(temp, { force: true });
      throw e;
    }
  }

  /**
   * `writeAtomic` through the thread pool, for a file already checked against its hash (a
   * download): on the main thread, the two flushes per photo held up every request of the
   * download (40 photos: half a second in which no answer was read). The same durability.
   */
  async writeAtomicAsync(final: string, bytes: Uint8Array): Promise<void> {
    const temp = join(this.tmp, `${randomBytes(8).toString('hex')}.part`);
    try {
      const file = await open(temp, 'w');
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      // The folder is made only when the rename finds it missing: most files go to one that is there,
      // and a trip to the thread pool for each cost about a tenth of a download's main thread (its profile).
      await rename(temp, final).catch(async (e: unknown) => {
        if ((e as { code?: string }).code !== 'ENOENT') throw e;
        await mkdir(dirname(final), { recursive: true });
        await rename(temp, final);
      });
    } catch (e) {
      await rm(temp, { force: true });
      throw e;
    }
    await fsyncFolderAsync(dirname(final));
  }

  /**
   * Stores the file made of these part files, in order, only if it hashes to `sha256` (a file
   * assembled from downloaded chunks). One part in memory at a time; false when the hash differs,
   * and then nothing is stored.
   */
  putParts(parts: readonly string[], sha256: string): boolean {
    const final = this.path(sha256);
    if (existsSync(final)) return true;
    const temp = join(this.tmp, `${randomBytes(8).toString('hex')}.part`);
    const hasher = createHash('sha256');
    try {
      const fd = openSync(temp, 'w');
      try {
        for (const part of parts) {
          const bytes = readFileSync(part);
          hasher.update(bytes);
          for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
        }
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      if (hasher.digest('hex') !== sha256) {
        rmSync(temp, { force: true });
        return false;
      }
      mkdirSync(join(final, '..'), { recursive: true });
      renameSync(temp, final);
      return true;
    } catch (e) {
      rmSync(temp, { force: true });
      throw e;
    }
  }

  /** Whether the file under `sha256` is here whole: its size and its hash match (one damaged on disk is not). */
  intact(sha256: string, size: number): boolean {
    const p = this.path(sha256);
    return existsSync(p) && statSync(p).size === size && hashFile(p) === sha256;
  }

  read(sha256: string): Buffer {
    const p = this.path(sha256);
    if (!existsSync(p)) {
      throw new DatelineError('NOT_FOUND', `The file with SHA-256 ${sha256.slice(0, 12)}… is missing from the library folder.`, {
        params: { sha256, reason: 'blobMissing' },
      });
    }
    return readFileSync(p);
  }
}
