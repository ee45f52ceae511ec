import type { TFunction } from 'i18next';
import { splitExtension } from '../../electron/shared/file-names';

/**
 * An attachment's kind in the person's words ("Photo (JPEG)", "Word document"): the core keeps
 * its media type ("image/jpeg", "application/vnd.openxmlformats-officedocument…"), which is no
 * word for a person. A file the system gave no type ("application/octet-stream") is known by the
 * extension it is named with, as the person knows it.
 */

export type FileKind = 'photo' | 'image' | 'vector' | 'pdf' | 'word' | 'document' | 'spreadsheet' | 'presentation' | 'text' | 'web' | 'audio' | 'video' | 'archive' | 'other';

/** The kinds whose words name the format in brackets: "Photo (JPEG)", "Video (MP4)". */
const WITH_FORMAT: ReadonlySet<FileKind> = new Set(['photo', 'image', 'document', 'spreadsheet', 'presentation', 'audio', 'video', 'other']);

/** A media type's format as people write it, where its own word is not it ("svg+xml", "quicktime"). */
const FORMAT_OF_TYPE: Readonly<Record<string, string>> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
  'image/tiff': 'TIFF',
  'image/heic': 'HEIC',
  'image/heif': 'HEIF',
  'image/avif': 'AVIF',
  'image/bmp': 'BMP',
  'image/svg+xml': 'SVG',
  'audio/mpeg': 'MP3',
  'audio/mp4': 'M4A',
  'audio/wav': 'WAV',
  'audio/x-wav': 'WAV',
  'audio/ogg': 'OGG',
  'video/mp4': 'MP4',
  'video/quicktime': 'MOV',
  'video/webm': 'WebM',
  'text/csv': 'CSV',
};

/** The media type a file without one is taken to have, by its extension. */
const TYPE_OF_EXTENSION: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  heic: 'image/heic',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  rtf: 'application/rtf',
  txt: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odp: 'application/vnd.oasis.opendocument.presentation',
  htm: 'text/html',
  html: 'text/html',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  wav: 'audio/wav',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
  zip: 'application/zip',
};

/** Photos as cameras and phones write them; other bitmaps (a PNG, a GIF) are images. */
const PHOTO_TYPES: ReadonlySet<string> = new Set(['image/jpeg', 'image/tiff', 'image/heic', 'image/heif']);

function kindOfType(type: string): FileKind {
  if (PHOTO_TYPES.has(type)) return 'photo';
  if (type === 'image/svg+xml') return 'vector';
  if (type.startsWith('image/')) return 'image';
  if (type === 'application/pdf') return 'pdf';
  if (type.includes('wordprocessingml') || type === 'application/msword') return 'word';
  if (type.includes('opendocument.text') || type.endsWith('/rtf')) return 'document';
  if (type.includes('spreadsheetml') || type === 'application/vnd.ms-excel' || type.includes('opendocument.spreadsheet') || type === 'text/csv') return 'spreadsheet';
  if (type.includes('presentationml') || type === 'application/vnd.ms-powerpoint' || type.includes('opendocument.presentation')) return 'presentation';
  if (type === 'text/html') return 'web';
  if (type.startsWith('text/')) return 'text';
  if (type.startsWith('audio/')) return 'audio';
  if (type.startsWith('video/')) return 'video';
  if (type === 'application/zip' || type === 'application/x-zip-compressed') return 'archive';
  return 'other';
}

/** The kind of a file and its format's short name ("JPEG", "XLSX"; '' when there is none to say). */
export function fileKindOf(mediaType: string, fileName: string): { kind: FileKind; format: string } {
  const ext = splitExtension(fileName)[1].slice(1).toLowerCase();
  const given = (mediaType.split(';')[0] ?? '').trim().toLowerCase();
  const type = given === '' || given === 'application/octet-stream' ? (TYPE_OF_EXTENSION[ext] ?? given) : given;
  const kind = kindOfType(type);
  const format = FORMAT_OF_TYPE[type] ?? ext.toUpperCase();
  return { kind, format };
}

/** The kind of a file in words of the interface's language: "Photo (JPEG)", "Documento PDF", "مستند نصي". */
export function fileKindWords(t: TFunction, mediaType: string, fileName: string): string {
  const { kind, format } = fileKindOf(mediaType, fileName);
  if (kind === 'other' && format === '') return t('attachments.unknownType');
  return WITH_FORMAT.has(kind) && format !== '' ? t(`attachments.kindWithFormat.${kind}`, { format }) : t(`attachments.kind.${kind}`);
}
