import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePdfPrinter } from '../../electron/core/kits/pdf';
import type { KitExportResult } from '../../electron/shared/kits/contract';
import { tempDirKept } from '../helpers';
import { addPhoto, ARABIC_HEADLINE, call, dispose, ENGLISH_HEADLINE, job, makeKit, photo, type KitFixture } from './fixtures';
import {
  ARABIC_LETTERS,
  colourColumns,
  drawnImages,
  hasPhrase,
  imageResolutions,
  libreOfficePdf,
  overlapArea,
  overlappingLines,
  pagesText,
  rowsOf,
  sofficePath,
  type PageText,
  type TextLine,
  type Word,
} from './page-layout';

/**
 * The exported documents as they look on the page, not as their XML reads: an English kit and
 * an Arabic kit (the same embargoed release in both languages, a 3:2, a 4:3 and a portrait
 * photo, a fact sheet, a press contact), their DOCX opened in LibreOffice and saved as PDF, and
 * their PDF and kit-lite as Chromium prints them; each read back with poppler.
 */

const soffice = sofficePath();
const MARGIN = 51; // 18 mm, the side margins of both the DOCX and the PDF
const ACCENT: [number, number, number] = [0xd1, 0x49, 0x5b]; // the office's accent colour: quote bars
/** A heading's line is taller than body text's (10.5 pt) and the small headings' (11.5 pt). */
const HEADING_LINE = 16;

let f: KitFixture;
let work: string;
const rendered = new Map<string, string>(); // "en docx" → a PDF file

const enTitles = [ENGLISH_HEADLINE, ARABIC_HEADLINE, 'Fact sheet', 'Photos', 'Media contacts'];
const arTitles = [ENGLISH_HEADLINE, ARABIC_HEADLINE, 'Fact sheet', 'الصور', 'جهات الاتصال الإعلامية'];

beforeAll(async () => {
  f = await makeKit({ photos: 1 });
  work = tempDirKept('dateline-kit-layout-');
  const more = [
    await addPhoto(f.core, 'water-point.jpg', await photo(1600, 1200, 5), { caption: 'A water point in Bwera', credit: 'J. Mukasa' }),
    await addPhoto(f.core, 'pump.jpg', await photo(900, 1200, 6), { caption: 'The pump, upright', credit: 'J. Mukasa' }),
  ];
  // A press contact no release names, so the kit has a contacts part of its own (the
  // spokesperson the releases name is printed with them).
  const press = await call<{ id: string }>(f.core, 'contact.create', { kind: 'spokesperson', name: 'Omar Haddad', emails: [{ type: 'work', address: 'omar.haddad@example.org' }] });
  const kit = await call<{ items: unknown[] }>(f.core, 'kit.get', { id: f.kitId });
  const items = [...kit.items.slice(0, 3), ...more.map((id) => ({ kind: 'attachment', id })), ...kit.items.slice(3), { kind: 'contact', id: press.id }];
  await call(f.core, 'kit.update', { id: f.kitId, rev: null, fields: { items } });
  const ar = await call<{ id: string }>(f.core, 'kit.create', { title: 'ملف صحفي: المياه في كاسيسي', language: 'ar', office: f.officeId, items });
  for (const [lang, id] of [
    ['en', f.kitId],
    ['ar', ar.id],
  ] as const) {
    const out = join(work, lang);
    const r = await job<KitExportResult>(f.core, 'kit.export', { id, formats: ['docx', 'pdf', 'lite'], outDir: out, confirmEmbargo: true });
    const file = (format: string) => r.files.find((x) => x.format === format)!.path;
    rendered.set(`${lang} pdf`, file('pdf'));
    rendered.set(`${lang} lite`, file('lite'));
    if (soffice) rendered.set(`${lang} docx`, libreOfficePdf(soffice, file('docx'), join(out, 'libreoffice')));
  }
}, 600_000);

afterAll(async () => {
  await closePdfPrinter();
  dispose(f.core);
});

const renditions = ['en docx', 'en pdf', 'en lite', 'ar docx', 'ar pdf', 'ar lite'];

function pdfOf(name: string, skip: (why: string) => void): string {
  const pdf = rendered.get(name);
  if (!pdf) skip('LibreOffice (soffice) is not installed: apt install libreoffice-writer-nogui');
  return pdf!;
}

const isHeading = (l: TextLine) => l.yMax - l.yMin >= HEADING_LINE;
/** Every heading-sized word of a page, as one row (a long headline wraps). */
const headingsOf = (page: PageText): TextLine => {
  const words = rowsOf(page).filter(isHeading).flatMap((r) => r.words);
  return { xMin: 0, yMin: 0, xMax: 0, yMax: 0, text: words.map((w) => w.text).join(' '), words };
};
const contentsHeading = (lang: string) => (lang === 'ar' ? 'المحتويات' : 'Contents');
const isContentsPage = (page: PageText, lang: string) => rowsOf(page).some((r) => isHeading(r) && hasPhrase(r, contentsHeading(lang)));
/** The page numbers written on a contents line ("Photos ........ 6"); a number inside a title ("40,000") is not one. */
const numbersIn = (text: string) => [...text.replace(/\.{2,}/g, ' ').matchAll(/(?:^|\s)(\d{1,3})(?=\s|$)/g)].map((m) => Number(m[1]));

describe.each(renditions)('the %s, on the page', (name) => {
  let pages: PageText[];
  let pdf: string;
  beforeAll(() => {
    pdf = rendered.get(name) ?? '';
    pages = pdf ? pagesText(pdf) : [];
  });

  it('has no two lines of text drawn over each other', (ctx) => {
    pdfOf(name, (why) => ctx.skip(true, why));
    pages.forEach((page, i) => {
      const clashes = overlappingLines(page).map(([a, b]) => `"${a.text}" / "${b.text}"`);
      expect(clashes, `page ${i + 1}`).toEqual([]);
    });
  });

  it('draws every photo whole, with equal horizontal and vertical resolution, at least 60% of the text width, under no text', (ctx) => {
    const file = pdfOf(name, (why) => ctx.skip(true, why));
    const resolutions = imageResolutions(file).filter((r) => r.type === 'image');
    expect(resolutions.length).toBeGreaterThanOrEqual(4); // the logo and three photos
    for (const r of resolutions) expect(Math.abs(r.xPpi - r.yPpi), `image ${r.width}×${r.height} on page ${r.page}: ${r.xPpi}×${r.yPpi} ppi`).toBeLessThanOrEqual(1);
    const photos = drawnImages(file).filter((d) => d.xMax - d.xMin > 200);
    expect(photos).toHaveLength(3);
    for (const d of photos) {
      const page = pages[d.page - 1]!;
      expect(d.xMax - d.xMin, `photo on page ${d.page}`).toBeGreaterThanOrEqual(0.6 * (page.width - 2 * MARGIN));
      expect(d.yMin, `photo on page ${d.page} starts above the page`).toBeGreaterThanOrEqual(0);
      expect(d.yMax, `photo on page ${d.page} ends below the page`).toBeLessThanOrEqual(page.height);
      const covered = page.lines.filter((l) => overlapArea(l, d) > 1).map((l) => l.text);
      expect(covered, `text drawn over the photo on page ${d.page}`).toEqual([]);
    }
  });

  it(name.endsWith('lite') ? 'lists every part in the contents, without page numbers (kit-lite is read on a screen)' : 'puts every heading on the page the contents page gives', (ctx) => {
    pdfOf(name, (why) => ctx.skip(true, why));
    const lang = name.slice(0, 2);
    const contentsPage = pages.findIndex((p) => isContentsPage(p, lang));
    expect(contentsPage).toBeGreaterThanOrEqual(0);
    const rows = rowsOf(pages[contentsPage]!);
    for (const title of lang === 'ar' ? arTitles : enTitles) {
      const entry = rows.find((r) => hasPhrase(r, title));
      expect(entry, `"${title}" in the contents`).toBeDefined();
      const numbers = numbersIn(entry!.text);
      if (name.endsWith('lite')) {
        expect(numbers, `"${entry!.text}" has no page number`).toEqual([]);
        continue;
      }
      expect(numbers, `the page number of "${title}" in "${entry!.text}"`).toHaveLength(1);
      const page = pages[numbers[0]! - 1];
      expect(page, `page ${numbers[0]} of "${title}"`).toBeDefined();
      expect(hasPhrase(headingsOf(page!), title), `the headings of page ${numbers[0]}, which the contents give for "${title}": ${headingsOf(page!).text}`).toBe(true);
    }
  });

  it('aligns Arabic text to the right, and puts the quote bar where Arabic lines start', async (ctx) => {
    const file = pdfOf(name, (why) => ctx.skip(true, why));
    const arabicPage = pages.findIndex((p) => hasPhrase(headingsOf(p), ARABIC_HEADLINE));
    expect(arabicPage).toBeGreaterThan(0);
    const page = pages[arabicPage]!;
    const right = page.width - MARGIN;
    const rows = rowsOf(page);
    const body = rows.filter((l) => ARABIC_LETTERS.test(l.text) && l.yMin > 70 && l.yMax < page.height - 60);
    expect(body.length).toBeGreaterThanOrEqual(4);
    for (const l of body) expect(l.xMax, `"${l.text}" ends ${Math.round(right - l.xMax)} pt from the right margin`).toBeGreaterThan(right - 40);

    const quote = rows.find((l) => hasPhrase(l, 'الماء كرامة'))!;
    expect(quote, 'the Arabic quote').toBeDefined();
    const bar = await colourColumns(file, arabicPage + 1, quote, ACCENT);
    expect(bar.length, 'the Arabic quote has a bar').toBeGreaterThan(0);
    expect(bar[0]!, 'the Arabic quote bar is right of its text').toBeGreaterThan(quote.xMax);

    const englishPage = pages.findIndex((p) => p.lines.some((l) => l.text.includes('Water is dignity')));
    const english = rowsOf(pages[englishPage]!).find((l) => l.text.includes('Water is dignity'))!;
    const englishBar = await colourColumns(file, englishPage + 1, english, ACCENT);
    expect(englishBar.length, 'the English quote has a bar').toBeGreaterThan(0);
    expect(englishBar[englishBar.length - 1]!, 'the English quote bar is left of its text').toBeLessThan(english.xMin);
  });

  it('aligns English text to the left, in an Arabic kit too', (ctx) => {
    pdfOf(name, (why) => ctx.skip(true, why));
    const rows = pages.flatMap((p) => rowsOf(p));
    // Short lines show the alignment: a long line fills the width whichever side it starts from.
    for (const phrase of ['Read the full report online.', 'Photos are free to use with credit.']) {
      const line = rows.find((l) => hasPhrase(l, phrase));
      expect(line, `"${phrase}"`).toBeDefined();
      expect(line!.xMin, `"${line!.text}" starts ${Math.round(line!.xMin - MARGIN)} pt from the left margin`).toBeLessThan(MARGIN + 20);
    }
  });

  it('puts the footer line where the kit’s lines start and the page number where they end: mirrored in Arabic', (ctx) => {
    pdfOf(name, (why) => ctx.skip(true, why));
    const rtl = name.startsWith('ar');
    const isWord = (w: Word, text: string) => hasPhrase({ ...w, text: w.text, words: [w] }, text);
    // Every page but the cover, which has no page number.
    for (const [i, page] of pages.entries()) {
      if (i === 0) continue;
      const foot = page.lines.flatMap((l) => l.words).filter((w) => w.yMin > page.height - 60);
      const pageWord = foot.find((w) => isWord(w, rtl ? 'صفحة' : 'Page'));
      const officeWord = foot.find((w) => isWord(w, 'Regional'));
      expect(pageWord, `the page number of page ${i + 1}`).toBeDefined();
      expect(officeWord, `the footer line of page ${i + 1}`).toBeDefined();
      const middle = page.width / 2;
      if (rtl) {
        expect(pageWord!.xMax, `page ${i + 1}: the page number is on the left`).toBeLessThan(middle);
        expect(officeWord!.xMin, `page ${i + 1}: the footer line is on the right`).toBeGreaterThan(middle);
      } else {
        expect(pageWord!.xMin, `page ${i + 1}: the page number is on the right`).toBeGreaterThan(middle);
        expect(officeWord!.xMax, `page ${i + 1}: the footer line is on the left`).toBeLessThan(middle);
      }
    }
  });

  it('puts the office’s logo where the cover’s lines start: on the right in Arabic', (ctx) => {
    const file = pdfOf(name, (why) => ctx.skip(true, why));
    const cover = pages[0]!;
    const logo = drawnImages(file).filter((d) => d.page === 1);
    expect(logo, 'the logo on the cover').toHaveLength(1);
    const title = rowsOf(cover).find((r) => hasPhrase(r, name.startsWith('ar') ? 'المياه في كاسيسي' : 'Kasese water press kit'))!;
    expect(title, 'the kit’s title on the cover').toBeDefined();
    if (name.startsWith('ar')) {
      expect(logo[0]!.xMin, 'the logo is on the right').toBeGreaterThan(cover.width / 2);
      expect(Math.abs(logo[0]!.xMax - title.xMax), 'the logo ends where the title ends').toBeLessThan(20);
    } else {
      expect(logo[0]!.xMax, 'the logo is on the left').toBeLessThan(cover.width / 2);
      expect(Math.abs(logo[0]!.xMin - title.xMin), 'the logo starts where the title starts').toBeLessThan(20);
    }
  });

  it('an Arabic kit lists its contents on the right, under its heading', (ctx) => {
    pdfOf(name, (why) => ctx.skip(true, why));
    if (!name.startsWith('ar')) return;
    const contents = pages.find((p) => isContentsPage(p, 'ar'))!;
    const right = contents.width - MARGIN;
    const entries = rowsOf(contents).filter((l) => l.yMin > 70 && l.yMax < contents.height - 60);
    expect(entries.length).toBeGreaterThanOrEqual(6);
    for (const l of entries) expect(l.xMax, `"${l.text}" ends ${Math.round(right - l.xMax)} pt from the right margin`).toBeGreaterThan(right - 15);
});
});
