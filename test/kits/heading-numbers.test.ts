import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { closePdfPrinter } from '../../electron/core/kits/pdf';
import type { KitExportResult } from '../../electron/shared/kits/contract';
import { richTextFromParagraphs } from '../../electron/shared/richtext';
import { tempDirKept } from '../helpers';
import { addPhoto, call, dispose, job, openLibrary, photo } from './fixtures';
import { hasPhrase, pagesText, rowsOf, type TextLine } from './page-layout';
import { readZip } from './zipread';

/**
 * A phone number or a spaced number in the headings of an Arabic kit (a release's headline and
 * subheadline, a section's title, the kit's title on the cover and in the running footer, a
 * photo's caption, the contents entries) keeps
 * its own order, as it does in the body: "+41 22 717 9111" and not "9111 717 22 41+", "40 000"
 * and not "000 40". Its words stay where they were.
 */

const LRM = '\u200E';
// Each with its number, and words of it without lam-alef, which pdftotext turns around.
const HEADLINE = { text: 'خط ساخن جديد +41 22 717 9111 في جنيف', number: '+41 22 717 9111', words: 'خط ساخن جديد جنيف' };
const SUBHEADLINE = { text: 'مكتب عمان يجيب على +962 79 555 0142 كل يوم', number: '+962 79 555 0142', words: 'مكتب عمان يجيب يوم' };
const SECTION = { text: 'أسئلة عن 40 000 مزارع', number: '40 000', words: 'أسئلة عن مزارع' };
const TITLE = { text: 'حملة تطعيم تحمي 12 500 أسرة', number: '12 500', words: 'حملة تطعيم تحمي أسرة' };
const CAPTION = { text: 'مخيم يستضيف 80 000 شخص', number: '80 000', words: 'مخيم يستضيف شخص' };
const ENGLISH = 'Hotline +41 22 717 9111 opens in Geneva';

let core: Core;
let docx: string;
let pdf: string;
let preview: string;

beforeAll(async () => {
  core = await openLibrary();
  const work = tempDirKept('dateline-kit-heading-numbers-');
  const ar = await call<{ id: string }>(core, 'release.create', {
    headline: HEADLINE.text,
    subheadline: SUBHEADLINE.text,
    language: 'ar',
    body: richTextFromParagraphs(['فتحت المنظمة اليوم خطا جديدا.']),
  });
  const en = await call<{ id: string }>(core, 'release.create', { headline: ENGLISH, language: 'en', body: richTextFromParagraphs(['A new line.']) });
  const shot = await addPhoto(core, 'camp.jpg', await photo(800, 600, 1), { caption: CAPTION.text, credit: 'ع. حسن' });
  const kit = await call<{ id: string }>(core, 'kit.create', {
    title: TITLE.text,
    language: 'ar',
    items: [
      { kind: 'release', id: ar.id },
      { kind: 'release', id: en.id },
      { kind: 'section', sectionKind: 'faq', title: SECTION.text, body: richTextFromParagraphs(['نعم.']) },
      { kind: 'attachment', id: shot },
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

/** Every DOCX paragraph that holds `number`, with its text as Word shows it (its runs' text joined). */
async function docxParagraphs(number: string): Promise<{ xml: string; text: string }[]> {
  const doc = (await readZip(docx)).get('word/document.xml')!.toString('utf8');
  return doc
    .split('<w:p>')
    .map((chunk) => chunk.split('</w:p>')[0]!)
    .filter((xml) => xml.includes(number))
    .map((xml) => ({ xml, text: [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('') }));
}

/** Every row of the PDF that holds the words `phrase`. */
function rowsWith(phrase: string): TextLine[] {
  return pagesText(pdf).flatMap((page) => rowsOf(page).filter((r) => hasPhrase(r, phrase)));
}

/**
 * The groups of `number` in the row as a reader sees them, from left to right (a contents entry's
 * page number is not one). The running footer's isolate marks, invisible, come out in its words.
 */
const numberIn = (row: TextLine, number: string): string =>
  row.words
    .map((w) => w.text.replace(/[\u2066-\u2069]/gu, ''))
    .filter((t) => number.split(' ').includes(t))
    .join(' ');

describe('a number in the headings of an Arabic kit', () => {
  it('DOCX: is a left-to-right run of its own after a left-to-right mark, in the headline, subheadline, titles, caption and contents', async () => {
    // The headline and the section's title are also contents entries; the kit's title is on the cover.
    for (const [line, times] of [
      [HEADLINE, 2],
      [SUBHEADLINE, 1],
      [SECTION, 2],
      [TITLE, 1],
      [CAPTION, 1],
    ] as const) {
      const found = (await docxParagraphs(line.number)).filter((p) => p.text.replaceAll(LRM, '').includes(line.text));
      expect(found).toHaveLength(times);
      for (const p of found) {
        const numberRun = [...p.xml.matchAll(/<w:r>((?:(?!<\/w:r>).)*)<\/w:r>/g)].map((m) => m[1]!).find((r) => r.includes(line.number))!;
        expect(numberRun).toContain(`<w:t xml:space="preserve">${LRM}${line.number}</w:t>`);
        expect(numberRun).not.toContain('<w:rtl/>');
      }
    }
    // The kit's title in the running footer too.
    const footer = (await readZip(docx)).get('word/footer1.xml')!.toString('utf8');
    expect(footer).toContain(`<w:t xml:space="preserve">${LRM}${TITLE.number}</w:t>`);
    // An English headline is left as it was: no mark, one run.
    const english = await docxParagraphs('Hotline');
    expect(english.length).toBeGreaterThan(0);
    for (const p of english) {
      expect(p.text).toContain(ENGLISH);
      expect(p.text).not.toContain(LRM);
    }
  });

  it('PDF: reads each number from the left among its Arabic words, in the headings, the caption, the contents and the running footer', () => {
    for (const [line, times] of [
      [HEADLINE, 2],
      [SUBHEADLINE, 1],
      [SECTION, 2],
      [TITLE, 1],
      [CAPTION, 1],
    ] as const) {
      const rows = rowsWith(line.words);
      expect(rows.length, line.text).toBeGreaterThanOrEqual(times);
      for (const row of rows) expect(numberIn(row, line.number), row.text).toBe(line.number);
    }
  });

  it('HTML: sets the numbers apart as left to right, and nowhere in English text', () => {
    for (const line of [HEADLINE, SUBHEADLINE, SECTION, TITLE, CAPTION]) {
      const [before, after] = line.text.split(line.number);
      expect(preview).toContain(`${before}<bdi dir="ltr">${line.number}</bdi>${after}`);
    }
    expect(preview).toContain(ENGLISH);
    expect(preview).not.toContain(`Hotline <bdi`);
  });
});
