import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { removeDownloadFolder, takeDownload } from '../library/downloads';
import { failure, sendResult } from './respond';

/**
 * Streams a file a call made for the browser (see core/library/downloads.ts) and removes it
 * once sent, or once the sending failed: each is fetched once. The name travels in
 * Content-Disposition, RFC 5987-encoded, so accents and Arabic survive.
 */
export function sendDownload(res: ServerResponse, id: string): void {
  const download = takeDownload(id);
  if (!download) {
    sendResult(res, 404, failure('NOT_FOUND', 'This download is not here: it was fetched already, or it waited too long and was removed. Make it again.'));
    return;
  }
  const cleanUp = () => removeDownloadFolder(download.folder);
  const stream = createReadStream(download.path);
  stream.once('open', () => {
    res.statusCode = 200;
    res.setHeader('Content-Type', 'application/octet-stream');
    res.setHeader('Content-Length', String(download.bytes));
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(download.name)}`);
    stream.pipe(res);
  });
  stream.once('error', () => {
    cleanUp();
    if (!res.headersSent) sendResult(res, 404, failure('NOT_FOUND', 'This download was removed before it was fetched. Make it again.'));
    else res.destroy();
  });
  res.once('close', () => {
    stream.destroy();
    cleanUp();
  });
}
