import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { removeDownloadFolder, takeDownload } from '../library/downloads';
import { failure, sendResult } from './respond';

/** How long a download ticket works: the page uses its ticket at once; a minute covers a slow machine. */
export const DOWNLOAD_TICKET_TTL_MS = 60_000;

/** How a download that is not there is answered: JSON to the API, a page in words to a browser's link. */
export type DownloadGone = (res: ServerResponse, why: 'gone' | 'removed') => void;

const GONE_MESSAGES = {
  gone: 'This download is not here: it was fetched already, or it waited too long and was removed. Make it again.',
  removed: 'This download was removed before it was fetched. Make it again.',
} as const;

const goneAsJson: DownloadGone = (res, why) => sendResult(res, 404, failure('NOT_FOUND', GONE_MESSAGES[why], { reason: 'downloadGone' }));

/**
 * Streams a file a call made for the browser (see core/library/downloads.ts) and removes it
 * once sent, or once the sending failed: each is fetched once. The name travels in
 * Content-Disposition, RFC 5987-encoded, so accents and Arabic survive.
 */
export function sendDownload(res: ServerResponse, id: string, gone: DownloadGone = goneAsJson): void {
  const download = takeDownload(id);
  if (!download) {
    gone(res, 'gone');
    return;
  }
  const cleanUp = () => removeDownloadFolder(download.folder);
  const stream = createReadStream(download.path);
  stream.once('open', () => {
    res.statusCode = 200;
    res.setHeader('Content-Type', 'application/octet-stream');
    res.setHeader('Content-Length', String(download.bytes));
    res.setHeader('Content-Disposition', contentDisposition(download.name));
    stream.pipe(res);
  });
  stream.once('error', () => {
    cleanUp();
    if (!res.headersSent) gone(res, 'removed');
    else res.destroy();
  });
  res.once('close', () => {
    stream.destroy();
    cleanUp();
  });
}

/**
 * The attachment header with the file's name: RFC 5987's `filename*` carries it in UTF-8 (accents,
 * Arabic), percent-encoded as RFC 5987 asks (encodeURIComponent leaves ' ( ) * ! unencoded, which
 * the header's grammar does not allow there).
 */
export function contentDisposition(name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename*=UTF-8''${encoded}`;
}
