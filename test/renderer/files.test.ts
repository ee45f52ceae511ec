import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../electron/shared/base64';
import { readCandidate } from '../../renderer/attachments/files';

const LIMIT = 1024;

describe('files picked or dropped', () => {
  it('reads a file into base64 that round-trips, large ones included', async () => {
    const bytes = new Uint8Array(200_000).map((_, i) => (i * 7) % 256);
    const res = await readCandidate({ file: new File([bytes], 'photo.jpg', { type: 'image/jpeg' }), isFolder: false }, 1_000_000);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.file.name).toBe('photo.jpg');
    expect(res.file.mediaType).toBe('image/jpeg');
    expect(res.file.size).toBe(200_000);
    expect(base64ToBytes(res.file.data)).toEqual(bytes);
    expect(bytesToBase64(new Uint8Array([0xff, 0, 0x41]))).toBe('/wBB');
  });

  it('refuses a folder, an empty file and one over the limit before reading it', async () => {
    expect(await readCandidate({ file: new File([], 'Photos'), isFolder: true }, LIMIT)).toEqual({ ok: false, problem: { kind: 'folder', name: 'Photos' } });
    expect(await readCandidate({ file: new File([], 'empty.png'), isFolder: false }, LIMIT)).toEqual({ ok: false, problem: { kind: 'empty', name: 'empty.png' } });
    expect(await readCandidate({ file: new File([new Uint8Array(LIMIT + 1)], 'big.mov'), isFolder: false }, LIMIT)).toEqual({
      ok: false,
      problem: { kind: 'tooLarge', name: 'big.mov', size: LIMIT + 1, limit: LIMIT },
    });
  });

  it('says so when the system will not let the file be read', async () => {
    const file = new File([new Uint8Array(10)], 'locked.docx');
    Object.defineProperty(file, 'arrayBuffer', { value: () => Promise.reject(new Error('The file could not be read')) });
    expect(await readCandidate({ file, isFolder: false }, LIMIT)).toEqual({
      ok: false,
      problem: { kind: 'unreadable', name: 'locked.docx', detail: 'The file could not be read' },
    });
  });
});
