import sharp from 'sharp';

/**
 * sharp with only the image decoders Dateline uses. libvips would otherwise open anything it
 * recognises in the bytes, whatever type the file was stored as: SVG (with its references and
 * entities), raw camera files, netpbm, libvips' own format and more. Every loader is blocked for
 * the whole process, then the photo formats the app accepts are let back in. Every use of sharp
 * goes through this module (a test checks it).
 */
sharp.block({ operation: ['VipsForeignLoad'] });
sharp.unblock({
  operation: ['VipsForeignLoadJpeg', 'VipsForeignLoadPng', 'VipsForeignLoadWebp', 'VipsForeignLoadTiff', 'VipsForeignLoadNsgif', 'VipsForeignLoadHeif'],
});

export { sharp };
export type { Sharp } from 'sharp';
