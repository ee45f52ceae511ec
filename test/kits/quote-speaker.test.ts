import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { KitExportResult } from '../../electron/shared/kits/contract';
import { tempDirKept } from '../helpers';
import { body, call, dispose, job, openLibrary } from './fixtures';
import { libreOfficePdf, pagesText, sofficePath, type PageText } from './page-layout';
import { readZip } from './zipread';

/**
 * A quote is read with the name of who said it: the DOCX keeps a quote's lines on one page and
 * its speaker on the page of its last line, as the PDF keeps the quote's box whole. Twelve
 * releases, each a line longer than the one before, bring the quote to every place on its page,
 * the page's last lines among them; LibreOffice lays them out as a journalist's Word would.
 */

const soffice = sofficePath();
const QUOTE = 'Access must be guaranteed every week, not every six weeks. Winter does not wait for permits, and families cannot wait until the roads reopen in spring.';

let core: Core;
let docx: string;
let pages: PageText[] = [];

beforeAll(async () => {
  core = await openLibrary();
  const work = tempDirKept('dateline-kit-quote-speaker-');
  const items = [];
  for (let n = 0; n < 12; n++) {
    const lines = Array.from({ length: 22 + n }, (_, i) => `Convoy update ${i + 1}: trucks crossed at Ramtha.`);
    const r = await call<{ id: string }>(core, 'release.create', {
      headline: `Aid convoy ${n + 1} reaches the border villages`,
      language: 'en',
      body: body(lines),
      quotes: [{ speaker: 'Omar Nasser', role: 'Head of Office', text: QUOTE }],
    });
    items.push({ kind: 'release', id: r.id });
  }
  const kit = await call<{ id: string }>(core, 'kit.create', { title: 'Convoy kit', language: 'en', items });
  const out = await job<KitExportResult>(core, 'kit.export', { id: kit.id, formats: ['docx'], outDir: work });
  docx = out.files[0]!.path;
  if (soffice) pages = pagesText(libreOfficePdf(soffice, docx, join(work, 'libreoffice')));
}, 600_000);

afterAll(() => dispose(core));

describe('a quote in the DOCX', () => {
  it('keeps its lines together and with its speaker (the XML)', async () => {
    const xml = (await readZip(docx)).get('word/document.xml')!.toString('utf8');
    const quotes = [...xml.matchAll(/<w:p><w:pPr><w:pStyle w:val="Quote"\/>((?:(?!<\/w:pPr>).)*)<\/w:pPr>/g)];
    expect(quotes).toHaveLength(12);
    for (const q of quotes) expect(q[1]).toBe('<w:keepNext/><w:keepLines/>');
  });

  it('is on the page of its speaker, whole, wherever it falls (as LibreOffice lays it out)', (ctx) => {
    if (!soffice) ctx.skip(true, 'LibreOffice (soffice) is not installed: apt install libreoffice-writer-nogui');
    const count = (page: PageText, words: string) => page.lines.filter((l) => l.text.includes(words)).length;
    let speakers = 0;
    pages.forEach((page, i) => {
      const said = { first: count(page, 'Access must be'), last: count(page, 'roads reopen in spring'), speaker: count(page, 'Omar Nasser, Head of Office') };
      expect(said, `page ${i + 1}`).toEqual({ first: said.speaker, last: said.speaker, speaker: said.speaker });
      speakers += said.speaker;
    });
    expect(speakers).toBe(12);
  });
});
