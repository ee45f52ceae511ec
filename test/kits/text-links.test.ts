import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { closePdfPrinter } from '../../electron/core/kits/pdf';
import type { KitExportResult } from '../../electron/shared/kits/contract';
import { linkPieces } from '../../electron/shared/kits/text-links';
import { tempDirKept } from '../helpers';
import { body, call, dispose, job, openLibrary } from './fixtures';
import { readZip } from './zipread';

/**
 * The web and e-mail addresses a person typed in a release's notes to editors, its boilerplate,
 * a quote or a body imported from a plain page are links in the kit, as the editor's links are:
 * a journalist clicks them in the PDF and in Word. The punctuation after an address stays out.
 */

describe('the addresses in typed text', () => {
  it('are found with the punctuation around them left out, and the text is whole again', () => {
    const text = 'Photos at https://media.org.example/jordan. Write to (press@org.example), or see www.org.example/about, «https://org.example/ar»، not a@b or 3.5 or e.g.';
    const pieces = linkPieces(text);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.filter((p) => p.href !== null)).toEqual([
      { text: 'https://media.org.example/jordan', href: 'https://media.org.example/jordan' },
      { text: 'press@org.example', href: 'mailto:press@org.example' },
      { text: 'www.org.example/about', href: 'https://www.org.example/about' },
      { text: 'https://org.example/ar', href: 'https://org.example/ar' },
    ]);
  });

  it('leave text without an address as one piece', () => {
    expect(linkPieces('No address here, 40,000 people.')).toEqual([{ text: 'No address here, 40,000 people.', href: null }]);
    expect(linkPieces('')).toEqual([{ text: '', href: null }]);
  });
});

describe('a kit whose releases name addresses in plain text', () => {
  let core: Core;
  let docx: string;
  let pdf: string;

  beforeAll(async () => {
    core = await openLibrary();
    const work = tempDirKept('dateline-kit-text-links-');
    const en = await call<{ id: string }>(core, 'release.create', {
      headline: 'Aid convoy reaches the border villages',
      language: 'en',
      body: body(['A convoy reached the villages today.', 'For further information please contact Ioana Popp, ipopp@iom.example.']),
      notesToEditors: 'Photos and B-roll: https://media.org.example/jordan.\n\nInterviews: press@org.example',
      boilerplate: { text: 'The organisation works in 171 countries. www.org.example' },
    });
    const ar = await call<{ id: string }>(core, 'release.create', {
      headline: 'قافلة مساعدات تصل إلى القرى الحدودية',
      language: 'ar',
      body: body(['وصلت القافلة اليوم.']),
      notesToEditors: 'الصور متاحة للتنزيل على https://media.org.example/ar.',
    });
    const kit = await call<{ id: string }>(core, 'kit.create', {
      title: 'Convoy kit',
      language: 'en',
      items: [
        { kind: 'release', id: en.id },
        { kind: 'release', id: ar.id },
      ],
    });
    const out = await job<KitExportResult>(core, 'kit.export', { id: kit.id, formats: ['docx', 'pdf'], outDir: work });
    docx = out.files.find((f) => f.format === 'docx')!.path;
    pdf = out.files.find((f) => f.format === 'pdf')!.path;
  }, 120_000);

  afterAll(async () => {
    await closePdfPrinter();
    dispose(core);
  });

  const targets = ['https://media.org.example/jordan', 'mailto:press@org.example', 'https://www.org.example', 'mailto:ipopp@iom.example', 'https://media.org.example/ar'];

  it('PDF: each address is a link to itself', () => {
    // Chromium writes each link as an annotation with its /URI in plain text.
    const uris = new Set([...readFileSync(pdf, 'latin1').matchAll(/\/URI \(([^)]*)\)/g)].map((m) => m[1]));
    // (A bare host is written with its "/", as a browser writes it.)
    for (const t of targets) expect(uris.has(t) || uris.has(`${t}/`), `${t} in ${[...uris].join(' ')}`).toBe(true);
  });

  it('DOCX: each address is a hyperlink in the Hyperlink style, its full stop left out', async () => {
    const zip = await readZip(docx);
    const rels = zip.get('word/_rels/document.xml.rels')!.toString('utf8');
    const xml = zip.get('word/document.xml')!.toString('utf8');
    for (const t of targets) {
      const id = new RegExp(`Id="(rId\\d+)" Type="[^"]*/hyperlink" Target="${t.replace(/[.]/g, '\\.')}" TargetMode="External"`).exec(rels)?.[1];
      expect(id, t).toBeDefined();
      const text = t.replace(/^mailto:|^https:\/\/(?=www)/, '');
      expect(xml, t).toContain(`<w:hyperlink w:history="1" r:id="${id}"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r></w:hyperlink>`);
    }
    // The sentence's full stop follows the link, outside it.
    expect(xml).toMatch(/jordan<\/w:t><\/w:r><\/w:hyperlink><w:r><w:t xml:space="preserve">\.<\/w:t><\/w:r>/);
  });
});
