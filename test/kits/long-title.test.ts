import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { closePdfPrinter } from '../../electron/core/kits/pdf';
import type { KitExportResult } from '../../electron/shared/kits/contract';
import { tempDirKept } from '../helpers';
import { addPhoto, body, call, dispose, job, openLibrary, photo } from './fixtures';
import { libreOfficePdf, overlappingLines, pagesText, rowsOf, sofficePath, type PageText } from './page-layout';

/**
 * A kit whose title and headline are as long as people make them on a deadline (a 300-character
 * headline, a title naming every partner): every page still carries its whole "Page N of M", and
 * no line of the running footer runs into another or off the page.
 */

const TITLE =
  'Joint press kit of the organisation, the national water authority, the district health office and their partners on the emergency water, sanitation and shelter response for displaced families in northern Aleppo governorate, winter 2026';
const HEADLINE = (
  'The organisation and its partners deliver emergency shelter, safe water, winter clothing and medical care to more than twenty thousand displaced families ' +
  'across northern Aleppo governorate as temperatures fall below freezing, fuel prices climb and the roads to the mountain villages close for the season'
).slice(0, 300);

let core: Core;
let work: string;
const pdfs = new Map<string, string>();

beforeAll(async () => {
  core = await openLibrary();
  work = tempDirKept('dateline-kit-long-');
  const rel = await call<{ id: string }>(core, 'release.create', {
    headline: HEADLINE,
    language: 'en',
    datelinePlace: 'Gaziantep',
    releaseDate: '2026-12-05',
    body: body(['The organisation today delivered blankets, heaters and food to 20,000 families.', 'Twelve distribution points are open every day.']),
  });
  const photoId = await addPhoto(core, 'distribution.jpg', await photo(1600, 1067, 3), { caption: 'A distribution point in Azaz', credit: 'L. Hassan' });
  const kit = await call<{ id: string }>(core, 'kit.create', {
    title: TITLE,
    language: 'en',
    items: [
      { kind: 'release', id: rel.id },
      { kind: 'attachment', id: photoId },
    ],
  });
  const out = join(work, 'out');
  const r = await job<KitExportResult>(core, 'kit.export', { id: kit.id, formats: ['docx', 'pdf', 'lite'], outDir: out });
  for (const file of r.files) pdfs.set(file.format, file.path);
  const soffice = sofficePath();
  if (soffice) pdfs.set('docx', libreOfficePdf(soffice, r.files.find((x) => x.format === 'docx')!.path, join(work, 'lo')));
  else pdfs.delete('docx');
}, 180_000);

afterAll(async () => {
  await closePdfPrinter();
  dispose(core);
});

/** The footer's rows: those in the page's bottom margin (20 mm, 57 pt). */
const footerRows = (page: PageText) => rowsOf(page).filter((r) => r.yMin > page.height - 57).map((r) => ({ ...r, text: r.text.replace(/\u00a0/g, ' ') }));

describe('a kit with a long title and a long headline', () => {
  for (const format of ['pdf', 'lite', 'docx']) {
    it(`${format}: every page after the cover has its whole page number, and the footer stays in its margin`, () => {
      const file = pdfs.get(format);
      if (!file) return; // no LibreOffice on this machine: the DOCX is not laid out here
      const pages = pagesText(file);
      expect(pages.length).toBeGreaterThan(1);
      pages.forEach((page, i) => {
        if (i === 0) return; // the cover has no page number
        const footer = footerRows(page);
        expect(footer.map((r) => r.text).join(' | '), `page ${i + 1}`).toMatch(new RegExp(`Page ${i + 1} of ${pages.length}(?!\\d)`));
        expect(footer.filter((r) => /^\d+$/.test(r.text)), `page ${i + 1}: a number alone on its line`).toEqual([]);
        for (const r of footer) expect(r.yMax, `page ${i + 1}: "${r.text}" below the page`).toBeLessThan(page.height);
        expect(overlappingLines(page).map(([a, b]) => `${a.text} / ${b.text}`), `page ${i + 1}`).toEqual([]);
      });
    }, 60_000);
  }
});
