import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePdfPrinter } from '../../electron/core/kits/pdf';
import type { KitExportResult, KitExportedBytes, KitPreview } from '../../electron/shared/kits/contract';
import { vCards } from '../../electron/core/kits/bundle-text';
import { PAGE_NUMBERS_UP_TO_WORDS } from '../../electron/core/kits/docx';
import { exportKit } from '../../electron/core/kits/export';
import { resolveKit } from '../../electron/core/kits/model';
import { ARABIC_BODY, ARABIC_HEADLINE, body, call, dispose, ENGLISH_BODY, ENGLISH_HEADLINE, job, jobError, makeKit, type KitFixture } from './fixtures';
import { entryMethods, readZip } from './zipread';

/**
 * One real kit (an embargoed English release with its Arabic version, a fact sheet, photos, a
 * spokesperson and a journalist) exported once to every format, then read back with the tools
 * a journalist's machine would use: unzip, LibreOffice, poppler.
 */

let f: KitFixture;
let out: string;
let result: KitExportResult;
const path = (format: string) => result.files.find((x) => x.format === format)!.path;

function pdfText(file: string, first?: number, last?: number): string {
  const args = ['-layout', '-enc', 'UTF-8', ...(first ? ['-f', String(first)] : []), ...(last ? ['-l', String(last)] : []), file, '-'];
  return execFileSync('pdftotext', args, { encoding: 'utf8' });
}

function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)![1]);
}

beforeAll(async () => {
  f = await makeKit();
  out = mkdtempSync(join(tmpdir(), 'dateline-kit-export-'));
  result = await job<KitExportResult>(f.core, 'kit.export', { id: f.kitId, formats: ['docx', 'pdf', 'zip', 'lite'], outDir: out, confirmEmbargo: true });
}, 120_000);

afterAll(async () => {
  await closePdfPrinter();
  dispose(f.core);
  rmSync(out, { recursive: true, force: true });
});

describe('kit export', () => {
  it('writes the four files under their final names and nothing else', () => {
    expect(result.files.map((x) => x.format)).toEqual(['docx', 'pdf', 'zip', 'lite']);
    expect(readdirSync(out).sort()).toEqual(['Kasese water press kit-lite.pdf', 'Kasese water press kit.docx', 'Kasese water press kit.pdf', 'Kasese water press kit.zip']);
    for (const x of result.files) expect(x.bytes).toBeGreaterThan(1000);
    expect(result.warnings.map((w) => w.message).join('\n')).toMatch(/Peter Okoth.*journalist/);
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: 'KIT_JOURNALIST_LEFT_OUT', params: { name: 'Peter Okoth' } }));
  });
});

describe('the DOCX', () => {
  let parts: Map<string, Buffer>;
  let document: string;
  beforeAll(async () => {
    parts = await readZip(path('docx'));
    document = parts.get('word/document.xml')!.toString('utf8');
  });

  it('uses real Word styles for every part of the kit', () => {
    const styles = parts.get('word/styles.xml')!.toString('utf8');
    for (const id of ['Title', 'Heading1', 'Heading2', 'Heading3', 'Quote', 'Caption', 'Headline', 'Subheadline', 'Dateline', 'ReleaseLine', 'EndMark']) {
      expect(styles).toContain(`w:styleId="${id}"`);
    }
    const used = new Set([...document.matchAll(/w:pStyle w:val="([^"]+)"/g)].map((m) => m[1]));
    for (const id of ['Title', 'Headline', 'Subheadline', 'Quote', 'Caption', 'ReleaseLine', 'EndMark', 'Heading1', 'Heading3']) expect(used).toContain(id);
    expect(document).toContain('<w:rStyle w:val="Dateline"/>');
  });

  it('has a table of contents field, written out with its entries linked and their page numbers, that Word updates on opening', () => {
    expect(document).toMatch(/<w:fldChar w:fldCharType="begin" w:dirty="true"\/><w:instrText[^>]*>\s*TOC [^<]*\\h/);
    const start = document.indexOf('TOC \\h');
    const toc = document.slice(start, document.indexOf('</w:sdtContent>', start));
    expect(toc).toContain(ENGLISH_HEADLINE);
    expect(toc).toContain(ARABIC_HEADLINE);
    // The Arabic entry's run reads right to left, as the heading it links to does; the English one does not.
    const runOf = (text: string) => [...toc.matchAll(/<w:r>(?:(?!<\/w:r>).)*<\/w:r>/gs)].map((m) => m[0]).find((r) => r.includes(`>${text}</w:t>`));
    expect(runOf(ARABIC_HEADLINE)).toContain('<w:rtl/>');
    expect(runOf(ENGLISH_HEADLINE)).not.toContain('<w:rtl/>');
    const refs = [...toc.matchAll(/PAGEREF (_Toc\d+) \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t[^>]*>(\d+)<\/w:t>/g)];
    // Releases, fact sheet and photos: the kit's one spokesperson is printed with the releases
    // that name her, so the kit has no contacts part of its own (contacts-once.test.ts).
    expect(refs.map((m) => Number(m[2]))).toEqual([3, 4, 5, 6]);
    for (const [, name] of refs) expect(document).toContain(`w:bookmarkStart w:name="${name}"`);
    expect(parts.get('word/settings.xml')!.toString('utf8')).toMatch(/<w:updateFields(?: w:val="true")?\/>/);
  });

  it('leaves a long kit\'s contents numbers to the word processor: entries linked, numbers blank, the field marked to update', async () => {
    const words = 'water families district borehole community health season rains children clinic'.split(' ');
    const paragraphs = Array.from({ length: 40 }, (_, i) => Array.from({ length: 50 }, (_, j) => words[(i + j) % words.length]).join(' '));
    const long = await call<{ id: string }>(f.core, 'release.create', { headline: 'A long report from Kasese', language: 'en', datelinePlace: 'Kampala', releaseDate: '2026-11-30', body: body(paragraphs) });
    const kit = await call<{ id: string }>(f.core, 'kit.create', { title: 'Long kit', items: [{ kind: 'release', id: long.id }, { kind: 'section', sectionKind: 'factSheet', title: 'Fact sheet', body: body(['12 boreholes.']) }] });
    expect(resolveKit(f.core.ctx, kit.id, { requireItems: true }).words).toBeGreaterThan(PAGE_NUMBERS_UP_TO_WORDS);
    const dir = mkdtempSync(join(tmpdir(), 'dateline-kit-long-'));
    try {
      const r = await job<KitExportResult>(f.core, 'kit.export', { id: kit.id, formats: ['docx'], outDir: dir });
      const longParts = await readZip(r.files[0]!.path);
      const doc = longParts.get('word/document.xml')!.toString('utf8');
      const start = doc.indexOf('TOC \\h');
      expect(start).toBeGreaterThan(0);
      const toc = doc.slice(start, doc.indexOf('</w:sdtContent>', start));
      expect(toc).toContain('A long report from Kasese');
      expect(toc).toContain('Fact sheet');
      const refs = [...toc.matchAll(/PAGEREF (_Toc\d+) \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/>(.*?)<w:fldChar w:fldCharType="end"\/>/g)];
      expect(refs).toHaveLength(2);
      for (const [, name, shown] of refs) {
        expect(doc).toContain(`w:bookmarkStart w:name="${name}"`);
        expect(shown, `the number written for ${name}`).not.toMatch(/<w:t[^>]*>\d/);
      }
      expect(longParts.get('word/settings.xml')!.toString('utf8')).toMatch(/<w:updateFields(?: w:val="true")?\/>/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('writes Arabic paragraphs right to left, with right-to-left runs, and English ones left to right', () => {
    const paragraphs = document.split(/<w:p[ >]/).filter((p) => p.includes('</w:p>'));
    const arabic = paragraphs.find((p) => p.includes('w:val="Headline"') && p.includes(ARABIC_HEADLINE))!;
    expect(arabic).toContain('<w:bidi/>');
    expect(arabic).toMatch(/<w:rPr>(?:(?!<\/w:rPr>).)*<w:rtl\/>/);
    const arabicBody = paragraphs.find((p) => p.includes(ARABIC_BODY.slice(0, 20)))!;
    expect(arabicBody).toContain('<w:bidi/>');
    const english = paragraphs.find((p) => p.includes(ENGLISH_BODY.slice(0, 30)))!;
    expect(english).not.toContain('<w:bidi/>');
    expect(english).not.toContain('<w:rtl/>');
    // The font named for complex scripts has Arabic glyphs on Windows and macOS.
    expect(parts.get('word/styles.xml')!.toString('utf8')).toMatch(/w:cs="Arial"/);
  });

  it('sets a caption in its own direction: an English caption left to right in an Arabic kit, an Arabic one right to left in an English kit', async () => {
    const kit = await call<{ items: Array<{ kind: string; id?: string }> }>(f.core, 'kit.get', { id: f.kitId });
    const second = kit.items.filter((i) => i.kind === 'attachment')[1]!.id!;
    await call(f.core, 'attachment.update', { id: second, rev: null, fields: { caption: 'عائلات تجمع المياه من البئر في كاسيسي' } });
    const ar = await call<{ id: string }>(f.core, 'kit.create', { title: 'ملف صحفي', language: 'ar', items: kit.items });
    const dir = mkdtempSync(join(tmpdir(), 'dateline-kit-captions-'));
    try {
      const captionsOf = async (id: string) => {
        const r = await job<KitExportResult>(f.core, 'kit.export', { id, formats: ['docx'], outDir: join(dir, id), confirmEmbargo: true });
        const doc = (await readZip(r.files[0]!.path)).get('word/document.xml')!.toString('utf8');
        return doc.split(/<w:p[ >]/).filter((p) => p.includes('w:val="Caption"'));
      };
      const inArabic = await captionsOf(ar.id);
      expect(inArabic.find((p) => p.includes('Families collect water at borehole 1'))).not.toContain('<w:bidi/>');
      expect(inArabic.find((p) => p.includes('عائلات تجمع المياه'))).toContain('<w:bidi/>');
      const inEnglish = await captionsOf(f.kitId);
      expect(inEnglish.find((p) => p.includes('عائلات تجمع المياه'))).toContain('<w:bidi/>');
      expect(inEnglish.find((p) => p.includes('Families collect water at borehole 1'))).not.toContain('<w:bidi/>');
    } finally {
      await call(f.core, 'attachment.update', { id: second, rev: null, fields: { caption: 'Families collect water at borehole 2, Kasese' } });
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('embeds the photos as stored JPEGs with captions and credits, and the logo', async () => {
    const media = [...parts.keys()].filter((k) => k.startsWith('word/media/'));
    expect(media.filter((m) => m.endsWith('.jpg'))).toHaveLength(2);
    expect(media.filter((m) => m.endsWith('.png'))).toHaveLength(1);
    for (const m of media) {
      const meta = await sharp(parts.get(m)!).metadata();
      expect(meta.width).toBeGreaterThan(50);
    }
    const methods = await entryMethods(path('docx'));
    for (const m of media) expect(methods.get(m)).toBe(0);
    expect(methods.get('word/document.xml')).toBe(8);
    expect((document.match(/<pic:pic/g) ?? []).length).toBe(3);
    expect(document).toMatch(/w:pStyle w:val="Caption"\/>(?:(?!<\/w:p>).)*Families collect water at borehole 1, Kasese(?:(?!<\/w:p>).)*Credit: Photo: J. Mukasa/);
  });

  it('has working hyperlinks, an embargo on the cover and in the header, page numbers in the footer', () => {
    const rels = parts.get('word/_rels/document.xml.rels')!.toString('utf8');
    expect(rels).toMatch(/Target="https:\/\/example.org\/report" TargetMode="External"/);
    expect(rels).toMatch(/Target="mailto:grace.akello@example.org"/);
    expect(document).toContain('EMBARGOED UNTIL 3 December 2099, 13:00 Kampala time (10:00 UTC)');
    const headers = [...parts.keys()].filter((k) => /word\/header\d+\.xml/.test(k)).map((k) => parts.get(k)!.toString('utf8'));
    // Both headers (the cover's and the other pages') carry it.
    expect(headers).toHaveLength(2);
    for (const h of headers) expect(h).toContain('EMBARGOED UNTIL 3 December 2099, 13:00 Kampala time (10:00 UTC)');
    const footers = [...parts.keys()].filter((k) => /word\/footer\d+\.xml/.test(k)).map((k) => parts.get(k)!.toString('utf8'));
    expect(footers.join('')).toMatch(/PAGE/);
    expect(footers.join('')).toMatch(/NUMPAGES/);
    expect(document).toContain('###');
    expect(document).toContain('Notes to editors');
    expect(document).toContain('The organisation works in 190 countries');
  });

  it('never prints the journalist', () => {
    expect(document).not.toContain('Peter Okoth');
    expect(document).toContain('Grace Akello');
  });

  it('prints only the contact channels a public kit may show', () => {
    expect(document).toContain('+256 772 123 456');
    expect(document).not.toContain('+256 700 000 001');
    expect(document).not.toContain('grace.home@example.net');
  });

  it('opens in LibreOffice, which converts it to a PDF with the headline and the Arabic text', (ctx) => {
    const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
    if (!soffice) {
      ctx.skip(true, 'LibreOffice (soffice) is not installed: apt install libreoffice-writer-nogui');
      return;
    }
    const lo = mkdtempSync(join(tmpdir(), 'dateline-lo-'));
    try {
      const r = spawnSync(soffice, ['--headless', '--norestore', `-env:UserInstallation=file://${lo}/profile`, '--convert-to', 'pdf', '--outdir', lo, path('docx')], {
        encoding: 'utf8',
        timeout: 240_000,
      });
      expect(r.status, r.stderr).toBe(0);
      const pdf = readdirSync(lo).find((n) => n.endsWith('.pdf'));
      expect(pdf, `LibreOffice wrote no PDF: ${r.stdout} ${r.stderr}`).toBeDefined();
      const text = pdfText(join(lo, pdf!));
      expect(text).toContain(ENGLISH_HEADLINE);
      expect(text).toContain('Grace Akello');
      for (const word of ['المياه', 'شخص', 'كاسيسي']) expect(text).toContain(word);
    } finally {
      rmSync(lo, { recursive: true, force: true });
    }
  }, 300_000);
});

describe('the PDF', () => {
  it('reads in order: cover, headline, body, quote, contacts', () => {
    const text = pdfText(path('pdf'));
    const at = (s: string) => {
      const i = text.indexOf(s);
      expect(i, `"${s}" is not in the PDF text`).toBeGreaterThanOrEqual(0);
      return i;
    };
    const order = [at('Kasese water press kit'), at('Contents'), at(ENGLISH_HEADLINE.slice(0, 30)), at('Kampala, 30 November 2026'), at('twelve boreholes'), at('Water is dignity'), at('###'), at('grace.akello@example.org')];
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).not.toContain('Peter Okoth');
  });

  it('carries the Arabic words, shaped with the bundled font', () => {
    const text = pdfText(path('pdf'));
    // Words without lam-alef, which text extraction splits back into two letters.
    for (const word of ['وصول', 'المياه', 'النظيفة', 'أربعين', 'شخص', 'كاسيسي', 'أكملت', 'المنظمة', 'اليوم', 'حفر', 'بئرا']) expect(text).toContain(word);
    const fonts = execFileSync('pdffonts', [path('pdf')], { encoding: 'utf8' });
    expect(fonts).toMatch(/DejaVuSans/);
    expect(fonts).not.toMatch(/Liberation|Noto|FreeSans/);
  });

  it('has the embargo band and a page number on every page but the cover', () => {
    const pages = pdfPages(path('pdf'));
    expect(pages).toBeGreaterThanOrEqual(5);
    for (let p = 1; p <= pages; p++) {
      const text = pdfText(path('pdf'), p, p);
      // On a page of Arabic, pdftotext reads every line as right to left and moves the closing bracket: the words are what count.
      const plain = text.replace(/[\u202a-\u202e]/g, '');
      expect(plain, `page ${p}`).toContain('EMBARGOED UNTIL 3 December 2099, 13:00 Kampala time');
      expect(plain, `page ${p}`).toMatch(/10:00 ?UTC/);
      if (p > 1) expect(text, `page ${p}`).toContain(`Page ${p} of ${pages}`);
    }
  });

  it('is tagged: headings, paragraphs, figures with their alt text, a language per block, a title and a language', () => {
    const tree = execFileSync('pdfinfo', ['-struct-text', path('pdf')], { encoding: 'utf8' });
    expect(tree).toMatch(/^\s*H1 \(block\)\n\s*NonStruct\n\s*"Kasese water press kit"/m);
    expect(tree).toMatch(/^\s*P \(block\)/m);
    expect(tree).toMatch(/^\s*Figure/m);
    const raw = readFileSync(path('pdf')).toString('latin1');
    // Each photo's figure carries its alt text; the Arabic release is marked Arabic, the kit English.
    expect(raw).toContain('/Alt (Families collect water at borehole 1, Kasese)');
    expect(raw).toContain('/Alt (Families collect water at borehole 2, Kasese)');
    expect(raw).toMatch(/\/Lang \(ar\)/);
    const catalog = raw.slice(raw.indexOf('/Type /Catalog'), raw.indexOf('endobj', raw.indexOf('/Type /Catalog')));
    expect(catalog).toContain('/Lang (en)');
    expect(raw).toContain('/MarkInfo <</Type /MarkInfo\n/Marked true>>');
    const info = execFileSync('pdfinfo', [path('pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/^Title:\s+Kasese water press kit$/m);
  });

  it('page 1 is not blank', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-ppm-'));
    try {
      execFileSync('pdftoppm', ['-r', '40', '-f', '1', '-l', '1', '-png', path('pdf'), join(dir, 'page')]);
      const png = readdirSync(dir).find((n) => n.endsWith('.png'))!;
      const { data, info } = await sharp(join(dir, png)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      let ink = 0;
      for (let i = 0; i < data.length; i += info.channels) if (data[i]! < 235 || data[i + 1]! < 235 || data[i + 2]! < 235) ink++;
      expect(ink / (info.width * info.height)).toBeGreaterThan(0.02);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the ZIP bundle', () => {
  let entries: Map<string, Buffer>;
  beforeAll(async () => {
    entries = await readZip(path('zip'));
  });

  it('holds the documents (named after the kit, with the embargo), the photos, the office logo, captions, contacts and the manifest', () => {
    expect([...entries.keys()].sort()).toEqual(
      [
        'captions.csv',
        'contacts.vcf',
        'Kasese water press kit (EMBARGOED until 2099-12-03 1000 UTC).docx',
        'Kasese water press kit (EMBARGOED until 2099-12-03 1000 UTC).pdf',
        'logos/East Africa Regional Office.png',
        'manifest.json',
        'photos/borehole-1.jpg',
        'photos/borehole-2.jpg',
      ].sort(),
    );
    expect(entries.get('Kasese water press kit (EMBARGOED until 2099-12-03 1000 UTC).pdf')!.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('carries the office logo as a file a journalist can use, named after the office', async () => {
    const meta = await sharp(entries.get('logos/East Africa Regional Office.png')!).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 240, 80]);
  });

  it('stores the photos at full resolution without compressing them again', async () => {
    const methods = await entryMethods(path('zip'));
    expect(methods.get('photos/borehole-1.jpg')).toBe(0);
    expect(methods.get('manifest.json')).toBe(8);
    const meta = await sharp(entries.get('photos/borehole-1.jpg')!).metadata();
    expect([meta.width, meta.height]).toEqual([1200, 800]);
  });

  it('contacts.vcf has the spokesperson and never the journalist', () => {
    const vcf = entries.get('contacts.vcf')!.toString('utf8');
    expect(vcf.match(/BEGIN:VCARD/g)).toHaveLength(1);
    expect(vcf).toContain('FN:Grace Akello');
    expect(vcf).toContain('N:Akello;Grace;;;');
    expect(vcf).toContain('TEL;TYPE=CELL,VOICE:+256 772 123 456');
    expect(vcf).not.toContain('+256 700 000 001');
    expect(vcf).not.toContain('grace.home');
    expect(vcf).toContain('EMAIL;TYPE=INTERNET,WORK:grace.akello@example.org');
    expect(vcf).not.toContain('Okoth');
    expect(vcf).not.toContain('daily.example');
  });

  it('captions.csv and manifest.json list each photo with caption, credit, rights and hash', async () => {
    const csv = entries.get('captions.csv')!.toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('"photos/borehole-1.jpg","Families collect water at borehole 1, Kasese","Photo: J. Mukasa"');
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as {
      kit: { id: string };
      office: { id: string; name: string; logo: string | null } | null;
      embargo: { at: string } | null;
      files: { path: string; sha256: string; caption: string; credit: string; usageRights: string }[];
      items: { kind: string }[];
      documents: { path: string; sha256: string }[];
    };
    expect(manifest.kit.id).toBe(f.kitId);
    expect(manifest.office).toEqual({ id: f.officeId, name: 'East Africa Regional Office', logo: 'logos/East Africa Regional Office.png' });
    expect(manifest.embargo?.at).toBe('2099-12-03T10:00:00Z');
    // The spokesperson is printed with the releases, not as a part of her own (she is in contacts.vcf).
    expect(manifest.items.map((i) => i.kind)).toEqual(['release', 'release', 'section', 'photo', 'photo']);
    const { createHash } = await import('node:crypto');
    expect(manifest.files.map((x) => x.path).sort()).toEqual(['logos/East Africa Regional Office.png', 'photos/borehole-1.jpg', 'photos/borehole-2.jpg']);
    for (const file of manifest.files) expect(createHash('sha256').update(entries.get(file.path)!).digest('hex')).toBe(file.sha256);
    for (const file of manifest.files.filter((x) => x.path.startsWith('photos/'))) {
      expect(file.credit).toBe('Photo: J. Mukasa');
      expect(file.usageRights).toBe('Free for editorial use with credit');
    }
    const pdfName = 'Kasese water press kit (EMBARGOED until 2099-12-03 1000 UTC).pdf';
    const pdfDoc = manifest.documents.find((d) => d.path === pdfName)!;
    expect(createHash('sha256').update(entries.get(pdfName)!).digest('hex')).toBe(pdfDoc.sha256);
  });
});

describe('kit-lite', () => {
  it('is one light PDF, well under 2 MB, with each caption under its photo', () => {
    const lite = path('lite');
    expect(lite.endsWith('Kasese water press kit-lite.pdf')).toBe(true);
    const bytes = readFileSync(lite);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    expect(bytes.length).toBeLessThan(readFileSync(path('pdf')).length);
    const text = pdfText(lite);
    expect(text).toContain(ENGLISH_HEADLINE);
    const photo = text.indexOf('Photos', text.indexOf('Media contacts'));
    expect(text.indexOf('Families collect water at borehole 1, Kasese', photo)).toBeGreaterThan(photo);
    expect(text).toContain('Credit: Photo: J. Mukasa');
  });
});

describe('preview and web-mode download', () => {
  it('kit.preview gives the print HTML with photos inlined and nothing that loads from elsewhere', async () => {
    const p = await call<KitPreview>(f.core, 'kit.preview', { id: f.kitId });
    expect(p.pageSize).toBe('A4');
    expect(p.embargo).toEqual({ at: '2099-12-03T10:00:00Z', timeZone: 'Africa/Kampala' });
    expect(p.html).toContain(ENGLISH_HEADLINE);
    expect(p.html).toContain('<html lang="en" dir="ltr">');
    expect(p.html).toMatch(/<article class="release" lang="ar" dir="rtl">/);
    expect(p.html).not.toMatch(/<script/i);
    const srcs = [...p.html.matchAll(/\ssrc="([^"]+)"/g)].map((m) => m[1]!);
    expect(srcs.length).toBe(3);
    for (const s of srcs) expect(s.startsWith('data:image/')).toBe(true);
    expect(p.html).toContain('default-src &#39;none&#39;');
  });

  it('kit.exportFile returns the bytes of one format over any transport, and leaves no file behind', async () => {
    const r = await f.core.dispatch('kit.exportFile', { id: f.kitId, format: 'docx', confirmEmbargo: true }, { transport: 'http' });
    expect(r.ok).toBe(true);
    const value = (await f.core.jobs.wait((r as { ok: true; value: { jobId: string } }).value.jobId)) as KitExportedBytes;
    expect(value.name).toBe('Kasese water press kit.docx');
    expect(value.mediaType).toMatch(/wordprocessingml/);
    expect(Buffer.from(value.data, 'base64').subarray(0, 2).toString()).toBe('PK');
    expect(readdirSync(join(f.dir, 'tmp')).filter((n) => n.startsWith('export-'))).toEqual([]);
    const refused = await f.core.dispatch('kit.export', { id: f.kitId, formats: ['pdf'], outDir: out, confirmEmbargo: true }, { transport: 'http' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('the embargo', () => {
  it('is not exported until the person confirms it, and nothing is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-kit-unconfirmed-'));
    try {
      const e = await jobError(f.core, 'kit.export', { id: f.kitId, formats: ['docx'], outDir: dir });
      expect(e).toMatchObject({ code: 'INVALID_INPUT', path: ['confirmEmbargo'] });
      expect(e.message).toContain('is under embargo (EMBARGOED UNTIL 3 December 2099, 13:00 Kampala time (10:00 UTC))');
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is dropped from a kit exported after it has passed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-kit-after-'));
    try {
      const r = await exportKit(f.core.ctx, f.kitId, ['docx'], dir, null, { now: new Date('2100-01-01T00:00:00Z') });
      const parts = await readZip(r.files[0]!.path);
      const xml = [...parts].filter(([k]) => /word\/(document|header\d+)\.xml/.test(k)).map(([, v]) => v.toString('utf8')).join('');
      expect(xml).not.toMatch(/EMBARGO/);
      expect(xml).toContain('FOR IMMEDIATE RELEASE');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a kit for the press', () => {
  it('shows the press-only mobile in the preview and the documents, never an internal address', async () => {
    await call(f.core, 'kit.update', { id: f.kitId, rev: null, fields: { audience: 'press' } });
    const dir = mkdtempSync(join(tmpdir(), 'dateline-kit-press-'));
    try {
      const p = await call<KitPreview>(f.core, 'kit.preview', { id: f.kitId });
      expect(p.html).toContain('+256 700 000 001');
      expect(p.html).not.toContain('grace.home@example.net');
      const r = await exportKit(f.core.ctx, f.kitId, ['docx'], dir, null, { confirmEmbargo: true });
      const xml = (await readZip(r.files[0]!.path)).get('word/document.xml')!.toString('utf8');
      expect(xml).toContain('+256 700 000 001');
      expect(xml).not.toContain('grace.home@example.net');
      expect(vCards(resolveKit(f.core.ctx, f.kitId, { requireItems: true }).spokespeople, 'en')).toContain('TEL;TYPE=CELL,VOICE:+256 700 000 001');
    } finally {
      await call(f.core, 'kit.update', { id: f.kitId, rev: null, fields: { audience: 'public' } });
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
