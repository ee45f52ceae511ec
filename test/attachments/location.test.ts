import { rmSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { exifHasGps } from '../../electron/core/attachments/location';
import { call, core } from '../core-harness';
import { photo } from '../kits/fixtures';

/**
 * An attachment says whether its file records where the photo was taken (GPS in its Exif or
 * XMP), read from the file's metadata, so the person knows before an export removes it.
 */

const KASESE = { GPSLatitudeRef: 'N', GPSLatitude: '0/1 11/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '30/1 5/1 0/1' };

async function located(bytes: Buffer, name = 'photo.jpg'): Promise<boolean | null> {
  const c = await core();
  const added = await call<{ id: string }>(c, 'attachment.add', { name, data: bytes.toString('base64') });
  return (await call<{ inFile: boolean | null }>(c, 'attachment.location', { id: added.id })).inFile;
}

/** A big-endian (Motorola) Exif block whose IFD0 points at a GPS IFD holding `gpsTags`, as some cameras write it. */
function motorolaExif(gpsTags: number[]): Buffer {
  const tiff = Buffer.alloc(8 + 18 + 2 + gpsTags.length * 12 + 4);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(1, 8);
  tiff.writeUInt16BE(0x8825, 10);
  tiff.writeUInt16BE(4, 12);
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt32BE(26, 18);
  tiff.writeUInt16BE(gpsTags.length, 26);
  gpsTags.forEach((tag, i) => {
    tiff.writeUInt16BE(tag, 28 + i * 12);
    tiff.writeUInt16BE(5, 30 + i * 12);
    tiff.writeUInt32BE(3, 32 + i * 12);
  });
  return Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
}

describe('the location a photo’s file records', () => {
  it('is found in a JPEG’s Exif GPS block, and in a PNG’s', async () => {
    const jpeg = await sharp(await photo(320, 240)).withExif({ IFD0: { Artist: 'J. Mukasa' }, IFD3: KASESE }).jpeg().toBuffer();
    expect(await located(jpeg)).toBe(true);
    const png = await sharp(await photo(64, 48)).withExif({ IFD3: KASESE }).png().toBuffer();
    expect(await located(png, 'photo.png')).toBe(true);
  });

  it('is found in XMP alone, as photo editors write it', async () => {
    const xmp =
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="0,11.0N" exif:GPSLongitude="30,5.0E"/></rdf:RDF></x:xmpmeta>';
    expect(await located(await sharp(await photo(320, 240)).withXmp(xmp).jpeg().toBuffer())).toBe(true);
  });

  it('is not claimed for a photo whose metadata names no position, nor for a document', async () => {
    expect(await located(await sharp(await photo(320, 240)).withExif({ IFD0: { Artist: 'J. Mukasa', Copyright: 'Free for editorial use' } }).jpeg().toBuffer())).toBe(false);
    expect(await located(await photo(320, 240))).toBe(false);
    expect(await located(Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n'), 'facts.pdf')).toBe(false);
  });

  it('is unknown while the file is not on this computer', async () => {
    const c = await core();
    const added = await call<{ id: string; sha256: string }>(c, 'attachment.add', { name: 'photo.jpg', data: (await photo(64, 48)).toString('base64') });
    rmSync(c.ctx.blobs.path(added.sha256));
    expect(await call(c, 'attachment.location', { id: added.id })).toEqual({ inFile: null });
  });

  it('reads either byte order, and a GPS block without coordinates or cut short as none', () => {
    expect(exifHasGps(motorolaExif([0x0001, 0x0002, 0x0003, 0x0004]))).toBe(true);
    // A GPS block holding only its version (tag 0): no position.
    expect(exifHasGps(motorolaExif([0x0000]))).toBe(false);
    // Cut anywhere before the end of its latitude entry (the last 4 bytes point at no next block).
    const whole = motorolaExif([0x0002]);
    for (let cut = 0; cut < whole.length - 4; cut++) expect(exifHasGps(whole.subarray(0, cut)), `cut at ${cut}`).toBe(false);
  });
});
