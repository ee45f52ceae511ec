import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { closePdfPrinter } from '../../electron/core/kits/pdf';
import type { KitExportResult } from '../../electron/shared/kits/contract';
import { richTextFromParagraphs } from '../../electron/shared/richtext';
import { call, dispose, job, openLibrary } from './fixtures';
import { pagesText, rowsOf, type TextLine } from './page-layout';
import { readZip } from './zipread';

/**
 * The media contacts of an Arabic kit: each card is set from the right, its Latin lines too, and
 * a phone number keeps its own order (+962 first) without being pushed to the left edge.
 */

const PHONE = '+962 79 123 4567';
const EMAIL = 'sara.ali@example.org';
const MARGIN = 51; // 18 mm, the side margins of the PDF

let core: Core;
let work: string;
let pdf: string;
let docx: string;
let preview: string;

beforeAll(async () => {
  core = await openLibrary();
  work = mkdtempSync(join(tmpdir(), 'dateline-kit-arabic-contacts-'));
  const sara = await call<{ id: string }>(core, 'contact.create', {
    kind: 'spokesperson',
    name: 'سارة العلي',
    role: 'مديرة الاتصال',
    organisation: 'مكتب عمّان',
    emails: [{ type: 'work', address: EMAIL }],
    phones: [{ type: 'mobile', number: PHONE }],
  });
  const release = await call<{ id: string }>(core, 'release.create', {
    headline: 'وصول قافلة مساعدات',
    language: 'ar',
    body: richTextFromParagraphs(['وصلت القافلة اليوم.']),
    quotes: [{ speaker: 'خالد المنصور', role: 'مدير العمليات', text: 'ستصل المساعدات إلى كل الأسر.' }],
  });
  const items = [
    { kind: 'release', id: release.id },
    { kind: 'contact', id: sara.id },
  ];
  const kit = await call<{ id: string }>(core, 'kit.create', { title: 'ملف صحفي', language: 'ar', items });
  const r = await job<KitExportResult>(core, 'kit.export', { id: kit.id, formats: ['pdf', 'docx'], outDir: work });
  pdf = r.files.find((f) => f.format === 'pdf')!.path;
  docx = r.files.find((f) => f.format === 'docx')!.path;
  preview = (await call<{ html: string }>(core, 'kit.preview', { id: kit.id })).html;
}, 120_000);

afterAll(async () => {
  await closePdfPrinter();
  dispose(core);
  rmSync(work, { recursive: true, force: true });
});

function rowWith(text: string): { row: TextLine; width: number } {
  for (const page of pagesText(pdf)) {
    const row = rowsOf(page).find((r) => r.text.includes(text));
    if (row) return { row, width: page.width };
  }
  throw new Error(`no row with "${text}" in the PDF`);
}

describe('the contacts of an Arabic kit', () => {
  it('PDF: the phone reads +962 first and is set from the right of its card, as the e-mail is', () => {
    const phone = rowWith('4567');
    const email = rowWith(EMAIL);
    expect(phone.row.text).toBe(PHONE);
    // Both end at the card's right edge, far from the left margin.
    expect(Math.abs(phone.row.xMax - email.row.xMax)).toBeLessThan(3);
    expect(phone.row.xMin).toBeGreaterThan(phone.width / 2);
    expect(phone.row.xMin).toBeGreaterThan(MARGIN + 100);
  });

  it('joins a role and an organisation, and a speaker and a role, with the Arabic comma', async () => {
    const xml = (await readZip(docx)).get('word/document.xml')!.toString('utf8');
    for (const [name, text] of [['DOCX', xml], ['PDF page', preview]] as const) {
      expect(text, name).toContain('مديرة الاتصال، مكتب عمّان');
      expect(text, name).toContain('خالد المنصور، مدير العمليات');
      expect(text, name).not.toContain('الاتصال, ');
    }
  });
});
