import { readdirSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../electron/shared/errors';
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
      expect(preview.serverFiles).toBeNull();
      // In place: the missing photo comes before the school's photo, as in the kit.
      expect(preview.html.indexOf('File missing: photo.jpg')).toBeLessThan(preview.html.indexOf('The school in Timbuktu'));
      expect(preview.missingFiles).toEqual([
        { id: gone, name: 'photo.jpg', item: 2, office: null, onServer: false, size: expect.any(Number) },
        { id: pdf.id, name: 'facts.pdf', item: 4, office: null, onServer: false, size: 15 },
      ]);

      const out = tempDir('dateline-kit-missing-');
      const e = await jobError(core, 'kit.export', { id: kit.id, formats: ['docx', 'pdf', 'zip'], outDir: out });
      expect(e.code).toBe('FILE_UNREADABLE');
      expect(e.message).toContain('2 files of the kit "Mali kit" are missing from the library folder');
      expect(e.message).toContain('"photo.jpg" (item 2 of the kit');
      expect(e.message).toContain('"facts.pdf" (item 4 of the kit');
      expect(readdirSync(out)).toEqual([]);
      expect(e.params?.names).toEqual(['photo.jpg', 'facts.pdf']);
      expect(errorText(setUpI18n('en').t, e)).toBe(
        '2 files of this kit are missing from the library folder (photo.jpg and facts.pdf), so nothing was exported. Relink each to a file or take it out of the kit, or restore the library from a backup.',
      );
      // Listed as each language lists, never with a Latin comma in Arabic (isolation marks aside).
      const listed = { fr: 'photo.jpg et facts.pdf', es: 'photo.jpg y facts.pdf', ar: 'photo.jpg وfacts.pdf' };
      for (const [lng, list] of Object.entries(listed)) expect(errorText(setUpI18n(lng).t, e).replace(/[\u2068\u2069]/g, ''), lng).toContain(list);
    } finally {
      dispose(core);
    }
  }, 120_000);
});

describe('several missing files and a missing office logo', () => {
  it('are named in one refusal, each with where it is put right: the items in the kit, the logo in Settings → Offices', async () => {
    const core = await openLibrary();
    try {
      const logo = await addPhoto(core, 'amman-logo.png', await photo(120, 40, 7));
      const office = await call<{ id: string }>(core, 'office.create', { name: 'Amman', logo });
      const well = await addPhoto(core, 'well.jpg', await photo(300, 200, 8), { caption: 'The well' });
      const school = await addPhoto(core, 'school.jpg', await photo(300, 200, 9), { caption: 'The school' });
      const kit = await call<{ id: string }>(core, 'kit.create', {
        title: 'Jordan kit',
        language: 'en',
        office: office.id,
        items: [
          { kind: 'attachment', id: well },
          { kind: 'attachment', id: school },
        ],
      });
      for (const id of [logo, well, school]) rmSync(core.ctx.blobs.path((await call<{ sha256: string }>(core, 'attachment.get', { id })).sha256));

      const out = tempDir('dateline-kit-missing-');
      const e = await jobError(core, 'kit.export', { id: kit.id, formats: ['docx'], outDir: out });
      expect(e.code).toBe('FILE_UNREADABLE');
      expect(readdirSync(out)).toEqual([]);
      expect(e.message).toContain('3 files of the kit "Jordan kit" are missing from the library folder. Nothing was exported.');
      expect(e.message).toMatch(/Relink each to a file or remove it from the kit: "well\.jpg" \(item 1 of the kit, files\/[^)]+\), "school\.jpg" \(item 2 of the kit, files\/[^)]+\)\./);
      expect(e.message).toMatch(/Choose another logo for the office "Amman" in Settings → Offices: "amman-logo\.png" \(the logo of office "Amman", files\/[^)]+\)\./);
      // The logo is not sent to the kit's items, nor the items to Settings.
      expect(e.message).not.toMatch(/remove it from the kit: [^.]*amman-logo/);

      const said = errorText(setUpI18n('en').t, e);
      expect(said).toBe(
        '3 files of this kit are missing from the library folder, so nothing was exported. Relink each of these to a file or take it out of the kit: well.jpg and school.jpg. ' +
          'For the logo of the office “Amman” (amman-logo.png), choose another logo for the office in Settings → Offices. Or restore the library from a backup.',
      );
      const listed = { fr: 'well.jpg et school.jpg', es: 'well.jpg y school.jpg', ar: 'well.jpg وschool.jpg' };
      for (const [lng, list] of Object.entries(listed)) {
        const { t } = setUpI18n(lng);
        const text = errorText(t, e);
        expect(text.replace(/[\u2068\u2069]/g, ''), lng).toContain(list);
        expect(text, lng).not.toContain('well.jpg, school.jpg');
        expect(text, lng).toContain('amman-logo.png');
        expect(text, lng).toContain(t('nav.settings'));
        expect(text, lng).toContain(t('settings.offices'));
      }
    } finally {
      dispose(core);
    }
  }, 120_000);
});

describe('files of a kit still on the server, and others missing', () => {
  it('are listed as each language lists, in the app', () => {
    const e: ApiError = {
      code: 'FILE_UNREADABLE',
      message: '2 files of the kit "Gao kit" are on the server…',
      params: { reason: 'kitFileMissing', count: 3, serverCount: 2, server: ['well.jpg', 'school.jpg'], download: 'sync-first', itemCount: 1, items: ['facts.pdf'] },
    };
    const said = (lng: string): string => errorText(setUpI18n(lng).t, e).replace(/[\u2068\u2069]/g, '');
    expect(said('en')).toMatch(/^On the server, not on this computer yet \(and not damaged\): well\.jpg and school\.jpg\. .* Missing from the library folder: facts\.pdf\./);
    expect(said('fr')).toContain('well.jpg et school.jpg');
    expect(said('es')).toContain('well.jpg y school.jpg');
    expect(said('ar')).toContain('well.jpg وschool.jpg');
    expect(said('ar')).not.toContain('well.jpg, school.jpg');
  });
});
