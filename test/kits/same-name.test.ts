import { afterAll, describe, expect, it } from 'vitest';
import { closePdfPrinter } from '../../electron/core/kits/pdf';
import type { KitExportResult } from '../../electron/shared/kits/contract';
import { tempDir } from '../helpers';
import { addPhoto, call, dispose, job, openLibrary, photo } from './fixtures';
import { readZip } from './zipread';

/** Photos all called photo.jpg in one kit: each reaches the ZIP under its own name, and captions.csv says which is which. */

afterAll(closePdfPrinter);

describe('attachments with the same name', () => {
  it('are separate files in the ZIP with distinct names, each named in captions.csv and the manifest', async () => {
    const core = await openLibrary();
    try {
      const well = await addPhoto(core, 'photo.jpg', await photo(600, 400, 1), { caption: 'The new well in Gao', credit: 'A. Maiga' });
      const school = await addPhoto(core, 'photo.jpg', await photo(600, 400, 2), { caption: 'Pupils at the Timbuktu school', credit: 'F. Touré' });
      // A third whose name differs only in case: Windows and macOS would merge it with the others.
      const again = await addPhoto(core, 'PHOTO.JPG', await photo(600, 400, 3), { caption: 'The well at dusk', credit: 'A. Maiga' });
      const kit = await call<{ id: string }>(core, 'kit.create', {
        title: 'Mali kit',
        language: 'en',
        items: [well, school, again].map((id) => ({ kind: 'attachment', id })),
      });
      const out = tempDir('dateline-kit-same-name-');
      const result = await job<KitExportResult>(core, 'kit.export', { id: kit.id, formats: ['zip'], outDir: out });
      const zip = await readZip(result.files[0]!.path);
      const photos = [...zip.keys()].filter((n) => n.startsWith('photos/'));
      expect(new Set(photos)).toEqual(new Set(['photos/photo.jpg', 'photos/photo (2).jpg', 'photos/PHOTO (3).jpg']));
      expect(new Set(photos.map((p) => p.toLowerCase())).size).toBe(3);
      for (const p of photos) expect(p).toMatch(/^photos\/photo.*\.jpg$/i);
      const csv = zip.get('captions.csv')!.toString('utf8');
      const rows = csv.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1);
      const fileOf = (caption: string) => rows.find((r) => r.includes(caption))!.split(',')[0]!.replace(/^"(.*)"$/, '$1');
      expect(new Set([fileOf('The new well in Gao'), fileOf('Pupils at the Timbuktu school'), fileOf('The well at dusk')])).toEqual(new Set(photos));
      const manifest = JSON.parse(zip.get('manifest.json')!.toString('utf8')) as { files: { path: string; attachmentId: string }[] };
      expect(new Map(manifest.files.map((f) => [f.attachmentId, f.path])).size).toBe(3);
      // Different bytes under each name: no photo was written over another.
      expect(zip.get(fileOf('The new well in Gao')!)!.equals(zip.get(fileOf('Pupils at the Timbuktu school')!)!)).toBe(false);
    } finally {
      dispose(core);
    }
  }, 120_000);
});
