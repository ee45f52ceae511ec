import { createHash, type Hash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { DatelineError } from '../../shared/errors';
import { CONTACT_FILE_MAX_BYTES } from '../../shared/contacts/bulk-contract';
import { tooLarge, unreadable } from '../attachments/files';

/**
 * The bytes of a contacts file, read in fixed chunks (a path) or sliced (an upload), with
 * their SHA-256 taken on the way. Synchronous on purpose: the whole import runs inside one
 * SQLite transaction, and no other call may slip into it while it waits for the disk.
 */

export const CHUNK_BYTES = 1024 * 1024;

export interface ByteSource {
  /** What the person calls the file, for messages. */
  readonly label: string;
  readonly size: number;
  /** The next chunk, or null at the end. */
  next(): Uint8Array | null;
  /** The SHA-256 of every byte read; call after the last chunk. */
  sha256(): string;
  close(): void;
}

export function bufferSource(label: string, bytes: Uint8Array): ByteSource {
  if (bytes.length === 0) throw new DatelineError('EMPTY_FILE', `${label} is empty (0 bytes); there are no contacts in it.`);
  let at = 0;
  const hash: Hash = createHash('sha256');
  return {
    label,
    size: bytes.length,
    next() {
      if (at >= bytes.length) return null;
      const chunk = bytes.subarray(at, at + CHUNK_BYTES);
      at += chunk.length;
      hash.update(chunk);
      return chunk;
    },
    sha256: () => hash.copy().digest('hex'),
    close() {},
  };
}

export function fileSource(path: string): ByteSource {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw unreadable(path, e);
  }
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw new DatelineError('NOT_A_FILE', `${path} is a folder; give the contacts file inside it.`, { params: { path } });
    if (!info.isFile()) throw new DatelineError('NOT_A_FILE', `${path} is not a regular file.`, { params: { path } });
    if (info.size === 0) throw new DatelineError('EMPTY_FILE', `${path} is empty (0 bytes); there are no contacts in it.`, { params: { path } });
    if (info.size > CONTACT_FILE_MAX_BYTES) throw tooLarge(path, info.size, CONTACT_FILE_MAX_BYTES, path);
    const buf = Buffer.alloc(CHUNK_BYTES);
    const hash = createHash('sha256');
    return {
      label: path,
      size: info.size,
      next() {
        const n = readSync(fd, buf, 0, CHUNK_BYTES, null);
        if (n === 0) return null;
        const chunk = buf.subarray(0, n);
        hash.update(chunk);
        return chunk;
      },
      sha256: () => hash.copy().digest('hex'),
      close: () => closeSync(fd),
    };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}
