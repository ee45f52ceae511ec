import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { stripGifMetadata, stripJpegLocation, stripPngLocation } from '../../electron/core/kits/metadata';

/**
 * What the ZIP manifest's "locationMetadataRemoved" promises, format by format: every place
 * a position or free text can hide in PNG, GIF and JPEG is gone, and the pixels are untouched.
 * The hostile files are built here, chunk by chunk.
 */

const PLACE = 'Kasese camp 0.1833N 30.0833E';

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function gifSubBlocks(data: Buffer): Buffer {
  const out: Buffer[] = [];
  for (let i = 0; i < data.length; i += 255) {
    const piece = data.subarray(i, i + 255);
    out.push(Buffer.from([piece.length]), piece);
  }
  return Buffer.concat([...out, Buffer.from([0])]);
}

const gifApp = (id: string, data: Buffer) => Buffer.concat([Buffer.from([0x21, 0xff, 11]), Buffer.from(id, 'latin1'), gifSubBlocks(data)]);

async function pixels(bytes: Buffer): Promise<Buffer> {
  return sharp(bytes, { animated: true }).raw().toBuffer();
}

describe('location and free text removed from every image format the bundle keeps as is', () => {
  it('PNG: text in three encodings, XMP, Exif, C2PA and private chunks go; colour and transparency stay', async () => {
    const plain = await sharp({ create: { width: 8, height: 6, channels: 4, background: { r: 10, g: 120, b: 200, alpha: 0.5 } } }).png().toBuffer();
    const iend = plain.length - 12;
    const hostile = Buffer.concat([
      plain.subarray(0, iend),
      pngChunk('tEXt', Buffer.from(`Location\0${PLACE}`, 'latin1')),
      pngChunk('zTXt', Buffer.concat([Buffer.from('Comment\0\0', 'latin1'), deflateSync(Buffer.from(PLACE))])),
      pngChunk('iTXt', Buffer.from(`XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta><photoshop:City>${PLACE}</photoshop:City></x:xmpmeta>`, 'latin1')),
      pngChunk('eXIf', Buffer.from(`MM\0*\0\0\0\x08${PLACE}`, 'latin1')),
      pngChunk('caBX', Buffer.from(`jumb c2pa ${PLACE}`, 'latin1')),
      pngChunk('prVt', Buffer.from(PLACE, 'latin1')),
      pngChunk('sRGB', Buffer.from([0])),
      plain.subarray(iend),
    ]);
    expect(hostile.includes(Buffer.from(PLACE))).toBe(true);
    const clean = stripPngLocation(hostile);
    expect(clean.includes(Buffer.from('Kasese'))).toBe(false);
    expect(clean.includes(Buffer.from('caBX'))).toBe(false);
    expect(clean.includes(Buffer.from('sRGB'))).toBe(true);
    expect((await pixels(clean)).equals(await pixels(plain))).toBe(true);
  });

  it('GIF: comments, XMP and other application blocks go; frames and the animation loop stay', async () => {
    const frames = sharp({ create: { width: 6, height: 4, channels: 3, background: '#c03020' } });
    const plain = await frames.gif({ loop: 3 }).toBuffer();
    const firstBlock = plain.indexOf(Buffer.from([0x21]), 13 + 3 * 2 ** ((plain[10]! & 7) + 1));
    const hostile = Buffer.concat([
      plain.subarray(0, firstBlock),
      Buffer.from([0x21, 0xfe]),
      gifSubBlocks(Buffer.from(`Taken at ${PLACE}`)),
      gifApp('XMP DataXMP', Buffer.from(`<x:xmpmeta><photoshop:City>${PLACE}</photoshop:City></x:xmpmeta>`)),
      gifApp('C2PA_GIF1.0', Buffer.from(`claim ${PLACE}`)),
      plain.subarray(firstBlock),
    ]);
    expect(hostile.includes(Buffer.from('Kasese'))).toBe(true);
    const clean = stripGifMetadata(hostile);
    expect(clean.includes(Buffer.from('Kasese'))).toBe(false);
    expect(clean.includes(Buffer.from('XMP DataXMP'))).toBe(false);
    expect((await sharp(clean).metadata()).loop).toBe(3);
    expect((await pixels(clean)).equals(await pixels(plain))).toBe(true);
    expect(() => stripGifMetadata(Buffer.from('GIF89a-short'), 'The photo "a.gif"')).toThrow(/The photo "a\.gif" is damaged/);
  });

  it('JPEG: XMP and C2PA (JUMBF in APP11) go', async () => {
    const plain = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#208040' } }).jpeg().toBuffer();
    const segment = (marker: number, body: string) => {
      const b = Buffer.from(body, 'latin1');
      const head = Buffer.from([0xff, marker, 0, 0]);
      head.writeUInt16BE(b.length + 2, 2);
      return Buffer.concat([head, b]);
    };
    const hostile = Buffer.concat([
      plain.subarray(0, 2),
      segment(0xe1, `http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>${PLACE}</x:xmpmeta>`),
      segment(0xeb, `JP\0\0jumb c2pa ${PLACE}`),
      plain.subarray(2),
    ]);
    const clean = stripJpegLocation(hostile);
    expect(clean.includes(Buffer.from('Kasese'))).toBe(false);
    expect((await pixels(clean)).equals(await pixels(plain))).toBe(true);
  });
});
