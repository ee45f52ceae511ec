import { describe, expect, it } from 'vitest';
import { MAX_FILE_NAME, safeFileName } from '../../electron/shared/file-names';
import { EntryNamer } from '../../electron/shared/kits/layout';
import { call, core } from '../core-harness';

/**
 * One sanitiser for every file name: the name an attachment keeps is the name its kit's ZIP
 * gives it, so a name that is unsafe on Windows is made safe once, when it comes in.
 */
describe('one file-name sanitiser', () => {
  it('stores an attachment under a Windows-reserved or Windows-refused name made safe, as a kit would write it', async () => {
    const c = await core();
    const cases: [string, string][] = [
      ['CON.txt', '_CON.txt'],
      ['C:\\Users\\amina\\aux .pdf', '_aux.pdf'],
      ['report: final?.txt', 'report_ final_.txt'],
      ['notes.txt. . .', 'notes.txt'],
      ['photo\u202Egpj.exe', 'photogpj.exe'],
    ];
    for (const [given, stored] of cases) {
      // Different bytes each time: the same bytes would be one attachment.
      const data = Buffer.from(`Fact sheet: ${given}\n`).toString('base64');
      const added = await call<{ id: string }>(c, 'attachment.add', { name: given, data });
      const doc = await call<{ originalName: string }>(c, 'attachment.get', { id: added.id });
      expect(doc.originalName, given).toBe(stored);
      // The kit's namer leaves a name the store already made safe as it is.
      expect(new EntryNamer(MAX_FILE_NAME).take(doc.originalName)).toBe(stored);
    }
  });

  it('keeps a long Arabic name whole up to 255 characters, extension kept and lower-cased', () => {
    const name = safeFileName(`${'بيان '.repeat(80)}.PDF`);
    expect([...name]).toHaveLength(MAX_FILE_NAME);
    expect(name.endsWith('بيان ب.pdf')).toBe(true);
  });
});
