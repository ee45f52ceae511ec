import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { closePdfPrinter } from '../../electron/core/kits/pdf';
import type { KitExportResult } from '../../electron/shared/kits/contract';
import { richTextFromParagraphs } from '../../electron/shared/richtext';
import { tempDirKept } from '../helpers';
import { call, dispose, job, openLibrary } from './fixtures';
import { readZip } from './zipread';

/**
 * The end mark "-ENDS-" is the word "ends" (the importer reads "-FIN-" and "- انتهى -" as it),
 * so a kit prints it in each release's own language: an Arabic release does not end in English.
 * The symbols (### and -30-) are the same in every language.
 */

let core: Core;
let work: string;
let docx: string;
let pdf: string;

beforeAll(async () => {
  core = await openLibrary();
  work = tempDirKept('dateline-kit-end-mark-');
  const releases = [
    { headline: 'وصول قافلة مساعدات إلى الحديدة', language: 'ar', endMark: '-ENDS-' },
    { headline: 'Un convoi arrive à Hodeïda', language: 'fr', endMark: '-ENDS-' },
    { headline: 'Un convoy llega a Hodeida', language: 'es', endMark: '###' },
    { headline: 'A convoy reaches Hodeidah', language: 'en', endMark: '-ENDS-' },
  ];
  const items = [];
  for (const r of releases) {
    const created = await call<{ id: string }>(core, 'release.create', { ...r, body: richTextFromParagraphs(['…']) });
    items.push({ kind: 'release', id: created.id });
  }
  const kit = await call<{ id: string }>(core, 'kit.create', { title: 'ملف الحديدة', language: 'ar', items });
  const r = await job<KitExportResult>(core, 'kit.export', { id: kit.id, formats: ['docx', 'pdf'], outDir: work });
  docx = r.files.find((f) => f.format === 'docx')!.path;
  pdf = r.files.find((f) => f.format === 'pdf')!.path;
}, 120_000);

afterAll(async () => {
  await closePdfPrinter();
  dispose(core);
});

describe('the end mark of a release in a kit', () => {
  it('DOCX: written in the release’s language, right to left in Arabic', async () => {
    const xml = (await readZip(docx)).get('word/document.xml')!.toString('utf8');
    const marks = [...xml.matchAll(/<w:p><w:pPr><w:pStyle w:val="EndMark"\/>(?:(?!<\/w:p>).)*<\/w:p>/gs)].map((m) => m[0]);
    expect(marks.map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))).toEqual(['-انتهى-', '-FIN-', '###', '-ENDS-']);
    expect(marks[0]).toContain('<w:bidi/>');
    expect(marks[0]).toContain('<w:rtl/>');
  });

  it('PDF: the same words', () => {
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('انتهى');
    expect(text).toContain('-FIN-');
    expect(text).toContain('###');
    expect(text).toContain('-ENDS-');
    expect(text.match(/-ENDS-/g)).toHaveLength(1);
  });
});
