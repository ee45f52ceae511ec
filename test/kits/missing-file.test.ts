import { readdirSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { KitPreview } from '../../electron/shared/kits/contract';
import { setUpI18n } from '../../renderer/i18n';
import { errorText } from '../../renderer/i18n/errors';
import { tempDir } from '../helpers';
import { addPhoto, body, call, dispose, jobError, openLibrary, photo } from './fixtures';

/**
 * A kit whose photo and fact-sheet PDF are gone from the library folder (a restore that left
 * files behind, say): the preview still shows the rest with each missing file marked where it
 * was, and an export names every missing file before it writes anything.
 */

describe('a kit with missing files', () => {
  it('is previewed whole, each missing file marked in place, and refused for export naming them all', async () => {
    const core = await openLibrary();
    try {
      const gone = await addPhoto(core, 'photo.jpg', await photo(300, 200, 5), { caption: 'The well', credit: 'A. Maiga' });
      const kept = await addPhoto(core, 'school.jpg', await photo(300, 200, 6), { caption: 'The school in Timbuktu', credit: 'F. Touré' });
      const pdf = await call<{ id: string }>(core, 'attachment.add', { name: 'facts.pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') });
      const kit = await call<{ id: string }>(core, 'kit.create', {
        title: 'Mali kit',
        language: 'en',
        items: [
          { kind: 'section', sectionKind: 'text', title: 'Introduction', body: body(['Twelve wells were dug in Gao.']) },
          { kind: 'attachment', id: gone },
          { kind: 'attachment', id: kept },
          { kind: 'attachment', id: pdf.id },
        ],
      });
      for (const id of [gone, pdf.id]) rmSync(core.ctx.blobs.path((await call<{ sha256: string }>(core, 'attachment.get', { id })).sha256));

      const preview = await call<KitPreview>(core, 'kit.preview', { id: kit.id });
      expect(preview.html).toContain('Twelve wells were dug in Gao.');
      expect(preview.html).toContain('The school in Timbuktu');
      expect(preview.html.match(/<img [^>]*src="data:image\//g)).toHaveLength(1);
      expect(preview.html).toContain('File missing: photo.jpg — relink or remove');
      expect(preview.html).toContain('File missing: facts.pdf — relink or remove');
      // In place: the missing photo comes before the school's photo, as in the kit.
      expect(preview.html.indexOf('File missing: photo.jpg')).toBeLessThan(preview.html.indexOf('The school in Timbuktu'));
      expect(preview.missingFiles).toEqual([
        { id: gone, name: 'photo.jpg', item: 2, office: null, onServer: false },
        { id: pdf.id, name: 'facts.pdf', item: 4, office: null, onServer: false },
      ]);

      const out = tempDir('dateline-kit-missing-');
      const e = await jobError(core, 'kit.export', { id: kit.id, formats: ['docx', 'pdf', 'zip'], outDir: out });
      expect(e.code).toBe('FILE_UNREADABLE');
      expect(e.message).toContain('2 files of the kit "Mali kit" are missing from the library folder');
      expect(e.message).toContain('"photo.jpg" (item 2 of the kit');
      expect(e.message).toContain('"facts.pdf" (item 4 of the kit');
      expect(readdirSync(out)).toEqual([]);
      expect(errorText(setUpI18n('en').t, e)).toBe(
        '2 files of this kit are missing from the library folder (photo.jpg, facts.pdf), so nothing was exported. Relink each to a file or take it out of the kit, or restore the library from a backup.',
      );
      for (const lng of ['fr', 'es', 'ar']) expect(errorText(setUpI18n(lng).t, e), lng).toContain('photo.jpg, facts.pdf');
    } finally {
      dispose(core);
    }
  }, 120_000);
});
