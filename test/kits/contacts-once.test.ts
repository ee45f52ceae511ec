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
 * A media contact is printed once per kit part: the release that names them prints them under
 * its own "Media contacts", so the kit's contacts section does not print them a second time; it
 * lists the press contacts no release names, and is left out (with its contents entry) when
 * that leaves no one.
 */

let core: Core;
const GRACE = 'grace.akello@example.org';
const OMAR = 'omar.haddad@example.org';

interface Exported {
  document: string;
  pdf: string;
  lite: string;
}

async function exportKit(items: unknown[]): Promise<Exported> {
  const kit = await call<{ id: string }>(core, 'kit.create', { title: 'Kasese water kit', language: 'en', items });
  const out = tempDirKept('dateline-kit-contacts-once-');
  const r = await job<KitExportResult>(core, 'kit.export', { id: kit.id, formats: ['docx', 'pdf', 'lite'], outDir: out });
  const path = (format: string) => r.files.find((f) => f.format === format)!.path;
  const text = (pdf: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  return {
    document: (await readZip(path('docx'))).get('word/document.xml')!.toString('utf8'),
    pdf: text(path('pdf')),
    lite: text(path('lite')),
  };
}

/** The words of a DOCX body, without its markup. */
const words = (xml: string) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
const count = (text: string, s: string) => text.split(s).length - 1;

let grace: string;
let omar: string;
let release: string;

beforeAll(async () => {
  core = await openLibrary();
  grace = (await call<{ id: string }>(core, 'contact.create', { kind: 'spokesperson', name: 'Grace Akello', emails: [{ type: 'work', address: GRACE }] })).id;
  omar = (await call<{ id: string }>(core, 'contact.create', { kind: 'spokesperson', name: 'Omar Haddad', emails: [{ type: 'work', address: OMAR }] })).id;
  release = (
    await call<{ id: string }>(core, 'release.create', {
      headline: 'Clean water reaches 40,000 people in Kasese',
      language: 'en',
      body: richTextFromParagraphs(['Twelve boreholes were completed.']),
      contacts: [grace],
    })
  ).id;
}, 60_000);

afterAll(async () => {
  await closePdfPrinter();
  dispose(core);
});

describe('a media contact in a kit', () => {
  it('named by the release and by the kit: printed with the release only; the kit’s section keeps the others', async () => {
    const kit = await exportKit([
      { kind: 'release', id: release },
      { kind: 'contact', id: grace },
      { kind: 'contact', id: omar },
    ]);
    expect(count(words(kit.document), GRACE)).toBe(1);
    expect(count(words(kit.document), OMAR)).toBe(1);
    for (const text of [kit.pdf, kit.lite]) {
      expect(count(text, GRACE)).toBe(1);
      expect(count(text, OMAR)).toBe(1);
    }
    // Grace under the release, then the kit's section with Omar alone.
    const w = words(kit.document);
    expect(w.indexOf(GRACE)).toBeLessThan(w.lastIndexOf('Media contacts'));
    expect(w.lastIndexOf('Media contacts')).toBeLessThan(w.indexOf(OMAR));
  }, 120_000);

  it('named by the release only once the kit’s section would hold no one else: no empty section, no contents entry', async () => {
    const kit = await exportKit([
      { kind: 'release', id: release },
      { kind: 'contact', id: grace },
    ]);
    expect(count(words(kit.document), GRACE)).toBe(1);
    expect(count(kit.pdf, GRACE)).toBe(1);
    expect(count(kit.lite, GRACE)).toBe(1);
    // The release's own heading only: no "Media contacts" part in the contents or the body.
    expect(count(words(kit.document), 'Media contacts')).toBe(1);
    expect(kit.document).not.toMatch(/<w:pStyle w:val="Heading1"\/>(?:(?!<\/w:p>).)*Media contacts/s);
    expect(count(kit.pdf, 'Media contacts')).toBe(1);
  }, 120_000);

  it('named by no release: printed in the kit’s section, once even when the kit names them twice', async () => {
    const kit = await exportKit([
      { kind: 'contact', id: omar },
      { kind: 'release', id: release },
      { kind: 'contact', id: omar },
    ]);
    expect(count(words(kit.document), OMAR)).toBe(1);
    expect(count(kit.pdf, OMAR)).toBe(1);
    expect(count(words(kit.document), GRACE)).toBe(1);
  }, 120_000);
});
