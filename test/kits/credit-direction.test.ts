import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { closePdfPrinter } from '../../electron/core/kits/pdf';
import type { KitExportResult } from '../../electron/shared/kits/contract';
import { tempDirKept } from '../helpers';
import { addPhoto, dispose, job, openLibrary, photo, call } from './fixtures';
import { ARABIC_LETTERS, drawnImages, libreOfficePdf, pagesText, rowsOf, sofficePath, type TextLine } from './page-layout';

/**
 * A photo's credit is the photographer's or agency's name as they write it: "© ONG / J. Diallo"
 * under an Arabic caption in an Arabic kit reads as typed, the © before the name, in the PDF and
 * in the DOCX, where the bidirectional algorithm alone moved the © after it ("ONG / J. Diallo ©").
 * The credit's label is in the kit's language and reads in its direction: a Spanish kit's
 * "Crédito: A. Maïga" under an Arabic caption, not "A. Maïga :Crédito". A caption sits under the
 * middle of its photo, as in the DOCX, also under a portrait photo narrower than the page.
 */

const CREDIT = '© ONG / J. Diallo';

let core: Core;
let work: string;
let docx: string;
let pdf: string;
let spanishPdf: string;

beforeAll(async () => {
  core = await openLibrary();
  work = tempDirKept('dateline-kit-credit-');
  const id = await addPhoto(core, 'pozo-mopti.jpg', await photo(1200, 800, 3), { caption: 'نساء يجلبن الماء من بئر جديدة في موبتي', credit: CREDIT });
  const kit = await call<{ id: string }>(core, 'kit.create', { title: 'ملف صحفي', language: 'ar', items: [{ kind: 'attachment', id }] });
  const r = await job<KitExportResult>(core, 'kit.export', { id: kit.id, formats: ['docx', 'pdf'], outDir: join(work, 'kit') });
  docx = r.files.find((f) => f.format === 'docx')!.path;
  pdf = r.files.find((f) => f.format === 'pdf')!.path;
  const portrait = await addPhoto(core, 'escuela-retrato.jpg', await photo(900, 1400, 5), { caption: 'تلميذة في مدرسة موبتي', credit: 'A. Maïga' });
  const spanish = await call<{ id: string }>(core, 'kit.create', { title: 'Dossier de prensa', language: 'es', items: [{ kind: 'attachment', id: portrait }] });
  const s = await job<KitExportResult>(core, 'kit.export', { id: spanish.id, formats: ['pdf'], outDir: join(work, 'spanish') });
  spanishPdf = s.files.find((f) => f.format === 'pdf')!.path;
}, 120_000);

afterAll(async () => {
  await closePdfPrinter();
  dispose(core);
});

/** The row of a PDF that holds the credit's `name`, as a reader sees it from the left. */
function creditRow(file: string, name = 'Diallo'): TextLine {
  for (const page of pagesText(file)) {
    const row = rowsOf(page).find((r) => r.words.some((w) => w.text.includes(name)));
    if (row) return row;
  }
  throw new Error(`no credit in ${file}`);
}

/** The credit's own words in the row, left to right. */
const creditIn = (row: TextLine) =>
  row.words
    .map((w) => w.text.replaceAll(':', ''))
    .filter((t) => t !== '' && t !== '—' && !ARABIC_LETTERS.test(t))
    .join(' ');

describe('a Latin-script credit under an Arabic caption', () => {
  it('PDF: reads "© ONG / J. Diallo" from the left', () => {
    expect(creditIn(creditRow(pdf))).toBe(CREDIT);
  });

  it('DOCX: reads "© ONG / J. Diallo" from the left when LibreOffice lays it out', () => {
    const soffice = sofficePath();
    if (!soffice) throw new Error('LibreOffice is needed to read the DOCX back (see the README)');
    expect(creditIn(creditRow(libreOfficePdf(soffice, docx, join(work, 'libreoffice'))))).toBe(CREDIT);
  }, 300_000);
});

describe('a photo in a Spanish kit with an Arabic caption', () => {
  it('PDF: its credit reads "Crédito: A. Maïga" from the left', () => {
    expect(creditRow(spanishPdf, 'Maïga').text).toBe('Crédito: A. Maïga');
  });

  it('PDF: its caption and credit sit under the middle of the portrait photo', () => {
    const photoBox = drawnImages(spanishPdf).find((i) => i.yMax - i.yMin > i.xMax - i.xMin)!;
    const middle = (b: { xMin: number; xMax: number }) => (b.xMin + b.xMax) / 2;
    const credit = creditRow(spanishPdf, 'Maïga');
    const caption = rowsOf(pagesText(spanishPdf)[photoBox.page - 1]!).find((r) => r.yMin > photoBox.yMax && r.yMax < credit.yMin)!;
    expect(Math.abs(middle(credit) - middle(photoBox))).toBeLessThan(3);
    expect(Math.abs(middle(caption) - middle(photoBox))).toBeLessThan(3);
  });
});
