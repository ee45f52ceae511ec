import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { closePdfPrinter } from '../../electron/core/kits/pdf';
import type { KitExportResult } from '../../electron/shared/kits/contract';
import { tempDir } from '../helpers';
import { body, call, dispose, job, openLibrary } from './fixtures';
import { readZip } from './zipread';

/**
 * The embargo line of an Arabic kit from the Damascus office, read back from the Word XML and
 * the PDF's text: the zone is named by its city in Arabic ("بتوقيت دمشق"), never "GMT+03:00".
 */

afterAll(closePdfPrinter);

describe('an embargo in Damascus time', () => {
  it('is named by the city in the DOCX and the PDF of an Arabic kit', async () => {
    const core = await openLibrary();
    try {
      const rel = await call<{ id: string }>(core, 'release.create', {
        headline: 'وصول المساعدات إلى ريف دمشق',
        language: 'ar',
        datelinePlace: 'دمشق',
        releaseDate: '2099-12-07',
        embargo: { at: '2099-12-08T07:00:00.000Z', timeZone: 'Asia/Damascus' },
        body: body(['وصلت قافلة المساعدات اليوم إلى ريف دمشق.']),
      });
      const kit = await call<{ id: string }>(core, 'kit.create', { title: 'ملف دمشق', language: 'ar', items: [{ kind: 'release', id: rel.id }] });
      const out = tempDir('dateline-kit-damascus-');
      const result = await job<KitExportResult>(core, 'kit.export', { id: kit.id, formats: ['docx', 'pdf'], outDir: out, confirmEmbargo: true });
      const docx = await readZip(result.files.find((x) => x.format === 'docx')!.path);
      const xml = [...docx].filter(([name]) => /^word\/(document|header\d*)\.xml$/.test(name)).map(([, b]) => b.toString('utf8')).join('\n');
      expect(xml).toContain('10:00 بتوقيت دمشق');
      expect(xml).not.toMatch(/غرينتش|GMT\+/);
      const pdf = execFileSync('pdftotext', ['-enc', 'UTF-8', result.files.find((x) => x.format === 'pdf')!.path, '-'], { encoding: 'utf8' });
      expect(pdf).toContain('دمشق');
      expect(pdf).toContain('بتوقيت');
      expect(pdf).not.toMatch(/غرينتش|GMT\+/);
    } finally {
      dispose(core);
    }
  }, 120_000);
});
