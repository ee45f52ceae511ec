import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DatelineError, type ErrorReason } from '../../shared/errors';
import { safeFileName } from '../../shared/file-names';

/**
 * Reads a file a person picked on this computer, for attaching it. Used by the CLI and the
 * desktop shell only: web mode never reads paths. The size is checked before anything is read,
 * so a 40 GB video is refused without being loaded.
 */

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}

/** Why a file could not be opened, in words, from the error a failed stat, open or read gave; null for an error that is not about opening it. */
export function unreadableWhy(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'it does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission was denied';
    case 'ELOOP':
      return 'it is a link that leads nowhere';
    case 'EISDIR':
      return 'it is a folder';
    case 'EIO':
      return 'the disk failed (a stick pulled out?)';
    default:
      return null;
  }
}

/** FILE_UNREADABLE saying why, from the error a failed stat or open gave. */
export function unreadable(path: string, e: unknown): DatelineError {
  const code = (e as { code?: unknown } | null)?.code;
  const system = typeof code === 'string' ? code : String((e as Error | null)?.message ?? e);
  const why = unreadableWhy(e) ?? `the system said ${system}`;
  return new DatelineError('FILE_UNREADABLE', `Cannot read ${path}: ${why}.`, { params: { path, reason: unreadableReason(code), ...(unreadableWhy(e) === null ? { system } : {}) } });
}

/** The reason the window words (shared/errors.ts ERROR_REASONS), by the same error codes as unreadableWhy. */
function unreadableReason(code: unknown): ErrorReason<'FILE_UNREADABLE'> {
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'missing';
    case 'EACCES':
    case 'EPERM':
      return 'denied';
    case 'ELOOP':
      return 'brokenLink';
    case 'EISDIR':
      return 'isFolder';
    case 'EIO':
      return 'diskFailed';
    default:
      return 'system';
  }
}

/**
 * Refuses, before anything is written, an output file (an export, a backup, a sync file) that is
 * a folder, or whose folder this user may not write in: said by the file and the folder, where
 * the write itself would fail on a temporary name, or in SQLite's words for a backup. `example`
 * is a file name to suggest inside a folder given by mistake.
 */
export function assertWritableTarget(target: string, example: string): void {
  if (existsSync(target) && statSync(target).isDirectory()) {
    throw new DatelineError('NOT_A_FILE', `${target} is a folder; give a file name, such as ${join(target, example)}.`, { params: { path: target } });
  }
  const folder = dirname(target);
  try {
    accessSync(folder, constants.W_OK);
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    const why = code === 'EROFS' ? `the disk of ${folder} is read-only` : code === 'ENOENT' ? `the folder ${folder} does not exist` : `this user may not write in ${folder}`;
    const reason: ErrorReason<'FILE_UNWRITABLE'> = code === 'EROFS' ? 'readOnlyDisk' : code === 'ENOENT' ? 'folderMissing' : 'denied';
    throw new DatelineError('FILE_UNWRITABLE', `Cannot write ${target}: ${why}; nothing was written.`, { params: { path: target, folder, reason } });
  }
}

function changedWhileRead(path: string): DatelineError {
  return new DatelineError('FILE_UNREADABLE', `${path} changed or disappeared while it was being read; try again once it is saved.`, {
    params: { path, reason: 'changedWhileRead' },
  });
}

const unquoted = (what: string): string => (what.length > 1 && what.startsWith('"') && what.endsWith('"') ? what.slice(1, -1) : what);

/** `what` names the file for the person: its path, or its name (in quotation marks) when it came without one. */
export function tooLarge(what: string, size: number, limit: number, path: string | null = null): DatelineError {
  return new DatelineError(
    'FILE_TOO_LARGE',
    `${what} is ${megabytes(size)}; the largest file the library accepts is ${megabytes(limit)}. Make it smaller (or split it) and try again.`,
    // The file's name alone for the window, which puts it in its own quotation marks.
    { params: path === null ? { size, limit, name: unquoted(what), reason: 'tooLarge' } : { size, limit, path, name: basename(path), reason: 'tooLarge' } },
  );
}

export async function readFileForAttach(path: string, limitBytes: number): Promise<{ name: string; bytes: Buffer }> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    throw unreadable(path, e);
  }
  if (info.isDirectory()) {
    throw new DatelineError('NOT_A_FILE', `${path} is a folder; attach the files inside it one by one.`, { params: { path } });
  }
  if (!info.isFile()) {
    throw new DatelineError('NOT_A_FILE', `${path} is not a regular file (a device, pipe or socket cannot be attached).`, { params: { path } });
  }
  if (info.size === 0) throw new DatelineError('EMPTY_FILE', `${path} is empty (0 bytes); there is nothing to attach.`, { params: { path } });
  if (info.size > limitBytes) throw tooLarge(path, info.size, limitBytes, path);

  let fh: FileHandle;
  try {
    // O_NONBLOCK: should a pipe be swapped in after the check above, opening it must not hang.
    fh = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw unreadable(path, e);
  }
  try {
    const opened = await fh.stat();
    if (!opened.isFile() || opened.size !== info.size) throw changedWhileRead(path);
    const bytes = Buffer.alloc(info.size);
    let at = 0;
    while (at < bytes.length) {
      const { bytesRead } = await fh.read(bytes, at, bytes.length - at, at);
      if (bytesRead === 0) throw changedWhileRead(path);
      at += bytesRead;
    }
    // One byte more than stat promised means the file grew while it was read.
    const { bytesRead: extra } = await fh.read(Buffer.alloc(1), 0, 1, at);
    const after = await fh.stat();
    if (extra !== 0 || after.size !== info.size || after.mtimeMs !== opened.mtimeMs) throw changedWhileRead(path);
    return { name: safeFileName(basename(path)), bytes };
  } catch (e) {
    if (e instanceof DatelineError) throw e;
    throw unreadable(path, e);
  } finally {
    await fh.close();
  }
}
