import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { closePdfPrinter } from '../../electron/core/kits/pdf';
import type { KitExportResult } from '../../electron/shared/kits/contract';
import { tempDirKept } from '../helpers';
import { addPhoto, body, call, dispose, job, openLibrary } from './fixtures';
import { colourColumns, hasPhrase, pagesText, rowsOf } from './page-layout';
import { readZip } from './zipread';

/**
 * Two offices with different looks, each printing a kit: Geneva (green headings, its own fonts,
 * a footer line, English boilerplate, a default spokesperson) for a French kit that names no
 * office, so it takes its release's; Bogotá (purple, the default fonts) picked by a Spanish kit
 * whose release belongs to Geneva. Their DOCX and PDF are read back: styles, fonts, footers,
 * boilerplate, contacts, labels and the colour of the headings' pixels.
 */

const GENEVA_GREEN: [number, number, number] = [0x0b, 0x6e, 0x4f];
const BOGOTA_PURPLE: [number, number, number] = [0x6a, 0x1b, 0x9a];
const GENEVA_FOOTER = 'Geneva Headquarters · press@hq.example';
const BOGOTA_FOOTER = 'Oficina de Bogotá · prensa@bogota.example';

let core: Core;
let out: string;
const files = new Map<string, string>(); // "geneva docx" → path

beforeAll(async () => {
  core = await openLibrary();
  out = tempDirKept('dateline-office-look-');
  const logo = await addPhoto(core, 'geneva-logo.png', await sharp({ create: { width: 240, height: 80, channels: 3, background: '#0b6e4f' } }).png().toBuffer());
  const ana = await call<{ id: string }>(core, 'contact.create', { kind: 'spokesperson', name: 'Ana Duarte', role: 'Press Officer', emails: [{ type: 'work', address: 'ana.duarte@hq.example' }] });
  const luis = await call<{ id: string }>(core, 'contact.create', { kind: 'spokesperson', name: 'Luis Herrera', emails: [{ type: 'work', address: 'luis.herrera@bogota.example' }] });
  const geneva = await call<{ id: string }>(core, 'office.create', {
    name: 'Geneva Headquarters',
    logo,
    colours: { primary: '#0b6e4f', accent: '#e4572e' },
    fonts: { headings: 'WenQuanYi Micro Hei', body: 'DejaVu Sans' },
    footer: GENEVA_FOOTER,
    boilerplate: { en: 'Geneva coordinates the response in forty countries.', es: 'Ginebra coordina la respuesta en cuarenta países.' },
    contacts: [ana.id],
  });
  const bogota = await call<{ id: string }>(core, 'office.create', {
    name: 'Oficina de Bogotá',
    colours: { primary: '#6a1b9a', accent: '#f9a825' },
    footer: BOGOTA_FOOTER,
    boilerplate: { es: 'La oficina de Bogotá trabaja en doce departamentos.' },
    contacts: [luis.id],
  });
  const en = await call<{ id: string }>(core, 'release.create', {
    headline: 'Winter kits reach 8,000 families',
    language: 'en',
    datelinePlace: 'Geneva',
    releaseDate: '2026-11-30',
    office: geneva.id,
    body: body(['The organisation delivered winter kits to 8,000 families.']),
  });
  const es = await call<{ id: string }>(core, 'release.create', {
    headline: 'Agua potable para Tumaco',
    language: 'es',
    datelinePlace: 'Bogotá',
    releaseDate: '2026-11-30',
    office: geneva.id,
    body: body(['La organización llevó agua potable a 5.000 personas.']),
  });
  const kits = {
    geneva: await call<{ id: string }>(core, 'kit.create', { title: 'Hiver 2026', language: 'fr', items: [{ kind: 'release', id: en.id }] }),
    bogota: await call<{ id: string }>(core, 'kit.create', { title: 'Agua 2026', language: 'es', office: bogota.id, items: [{ kind: 'release', id: es.id }] }),
  };
  for (const [name, kit] of Object.entries(kits)) {
    const r = await job<KitExportResult>(core, 'kit.export', { id: kit.id, formats: ['docx', 'pdf'], outDir: join(out, name) });
    for (const f of r.files) files.set(`${name} ${f.format}`, f.path);
  }
}, 240_000);

afterAll(async () => {
  await closePdfPrinter();
  dispose(core);
});

async function docx(name: string): Promise<{ document: string; styles: string; footers: string; parts: string[] }> {
  const parts = await readZip(files.get(`${name} docx`)!);
  const text = (k: string) => parts.get(k)?.toString('utf8') ?? '';
  const names = [...parts.keys()];
  return { document: text('word/document.xml'), styles: text('word/styles.xml'), footers: names.filter((n) => /^word\/footer\d*\.xml$/.test(n)).map(text).join('\n'), parts: names };
}

const pdfText = (name: string) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', files.get(`${name} pdf`)!, '-'], { encoding: 'utf8' });
const pdfFonts = (name: string) => execFileSync('pdffonts', [files.get(`${name} pdf`)!], { encoding: 'utf8' });

describe("an office's look in the DOCX", () => {
  it('Geneva: its fonts named and embedded, its colours on the headings, its footer on every page, its boilerplate and spokesperson, French labels', async () => {
    const d = await docx('geneva');
    expect(d.styles).toMatch(/w:styleId="Heading1"[\s\S]*?w:ascii="WenQuanYi Micro Hei"[\s\S]*?w:color w:val="0B6E4F"/);
    expect(d.styles).toMatch(/<w:docDefaults>[\s\S]*?w:ascii="DejaVu Sans"/);
    expect(d.styles).not.toContain('w:ascii="Arial"');
    expect(d.parts.filter((p) => p.endsWith('.odttf')).length).toBeGreaterThanOrEqual(2);
    // The cover's footer and the other pages' footer both carry the line.
    expect(d.footers.split(GENEVA_FOOTER).length - 1).toBe(2);
    expect(d.document).toContain('Geneva coordinates the response in forty countries.');
    expect(d.document).toContain('Ana Duarte');
    expect(d.document).toContain('ana.duarte@hq.example');
    expect(d.document).toContain('Dossier de presse');
    expect(d.document).toContain('Contacts presse');
    expect(d.parts.filter((p) => p.startsWith('word/media/'))).toHaveLength(1); // the logo on the cover
  });

  it('Bogotá, picked by the kit over its release\'s office: its colours, the default fonts, its footer, Spanish boilerplate and spokesperson, Spanish labels', async () => {
    const d = await docx('bogota');
    expect(d.styles).toMatch(/w:styleId="Heading1"[\s\S]*?w:ascii="Arial"[\s\S]*?w:color w:val="6A1B9A"/);
    expect(d.styles).not.toContain('DejaVu Sans');
    expect(d.parts.filter((p) => p.endsWith('.odttf'))).toEqual([]);
    expect(d.footers).toContain(BOGOTA_FOOTER);
    expect(d.footers).not.toContain('Geneva');
    expect(d.document).toContain('La oficina de Bogotá trabaja en doce departamentos.');
    expect(d.document).not.toContain('Ginebra');
    expect(d.document).toContain('Luis Herrera');
    expect(d.document).not.toContain('Ana Duarte');
    expect(d.document).toContain('Dossier de prensa');
    expect(d.document).toContain('Contactos de prensa');
    expect(d.parts.filter((p) => p.startsWith('word/media/'))).toEqual([]);
  });
});

describe("an office's look in the PDF", () => {
  it('prints each office\'s footer line on every page, its boilerplate, its spokesperson and the kit language\'s labels', () => {
    const geneva = pdfText('geneva');
    const pages = geneva.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const [i, p] of pages.entries()) expect(p.replace(/\s+/g, ' '), `page ${i + 1}`).toContain('press@hq.example');
    expect(geneva).toContain('Geneva coordinates the response in forty countries.');
    expect(geneva).toContain('Ana Duarte');
    expect(geneva).toMatch(/Sommaire/);
    expect(geneva).toMatch(/Contacts presse/);

    const bogota = pdfText('bogota');
    for (const p of bogota.split('\f').filter((x) => x.trim() !== '')) expect(p.replace(/\s+/g, ' ')).toContain('prensa@bogota.example');
    expect(bogota).toContain('La oficina de Bogotá trabaja en doce departamentos.');
    expect(bogota).toContain('Luis Herrera');
    expect(bogota).not.toContain('Ana Duarte');
    expect(bogota).toMatch(/Índice/);
  });

  it('draws the headings in the office\'s font and colour', async () => {
    // Chromium embeds WenQuanYi Micro Hei as Type 3 glyphs (unnamed); DejaVu Sans as a named CID TrueType subset.
    expect(pdfFonts('geneva')).toMatch(/Type 3/);
    expect(pdfFonts('bogota')).not.toMatch(/Type 3/);
    expect(pdfFonts('bogota')).toMatch(/DejaVuSans-Bold/);
    for (const [name, headline, mine, other] of [
      ['geneva', 'Winter kits reach 8,000 families', GENEVA_GREEN, BOGOTA_PURPLE],
      ['bogota', 'Agua potable para Tumaco', BOGOTA_PURPLE, GENEVA_GREEN],
    ] as const) {
      const file = files.get(`${name} pdf`)!;
      const pages = pagesText(file);
      const index = pages.findIndex((p) => rowsOf(p).some((r) => hasPhrase(r, headline) && r.yMax - r.yMin >= 16));
      expect(index, `the page of "${headline}"`).toBeGreaterThan(0);
      const row = rowsOf(pages[index]!).find((r) => hasPhrase(r, headline) && r.yMax - r.yMin >= 16)!;
      expect((await colourColumns(file, index + 1, row, [...mine])).length, `${name}'s colour in its headline`).toBeGreaterThan(20);
      expect(await colourColumns(file, index + 1, row, [...other]), `the other office's colour in ${name}'s headline`).toEqual([]);
    }
  });
});
