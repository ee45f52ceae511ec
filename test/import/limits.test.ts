import { describe, expect, it } from 'vitest';
import { API } from '../../electron/shared/contract';
import { IMPORT_MAX_BYTES, IMPORT_MAX_CHARS } from '../../electron/shared/import/contract';
import { core, fail } from '../core-harness';

/** The import's size limits, at their edges: the largest accepted input passes the check, one more is refused by name. */

const preview = API['import.preview'].input;

describe('import size limits', () => {
  it('takes 5 million characters of pasted text or HTML, and refuses one more', () => {
    expect(IMPORT_MAX_CHARS).toBe(5_000_000);
    for (const field of ['text', 'html'] as const) {
      expect(preview.safeParse({ [field]: 'a'.repeat(IMPORT_MAX_CHARS) }).success).toBe(true);
      const over = preview.safeParse({ [field]: 'a'.repeat(IMPORT_MAX_CHARS + 1) });
      expect(over.success).toBe(false);
      expect(over.error!.issues[0]!.message).toBe(`the pasted ${field === 'text' ? 'text' : 'HTML'} is longer than 5 million characters`);
    }
  });

  it('reads a file of 40 MB, and refuses one byte more before reading it', async () => {
    expect(IMPORT_MAX_BYTES).toBe(40 * 1024 * 1024);
    const c = await core();
    const atLimit = Buffer.alloc(IMPORT_MAX_BYTES, 0);
    const under = await fail(c, 'import.preview', { name: 'scan.txt', data: atLimit.toString('base64') });
    expect(under.code).not.toBe('FILE_TOO_LARGE');
    expect(under.code).not.toBe('INVALID_INPUT');
    const over = await fail(c, 'import.preview', { name: 'scan.txt', data: Buffer.alloc(IMPORT_MAX_BYTES + 1, 0).toString('base64') });
    expect(over.code).toBe('FILE_TOO_LARGE');
    expect(over.message).toBe('"scan.txt" is larger than 40 MB; a release is far smaller.');
    const far = await fail(c, 'import.preview', { name: 'scan.txt', data: Buffer.alloc(IMPORT_MAX_BYTES + 4, 0).toString('base64') });
    expect(far.code).toBe('INVALID_INPUT');
    expect(far.message).toMatch(/the file is larger than 40 MB/);
  }, 120_000);
});
