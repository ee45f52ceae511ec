import { mkdirSync, readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { join } from 'node:path';
import { z } from 'zod';
import { sharp } from '../attachments/decoders';
import { DatelineError } from '../../shared/errors';
import { MAX_INPUT_PIXELS } from '../attachments/images';
import type { CoreContext } from '../context';
import { stripGifMetadata, stripJpegLocation, stripPngLocation } from './metadata';
import type { KitAttachment } from './model';

/**
 * The renditions of a kit's photos. The originals go into the ZIP bundle (location removed,
 * pixels untouched); the documents carry smaller copies: print resolution for the PDF and the
 * DOCX (a 24-megapixel photo in a Word file helps no one and costs seconds), a light one for
 * kit-lite, a small one for the on-screen preview. Renditions are cached in the library folder
 * by the photo's SHA-256, so the second export of a kit does not resize anything; beside each
 * one a small JSON file says its type and size, so it is used without opening it as an image
 * (asking sharp for the size of twenty cached photos was a third of a warm DOCX export's
 * rendition step), and its CRC-32, which the DOCX package records for each part (working it out
 * for twenty photos on every export was, after reading them, the largest part of packing it).
 */

export type Rendition = 'print' | 'lite' | 'screen';

const SIZES: Record<Rendition, { max: number; quality: number }> = {
  // About 240 dpi across a page's text width: sharp in print, a fraction of the original's bytes.
  print: { max: 1600, quality: 82 },
  // Sized so a kit with twenty photos stays under 2 MB for a journalist on 3G.
  lite: { max: 800, quality: 55 },
  screen: { max: 640, quality: 62 },
};

/** Bump when the settings above change, so old cached renditions are not reused. */
const CACHE_VERSION = 2;
/** About 100 megapixels, as for attachments: a large camera photo passes, a decompression bomb does not. */

export interface RenderedImage {
  bytes: Buffer;
  /** The cached file holding the same bytes (what the PDF printer serves). */
  path: string;
  mediaType: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
  /** The CRC-32 of `bytes`. */
  crc32: number;
}

function cacheDir(ctx: CoreContext): string {
  const dir = join(ctx.dir, 'cache', 'kit-images');
  mkdirSync(dir, { recursive: true });
  return dir;
}

function tooManyPixels(a: KitAttachment, width: number, height: number): DatelineError {
  return new DatelineError(
    'FILE_TOO_LARGE',
    `The photo "${a.originalName}" (${a.id}) is ${Math.round((width * height) / 1e6)} megapixels (${width} × ${height}); a kit takes photos of at most ${MAX_INPUT_PIXELS / 1e6} megapixels. Make it smaller and attach it again.`,
    { params: { id: a.id, name: a.originalName, width, height, megapixels: Math.round((width * height) / 1e6), limit: MAX_INPUT_PIXELS / 1e6, reason: 'tooManyPixels' } },
  );
}

function unreadableImage(a: KitAttachment, e: unknown): DatelineError {
  const msg = e instanceof Error ? e.message : String(e);
  return new DatelineError('FILE_UNREADABLE', `The photo "${a.originalName}" (${a.id}) cannot be read as an image (${msg.split('\n')[0]}); it may be damaged. Replace it or remove it from the kit.`, {
    params: { id: a.id, name: a.originalName, reason: 'damagedImage' },
  });
}

/** The header only (no pixels are decoded): refuses a decompression bomb before it is opened. */
async function checkedSize(a: KitAttachment, bytes: Buffer): Promise<void> {
  let m;
  try {
    m = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (e) {
    throw unreadableImage(a, e);
  }
  if (m.width * m.height > MAX_INPUT_PIXELS) throw tooManyPixels(a, m.width, m.height);
}

/** The original's bytes with location metadata removed, or null when the format needs re-encoding for that. */
function losslessClean(a: KitAttachment, bytes: Buffer): Buffer | null {
  const what = `The photo "${a.originalName}" (${a.id})`;
  if (a.mediaType === 'image/jpeg') return stripJpegLocation(bytes, what);
  if (a.mediaType === 'image/png') return stripPngLocation(bytes, what);
  if (a.mediaType === 'image/gif') return stripGifMetadata(bytes, what);
  return null;
}

/** What the JSON file beside a cached rendition says of it. */
const CachedRendition = z.object({
  mediaType: z.enum(['image/jpeg', 'image/png']),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().positive(),
  /** Missing in renditions cached before it was noted: then worked out when read. */
  crc32: z.number().int().nonnegative().optional(),
});

const extensionOf = (mediaType: RenderedImage['mediaType']) => (mediaType === 'image/png' ? 'png' : 'jpg');

/** The cached rendition under `base`, or null when there is none or it is not whole (then it is made again). */
function cached(base: string): RenderedImage | null {
  let info;
  try {
    info = CachedRendition.safeParse(JSON.parse(readFileSync(`${base}.json`, 'utf8')));
  } catch {
    return null;
  }
  if (!info.success) return null;
  const { mediaType, width, height } = info.data;
  const path = `${base}.${extensionOf(mediaType)}`;
  let bytes;
  try {
    bytes = readFileSync(path);
  } catch {
    return null;
  }
  return bytes.length === info.data.bytes ? { bytes, path, mediaType, width, height, crc32: info.data.crc32 ?? crc32(bytes) } : null;
}

/** One rendition of a photo, from the cache when it was made before. */
export async function rendition(ctx: CoreContext, a: KitAttachment, which: Rendition): Promise<RenderedImage> {
  const { max, quality } = SIZES[which];
  const dir = cacheDir(ctx);
  const base = join(dir, `${a.sha256}-${which}-v${CACHE_VERSION}`);
  const hit = cached(base);
  if (hit) return hit;
  const original = ctx.blobs.read(a.sha256);
  await checkedSize(a, original);
  let out: Omit<RenderedImage, 'path' | 'crc32'>;
  try {
    const img = sharp(original, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
    const meta = await img.metadata();
    const w = meta.autoOrient?.width ?? meta.width;
    const h = meta.autoOrient?.height ?? meta.height;
    const upright = (meta.orientation ?? 1) === 1;
    // Logos and diagrams with transparency stay PNG; photos become JPEG.
    const keepPng = a.mediaType === 'image/png' && meta.hasAlpha;
    if (upright && Math.max(w, h) <= max && (a.mediaType === 'image/jpeg' || a.mediaType === 'image/png') && (which !== 'lite' || original.length <= 150_000)) {
      // Small enough already: the original, cleaned, with not a pixel re-encoded.
      out = { bytes: losslessClean(a, original)!, mediaType: a.mediaType, width: w, height: h };
    } else {
      const pipeline = img.rotate().resize(max, max, { fit: 'inside', withoutEnlargement: true });
      const { data, info } = keepPng
        ? await pipeline.png({ compressionLevel: 6 }).toBuffer({ resolveWithObject: true })
        : await pipeline.flatten({ background: '#ffffff' }).jpeg({ quality, progressive: false, mozjpeg: false }).toBuffer({ resolveWithObject: true });
      out = { bytes: data, mediaType: keepPng ? 'image/png' : 'image/jpeg', width: info.width, height: info.height };
    }
  } catch (e) {
    if (e instanceof DatelineError) throw e;
    throw unreadableImage(a, e);
  }
  const path = `${base}.${extensionOf(out.mediaType)}`;
  ctx.blobs.writeAtomic(path, out.bytes);
  // Written after the image, so a description never stands for an image not yet whole.
  const info: z.input<typeof CachedRendition> = { mediaType: out.mediaType, width: out.width, height: out.height, bytes: out.bytes.length, crc32: crc32(out.bytes) };
  ctx.blobs.writeAtomic(`${base}.json`, Buffer.from(JSON.stringify(info), 'utf8'));
  return { ...out, path, crc32: info.crc32! };
}

/**
 * The file that goes into the ZIP for an image: the original with its location removed, byte
 * for byte where the format allows it; formats whose metadata cannot be cut out safely are
 * re-encoded at high quality without metadata.
 */
export async function bundledImage(ctx: CoreContext, a: KitAttachment): Promise<{ bytes: Buffer; mediaType: string; reencoded: boolean }> {
  const original = ctx.blobs.read(a.sha256);
  const clean = losslessClean(a, original);
  if (clean) return { bytes: clean, mediaType: a.mediaType, reencoded: false };
  await checkedSize(a, original);
  try {
    const img = sharp(original, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate();
    if (a.mediaType === 'image/webp') return { bytes: await img.webp({ quality: 92 }).toBuffer(), mediaType: 'image/webp', reencoded: true };
    if (a.mediaType === 'image/tiff') return { bytes: await img.tiff({ compression: 'lzw' }).toBuffer(), mediaType: 'image/tiff', reencoded: true };
    return { bytes: await img.jpeg({ quality: 92 }).toBuffer(), mediaType: 'image/jpeg', reencoded: true };
  } catch (e) {
    throw unreadableImage(a, e);
  }
}

/** Photos decoded at once: enough to use both cores, few enough to keep memory flat. */
export const IMAGE_CONCURRENCY = 3;

/** Runs `work` on every item with at most `limit` at once (photos are decoded in parallel, but not all twenty at once). */
export async function eachLimited<T, R>(items: readonly T[], limit: number, work: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const i = next++;
      if (i >= items.length) return;
      results[i] = await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
