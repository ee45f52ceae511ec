import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { finished } from 'node:stream';
import { BACKUP_EXTENSION } from '../../shared/library/contract';
import { offerBackup } from '../library/checked-backups';
import { removeDownloadFolder, UPLOAD_FOLDER_PREFIX } from '../library/downloads';
import { toApiError } from '../jobs';
import { failure, sendResult } from './respond';

/** How an upload of `limit` bytes at most is said when it is larger. */
function tooLarge(limit: number) {
  const gb = Math.round((limit / 1024 ** 3) * 10) / 10;
  return failure(
    'FILE_TOO_LARGE',
    `The backup is larger than ${limit} bytes (${gb} GB), the most a browser may send to web mode; nothing was changed. ` +
      'Restore it with the desktop app or with `dateline restore FILE`.',
    { reason: 'uploadTooLarge', limit },
  );
}

/**
 * Writes the request's body to `path` as it arrives (the disk's pace holds the sender back),
 * stopping at `limit` bytes: 'over' then, and what was written is the caller's to remove.
 */
function receive(req: IncomingMessage, path: string, limit: number): Promise<'done' | 'over'> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(path, { flags: 'wx' });
    let size = 0;
    let settled = false;
    const settle = (then: () => void) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onFailed);
      req.off('close', onClose);
      then();
    };
    // Resolved once the file is closed, so the caller may remove its folder.
    const closeThen = (then: () => void) => {
      if (out.closed) then();
      else out.once('close', then);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        settle(() => {
          out.destroy();
          // Read on and dropped (it may be paused for the disk): the answer goes out, then the connection closes.
          req.resume();
          closeThen(() => resolve('over'));
        });
        return;
      }
      if (!out.write(chunk)) {
        req.pause();
        out.once('drain', () => req.resume());
      }
    };
    const onEnd = () =>
      settle(() => {
        out.end();
        finished(out, (e) => (e ? reject(e) : resolve('done')));
      });
    const onFailed = (e: unknown) =>
      settle(() => {
        out.destroy();
        closeThen(() => reject(e instanceof Error ? e : new Error(String(e))));
      });
    const onClose = () => {
      if (!req.complete) onFailed(Object.assign(new Error('The upload was cut off before its end.'), { cut: true }));
    };
    out.once('error', (e) => {
      // The disk (full, say) refused: the rest of the body is read and dropped, and the error said.
      req.resume();
      onFailed(e);
    });
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', onFailed);
    req.once('close', onClose);
  });
}

/**
 * `POST /api/upload/backup`: web mode's restore receives the backup as the request body
 * (application/octet-stream), streamed to a folder of its own under the library's tmp/ (never
 * held in memory), up to `limit` bytes. The core then checks it as it checks the desktop's
 * (library.checkBackup) and answers the CheckedBackup the page confirms and restores by id.
 * A file refused, too large or cut off is removed at once; one kept waits for its restore
 * (checked-backups.ts), and one a dead process left is removed by the next start.
 */
export async function receiveBackup(req: IncomingMessage, res: ServerResponse, libraryDir: string, limit: number): Promise<void> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/octet-stream') {
    sendResult(res, 415, failure('INVALID_INPUT', 'Send the backup file itself as the body, with "Content-Type: application/octet-stream".'));
    return;
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    sendResult(res, 413, tooLarge(limit));
    return;
  }
  const folder = join(libraryDir, 'tmp', `${UPLOAD_FOLDER_PREFIX}${randomBytes(6).toString('hex')}`);
  const path = join(folder, `upload.${BACKUP_EXTENSION}`);
  let outcome: 'done' | 'over';
  try {
    mkdirSync(folder, { recursive: true });
    outcome = await receive(req, path, limit);
  } catch (e) {
    removeDownloadFolder(folder);
    // A page that went away (tab closed) is not there to answer; a disk that filled is said.
    if ((e as { cut?: unknown }).cut === true) res.destroy();
    else sendResult(res, 500, { ok: false, error: toApiError(e, libraryDir) }, { Connection: 'close' });
    return;
  }
  if (outcome === 'over') {
    removeDownloadFolder(folder);
    // The rest of the body is not read; the answer goes out and the connection is closed after it.
    sendResult(res, 413, tooLarge(limit), { Connection: 'close' });
    return;
  }
  try {
    sendResult(res, 200, { ok: true, value: offerBackup(libraryDir, path, folder) });
  } catch (e) {
    // offerBackup removed the folder; the refusal is the core's own, in words.
    sendResult(res, 200, { ok: false, error: toApiError(e, libraryDir) });
  }
}
