/**
 * Pure rules of a press kit's layout, shared by the exporters (core) and the kit builder (UI):
 * the export formats, the words a kit prints in each working language, embargo wording, text
 * direction, and the names files get inside a ZIP bundle or in the folder they are exported to.
 */

import type { ChannelVisibility, KitAudience } from '../documents';
import { wallTimeIn } from '../zoned-time';

export const EXPORT_FORMATS = ['docx', 'pdf', 'zip', 'lite'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const FORMAT_MEDIA_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  zip: 'application/zip',
  // Kit-lite is one small PDF (captions under each photo) a journalist opens straight from an e-mail.
  lite: 'application/pdf',
};

/** The file name of one export, from the kit's base name. */
export function exportFileName(base: string, format: ExportFormat): string {
  switch (format) {
    case 'docx':
      return `${base}.docx`;
    case 'pdf':
      return `${base}.pdf`;
    case 'zip':
      return `${base}.zip`;
    case 'lite':
      return `${base}-lite.pdf`;
  }
}

export type PageSize = 'A4' | 'Letter';

/** Whether a kit for `audience` may print a contact channel of `visibility`. */
export function channelVisibleTo(visibility: ChannelVisibility, audience: KitAudience): boolean {
  if (audience === 'internal') return true;
  if (audience === 'press') return visibility !== 'internal';
  return visibility === 'public';
}

/** Languages written right to left (base subtag). */
const RTL = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'dv', 'yi', 'syr', 'ckb', 'sd', 'ug']);

function baseLanguage(tag: string): string {
  return (tag.split('-')[0] ?? tag).toLowerCase();
}

export function isRtlLanguage(tag: string): boolean {
  return RTL.has(baseLanguage(tag));
}

export function directionOf(tag: string): 'rtl' | 'ltr' {
  return isRtlLanguage(tag) ? 'rtl' : 'ltr';
}

export interface KitLabels {
  contents: string;
  embargoedUntil: string;
  forImmediateRelease: string;
  notesToEditors: string;
  about: string;
  mediaContacts: string;
  photos: string;
  photo: string;
  credit: string;
  otherFiles: string;
  page: string;
  of: string;
  factSheet: string;
  backgrounder: string;
  bio: string;
  faq: string;
  text: string;
  pressKit: string;
  /** How a zone is named by its city in an embargo line; {city} is replaced. */
  cityTime: string;
}

const LABELS: Record<'en' | 'fr' | 'es' | 'ar', KitLabels> = {
  en: {
    contents: 'Contents',
    embargoedUntil: 'EMBARGOED UNTIL',
    forImmediateRelease: 'FOR IMMEDIATE RELEASE',
    notesToEditors: 'Notes to editors',
    about: 'About',
    mediaContacts: 'Media contacts',
    photos: 'Photos',
    photo: 'Photo',
    credit: 'Credit',
    otherFiles: 'Files in the bundle',
    page: 'Page',
    of: 'of',
    factSheet: 'Fact sheet',
    backgrounder: 'Backgrounder',
    bio: 'Biography',
    faq: 'Frequently asked questions',
    text: '',
    pressKit: 'Press kit',
    cityTime: '{city} time',
  },
  fr: {
    contents: 'Sommaire',
    embargoedUntil: 'SOUS EMBARGO JUSQU’AU',
    forImmediateRelease: 'POUR DIFFUSION IMMÉDIATE',
    notesToEditors: 'Notes aux rédactions',
    about: 'À propos',
    mediaContacts: 'Contacts presse',
    photos: 'Photos',
    photo: 'Photo',
    credit: 'Crédit',
    otherFiles: 'Fichiers joints',
    page: 'Page',
    of: 'sur',
    factSheet: 'Fiche d’information',
    backgrounder: 'Note de contexte',
    bio: 'Biographie',
    faq: 'Questions fréquentes',
    text: '',
    pressKit: 'Dossier de presse',
    cityTime: 'heure de {city}',
  },
  es: {
    contents: 'Índice',
    embargoedUntil: 'BAJO EMBARGO HASTA EL',
    forImmediateRelease: 'PARA DIFUSIÓN INMEDIATA',
    notesToEditors: 'Notas para los editores',
    about: 'Acerca de',
    mediaContacts: 'Contactos de prensa',
    photos: 'Fotos',
    photo: 'Foto',
    credit: 'Crédito',
    otherFiles: 'Archivos adjuntos',
    page: 'Página',
    of: 'de',
    factSheet: 'Ficha informativa',
    backgrounder: 'Documento de antecedentes',
    bio: 'Biografía',
    faq: 'Preguntas frecuentes',
    text: '',
    pressKit: 'Dossier de prensa',
    cityTime: 'hora de {city}',
  },
  ar: {
    contents: 'المحتويات',
    embargoedUntil: 'يحظر النشر حتى',
    forImmediateRelease: 'للنشر الفوري',
    notesToEditors: 'ملاحظات للمحررين',
    about: 'نبذة عن',
    mediaContacts: 'جهات الاتصال الإعلامية',
    photos: 'الصور',
    photo: 'صورة',
    credit: 'تصوير',
    otherFiles: 'الملفات المرفقة',
    page: 'صفحة',
    of: 'من',
    factSheet: 'صحيفة وقائع',
    backgrounder: 'معلومات أساسية',
    bio: 'سيرة ذاتية',
    faq: 'أسئلة متكررة',
    text: '',
    pressKit: 'ملف صحفي',
    cityTime: 'بتوقيت {city}',
  },
};

/** The words a kit prints, in its language (English for a language Dateline has no wording for). */
export function labelsFor(language: string): KitLabels {
  const base = baseLanguage(language);
  return base in LABELS ? LABELS[base as keyof typeof LABELS] : LABELS.en;
}

export function sectionLabel(kind: 'factSheet' | 'backgrounder' | 'bio' | 'faq' | 'text', language: string): string {
  return labelsFor(language)[kind];
}

/**
 * The locale dates are written in: plain "en" is written the international way ("30 November
 * 2026, 13:00"), as the organisation's English style does, not the US way.
 */
function dateLocale(language: string): string {
  return language === 'en' ? 'en-GB' : language;
}

/** A calendar date (YYYY-MM-DD) as people write it in `language`, e.g. "30 November 2026". */
export function formatDate(isoDate: string, language: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d, 12));
  return new Intl.DateTimeFormat(dateLocale(language), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** Cities of time-zone names whose English spelling has accents the zone database leaves out. */
const CITY_SPELLING: Record<string, string> = { Bogota: 'Bogotá', Asuncion: 'Asunción', Cordoba: 'Córdoba', Sao_Paulo: 'São Paulo', Merida: 'Mérida', Mazatlan: 'Mazatlán', Cancun: 'Cancún' };

/** The city a zone is named for ("America/Bogota" → "Bogotá"), or null for UTC and the Etc/ zones. */
export function zoneCity(timeZone: string): string | null {
  if (!timeZone.includes('/') || timeZone.startsWith('Etc/')) return null;
  const last = timeZone.split('/').pop()!;
  return CITY_SPELLING[last] ?? last.replace(/_/g, ' ');
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * The embargo line, as a journalist in another zone needs it: the wall-clock time in the
 * embargo's own zone, named by its city, and the same instant in UTC ("EMBARGOED UNTIL 12
 * October 2026, 10:00 Bogotá time (15:00 UTC)"); the UTC date is added when it is another day.
 */
export function embargoNotice(at: string, timeZone: string, language: string): string {
  const instant = new Date(at);
  const base = baseLanguage(language);
  const local = wallTimeIn(instant, timeZone);
  const utc = wallTimeIn(instant, 'UTC');
  const localDate = formatDate(`${local.year}-${two(local.month)}-${two(local.day)}`, language);
  const time = `${two(local.hour)}:${two(local.minute)}`;
  const utcDay = utc.day !== local.day ? `, ${formatDate(`${utc.year}-${two(utc.month)}-${two(utc.day)}`, language)}` : '';
  const city = zoneCity(timeZone);
  let zoned: string;
  if (city === null) zoned = `${time} UTC`;
  else if (base === 'ar') {
    // Arabic readers get the zone's own Arabic name ("توقيت شرق أفريقيا") rather than a city in Latin letters.
    const name = new Intl.DateTimeFormat('ar', { timeZone, timeZoneName: 'long' }).formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? city;
    zoned = `${time} ${name}`;
  } else zoned = `${time} ${labelsFor(language).cityTime.replace('{city}', city)}`;
  const inUtc = city === null ? '' : ` (${two(utc.hour)}:${two(utc.minute)} UTC${utcDay})`;
  return `${labelsFor(language).embargoedUntil} ${localDate}${base === 'ar' ? '، ' : ', '}${zoned}${inUtc}`;
}

/** The embargo in a file name: "EMBARGOED until 2026-10-12 1500 UTC", sortable and safe on every system. */
export function embargoFileTag(at: string): string {
  const u = wallTimeIn(new Date(at), 'UTC');
  return `EMBARGOED until ${u.year}-${two(u.month)}-${two(u.day)} ${two(u.hour)}${two(u.minute)} UTC`;
}

// ---------------------------------------------------------------------------------------------
// Safe file names for ZIP entries and exported files.

/** A ZIP entry name or exported file name is at most this many characters (code points). */
export const MAX_ENTRY_NAME = 120;

// C0/C1 controls, and bidi controls that can make "gpj.exe" read "exe.jpg".
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\u061c\ufeff]/gu;
// Characters Windows refuses in a name, and both path separators.
const FORBIDDEN = /[<>:"/\\|?*]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

const EXTENSION_BY_TYPE: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'image/tiff': '.tif',
  'image/heic': '.heic',
  'image/heif': '.heif',
  'image/avif': '.avif',
  'application/pdf': '.pdf',
  'video/mp4': '.mp4',
  'video/quicktime': '.mov',
  'audio/mpeg': '.mp3',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
};

function extensionFor(mediaType: string): string | null {
  return EXTENSION_BY_TYPE[mediaType] ?? null;
}

function splitExtension(name: string): [string, string] {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return [name, ''];
  const ext = name.slice(dot);
  // A long "extension" is part of the name; a real one is short and plain.
  return /^\.[A-Za-z0-9]{1,8}$/.test(ext) ? [name.slice(0, dot), ext] : [name, ''];
}

function cut(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : chars.slice(0, max).join('');
}

/**
 * One path segment that is safe on Windows, macOS and Linux and cannot be read as something
 * else: no folders ("../", "/etc", "C:\"), no control or bidi characters, no reserved Windows
 * device names (CON, NUL, COM1...), no trailing dots or spaces, at most `max` characters with
 * the extension kept. When the media type is known, the extension is the one that type has,
 * so a photo can never leave the kit named "photo.exe".
 */
export function safeFileName(given: string, mediaType: string | null = null, fallback = 'file', max = MAX_ENTRY_NAME): string {
  let name = given.normalize('NFC').replace(CONTROL_OR_BIDI, '');
  // Only the last part of a path a person typed or another system sent.
  name = name.split(/[/\\]/).pop() ?? '';
  name = name.replace(FORBIDDEN, '_').replace(/\s+/g, ' ').trim();
  let [stem, ext] = splitExtension(name);
  const typed = mediaType ? extensionFor(mediaType) : null;
  if (typed && ext.toLowerCase() !== typed && !(typed === '.jpg' && /^\.jpe?g$/i.test(ext)) && !(typed === '.tif' && /^\.tiff?$/i.test(ext))) {
    // The name's extension lies about the content (or is missing): the content wins.
    if (ext) stem = `${stem}${ext.replace(/\./g, '_')}`;
    ext = typed;
  }
  stem = trimEndDots(stem.replace(/^[.\s]+/, ''));
  if (stem === '' || /^[._\s]*$/.test(stem)) stem = fallback;
  // "CON.txt" is as reserved as "CON" on Windows, and so is "con .txt".
  if (WINDOWS_RESERVED.test(stem.split('.')[0]!.trim())) stem = `_${stem}`;
  ext = ext.toLowerCase();
  stem = trimEndDots(cut(stem, Math.max(1, max - [...ext].length)));
  if (stem === '') stem = fallback;
  return stem + ext;
}

/**
 * Drops trailing dots and spaces (Windows drops them itself, so "a." and "a" would collide).
 * A backwards scan: /[.\s]+$/ retries from every dot and space, so a long run of them in a name
 * someone sent costs quadratic time.
 */
function trimEndDots(s: string): string {
  let end = s.length;
  while (end > 0 && (s.charAt(end - 1) === '.' || /\s/.test(s.charAt(end - 1)))) end--;
  return s.slice(0, end);
}

/**
 * Gives out unique safe names within one folder of a bundle. Uniqueness is case-insensitive
 * (Windows and macOS would merge "Photo.jpg" and "photo.JPG") and Unicode-normalised.
 */
export class EntryNamer {
  private readonly used = new Set<string>();

  constructor(private readonly max = MAX_ENTRY_NAME) {}

  take(given: string, mediaType: string | null = null, fallback = 'file'): string {
    const first = safeFileName(given, mediaType, fallback, this.max);
    let name = first;
    for (let n = 2; this.used.has(name.toLowerCase()); n++) {
      const [stem, ext] = splitExtension(first);
      const suffix = ` (${n})`;
      name = trimEndDots(cut(stem, this.max - [...suffix].length - [...ext].length)) + suffix + ext;
    }
    this.used.add(name.toLowerCase());
    return name;
  }

  /** Marks a name (e.g. "kit.pdf") as taken, so no attachment gets it. */
  reserve(name: string): void {
    this.used.add(name.toLowerCase());
  }
}

/** The base name of a kit's exported files, from its title: "Kasese water kit" → "Kasese water kit". */
export function kitBaseName(title: string): string {
  return safeFileName(title, null, 'press-kit', 80);
}

/** True when a path inside a ZIP is one a careless unzipper could write outside its folder. */
export function isUnsafeEntryPath(path: string): boolean {
  if (path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:/.test(path)) return true;
  if (path.normalize('NFC').replace(CONTROL_OR_BIDI, '') !== path) return true;
  return path.split(/[/\\]/).some((seg) => seg === '..' || seg === '.' || seg === '' || WINDOWS_RESERVED.test(seg.split('.')[0]!.trim()) || [...seg].length > MAX_ENTRY_NAME);
}

/**
 * Where the kit page and its files appear to come from when printed: a name that never
 * resolves (.invalid), so a request that escaped the printer's routing could reach nothing.
 */
export const KIT_ORIGIN = 'http://kit.dateline.invalid';
export const KIT_PAGE_URL = `${KIT_ORIGIN}/kit.html`;
