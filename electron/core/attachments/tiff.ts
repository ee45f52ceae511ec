/**
 * The numbers of a TIFF structure (an Exif block's body) in the byte order its header names
 * ("II" little-endian, "MM" big-endian): the one reading of that header for the kit's location
 * stripping (kits/metadata.ts) and the attachment's location notice (attachments/location.ts).
 * Null when the data is too short or names no byte order.
 */
export interface TiffReader {
  u16(at: number): number;
  u32(at: number): number;
}

export function tiffReader(tiff: Buffer): TiffReader | null {
  if (tiff.length < 8) return null;
  const order = tiff.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return null;
  const le = order === 'II';
  return {
    u16: (at) => (le ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at)),
    u32: (at) => (le ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at)),
  };
}
