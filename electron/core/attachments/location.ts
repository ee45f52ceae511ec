import { sharp } from './decoders';
import { canThumbnail, MAX_INPUT_PIXELS } from './images';
import { tiffReader } from './tiff';

/**
 * Whether a photo's file says where it was taken: GPS coordinates in its Exif, or in its XMP
 * (exif:GPSLatitude, as phone and desktop editors write them). A photo taken in a camp carries
 * the camp's position until an export removes it (kits/metadata.ts); the attachment says so
 * beforehand. Only the metadata is read, never the pixels.
 */

const TAG_GPS_IFD = 0x8825;
const TAG_GPS_LATITUDE = 0x0002;
const TAG_GPS_LONGITUDE = 0x0004;
const EXIF_HEADER = 'Exif\0\0';

/** True when an Exif block (with or without its "Exif\0\0" header) has a GPS latitude or longitude. A block that cannot be read says nothing. */
export function exifHasGps(exif: Buffer): boolean {
  const tiff = exif.toString('latin1', 0, EXIF_HEADER.length) === EXIF_HEADER ? exif.subarray(EXIF_HEADER.length) : exif;
  const reader = tiffReader(tiff);
  if (!reader) return false;
  const { u16, u32 } = reader;
  /** The entries of the IFD at `at`: tag and count; empty when the IFD lies outside the block. */
  const entries = (at: number): { tag: number; count: number; value: number }[] => {
    if (at < 8 || at + 2 > tiff.length) return [];
    const n = u16(at);
    if (at + 2 + n * 12 > tiff.length) return [];
    return Array.from({ length: n }, (_, i) => {
      const e = at + 2 + i * 12;
      return { tag: u16(e), count: u32(e + 4), value: u32(e + 8) };
    });
  };
  const gps = entries(u32(4)).find((e) => e.tag === TAG_GPS_IFD);
  if (!gps) return false;
  return entries(gps.value).some((e) => (e.tag === TAG_GPS_LATITUDE || e.tag === TAG_GPS_LONGITUDE) && e.count > 0);
}

/** True when an XMP packet gives a GPS latitude or longitude (exif:GPSLatitude="0,11.0N"). */
export function xmpHasGps(xmp: Buffer): boolean {
  const text = xmp.toString('utf8');
  return text.includes('GPSLatitude') || text.includes('GPSLongitude');
}

/**
 * Whether the stored file at `path` records a position. False for a file that is not a photo or
 * whose metadata cannot be read: nothing is claimed that the file does not show.
 */
export async function fileRecordsLocation(path: string, mediaType: string): Promise<boolean> {
  if (!canThumbnail(mediaType)) return false;
  try {
    const m = await sharp(path, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    return (m.exif !== undefined && exifHasGps(m.exif)) || (m.xmp !== undefined && xmpHasGps(m.xmp));
  } catch {
    return false;
  }
}
