/**
 * Pure rules of a press kit's layout, shared by the exporters (core) and the kit builder (UI):
 * the export formats, the words a kit prints in each working language, embargo wording, and the
 * names files get inside a ZIP bundle or in the folder they are exported to.
 */

import type { ChannelVisibility, KitAudience } from '../documents';
import { cut, hasUnsafeChars, isWindowsReserved, safeFileName, splitExtension, titleFileName, trimEndDots } from '../file-names';
import { wallTimeIn } from '../zoned-time';
import { languageName } from '../ui/languages';
import { frenchOfCity, zoneName } from '../zone-names';

export { zoneCity } from '../zone-names';

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

function baseLanguage(tag: string): string {
  return (tag.split('-')[0] ?? tag).toLowerCase();
}

export interface KitLabels {
  contents: string;
  embargoedUntil: string;
  forImmediateRelease: string;
  /** In place of "For immediate release" on a draft: it must not be published. */
  draftNotForPublication: string;
  /** In place of "For immediate release" on a release still in review. */
  reviewNotForPublication: string;
  notesToEditors: string;
  about: string;
  mediaContacts: string;
  /** Before the languages a press contact speaks, in the kit's contacts file. */
  languages: string;
  photos: string;
  photo: string;
  credit: string;
  /** What follows a label before its value ("Credit: ", and in French "Crédit : ", a narrow no-break space before the colon). */
  colon: string;
  otherFiles: string;
  /**
   * Under the list of files: the files are in the ZIP only, and the DOCX, the PDF and kit-lite
   * are also sent on their own, so the reader is told where to find them.
   */
  filesNote: string;
  page: string;
  of: string;
  factSheet: string;
  backgrounder: string;
  bio: string;
  faq: string;
  text: string;
  pressKit: string;
  /** The end mark "-ENDS-" in this language: it is the word, where ### and -30- are symbols. */
  endWord: string;
  /** How a zone is named by its city in an embargo line; {city} is replaced. */
  cityTime: string;
  /** The live preview only: a file of the kit missing from the library folder, marked in its place; {name} is replaced. */
  fileMissing: string;
  /** The live preview only: a file of the kit still on the server; {name} is replaced. */
  fileOnServer: string;
}

const LABELS: Record<'en' | 'fr' | 'es' | 'ar', KitLabels> = {
  en: {
    contents: 'Contents',
    embargoedUntil: 'EMBARGOED UNTIL',
    forImmediateRelease: 'FOR IMMEDIATE RELEASE',
    draftNotForPublication: 'DRAFT — NOT FOR PUBLICATION',
    reviewNotForPublication: 'DRAFT FOR REVIEW — NOT FOR PUBLICATION',
    notesToEditors: 'Notes to editors',
    about: 'About',
    mediaContacts: 'Media contacts',
    languages: 'Languages',
    photos: 'Photos',
    photo: 'Photo',
    credit: 'Credit',
    colon: ': ',
    otherFiles: 'Files in the bundle',
    filesNote: 'These files are not inside this document: they come with the full press kit (ZIP).',
    page: 'Page',
    of: 'of',
    factSheet: 'Fact sheet',
    backgrounder: 'Backgrounder',
    bio: 'Biography',
    faq: 'Frequently asked questions',
    text: '',
    pressKit: 'Press kit',
    endWord: '-ENDS-',
    cityTime: '{city} time',
    fileMissing: 'File missing: {name} — relink or remove',
    fileOnServer: 'On the server, not on this computer yet: {name}',
  },
  fr: {
    contents: 'Sommaire',
    embargoedUntil: 'SOUS EMBARGO JUSQU’AU',
    forImmediateRelease: 'POUR DIFFUSION IMMÉDIATE',
    draftNotForPublication: 'PROJET — NE PAS PUBLIER',
    reviewNotForPublication: 'PROJET EN RELECTURE — NE PAS PUBLIER',
    notesToEditors: 'Notes aux rédactions',
    about: 'À propos',
    mediaContacts: 'Contacts presse',
    languages: 'Langues',
    photos: 'Photos',
    photo: 'Photo',
    credit: 'Crédit',
    colon: '\u202f: ',
    otherFiles: 'Fichiers joints',
    filesNote: 'Ces fichiers ne sont pas dans ce document : ils accompagnent le dossier de presse complet (ZIP).',
    page: 'Page',
    of: 'sur',
    factSheet: 'Fiche d’information',
    backgrounder: 'Note de contexte',
    bio: 'Biographie',
    faq: 'Questions fréquentes',
    text: '',
    pressKit: 'Dossier de presse',
    endWord: '-FIN-',
    // {city} comes with its "de": "de Genève", "d’Amman", "du Caire" (frenchOfCity).
    cityTime: 'heure {city}',
    fileMissing: 'Fichier manquant : {name} — reliez-le à un fichier ou retirez-le',
    fileOnServer: 'Sur le serveur, pas encore sur cet ordinateur : {name}',
  },
  es: {
    contents: 'Índice',
    embargoedUntil: 'BAJO EMBARGO HASTA EL',
    forImmediateRelease: 'PARA DIFUSIÓN INMEDIATA',
    draftNotForPublication: 'BORRADOR — NO PUBLICAR',
    reviewNotForPublication: 'BORRADOR EN REVISIÓN — NO PUBLICAR',
    notesToEditors: 'Notas para los editores',
    about: 'Acerca de',
    mediaContacts: 'Contactos de prensa',
    languages: 'Idiomas',
    photos: 'Fotos',
    photo: 'Foto',
    credit: 'Crédito',
    colon: ': ',
    otherFiles: 'Archivos adjuntos',
    filesNote: 'Estos archivos no están en este documento: acompañan al dossier de prensa completo (ZIP).',
    page: 'Página',
    of: 'de',
    factSheet: 'Ficha informativa',
    backgrounder: 'Documento de antecedentes',
    bio: 'Biografía',
    faq: 'Preguntas frecuentes',
    text: '',
    pressKit: 'Dossier de prensa',
    endWord: '-FIN-',
    cityTime: 'hora de {city}',
    fileMissing: 'Falta el archivo: {name} — vuelva a vincularlo o quítelo',
    fileOnServer: 'En el servidor, aún no en este equipo: {name}',
  },
  ar: {
    contents: 'المحتويات',
    embargoedUntil: 'يحظر النشر حتى',
    forImmediateRelease: 'للنشر الفوري',
    draftNotForPublication: 'مسودة — ليست للنشر',
    reviewNotForPublication: 'مسودة قيد المراجعة — ليست للنشر',
    notesToEditors: 'ملاحظات للمحررين',
    about: 'نبذة عن',
    mediaContacts: 'جهات الاتصال الإعلامية',
    languages: 'اللغات',
    photos: 'الصور',
    photo: 'صورة',
    credit: 'تصوير',
    colon: ': ',
    otherFiles: 'الملفات المرفقة',
    filesNote: 'هذه الملفات ليست داخل هذا المستند: إنها مرفقة بالملف الصحفي الكامل (ZIP).',
    page: 'صفحة',
    of: 'من',
    factSheet: 'صحيفة وقائع',
    backgrounder: 'معلومات أساسية',
    bio: 'سيرة ذاتية',
    faq: 'أسئلة متكررة',
    text: '',
    pressKit: 'ملف صحفي',
    endWord: '-انتهى-',
    cityTime: 'بتوقيت {city}',
    fileMissing: 'الملف مفقود: {name} — اربطه بملف أو أزله',
    fileOnServer: 'على الخادم، وليس على هذا الحاسوب بعد: {name}',
  },
};

/** The words a kit prints, in its language (English for a language Dateline has no wording for). */
export function labelsFor(language: string): KitLabels {
  const base = baseLanguage(language);
  return base in LABELS ? LABELS[base as keyof typeof LABELS] : LABELS.en;
}

/** A release in a kit that nobody has approved yet, by its status; null for one approved or released. */
export type NotApproved = 'draft' | 'in-review';

/**
 * The line above a release's headline, in the release's language: "For immediate release", or
 * its embargo; a release not approved yet says instead that it is a draft not for publication
 * (its embargo, if any, on the next line), so that a page sent by mistake cannot be read as
 * cleared to run.
 */
export function releaseLines(notApproved: NotApproved | null, embargo: string | null, language: string): string[] {
  const l = labelsFor(language);
  if (notApproved === null) return [embargo ?? l.forImmediateRelease];
  const draft = notApproved === 'draft' ? l.draftNotForPublication : l.reviewNotForPublication;
  return embargo === null ? [draft] : [draft, embargo];
}

/** The end mark a release prints, in the release's language ("-ENDS-" is the word; the symbols stay as they are). */
export function endMarkText(mark: string, language: string): string {
  return mark === '-ENDS-' ? labelsFor(language).endWord : mark;
}

/**
 * A language's name as a kit prints it beside a release in its contents: in the kit's language
 * and capitalised as the kit's other labels ("العربية", "English", "Anglais", "Inglés").
 */
export function languageLabel(tag: string, kitLanguage: string): string {
  const name = languageName(tag, kitLanguage);
  let first: string;
  try {
    first = name.charAt(0).toLocaleUpperCase(kitLanguage);
  } catch {
    first = name.charAt(0).toUpperCase();
  }
  return first + name.slice(1);
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

/** One formatter per language: making an Intl.DateTimeFormat costs far more than using it, and a kit writes a date per release. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar date (YYYY-MM-DD) as people write it in `language`, e.g. "30 November 2026". */
export function formatDate(isoDate: string, language: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d, 12));
  let format = dateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(dateLocale(language), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(language, format);
  }
  return format.format(date);
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * The embargo line, as a journalist in another zone needs it: the wall-clock time in the
 * embargo's own zone, named by its city, and the same instant in UTC ("EMBARGOED UNTIL 12
 * October 2026, 10:00 Bogotá time (15:00 UTC)"); the UTC date is added when it is another day.
 */
/** The comma between a dateline's parts and an embargo's date and time: Arabic text takes the Arabic comma. */
export function commaFor(language: string): string {
  return baseLanguage(language) === 'ar' ? '، ' : ', ';
}

export function embargoNotice(at: string, timeZone: string, language: string): string {
  const instant = new Date(at);
  const base = baseLanguage(language);
  const local = wallTimeIn(instant, timeZone);
  const utc = wallTimeIn(instant, 'UTC');
  const localDate = formatDate(`${local.year}-${two(local.month)}-${two(local.day)}`, language);
  const time = `${two(local.hour)}:${two(local.minute)}`;
  const utcDay = utc.day !== local.day ? `, ${formatDate(`${utc.year}-${two(utc.month)}-${two(utc.day)}`, language)}` : '';
  // The zone by its office city in the kit's language ("بتوقيت دمشق", "heure du Caire"), never an offset.
  const zone = zoneName(timeZone, language, instant);
  let zoned: string;
  if (zone === null) zoned = `${time} UTC`;
  else if (zone.kind === 'zone') zoned = `${time} ${zone.name}`;
  else zoned = `${time} ${labelsFor(language).cityTime.replace('{city}', base === 'fr' ? frenchOfCity(zone.name) : zone.name)}`;
  const inUtc = zone === null ? '' : ` (${two(utc.hour)}:${two(utc.minute)} UTC${utcDay})`;
  return `${labelsFor(language).embargoedUntil} ${localDate}${commaFor(language)}${zoned}${inUtc}`;
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

/**
 * Gives out unique safe names within one folder of a bundle. Uniqueness is case-insensitive
 * (Windows and macOS would merge "Photo.jpg" and "photo.JPG") and Unicode-normalised.
 */
export class EntryNamer {
  private readonly used = new Set<string>();

  constructor(private readonly max = MAX_ENTRY_NAME) {}

  take(given: string, mediaType: string | null = null, fallback = 'file'): string {
    const first = safeFileName(given, { mediaType, fallback, max: this.max });
    let name = first;
    for (let n = 2; this.used.has(name.toLowerCase()); n++) {
      const [stem, ext] = splitExtension(first);
      const suffix = ` (${n})`;
      name = trimEndDots(cut(stem, this.max - [...suffix].length - [...ext].length)) + suffix + ext;
    }
    this.used.add(name.toLowerCase());
    return name;
  }

  /** Marks a name (e.g. the kit's PDF) as taken, so no attachment gets it. */
  reserve(name: string): void {
    this.used.add(name.toLowerCase());
  }
}

/** The base name of a kit's exported files, from its title: "Kasese water kit" → "Kasese water kit". */
export function kitBaseName(title: string): string {
  return titleFileName(title, { fallback: KIT_FALLBACK_NAME, max: KIT_BASE_NAME_MAX });
}

const KIT_FALLBACK_NAME = 'press-kit';
const KIT_BASE_NAME_MAX = 80;

/**
 * The names of the Word document and the PDF inside a kit's ZIP: the kit's title made safe as
 * every entry name is (no folders, direction characters or reserved device names), so that a
 * journalist who saves several kits can tell their documents apart, and an embargoed kit's tag,
 * so a document forwarded on its own still warns. A long title is cut, never the tag.
 */
export function bundleDocumentNames(title: string, embargoAt: string | null): { docx: string; pdf: string } {
  const tag = embargoAt ? ` (${embargoFileTag(embargoAt)})` : '';
  const max = Math.min(KIT_BASE_NAME_MAX, MAX_ENTRY_NAME - [...tag].length - '.docx'.length);
  const base = titleFileName(title, { fallback: KIT_FALLBACK_NAME, max });
  return { docx: `${base}${tag}.docx`, pdf: `${base}${tag}.pdf` };
}

/** True when a path inside a ZIP is one a careless unzipper could write outside its folder. */
export function isUnsafeEntryPath(path: string): boolean {
  if (path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:/.test(path)) return true;
  if (hasUnsafeChars(path)) return true;
  return path.split(/[/\\]/).some((seg) => seg === '..' || seg === '.' || seg === '' || isWindowsReserved(seg) || [...seg].length > MAX_ENTRY_NAME);
}

/**
 * Where the kit page and its files appear to come from when printed: a name that never
 * resolves (.invalid), so a request that escaped the printer's routing could reach nothing.
 */
export const KIT_ORIGIN = 'http://kit.dateline.invalid';
export const KIT_PAGE_URL = `${KIT_ORIGIN}/kit.html`;
