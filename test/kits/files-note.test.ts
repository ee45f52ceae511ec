import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { closePdfPrinter } from '../../electron/core/kits/pdf';
import type { KitExportResult } from '../../electron/shared/kits/contract';
import { tempDirKept } from '../helpers';
import { addPhoto, body, call, dispose, job, openLibrary } from './fixtures';
import { readZip } from './zipread';

/**
 * A kit's list of files (a fact sheet PDF, a map) names files that only the ZIP carries. The
 * DOCX, the PDF and kit-lite are also sent on their own, so the list says under its heading
 * that the files come with the full press kit (the ZIP) and are not inside the document.
 */

const NOTE = 'These files are not inside this document: they come with the full press kit (ZIP).';

let core: Core;
let work: string;
const paths = new Map<string, string>();

beforeAll(async () => {
  core = await openLibrary();
  work = tempDirKept('dateline-kit-files-note-');
  const sheet = await addPhoto(core, 'borehole-fact-sheet.pdf', Buffer.from('%PDF-1.4\n% a fact sheet\n%%EOF\n'));
  const kit = await call<{ id: string }>(core, 'kit.create', {
    title: 'Borehole kit',
    language: 'en',
    items: [
      { kind: 'section', sectionKind: 'factSheet', title: 'Key facts', body: body(['12 boreholes drilled.']) },
      { kind: 'attachment', id: sheet },
    ],
  });
  const r = await job<KitExportResult>(core, 'kit.export', { id: kit.id, formats: ['docx', 'pdf', 'lite'], outDir: work });
  for (const x of r.files) paths.set(x.format, x.path);
}, 120_000);

afterAll(async () => {
  await closePdfPrinter();
  dispose(core);
});

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('the list of files, in a document that may travel alone', () => {
  it('kit-lite names the file and says it comes with the full kit', () => {
    const text = pdfText(paths.get('lite')!);
    expect(text).toContain('borehole-fact-sheet.pdf');
    expect(text).toContain(NOTE);
  });

  it('the PDF says it too', () => {
    expect(pdfText(paths.get('pdf')!)).toContain(NOTE);
  });

  it('the DOCX says it too, right after the heading', async () => {
    const xml = (await readZip(paths.get('docx')!)).get('word/document.xml')!.toString('utf8');
    const heading = xml.lastIndexOf('Files in the bundle');
    const note = xml.indexOf(NOTE);
    expect(heading).toBeGreaterThan(0);
    expect(note).toBeGreaterThan(heading);
    expect(note).toBeLessThan(xml.indexOf('borehole-fact-sheet.pdf', heading));
  });
});
