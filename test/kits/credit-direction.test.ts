import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { closePdfPrinter } from '../../electron/core/kits/pdf';
import type { KitExportResult } from '../../electron/shared/kits/contract';
import { tempDirKept } from '../helpers';
import { addPhoto, dispose, job, openLibrary, photo, call } from './fixtures';
import { ARABIC_LETTERS, libreOfficePdf, pagesText, rowsOf, sofficePath, type TextLine } from './page-layout';

/**
 * A photo's credit is the photographer's or agency's name as they write it: "© ONG / J. Diallo"
 * under an Arabic caption in an Arabic kit reads as typed, the © before the name, in the PDF and
 * in the DOCX, where the bidirectional algorithm alone moved the © after it ("ONG / J. Diallo ©").
 */

const CREDIT = '© ONG / J. Diallo';

let core: Core;
let work: string;
let docx: string;
let pdf: string;

beforeAll(async () => {
  core = await openLibrary();
  work = tempDirKept('dateline-kit-credit-');
  const id = await addPhoto(core, 'pozo-mopti.jpg', await photo(1200, 800, 3), { caption: 'نساء يجلبن الماء من بئر جديدة في موبتي', credit: CREDIT });
  const kit = await call<{ id: string }>(core, 'kit.create', { title: 'ملف صحفي', language: 'ar', items: [{ kind: 'attachment', id }] });
  const r = await job<KitExportResult>(core, 'kit.export', { id: kit.id, formats: ['docx', 'pdf'], outDir: join(work, 'kit') });
  docx = r.files.find((f) => f.format === 'docx')!.path;
  pdf = r.files.find((f) => f.format === 'pdf')!.path;
}, 120_000);

afterAll(async () => {
  await closePdfPrinter();
  dispose(core);
});

/** The row of a PDF that holds the credit's name, as a reader sees it from the left. */
function creditRow(file: string): TextLine {
  for (const page of pagesText(file)) {
    const row = rowsOf(page).find((r) => r.words.some((w) => w.text.includes('Diallo')));
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
