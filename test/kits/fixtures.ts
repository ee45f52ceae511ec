import sharp from 'sharp';
import { openCore, type Core } from '../../electron/core/index';
import { toApiError } from '../../electron/core/jobs';
import type { ApiError } from '../../electron/shared/errors';
import { richTextFromParagraphs, type RichText } from '../../electron/shared/richtext';
import { call } from '../core-harness';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A library with a real kit in it: an office, an English release and its Arabic version, photos, contacts. */

export { call, job } from '../core-harness';

export async function jobError(c: Core, method: string, input: unknown): Promise<ApiError> {
  const { jobId } = await call<{ jobId: string }>(c, method, input);
  try {
    await c.jobs.wait(jobId);
  } catch (e) {
    return toApiError(e);
  }
  throw new Error(`${method} should have failed`);
}

/** A photo-like JPEG: a smooth gradient with a little grain, so it compresses as a photo does. */
export async function photo(width: number, height: number, seed = 1, quality = 85): Promise<Buffer> {
  const w = 64;
  const h = Math.max(2, Math.round((64 * height) / width));
  const raw = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 3;
      raw[i] = (x * 4 + seed * 40) & 255;
      raw[i + 1] = (y * 3 + seed * 70) & 255;
      raw[i + 2] = ((x + y) * 2 + seed * 20) & 255;
    }
  }
  return sharp(raw, { raw: { width: w, height: h, channels: 3 } })
    .resize(width, height, { kernel: 'cubic' })
    .blur(2)
    .jpeg({ quality })
    .toBuffer();
}

export const ARABIC_HEADLINE = 'وصول المياه النظيفة إلى أربعين ألف شخص في كاسيسي';
export const ARABIC_BODY = 'أكملت المنظمة اليوم حفر اثني عشر بئرا في مقاطعة كاسيسي';
export const ENGLISH_HEADLINE = 'Clean water reaches 40,000 people in Kasese';
export const ENGLISH_BODY = 'The organisation today completed twelve boreholes in Kasese district, bringing safe water within reach of 40,000 people.';

export interface KitFixture {
  core: Core;
  dir: string;
  kitId: string;
  enId: string;
  arId: string;
  photoIds: string[];
  spokesId: string;
  journalistId: string;
  officeId: string;
}

/**
 * A library in its own folder, kept until `dispose` (test/helpers' tempDir is removed after
 * each test, and these libraries serve a whole file of tests).
 */
export async function openLibrary(): Promise<Core> {
  return openCore(mkdtempSync(join(tmpdir(), 'dateline-kit-lib-')), { author: 'amina' });
}

export function dispose(c: Core): void {
  c.close();
  rmSync(c.ctx.dir, { recursive: true, force: true });
}

export async function addPhoto(c: Core, name: string, bytes: Buffer, fields: Record<string, unknown> = {}): Promise<string> {
  const r = await call<{ id: string }>(c, 'attachment.add', { name, data: bytes.toString('base64'), fields });
  return r.id;
}

export function body(paragraphs: string[]): RichText {
  return richTextFromParagraphs(paragraphs);
}

/** The kit of the tests: embargoed (until 2099) English release, its Arabic version, two photos, a spokesperson and a journalist. */
export async function makeKit(opts: { embargo?: boolean; photos?: number } = {}): Promise<KitFixture> {
  const core = await openLibrary();
  const logo = await sharp({ create: { width: 240, height: 80, channels: 4, background: { r: 31, g: 58, b: 95, alpha: 1 } } }).png().toBuffer();
  const logoId = await addPhoto(core, 'logo.png', logo);
  const office = await call<{ id: string }>(core, 'office.create', {
    name: 'East Africa Regional Office',
    logo: logoId,
    colours: { primary: '#0b4f6c', accent: '#d1495b' },
    boilerplate: { en: 'The organisation works in 190 countries to protect people in crises.', ar: 'تعمل المنظمة في مائة وتسعين بلدا لحماية الناس في الأزمات.' },
    timeZone: 'Africa/Kampala',
  });
  const spokes = await call<{ id: string }>(core, 'contact.create', {
    kind: 'spokesperson',
    name: 'Grace Akello',
    role: 'Communications Officer',
    organisation: 'East Africa Regional Office',
    emails: [
      { type: 'work', address: 'grace.akello@example.org' },
      { type: 'personal', address: 'grace.home@example.net', visibility: 'internal' },
    ],
    phones: [
      { type: 'mobile', number: '+256 772 123 456' },
      { type: 'mobile', number: '+256 700 000 001', visibility: 'press-only' },
    ],
  });
  const journalist = await call<{ id: string }>(core, 'contact.create', {
    kind: 'journalist',
    name: 'Peter Okoth',
    emails: [{ type: 'work', address: 'peter@daily.example' }],
  });
  const en = await call<{ id: string }>(core, 'release.create', {
    headline: ENGLISH_HEADLINE,
    subheadline: 'Twelve boreholes completed ahead of the dry season',
    language: 'en',
    datelinePlace: 'Kampala',
    releaseDate: '2026-11-30',
    status: 'approved',
    office: office.id,
    ...(opts.embargo === false ? {} : { embargo: { at: '2099-12-03T10:00:00Z', timeZone: 'Africa/Kampala' } }),
    body: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: ENGLISH_BODY }] },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'What changes for families' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Read the ' },
            { type: 'text', text: 'full report', marks: [{ type: 'link', attrs: { href: 'https://example.org/report' } }] },
            { type: 'text', text: ' online.' },
          ],
        },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '12 boreholes' }] }] }] },
      ],
    },
    quotes: [{ speaker: 'Grace Akello', role: 'Communications Officer', text: 'Water is dignity.' }],
    notesToEditors: 'Photos are free to use with credit.',
    boilerplate: { office: office.id },
    endMark: '###',
    contacts: [spokes.id, journalist.id],
  });
  const ar = await call<{ id: string }>(core, 'release.translate', { id: en.id, language: 'ar' });
  await call(core, 'release.update', {
    id: ar.id,
    rev: null,
    fields: { headline: ARABIC_HEADLINE, subheadline: null, datelinePlace: 'كمبالا', body: body([ARABIC_BODY]), quotes: [{ speaker: 'غريس أكيلو', text: 'الماء كرامة.' }] },
  });
  const photoIds: string[] = [];
  for (let i = 0; i < (opts.photos ?? 2); i++) {
    photoIds.push(
      await addPhoto(core, `borehole-${i + 1}.jpg`, await photo(1200, 800, i + 1), {
        caption: `Families collect water at borehole ${i + 1}, Kasese`,
        credit: 'Photo: J. Mukasa',
        usageRights: 'Free for editorial use with credit',
      }),
    );
  }
  const kit = await call<{ id: string }>(core, 'kit.create', {
    title: 'Kasese water press kit',
    language: 'en',
    office: office.id,
    items: [
      { kind: 'release', id: en.id, languages: ['en', 'ar'] },
      { kind: 'section', sectionKind: 'factSheet', title: 'Fact sheet', body: body(['40,000 people served.', '12 boreholes drilled.']) },
      ...photoIds.map((id) => ({ kind: 'attachment' as const, id })),
      { kind: 'contact', id: spokes.id },
      { kind: 'contact', id: journalist.id },
    ],
  });
  return { core, dir: core.ctx.dir, kitId: kit.id, enId: en.id, arId: ar.id, photoIds, spokesId: spokes.id, journalistId: journalist.id, officeId: office.id };
}
