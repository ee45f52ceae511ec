import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import sharp from 'sharp';

/**
 * What is on a PDF's pages, read with poppler as a person would see it: text lines with their
 * boxes (`pdftotext -bbox-layout`), images with where they are drawn (`pdftohtml -xml`) and at
 * what resolution (`pdfimages -list`), and pixels (`pdftoppm`). Units are PDF points, origin at
 * the top left of the page.
 */

export interface Box {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface Word extends Box {
  text: string;
}

export interface TextLine extends Box {
  text: string;
  words: Word[];
}

export interface PageText {
  width: number;
  height: number;
  lines: TextLine[];
}

const num = (s: string, name: string) => Number(new RegExp(`${name}="([-0-9.]+)"`).exec(s)![1]);
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

export function pagesText(pdf: string): PageText[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return [...xml.matchAll(/<page ([^>]*)>([\s\S]*?)<\/page>/g)].map((p) => ({
    width: num(p[1]!, 'width'),
    height: num(p[1]!, 'height'),
    lines: [...p[2]!.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)].map((l) => {
      const words = [...l[2]!.matchAll(/<word ([^>]*)>([\s\S]*?)<\/word>/g)].map((w) => ({ ...boxOf(w[1]!), text: unescape(w[2]!) }));
      return { ...boxOf(l[1]!), text: words.map((w) => w.text).join(' '), words };
    }),
  }));
}

function boxOf(attrs: string): Box {
  return { xMin: num(attrs, 'xMin'), yMin: num(attrs, 'yMin'), xMax: num(attrs, 'xMax'), yMax: num(attrs, 'yMax') };
}

/**
 * The page's text as rows a reader sees: words whose boxes share most of their height, left to
 * right (pdftotext splits a contents line into title, leader and number when they are far apart).
 */
export function rowsOf(page: PageText): TextLine[] {
  const words = page.lines.flatMap((l) => l.words).sort((a, b) => a.yMin - b.yMin);
  const rows: Word[][] = [];
  for (const w of words) {
    const row = rows.find((r) => {
      const h = Math.min(r[0]!.yMax, w.yMax) - Math.max(r[0]!.yMin, w.yMin);
      return h > 0.5 * Math.min(r[0]!.yMax - r[0]!.yMin, w.yMax - w.yMin);
    });
    if (row) row.push(w);
    else rows.push([w]);
  }
  return rows.map((r) => {
    const sorted = r.sort((a, b) => a.xMin - b.xMin);
    return {
      xMin: Math.min(...sorted.map((w) => w.xMin)),
      yMin: Math.min(...sorted.map((w) => w.yMin)),
      xMax: Math.max(...sorted.map((w) => w.xMax)),
      yMax: Math.max(...sorted.map((w) => w.yMax)),
      text: sorted.map((w) => w.text).join(' '),
      words: sorted,
    };
  });
}

/**
 * A word as letters only, in any order: Chromium's PDF gives Arabic words in the order their
 * glyphs are drawn (right to left, so reversed) and both it and LibreOffice write lam-alef as
 * alef-lam; contents leaders ("sheet.....5") are cut off.
 */
const canonical = (word: string) => [...word.replace(/\.{2,}.*$|^.*\.{2,}/g, '').replace(/[.,،:()]/g, '')].sort().join('');

/** True when most words of `phrase` are among the row's words. */
export function hasPhrase(row: TextLine, phrase: string): boolean {
  const have = new Set(row.words.flatMap((w) => w.text.split(/\.{2,}/)).map(canonical));
  const want = phrase.split(/\s+/).map(canonical);
  return want.filter((t) => have.has(t)).length >= Math.ceil(want.length * 0.6);
}

export interface DrawnImage extends Box {
  page: number;
}

/** Where each image is drawn, its whole box even where it is clipped. */
export function drawnImages(pdf: string): DrawnImage[] {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-pdfxml-'));
  try {
    execFileSync('pdftohtml', ['-xml', '-q', '-zoom', '1', pdf, join(dir, 'out')]);
    const xml = readFileSync(join(dir, 'out.xml'), 'utf8');
    const out: DrawnImage[] = [];
    for (const p of xml.matchAll(/<page number="(\d+)"[^>]*>([\s\S]*?)<\/page>/g)) {
      for (const i of p[2]!.matchAll(/<image top="([-0-9.]+)" left="([-0-9.]+)" width="([0-9.]+)" height="([0-9.]+)"/g)) {
        const [top, left, width, height] = [i[1], i[2], i[3], i[4]].map(Number) as [number, number, number, number];
        out.push({ page: Number(p[1]), xMin: left, yMin: top, xMax: left + width, yMax: top + height });
      }
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface ImageResolution {
  page: number;
  type: string;
  width: number;
  height: number;
  xPpi: number;
  yPpi: number;
}

export function imageResolutions(pdf: string): ImageResolution[] {
  const list = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' });
  return list
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((l) => l.trim().split(/\s+/))
    .map((c) => ({ page: Number(c[0]), type: c[2]!, width: Number(c[3]), height: Number(c[4]), xPpi: Number(c[12]), yPpi: Number(c[13]) }));
}

export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
  const h = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Pairs of text lines on one page whose boxes cover each other by more than a sliver (overlapping glyphs, not touching ones). */
export function overlappingLines(page: PageText): [TextLine, TextLine][] {
  const out: [TextLine, TextLine][] = [];
  page.lines.forEach((a, i) => {
    for (const b of page.lines.slice(i + 1)) {
      const h = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      const w = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const shorter = Math.min(a.yMax - a.yMin, b.yMax - b.yMin);
      if (w > 1 && h > shorter * 0.25) out.push([a, b]);
    }
  });
  return out;
}

export const ARABIC_LETTERS = /[\u0600-\u06ff]/;

/** The x-positions (in points) of pixels of a colour in a band of a page, rendered at 72 dpi. */
export async function colourColumns(pdf: string, page: number, band: { yMin: number; yMax: number }, colour: [number, number, number]): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-ppm-'));
  try {
    execFileSync('pdftoppm', ['-r', '72', '-f', String(page), '-l', String(page), '-png', pdf, join(dir, 'p')]);
    const png = readdirSync(dir).find((n) => n.endsWith('.png'))!;
    const { data, info } = await sharp(join(dir, png)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const xs = new Set<number>();
    for (let y = Math.max(0, Math.floor(band.yMin)); y < Math.min(info.height, Math.ceil(band.yMax)); y++) {
      for (let x = 0; x < info.width; x++) {
        const i = (y * info.width + x) * info.channels;
        if (Math.abs(data[i]! - colour[0]) < 40 && Math.abs(data[i + 1]! - colour[1]) < 40 && Math.abs(data[i + 2]! - colour[2]) < 40) xs.add(x);
      }
    }
    return [...xs].sort((a, b) => a - b);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function sofficePath(): string | null {
  return ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p)) ?? null;
}

/** Converts a DOCX to PDF with LibreOffice, as a journalist's machine would open it; returns the PDF's path in `outDir`. */
export function libreOfficePdf(soffice: string, docx: string, outDir: string): string {
  const pdf = join(outDir, basename(docx).replace(/\.docx$/, '.pdf'));
  if (existsSync(pdf)) throw new Error(`${pdf} is there already: give LibreOffice a folder of its own`);
  const r = spawnSync(soffice, ['--headless', '--norestore', `-env:UserInstallation=file://${outDir}/profile`, '--convert-to', 'pdf', '--outdir', outDir, docx], {
    encoding: 'utf8',
    timeout: 240_000,
  });
  if (r.status !== 0 || !existsSync(pdf)) throw new Error(`LibreOffice could not convert ${docx}: ${r.stdout} ${r.stderr}`);
  return pdf;
}
