import { describe, expect, it } from 'vitest';
import type { KitPreview } from '../../electron/shared/kits/contract';
import { tempDir } from '../helpers';
import { addPhoto, body, call, dispose, jobError, openLibrary, photo } from './fixtures';

/**
 * An attachment deleted from its page (or on another laptop) while a kit carries it: the kit is
 * still previewed whole, the file marked missing in its place to be relinked or removed, and an
 * export is refused until it is, as for a file gone from the library folder.
 */

describe('a kit carrying a deleted attachment', () => {
  it('is previewed whole with the file marked missing, and refused for export', async () => {
    const core = await openLibrary();
    try {
      const kept = await addPhoto(core, 'school.jpg', await photo(300, 200, 6), { caption: 'The school in Timbuktu', credit: 'F. Touré' });
      const sheet = await call<{ id: string }>(core, 'attachment.add', { name: 'facts.pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') });
      const kit = await call<{ id: string }>(core, 'kit.create', {
        title: 'Mali kit',
        language: 'en',
        items: [
          { kind: 'section', sectionKind: 'text', title: 'Introduction', body: body(['Twelve wells were dug in Gao.']) },
          { kind: 'attachment', id: sheet.id },
          { kind: 'attachment', id: kept },
        ],
      });
      await call(core, 'attachment.delete', { id: sheet.id, rev: null });

      const preview = await call<KitPreview>(core, 'kit.preview', { id: kit.id });
      expect(preview.html).toContain('Twelve wells were dug in Gao.');
      expect(preview.html).toContain('The school in Timbuktu');
      expect(preview.html).toContain('File missing: facts.pdf — relink or remove');
      expect(preview.missingFiles).toEqual([{ id: sheet.id, name: 'facts.pdf', item: 2, office: null, onServer: false, size: 15 }]);
      expect(preview.serverFiles).toBeNull();

      const e = await jobError(core, 'kit.export', { id: kit.id, formats: ['docx'], outDir: tempDir('dateline-kit-deleted-') });
      expect(e.code).toBe('FILE_UNREADABLE');
      expect(e.params?.names).toEqual(['facts.pdf']);
    } finally {
      dispose(core);
    }
  }, 60_000);
});
