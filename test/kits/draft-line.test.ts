import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { closePdfPrinter } from '../../electron/core/kits/pdf';
import type { KitExportResult } from '../../electron/shared/kits/contract';
import { tempDirKept } from '../helpers';
import { body, call, dispose, job, openLibrary } from './fixtures';
import { readZip } from './zipread';

/**
 * A release nobody has approved yet prints, in its own language, that it is a draft not for
 * publication where an approved one prints "For immediate release", in the DOCX, the PDF and the
 * ZIP that holds them; an embargoed approved release keeps its embargo line, and an embargoed
 * draft says both, the draft first.
 */

const EMBARGO = { at: '2099-12-03T10:00:00Z', timeZone: 'Africa/Kampala' };
const EMBARGO_LINE = 'EMBARGOED UNTIL 3 December 2099, 13:00 Kampala time (10:00 UTC)';
const RELEASES = [
  { headline: 'Boreholes in Kasese', language: 'en', status: 'draft' },
  { headline: 'Clinics in Bwera', language: 'en', status: 'in-review' },
  { headline: 'Schools in Kisoro', language: 'en', status: 'approved' },
  { headline: 'Roads in Kabale', language: 'en', status: 'released', embargo: EMBARGO },
  { headline: 'Bridges in Fort Portal', language: 'en', status: 'draft', embargo: EMBARGO },
  { headline: 'وصول قافلة إلى الحديدة', language: 'ar', status: 'draft' },
  { headline: 'Des forages à Kasese', language: 'fr', status: 'in-review' },
  { headline: 'Pozos en Kasese', language: 'es', status: 'draft' },
];
// The line above each headline, in the order of RELEASES (a break inside the line as "\n").
const LINES = [
  'DRAFT — NOT FOR PUBLICATION',
  'DRAFT FOR REVIEW — NOT FOR PUBLICATION',
  'FOR IMMEDIATE RELEASE',
  EMBARGO_LINE,
  `DRAFT — NOT FOR PUBLICATION\n${EMBARGO_LINE}`,
  'مسودة — ليست للنشر',
  'PROJET EN RELECTURE — NE PAS PUBLIER',
  'BORRADOR — NO PUBLICAR',
];

let core: Core;
let files: KitExportResult['files'];

beforeAll(async () => {
  core = await openLibrary();
  const items = [];
  for (const r of RELEASES) {
    const made = await call<{ id: string }>(core, 'release.create', { ...r, datelinePlace: 'Kampala', releaseDate: '2026-11-30', body: body(['Twelve boreholes.']) });
    items.push({ kind: 'release', id: made.id });
  }
  const kit = await call<{ id: string }>(core, 'kit.create', { title: 'Kasese', language: 'en', items });
  files = (await job<KitExportResult>(core, 'kit.export', { id: kit.id, formats: ['docx', 'pdf', 'zip'], outDir: tempDirKept('dateline-kit-draft-line-'), confirmEmbargo: true })).files;
}, 120_000);

afterAll(async () => {
  await closePdfPrinter();
  dispose(core);
});

/** The text of each Release Line paragraph of a Word document, a line break as "\n". */
function releaseLines(docx: Map<string, Buffer>): string[] {
  const xml = docx.get('word/document.xml')!.toString('utf8');
  return xml
    .split('<w:p>')
    .filter((p) => p.startsWith('<w:pPr><w:pStyle w:val="ReleaseLine"/>'))
    .map((p) => p.slice(0, p.indexOf('</w:p>')).split('<w:br/>').join('<w:t>\n</w:t>'))
    .map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
}

const path = (format: string) => files.find((f) => f.format === format)!.path;

describe('the line above a release’s headline in a kit', () => {
  it('DOCX: a draft or a release in review is not for publication, in its own language; the others as before', async () => {
    expect(releaseLines(await readZip(path('docx')))).toEqual(LINES);
  });

  it('ZIP: the Word document inside says the same', async () => {
    const zip = await readZip(path('zip'));
    const name = [...zip.keys()].find((k) => k.endsWith('.docx'))!;
    const inside = join(tempDirKept('dateline-kit-draft-line-zip-'), 'kit.docx');
    writeFileSync(inside, zip.get(name)!);
    expect(releaseLines(await readZip(inside))).toEqual(LINES);
  });

  it('PDF: the same lines, and "For immediate release" only on the approved release', () => {
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path('pdf'), '-'], { encoding: 'utf8' });
    expect(text.match(/DRAFT — NOT FOR PUBLICATION/g)).toHaveLength(2);
    expect(text.match(/DRAFT FOR REVIEW — NOT FOR PUBLICATION/g)).toHaveLength(1);
    expect(text.match(/FOR IMMEDIATE RELEASE/g)).toHaveLength(1);
    expect(text).toContain('PROJET EN RELECTURE — NE PAS PUBLIER');
    expect(text).toContain('BORRADOR — NO PUBLICAR');
    // The Arabic line, by its words without lam-alef (pdftotext turns those around).
    expect(text).toContain('مسودة');
    expect(text).toContain('ليست');
  });
});
