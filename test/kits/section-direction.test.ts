import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { closePdfPrinter } from '../../electron/core/kits/pdf';
import type { KitExportResult } from '../../electron/shared/kits/contract';
import type { RichText } from '../../electron/shared/richtext';
import { tempDirKept } from '../helpers';
import { call, dispose, job, openLibrary } from './fixtures';
import { hasPhrase, pagesText, rowsOf, type TextLine } from './page-layout';
import { readZip } from './zipread';

/**
 * A kit's text sections (fact sheet, backgrounder...) have no language of their own: an Arabic
 * kit may carry a fact sheet written in English, and an English kit one in Arabic. Each of their
 * paragraphs reads in the direction of its own first letter, as typed text does everywhere else,
 * so "20,000 families reached" is not printed "families reached 20,000" right to left.
 */

const ENGLISH_LINE = '20,000 families reached in December.';
const ENGLISH_ITEM = '12 distribution centres open daily';
const ARABIC_LINE = 'وصلت المساعدات إلى عشرين ألف أسرة.';
const MARGIN = 51; // 18 mm, the side margins of the DOCX and the PDF

const factSheet: RichText = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: ENGLISH_LINE }] },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: ENGLISH_ITEM }] }] }] },
    { type: 'paragraph', content: [{ type: 'text', text: ARABIC_LINE }] },
  ],
};

let core: Core;
let work: string;
const exported = new Map<string, { docx: string; pdf: string }>();

beforeAll(async () => {
  core = await openLibrary();
  work = tempDirKept('dateline-kit-sections-');
  for (const language of ['ar', 'en']) {
    const kit = await call<{ id: string }>(core, 'kit.create', {
      title: language === 'ar' ? 'ملف صحفي' : 'Press kit',
      language,
      items: [{ kind: 'section', sectionKind: 'factSheet', title: 'Key facts', body: factSheet }],
    });
    const r = await job<KitExportResult>(core, 'kit.export', { id: kit.id, formats: ['docx', 'pdf'], outDir: join(work, language) });
    exported.set(language, { docx: r.files.find((f) => f.format === 'docx')!.path, pdf: r.files.find((f) => f.format === 'pdf')!.path });
  }
}, 120_000);

afterAll(async () => {
  await closePdfPrinter();
  dispose(core);
});

/** The w:p element of the DOCX body that holds `text`. */
async function docxParagraph(language: string, text: string): Promise<string> {
  const xml = (await readZip(exported.get(language)!.docx)).get('word/document.xml')!.toString('utf8');
  const p = xml.split('<w:p>').find((chunk) => chunk.includes(text));
  if (!p) throw new Error(`no paragraph with "${text}" in the ${language} kit`);
  return p.split('</w:p>')[0]!;
}

/** The PDF row that holds `phrase` (Chromium writes an Arabic word's letters in drawing order: hasPhrase allows for it). */
function pdfRow(language: string, phrase: string): { row: TextLine; width: number } {
  for (const page of pagesText(exported.get(language)!.pdf)) {
    const row = rowsOf(page).find((r) => hasPhrase(r, phrase));
    if (row) return { row, width: page.width };
  }
  throw new Error(`no row with "${phrase}" in the ${language} kit's PDF`);
}

describe('a text section in another script than its kit', () => {
  it('DOCX: the English lines of an Arabic kit are left to right, its Arabic line right to left', async () => {
    expect(await docxParagraph('ar', ENGLISH_LINE)).not.toContain('<w:bidi/>');
    expect(await docxParagraph('ar', ENGLISH_ITEM)).not.toContain('<w:bidi/>');
    expect(await docxParagraph('ar', 'عشرين')).toContain('<w:bidi/>');
    expect(await docxParagraph('en', ENGLISH_LINE)).not.toContain('<w:bidi/>');
    expect(await docxParagraph('en', 'عشرين')).toContain('<w:bidi/>');
  });

  it('PDF: the English lines read in their order from the left margin, the Arabic line from the right', () => {
    for (const language of ['ar', 'en']) {
      const english = pdfRow(language, ENGLISH_LINE);
      expect(english.row.text, language).toBe(ENGLISH_LINE);
      expect(english.row.xMin, language).toBeLessThan(MARGIN + 5);
      const item = pdfRow(language, ENGLISH_ITEM);
      expect(item.row.text, language).toContain(ENGLISH_ITEM);
      const arabic = pdfRow(language, ARABIC_LINE);
      expect(arabic.row.xMax, language).toBeGreaterThan(arabic.width - MARGIN - 5);
    }
  });
});
