import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharp } from '../../electron/core/attachments/decoders';
import { imageSize } from '../../electron/core/attachments/images';

/** sharp opens only the photo formats Dateline accepts, whatever the bytes turn out to be. */

function sources(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (/\.tsx?$/u.test(n)) out.push(p);
  }
  return out;
}

const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30"/></svg>');

describe('the image decoders', () => {
  it('decodes the photo formats the app accepts', async () => {
    const base = sharp({ create: { width: 6, height: 4, channels: 3, background: '#336699' } });
    for (const format of ['jpeg', 'png', 'webp', 'tiff', 'gif', 'avif'] as const) {
      const bytes = await base.clone().toFormat(format).toBuffer();
      const m = await sharp(bytes).metadata();
      expect([m.width, m.height], format).toEqual([6, 4]);
    }
  });

  it('refuses SVG (which libvips would render, references and all) with a clear error, even stored under a photo type', async () => {
    await expect(sharp(svg).metadata()).rejects.toThrow(/unsupported image format/);
    expect(await imageSize(svg, 'image/png')).toEqual({ width: null, height: null });
  });

  it('no other module loads sharp directly', () => {
    const direct = sources(join(process.cwd(), 'electron'))
      .filter((f) => /from 'sharp'|require\('sharp'\)|import\('sharp'\)/u.test(readFileSync(f, 'utf8')))
      .map((f) => f.slice(process.cwd().length + 1));
    expect(direct).toEqual(['electron/core/attachments/decoders.ts']);
  });
});
