import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { BlobStore } from '../../attachments/blobs';

/**
 * Stores a downloaded file already checked against its hash as the blob store stores any file
 * (a temporary file flushed to disk, renamed, its folder flushed), but through the thread pool:
 * done on the main thread, the two flushes per photo held up every request of the download
 * (40 photos: half a second in which no answer was read). The same durability, in parallel.
 */
export async function storeChecked(blobs: BlobStore, sha256: string, bytes: Uint8Array): Promise<void> {
  const final = blobs.path(sha256);
  // The blob store's own folder for temporary files, next to its files (the same disk, so the rename is atomic).
  const temp = join(blobs.root, '..', 'tmp', `${randomBytes(8).toString('hex')}.part`);
  await mkdir(dirname(final), { recursive: true });
  try {
    const file = await open(temp, 'w');
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, final);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
  await syncFolder(dirname(final));
}

/** As fsyncFolder in the blob store: a rename is durable once its folder is flushed, where a folder can be opened. */
async function syncFolder(dir: string): Promise<void> {
  let folder;
  try {
    folder = await open(dir, 'r');
  } catch {
    return;
  }
  try {
    await folder.sync();
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code !== 'EINVAL' && code !== 'EPERM' && code !== 'EISDIR') throw e;
  } finally {
    await folder.close();
  }
}
