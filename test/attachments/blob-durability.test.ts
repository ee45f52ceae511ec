import * as fs from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BlobStore } from '../../electron/core/attachments/blobs';
import { tempDir } from '../helpers';

/**
 * A stored file is durable (its folder is flushed after the rename that names it) and trusted
 * only for its content: a file of the right size with other bytes is never "already stored".
 */

/** Which paths were opened under which descriptor, and which descriptors were flushed. */
const opened = new Map<number, string>();
const flushed: string[] = [];
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  return {
    ...real,
    openSync: (path: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode) => {
      const fd = real.openSync(path, flags ?? 'r', mode);
      opened.set(fd, String(path));
      return fd;
    },
    fsyncSync: (fd: number) => {
      flushed.push(opened.get(fd) ?? `fd ${fd}`);
      return real.fsyncSync(fd);
    },
  };
});

describe('stored files', () => {
  it('flush the file, then the folder that holds its new name', () => {
    const store = new BlobStore(tempDir());
    flushed.length = 0;
    const { sha256 } = store.put(Buffer.from('Kasese water points, fact sheet'));
    const final = store.path(sha256);
    expect(flushed).toHaveLength(2);
    expect(flushed[0]).toMatch(/\.part$/);
    expect(flushed[1]).toBe(dirname(final));
  });

  it('written through the thread pool, are their bytes, in a folder made when the rename finds it missing', async () => {
    const store = new BlobStore(tempDir());
    const bytes = Buffer.from('Kasese water points, fact sheet');
    const final = store.path(BlobStore.hash(bytes));
    expect(fs.existsSync(dirname(final))).toBe(false);
    await store.writeAtomicAsync(final, bytes);
    expect(fs.readFileSync(final)).toEqual(bytes);
    // A second file in the folder now there.
    const other = store.path(`${BlobStore.hash(bytes).slice(0, 2)}${'0'.repeat(62)}`);
    await store.writeAtomicAsync(other, Buffer.from('Photo credit'));
    expect(fs.readFileSync(other).toString()).toBe('Photo credit');
    expect(fs.readdirSync(join(store.root, '..', 'tmp'))).toEqual([]);
  });

  it('a file whose size matches but whose bytes do not is replaced, not taken as stored', () => {
    const store = new BlobStore(tempDir());
    const bytes = Buffer.from('Photo credit: A. Mwangi, 30 November 2026');
    const { sha256 } = store.put(bytes);
    const path = store.path(sha256);
    // Damage on disk: same length, other bytes.
    fs.writeFileSync(path, Buffer.alloc(bytes.length, 0x20));
    const again = store.put(bytes);
    expect(again).toEqual({ sha256, size: bytes.length, existed: false });
    expect(fs.readFileSync(path).equals(bytes)).toBe(true);
    // And an intact one is recognised.
    expect(store.put(bytes).existed).toBe(true);
  });
});
