import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatelineError } from '../../shared/errors';
import type { KitFontFamily } from '../../shared/offices/look';

/**
 * Where the kit templates and fonts are. The same code runs from the source tree (tests),
 * from out/cli (the built CLI) and from a packaged app (resources next to the app), so the
 * folder is found by walking up from this file; DATELINE_RESOURCES overrides it (the shell
 * sets it to process.resourcesPath/resources in a packaged build).
 */

let cached: string | null = null;

function resourcesDir(): string {
  if (cached) return cached;
  const override = process.env.DATELINE_RESOURCES;
  const candidates: string[] = [];
  if (override) candidates.push(resolve(override));
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    candidates.push(join(dir, 'resources'));
    dir = dirname(dir);
  }
  const found = candidates.find((c) => existsSync(join(c, 'templates', 'default', 'kit.html')));
  if (!found) {
    throw new DatelineError('INTERNAL', `Dateline's kit templates are missing (looked in ${candidates.slice(0, 3).join(', ')}…); reinstall Dateline.`, {
      params: { reason: 'templatesMissing' },
    });
  }
  cached = found;
  return found;
}

export interface Template {
  name: string;
  html: string;
  css: string;
}

const templates = new Map<string, Template>();

/** An office's template by name, or the default one when the office names none that exists. */
export function loadTemplate(name: string): Template {
  const hit = templates.get(name);
  if (hit) return hit;
  const root = join(resourcesDir(), 'templates');
  const folder = /^[a-z0-9-]{1,40}$/.test(name) && existsSync(join(root, name, 'kit.html')) ? name : 'default';
  const t: Template = {
    name: folder,
    html: readFileSync(join(root, folder, 'kit.html'), 'utf8'),
    css: readFileSync(join(root, folder, 'kit.css'), 'utf8'),
  };
  templates.set(name, t);
  return t;
}

/** The bundled fonts: file name, family, weight, and the characters a face is loaded for. */
export const KIT_FONTS = [
  { file: 'DejaVuSans.ttf', family: 'Dateline Sans', weight: 400, range: null },
  { file: 'DejaVuSans-Bold.ttf', family: 'Dateline Sans', weight: 700, range: null },
  // Loaded only when a page has CJK text: the face is 4.6 MB.
  {
    file: 'WenQuanYiMicroHei.ttf',
    family: 'Dateline CJK',
    weight: 400,
    range: 'U+1100-11FF, U+2E80-2FDF, U+3000-31FF, U+3400-4DBF, U+4E00-9FFF, U+A960-A97F, U+AC00-D7AF, U+F900-FAFF, U+FE30-FE4F, U+FF00-FFEF',
  },
  // The same face for all text, when an office chooses it for its kits (Arabic falls back to Dateline Sans).
  { file: 'WenQuanYiMicroHei.ttf', family: 'Dateline WenQuanYi', weight: 400, range: null },
] as const;

/** Each font an office may choose: its CSS family list (bundled faces first) and the files a DOCX embeds. */
export const OFFICE_FONTS: Record<KitFontFamily, { css: string; regular: string; bold: string | null }> = {
  'DejaVu Sans': { css: "'Dateline Sans', 'Dateline CJK', sans-serif", regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' },
  'WenQuanYi Micro Hei': { css: "'Dateline WenQuanYi', 'Dateline Sans', sans-serif", regular: 'WenQuanYiMicroHei.ttf', bold: null },
};

const fontBytes = new Map<string, Buffer>();

/** A bundled font file's bytes, read once per process. */
export function fontFile(file: string): Buffer {
  let b = fontBytes.get(file);
  if (!b) {
    b = readFileSync(fontPath(file));
    fontBytes.set(file, b);
  }
  return b;
}

export function fontPath(file: string): string {
  return join(resourcesDir(), 'fonts', file);
}
