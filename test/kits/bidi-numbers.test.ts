import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { closePdfPrinter } from '../../electron/core/kits/pdf';
import type { KitExportResult } from '../../electron/shared/kits/contract';
import { richTextFromParagraphs } from '../../electron/shared/richtext';
import { tempDirKept } from '../helpers';
import { call, dispose, job, openLibrary } from './fixtures';
import { hasPhrase, libreOfficePdf, pagesText, rowsOf, sofficePath, type TextLine } from './page-layout';
import { readZip } from './zipread';

/**
 * A phone number typed inside Arabic text, in a release's body and in a quote: each keeps its own
 * order ("+41 22 717 9111", the "+" first) in the DOCX and the PDF, where the bidirectional
 * algorithm alone lays its groups out from the right. Its words stay where they were.
 */

const LRM = '\u200E';
const BODY = 'للتواصل مع مكتب جنيف: +41 22 717 9111 في أي وقت.';
const QUOTE = 'اتصلوا بنا على +962 79 555 0142 صباح كل يوم.';
const ENGLISH = 'Call Geneva on +41 22 717 9111 at any time.';
// Words of each line without lam-alef, which pdftotext turns around.
const BODY_WORDS = 'مكتب جنيف وقت';
const QUOTE_WORDS = 'اتصلوا على صباح يوم';

let core: Core;
let work: string;
let docx: string;
let pdf: string;
let preview: string;

beforeAll(async () => {
  core = await openLibrary();
  work = tempDirKept('dateline-kit-numbers-');
  const ar = await call<{ id: string }>(core, 'release.create', {
    headline: 'فتح مكتب جديد في جنيف',
    language: 'ar',
    body: richTextFromParagraphs([BODY]),
    quotes: [{ speaker: 'خالد المنصور', text: QUOTE }],
  });
  const en = await call<{ id: string }>(core, 'release.create', { headline: 'A new office in Geneva', language: 'en', body: richTextFromParagraphs([ENGLISH]) });
  const kit = await call<{ id: string }>(core, 'kit.create', {
    title: 'ملف صحفي',
    language: 'ar',
    items: [
      { kind: 'release', id: ar.id },
      { kind: 'release', id: en.id },
    ],
  });
  const r = await job<KitExportResult>(core, 'kit.export', { id: kit.id, formats: ['docx', 'pdf'], outDir: join(work, 'kit') });
  docx = r.files.find((f) => f.format === 'docx')!.path;
  pdf = r.files.find((f) => f.format === 'pdf')!.path;
  preview = (await call<{ html: string }>(core, 'kit.preview', { id: kit.id })).html;
}, 120_000);

afterAll(async () => {
  await closePdfPrinter();
  dispose(core);
});

/** The row of a PDF that holds `phrase` and the number ending in `last`. */
function rowWith(file: string, phrase: string, last: string): TextLine {
  for (const page of pagesText(file)) {
    const row = rowsOf(page).find((r) => hasPhrase(r, phrase) && r.words.some((w) => w.text.includes(last)));
    if (row) return row;
  }
  throw new Error(`no row with "${phrase}" in ${file}`);
}

/** The number's words as a reader sees them, from left to right. */
const numberIn = (row: TextLine): string =>
  row.words
    .map((w) => w.text)
    .filter((t) => /^[+0-9]/.test(t))
    .join(' ');

/** The DOCX paragraph that holds `text`, and its text as Word shows it (its runs' text joined). */
async function docxParagraph(text: string): Promise<{ xml: string; text: string }> {
  const doc = (await readZip(docx)).get('word/document.xml')!.toString('utf8');
  const xml = doc.split('<w:p>').find((chunk) => chunk.includes(text))?.split('</w:p>')[0];
  if (xml === undefined) throw new Error(`no paragraph with "${text}"`);
  return { xml, text: [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('') };
}

describe('a phone number inside Arabic text', () => {
  it('DOCX: is a left-to-right run of its own after a left-to-right mark, in the body and in a quote; the text is as typed', async () => {
    for (const [line, number] of [
      [BODY, '+41 22 717 9111'],
      [QUOTE, '+962 79 555 0142'],
    ] as const) {
      const p = await docxParagraph(number);
      expect(p.xml).toContain('<w:bidi/>');
      const numberRun = [...p.xml.matchAll(/<w:r>((?:(?!<\/w:r>).)*)<\/w:r>/g)].map((m) => m[1]!).find((r) => r.includes(number))!;
      expect(numberRun).toContain(`<w:t xml:space="preserve">${LRM}${number}</w:t>`);
      expect(numberRun).not.toContain('<w:rtl/>');
      expect(p.text.replaceAll(LRM, '')).toBe(line);
    }
    // English text around the number is left as it was: no mark, one run.
    const english = await docxParagraph('Call Geneva');
    expect(english.text).toBe(ENGLISH);
  });

  it('PDF: reads "+41 22 717 9111" from the left, among its Arabic words, in the body and in a quote', () => {
    expect(numberIn(rowWith(pdf, BODY_WORDS, '9111'))).toBe('+41 22 717 9111');
    expect(numberIn(rowWith(pdf, QUOTE_WORDS, '0142'))).toBe('+962 79 555 0142');
    expect(rowWith(pdf, 'Call Geneva on', '9111').text).toBe(ENGLISH);
  });

  it('HTML: sets the number apart as left to right, and nowhere in English text', () => {
    expect(preview).toContain('<bdi dir="ltr">+41 22 717 9111</bdi> في أي وقت.');
    expect(preview).toContain('<bdi dir="ltr">+962 79 555 0142</bdi>');
    expect(preview).toContain(ENGLISH);
  });

  it('DOCX: reads "+41 22 717 9111" from the left when LibreOffice lays it out', () => {
    const soffice = sofficePath();
    if (!soffice) throw new Error('LibreOffice is needed to read the DOCX back (see the README)');
    const opened = libreOfficePdf(soffice, docx, join(work, 'libreoffice'));
    expect(numberIn(rowWith(opened, BODY_WORDS, '9111'))).toBe('+41 22 717 9111');
    expect(numberIn(rowWith(opened, QUOTE_WORDS, '0142'))).toBe('+962 79 555 0142');
  }, 300_000);
});
