import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { closePdfPrinter } from '../../electron/core/kits/pdf';
import type { KitExportResult } from '../../electron/shared/kits/contract';
import { richTextFromParagraphs } from '../../electron/shared/richtext';
import { tempDirKept } from '../helpers';
import { call, dispose, job, openLibrary } from './fixtures';
import { hasPhrase, pagesText, rowsOf, type TextLine } from './page-layout';
import { readZip } from './zipread';

/**
 * The lines of an Arabic kit around its headings and body: the contents entries are right-to-left
 * paragraphs of their own in the DOCX (not only by their style, which a reader may not apply), and
 * a spaced number in a dateline, a quote's speaker line or an end mark keeps its order ("+962 79
 * 555 0142", "12 500") as it does in the headings and the body.
 */

const LRM = '\u200E';
// Each with its number, and words of its line without lam-alef, which pdftotext turns around.
const DATELINE = { place: 'مخيم حمص 12 500', number: '12 500', words: 'مخيم حمص' };
const SPEAKER = { name: 'خالد المنصور', role: 'هاتف المكتب +962 79 555 0142', number: '+962 79 555 0142', words: 'خالد المنصور هاتف' };
const HEADLINE = 'فتح مكتب جديد في حمص';

let core: Core;
let document: string;
let pdf: string;
let preview: string;

beforeAll(async () => {
  core = await openLibrary();
  const work = tempDirKept('dateline-kit-arabic-lines-');
  const ar = await call<{ id: string }>(core, 'release.create', {
    headline: HEADLINE,
    language: 'ar',
    datelinePlace: DATELINE.place,
    releaseDate: '2026-11-30',
    body: richTextFromParagraphs(['فتحت المنظمة اليوم مكتبا جديدا.']),
    quotes: [{ speaker: SPEAKER.name, role: SPEAKER.role, text: 'نحن هنا كل يوم.' }],
    endMark: '-ENDS-',
  });
  const en = await call<{ id: string }>(core, 'release.create', { headline: 'A new office in Homs', language: 'en', body: richTextFromParagraphs(['An office opened.']) });
  const kit = await call<{ id: string }>(core, 'kit.create', {
    title: 'ملف صحفي',
    language: 'ar',
    items: [
      { kind: 'release', id: ar.id },
      { kind: 'release', id: en.id },
    ],
  });
  const r = await job<KitExportResult>(core, 'kit.export', { id: kit.id, formats: ['docx', 'pdf'], outDir: join(work, 'kit') });
  document = (await readZip(r.files.find((f) => f.format === 'docx')!.path)).get('word/document.xml')!.toString('utf8');
  pdf = r.files.find((f) => f.format === 'pdf')!.path;
  preview = (await call<{ html: string }>(core, 'kit.preview', { id: kit.id })).html;
}, 120_000);

afterAll(async () => {
  await closePdfPrinter();
  dispose(core);
});

const paragraphs = (xml: string): string[] =>
  xml
    .split('<w:p>')
    .slice(1)
    .map((chunk) => chunk.split('</w:p>')[0]!);
const textOf = (p: string) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
const runsOf = (p: string) => [...p.matchAll(/<w:r>((?:(?!<\/w:r>).)*)<\/w:r>/g)].map((m) => m[1]!);

/**
 * The groups of `number` in a PDF row, as a reader sees them from left to right; the Arabic comma
 * after the dateline's place stands on the number's left, where poppler joins it to its word.
 */
const numberIn = (row: TextLine, number: string): string =>
  row.words
    .map((w) => w.text.replace(/،/gu, ''))
    .filter((t) => number.split(' ').includes(t))
    .join(' ');

function rowsWith(phrase: string): TextLine[] {
  return pagesText(pdf).flatMap((page) => rowsOf(page).filter((r) => hasPhrase(r, phrase)));
}

describe('an Arabic kit’s DOCX', () => {
  it('writes each contents entry as a right-to-left paragraph, the English one too', () => {
    const toc = document.slice(document.indexOf('<w:sdtContent>'), document.indexOf('</w:sdtContent>'));
    const entries = paragraphs(toc).filter((p) => p.includes('<w:pStyle w:val="TOC1"/>'));
    expect(entries.map(textOf)).toEqual([expect.stringContaining(HEADLINE), expect.stringContaining('A new office in Homs')]);
    for (const p of entries) expect(p).toMatch(/<w:pPr>(?:(?!<\/w:pPr>).)*<w:bidi\/>/);
  });

  it('sets the number of a dateline and of a quote’s speaker line apart, left to right after a mark', () => {
    for (const [line, number] of [
      [`${DATELINE.place}، 30 نوفمبر 2026 – `, DATELINE.number],
      [`— ${SPEAKER.name}، ${SPEAKER.role}`, SPEAKER.number],
    ] as const) {
      const p = paragraphs(document).find((x) => textOf(x).replaceAll(LRM, '').includes(line));
      expect(p, line).toBeDefined();
      const numberRun = runsOf(p!).find((r) => r.includes(number))!;
      expect(numberRun).toContain(`<w:t xml:space="preserve">${LRM}${number}</w:t>`);
      expect(numberRun).not.toContain('<w:rtl/>');
    }
    // The dateline's runs keep its character style, the number's too.
    const dateline = paragraphs(document).find((x) => textOf(x).includes(DATELINE.number))!;
    for (const r of runsOf(dateline).filter((x) => x.includes('مخيم') || x.includes(DATELINE.number))) expect(r).toContain('<w:rStyle w:val="Dateline"/>');
    // The end mark is the release's word, right to left, in one run.
    const end = paragraphs(document).find((x) => x.includes('<w:pStyle w:val="EndMark"/>'))!;
    expect(runsOf(end)).toHaveLength(1);
    expect(textOf(end)).toBe('-انتهى-');
  });
});

describe('an Arabic kit’s PDF', () => {
  it('reads the number of the dateline and of the speaker line from the left, among their words', () => {
    for (const line of [DATELINE, SPEAKER]) {
      const rows = rowsWith(line.words);
      expect(rows.length, line.words).toBeGreaterThan(0);
      for (const row of rows) expect(numberIn(row, line.number), row.text).toBe(line.number);
    }
  });

  it('sets the numbers apart in its HTML', () => {
    expect(preview).toContain(`مخيم حمص <bdi dir="ltr">${DATELINE.number}</bdi>`);
    expect(preview).toContain(`هاتف المكتب <bdi dir="ltr">${SPEAKER.number}</bdi>`);
  });
});
