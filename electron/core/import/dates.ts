import { ARABIC_MARKS, asciiDigits, ub } from './normalise';
import { instantOfWallTime } from '../../shared/zoned-time';

/**
 * Dates as releases write them, in English, French, Spanish and Arabic: "3 March 2026",
 * "March 3, 2026", "le 1er mars 2026", "3 de marzo de 2026", "٣ آذار/مارس ٢٠٢٦", "03/03/2026",
 * "2026-03-03". Numeric dates are read day first (the organisation's usage) unless that is
 * impossible.
 */

const MONTH_NAMES: [string, number][] = [
  // English
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6], ['july', 7],
  ['august', 8], ['september', 9], ['october', 10], ['november', 11], ['december', 12],
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9], ['sept', 9],
  ['oct', 10], ['nov', 11], ['dec', 12],
  // French
  ['janvier', 1], ['février', 2], ['fevrier', 2], ['mars', 3], ['avril', 4], ['mai', 5], ['juin', 6],
  ['juillet', 7], ['août', 8], ['aout', 8], ['septembre', 9], ['octobre', 10], ['novembre', 11],
  ['décembre', 12], ['decembre', 12], ['janv', 1], ['févr', 2], ['fevr', 2], ['avr', 4], ['juil', 7], ['aoû', 8], ['déc', 12], ['fév', 2], ['fev', 2],
  // Spanish
  ['enero', 1], ['febrero', 2], ['marzo', 3], ['abril', 4], ['mayo', 5], ['junio', 6], ['julio', 7],
  ['agosto', 8], ['septiembre', 9], ['setiembre', 9], ['octubre', 10], ['noviembre', 11], ['diciembre', 12],
  ['ene', 1], ['abr', 4], ['ago', 8], ['set', 9], ['dic', 12],
  // Arabic: Egyptian/Gulf names, their spelling variants, and the Levantine (Syriac) names
  ['يناير', 1], ['فبراير', 2], ['مارس', 3], ['أبريل', 4], ['إبريل', 4], ['ابريل', 4], ['أفريل', 4], ['مايو', 5],
  ['يونيو', 6], ['يونيه', 6], ['يوليو', 7], ['يوليه', 7], ['أغسطس', 8], ['اغسطس', 8], ['سبتمبر', 9],
  ['أكتوبر', 10], ['اكتوبر', 10], ['نوفمبر', 11], ['ديسمبر', 12],
  ['كانون الثاني', 1], ['شباط', 2], ['آذار', 3], ['اذار', 3], ['نيسان', 4], ['أيار', 5], ['ايار', 5],
  ['حزيران', 6], ['تموز', 7], ['آب', 8], ['اب', 8], ['أيلول', 9], ['ايلول', 9], ['تشرين الأول', 10],
  ['تشرين الاول', 10], ['تشرين الثاني', 11], ['كانون الأول', 12], ['كانون الاول', 12],
];

const MONTHS = new Map(MONTH_NAMES);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Arabic pages may vocalise a month's name ("أيّار" with a shadda) or stretch it with a tatweel,
// and Egyptian usage writes a final yā' without its dots ("تشرين الثانى").
const markable = (s: string) => s.replace(/[\u0621-\u064A]/gu, (c) => `${c === 'ي' ? '[يى]' : c}${ARABIC_MARKS.source}*`);
const MONTH_ALT = [...MONTHS.keys()].sort((a, b) => b.length - a.length).map((m) => markable(escape(m))).join('|');
// "آذار/مارس" and "March (Mars)": two names for one month.
const MONTH = `(${MONTH_ALT})\\.?(?:\\s*[/(]\\s*(?:${MONTH_ALT})\\s*\\)?)?`;
const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';
/** After a year: the end of the date, or a time of day run into it as a page copies its spans ("08 Jun 201718:37 PM"). */
const RY = `(?:${R}|(?=\\d{1,2}:\\d{2}(?!\\d)))`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th|er|ᵉʳ|º|°|ro)?';
const WEEKDAY_NAMES =
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|الأحد|الاحد';
/** "Mon, 5 May 2025", "Thu. 3 March": a site's date bar shortens the day's name. */
const WEEKDAY_SHORT = '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:\\.|(?=,))';
const WEEKDAY = `(?:(?:${WEEKDAY_NAMES}|${WEEKDAY_SHORT})[,،]?\\s+)?`;
const STARTS_WITH_WEEKDAY = new RegExp(`^(?:${WEEKDAY_NAMES}|${WEEKDAY_SHORT})(?![\\p{L}])`, 'iu');

/** "miércoles, junio 18, 2025", "dimanche 14 avril 2024": text that opens with a day of the week. */
export function startsWithWeekday(text: string): boolean {
  return STARTS_WITH_WEEKDAY.test(text);
}

/** "24 سبتمبر 2022م": the Gregorian era's mark set straight after the year. */
const ERA = '(?:م)?';

const PATTERNS: { re: RegExp; order: 'dmy' | 'dmy2' | 'mdy' | 'mdyy' | 'ymd' | 'ymd2' | 'num' }[] = [
  { re: new RegExp(`${L}(\\d{4})-(\\d{1,2})-(\\d{1,2})${R}`, 'gu'), order: 'ymd' },
  {
    re: new RegExp(`${L}${WEEKDAY}(?:(?:le|el|the)\\s+)?${DAY}\\.?[,،]?\\s+(?:de\\s+|of\\s+)?${MONTH}[,،]?\\s+(?:de\\s+|del\\s+)?(\\d{4})${ERA}${RY}`, 'giu'),
    order: 'dmy',
  },
  // "March 3, 2026", "Marzo 3 de 2026".
  // "January 6th , 2015": a copy may leave a space before the comma.
  { re: new RegExp(`${L}${WEEKDAY}${MONTH}\\s+${DAY}(?:\\s?[,،])?\\s+(?:de\\s+|del\\s+)?(\\d{4})${ERA}${RY}`, 'giu'), order: 'mdy' },
  // "2026/03/03", "2026.03.03": year first, as Arabic and East Asian sites write it.
  { re: new RegExp(`${L}(\\d{4})([/.])(\\d{1,2})\\2(\\d{1,2})${R}`, 'gu'), order: 'ymd2' },
  // "3-Mar-2026", "3/mar/2026", "15.August.2019": the month's name between numbers.
  { re: new RegExp(`${L}${DAY}([-/.])${MONTH}\\2(\\d{4})${R}`, 'giu'), order: 'dmy2' },
  // "Posted on Fri. July-01-2016": the month's name and the numbers joined by hyphens.
  { re: new RegExp(`${L}(?:\\p{L}{3}\\.\\s+)?${MONTH}-(\\d{1,2})-(\\d{4})${R}`, 'giu'), order: 'mdy' },
  // "26 /01/2016", "30 / 11 / 2021": a stray space beside a slash, as typed in a Word file or set by a page.
  { re: new RegExp(`${L}(\\d{1,2})(?:[./-]| ?/ ?)(\\d{1,2})(?:[./-]| ?/ ?)(\\d{4})${R}`, 'gu'), order: 'num' },
  // Colombia's foreign ministry: "Cartagena (feb. 1/19).", the month, the day and a two-digit year in brackets.
  { re: new RegExp(`(?<=\\(\\s*)${MONTH}\\s+(\\d{1,2})\\/(\\d{2})(?=\\s*\\))`, 'giu'), order: 'mdyy' },
];

const HIJRI_MONTH =
  '(?:محرم|صفر|ربيع\\s+(?:الأول|الاول|الآخر|الاخر|الثاني)|جمادى\\s+(?:الأولى|الاولى|الآخرة|الاخرة|الثانية)|رجب|شعبان|رمضان|شوال|ذو\\s+القعدة|ذي\\s+القعدة|ذو\\s+الحجة|ذي\\s+الحجة)';
const HIJRI_DATE = `${WEEKDAY}\\d{1,2}\\s+${HIJRI_MONTH}\\s+\\d{4}\\s*(?:هـ|ه)?`;
const HIJRI_BEFORE = new RegExp(`${HIJRI_DATE}\\s*[،,]?\\s*(?:الموافق\\s*(?:لـ|ل)?\\s*)?$`, 'u');
/** "م" (Gregorian era) after the date, and a Hijri date standing after it. */
const HIJRI_AFTER = new RegExp(`^(?:\\s*م(?![\\p{L}]))?(?:\\s*[،,]?\\s*(?:الموافق\\s*(?:لـ|ل)?\\s*)?${HIJRI_DATE})?`, 'u');

export interface FoundDate {
  iso: string;
  index: number;
  length: number;
}

function iso(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function monthOf(name: string): number | null {
  return MONTHS.get(name.toLowerCase().replace(ARABIC_MARKS, '').replace(/ى/gu, 'ي')) ?? null;
}

/** Every date written in the text, in order of appearance (overlaps resolved: first and longest wins). */
export function findDates(text: string): FoundDate[] {
  const t = asciiDigits(text);
  if (!/\d/.test(t)) return [];
  const found: FoundDate[] = [];
  for (const { re, order } of PATTERNS) {
    re.lastIndex = 0;
    for (const m of t.matchAll(re)) {
      let value: string | null;
      if (order === 'ymd') value = iso(Number(m[1]), Number(m[2]), Number(m[3]));
      else if (order === 'ymd2') value = iso(Number(m[1]), Number(m[3]), Number(m[4]));
      else if (order === 'dmy2') {
        const month = monthOf(m[3]!);
        value = month ? iso(Number(m[4]), month, Number(m[1])) : null;
      }
      else if (order === 'dmy') {
        const month = monthOf(m[2]!);
        value = month ? iso(Number(m[3]), month, Number(m[1])) : null;
      } else if (order === 'mdy') {
        const month = monthOf(m[1]!);
        value = month ? iso(Number(m[3]), month, Number(m[2])) : null;
      } else if (order === 'mdyy') {
        const month = monthOf(m[1]!);
        // Two digits: "19" is 2019, "98" is 1998 (the ministry's archive reaches back to the 1990s).
        const yy = Number(m[3]);
        value = month ? iso(yy + (yy >= 70 ? 1900 : 2000), month, Number(m[2])) : null;
      } else {
        const a = Number(m[1]);
        const b = Number(m[2]);
        value = a > 12 || b <= 12 ? iso(Number(m[3]), b, a) : iso(Number(m[3]), a, b);
      }
      if (value) found.push({ iso: value, index: m.index, length: m[0].length });
    }
  }
  // Gulf releases give the Hijri date beside the Gregorian one ("14 رمضان 1446 هـ الموافق 14 مارس
  // 2025 م"): the pair is one date, read from its Gregorian half, so a dateline stays whole.
  for (const f of found) {
    const lead = HIJRI_BEFORE.exec(t.slice(Math.max(0, f.index - 60), f.index));
    if (lead) {
      f.index -= lead[0].length;
      f.length += lead[0].length;
    }
    const tail = HIJRI_AFTER.exec(t.slice(f.index + f.length));
    if (tail) f.length += tail[0].length;
  }
  found.sort((a, b) => a.index - b.index || b.length - a.length);
  const out: FoundDate[] = [];
  for (const f of found) {
    const last = out[out.length - 1];
    if (last && f.index < last.index + last.length) continue;
    out.push(f);
  }
  return out;
}

/**
 * A day and month without the year, as wires write them in datelines ("Ginebra, 2 Oct.-",
 * "GENEVE, 17 novembre (HCR) –", "WASHINGTON, September 17—"), or a bare day before the wire's
 * tag ("MADRID, 21 (EUROPA PRESS)"), ending `text` (a wire tag in brackets may follow). The tag
 * may be the organisation's whole name: "جنيف، 17 أبريل/نيسان (المفوضية السامية للأمم المتحدة
 * لشؤون اللاجئين)" is 46 characters in its brackets. Returns where it starts, or -1.
 */
const YEARLESS_TAG = '(?:\\([^()]{1,64}\\)\\s*)?';
const YEARLESS_AT_END = [
  new RegExp(`${L}${DAY}\\.?\\s+(?:de\\s+)?${MONTH}\\.?\\s*${YEARLESS_TAG}$`, 'iu'),
  new RegExp(`${L}${MONTH}\\s+${DAY}\\s*${YEARLESS_TAG}$`, 'iu'),
  /[,،]\s*(\d{1,2})\s*\([^()]{1,40}\)\s*$/u,
];

export function yearlessDateAtEnd(text: string): number {
  const t = asciiDigits(text);
  for (const re of YEARLESS_AT_END) {
    const m = re.exec(t);
    if (!m) continue;
    const day = Number(m.slice(1).find((g) => g !== undefined && /^\d+$/u.test(g)) ?? NaN);
    if (!(day >= 1 && day <= 31)) continue;
    return m[0].startsWith(',') || m[0].startsWith('،') ? m.index + 1 : m.index;
  }
  return -1;
}

const DAY_MONTH = new RegExp(`${L}${DAY}\\.?\\s+(?:de\\s+)?${MONTH}${R}`, 'iu');
const MONTH_DAY = new RegExp(`${L}${MONTH}\\.?\\s+${DAY}${R}`, 'iu');

/**
 * "MONTREAL, le 7 déc. /CNW Telbec/ -", "WASHINGTON, 11 Ago. (EP/AP) -": a wire's dateline that
 * gives the day and the month but not the year, completed with the year that puts it nearest to a
 * full date the page gives elsewhere (its title's, its updated line's): "7 déc." under "5 décembre
 * 2007" is 2007-12-07, and "2 janv." under "30 décembre 2007" is 2008-01-02. Null when the
 * dateline names no day and month, or no full date within two months of it is there to lean on.
 */
export function completeYearlessDate(dateline: string, near: string | null): string | null {
  if (near === null) return null;
  const t = asciiDigits(dateline);
  const a = DAY_MONTH.exec(t);
  const b = a ? null : MONTH_DAY.exec(t);
  const day = Number(a ? a[1] : b?.[2]);
  const month = a ? monthOf(a[2]!) : b ? monthOf(b[1]!) : null;
  if (month === null || !(day >= 1 && day <= 31)) return null;
  const ref = Date.parse(`${near}T00:00:00Z`);
  const year = Number(near.slice(0, 4));
  let best: string | null = null;
  for (const y of [year - 1, year, year + 1]) {
    const d = iso(y, month, day);
    if (d !== null && (best === null || Math.abs(Date.parse(`${d}T00:00:00Z`) - ref) < Math.abs(Date.parse(`${best}T00:00:00Z`) - ref))) best = d;
  }
  // Two months or more away from the full date, the page's dates say nothing of its year.
  return best !== null && Math.abs(Date.parse(`${best}T00:00:00Z`) - ref) <= 60 * 86_400_000 ? best : null;
}

const WEEKDAY_DAY_MONTH = new RegExp(`^(?:${WEEKDAY_NAMES}|${WEEKDAY_SHORT})[,،]?\\s+(?:${DAY}\\.?\\s+(?:de\\s+)?${MONTH}|${MONTH}\\.?\\s+${DAY})\\.?$`, 'iu');

/** "Lundi 12 septembre", "Tuesday, March 3": a day named with its date but no year, alone on a line, as an agenda heads each day. */
export function isWeekdayDayMonth(text: string): boolean {
  return WEEKDAY_DAY_MONTH.test(asciiDigits(text.trim()));
}

export function firstDate(text: string): FoundDate | null {
  return findDates(text)[0] ?? null;
}

/** Words that mark a date as not the release date. */
const NOT_RELEASE_DATE = ub(
  /\b(last\s+)?(updated|modified|revised|edited)\b|mis\s+à\s+jour|modifié|actualizad[oa]|modificad[oa]|آخر\s+تحديث|تم\s+التحديث|تحديث/iu);

export function isUpdatedDateLine(text: string): boolean {
  return NOT_RELEASE_DATE.test(text);
}

/** The first day of a span and the word or dash after it, just before the date that ends the span. */
const SPAN_START = /(?<![\p{L}\p{N}])(?:(?:du|from|del|desde|de|من)\s+)?\d{1,2}\s*(?:au|to|al|a|hasta|et|y|and|إلى|الى|[-–—])\s*$/iu;
/** The words that join the first and last days of a span: "du … au …", "from … to …", "del … al …", "من … إلى …". */
const RANGE_WORDS = /(?<![\p{L}\p{N}])(?:du|au|from|to|until|till|and|del|al|desde|hasta|de|a|y|et|entre|من|إلى|الى|حتى)(?![\p{L}\p{N}])/giu;

/**
 * "3 hours ago", "il y a 2 jours", "hace 5 minutos", "منذ 8 ساعات": when a page says it posted an
 * item, counted back from the moment it was shown, alone on its line (an icon's name may be glued
 * before it: "timeمنذ 8 ساعات").
 */
const RELATIVE_TIME =
  /^(?:[a-z_]{1,20}\s*)?(?:(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago|il\s+y\s+a\s+(?:\d+|une?)\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)|hace\s+(?:\d+|una?)\s+(?:segundos?|minutos?|horas?|d[ií]as?|semanas?|mes(?:es)?|años?)|منذ\s+(?:[\d\u0660-\u0669]+\s+)?(?:ثوان|ثانية|دقيقة|دقيقتين|دقائق|ساعة|ساعتين|ساعات|يوم|يومين|أيام|أسبوع|أسبوعين|أسابيع|شهر|شهرين|أشهر|سنة|سنتين|سنوات))\s*$/iu;

/** True when the line is a time counted back from now and nothing else ("3 hours ago"). */
export function isRelativeTime(text: string): boolean {
  return text.length <= 60 && RELATIVE_TIME.test(text.trim());
}

/** True when the line is a date and little else ("Published: 3 March 2026", "Tuesday 3 March 2026"). */
export function isDateOnly(text: string): boolean {
  if (text.length > 120) return false;
  const d = firstDate(text);
  if (!d) return false;
  const digits = asciiDigits(text);
  // "Del 3 al 5 de mayo de 2025", "3-5 May 2025": a span's first day before the date that ends it.
  const before = digits.slice(0, d.index).replace(SPAN_START, '');
  let rest = before + digits.slice(d.index + d.length);
  // "Du 26/09/2025 au 27/09/2025": an event's days, from one date to another; the words that join
  // the two dates are no title's.
  const second = firstDate(rest);
  if (second) rest = (rest.slice(0, second.index) + rest.slice(second.index + second.length)).replace(RANGE_WORDS, ' ');
  const words = rest
    // "10-02-2004 News Release 04/09", "بيانات صحفية, 20 يونيو 2013": the kind of document and its number.
    // "Daily News 30/11/2021", "Points de presse, 24 février 2012": a series the release is one of.
    // "قصص أخبارية, 17 أبريل/ نيسان 2012", "News Stories, 17 April 2012": a site's section over its stories.
    .replace(/\b(?:daily\s+news|news\s+stor(?:y|ies)|press\s+briefings?|points?\s+de\s+presse|ruedas?\s+de\s+prensa|sesi[oó]n\s+informativa|إيجاز\s+صحفي)\b|\b(?:news|press|media)\s+releases?\b|\bcommuniqu[ée]s?\s+de\s+presse\b|\bcomunicados?\s+de\s+prensa\b|\bnotas?\s+de\s+prensa\b|بيانات\s+صحفية|بيان\s+صحفي|بيان\s+إعلامي|قصص\s+[اأإ]خبارية/giu, ' ')
    .replace(/(?<![\p{L}\p{N}])(?:no\.?\s*)?\d{1,4}\/\d{1,4}(?![\p{L}\p{N}/])/giu, ' ')
    .replace(/\b(?:gmt|utc)\b/giu, ' ')
    // "calendar_today 28 July 2021": the name of an icon font's glyph, left in the copy as text.
    .replace(/(?<![\p{L}\p{N}])[a-z]+(?:_[a-z]+)+(?![\p{L}\p{N}])/gu, ' ')
    // "22 de setiembre de 2022 - 2:03 p. m.", "11:45 ص", "6:49:09 م": the time it was posted.
    .replace(/(?<![\p{L}\p{N}])\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\.?|\s*(?:ص|م|صباحا|صباحًا|مساء|مساءً)(?![\p{L}\p{N}]))?(?![\p{L}\p{N}])/giu, ' ')
    .replace(/(published|posted|date|released?|issued|publié\s+le|publié|publicado\s+el|publicado|fecha|تاريخ\s+النشر|نشر\s+في|بتاريخ|التاريخ|on|le|el)\s*:?/giu, ' ')
    // "نشرت: يوم السبت، 29-أبريل-2023": "published" and "day" before the day's name.
    .replace(/(?<![\p{L}])(?:نشرت|نشر|يوم)(?![\p{L}])\s*:?/gu, ' ')
    .match(/[\p{L}\p{N}]+/gu);
  return !words || words.length <= 1;
}

// ---- Embargo times -------------------------------------------------------------------------

// Abbreviations are matched in capitals only: "est" and "et" are French words, "cat" an English one.
const ZONE_ABBREVIATIONS: [RegExp, string][] = [
  [/\b(GMT|UTC)\b(?!\s*[+\-\u2212]\s*\d)/u, 'UTC'],
  [/\bBST\b/u, 'Europe/London'],
  [/\bCES?T\b/u, 'Europe/Zurich'],
  [/\bEAT\b/u, 'Africa/Nairobi'],
  [/\bWAT\b/u, 'Africa/Lagos'],
  [/\bCAT\b/u, 'Africa/Maputo'],
  [/\bSAST\b/u, 'Africa/Johannesburg'],
  [/\bE[SD]T\b/u, 'America/New_York'],
  [/\bP[SD]T\b/u, 'America/Los_Angeles'],
];

const ZONE_NAMES: [RegExp, string][] = [
  [/\bgmt\b|\butc\b|temps universel|غرينتش|جرينتش|التوقيت العالمي/iu, 'UTC'],
  [/london time|heure de londres/iu, 'Europe/London'],
  [/geneva time|heure de gen[eè]ve|hora de ginebra|بتوقيت جنيف/iu, 'Europe/Zurich'],
  [/paris time|heure de paris|heure de bruxelles|brussels time/iu, 'Europe/Paris'],
  [/nairobi time|heure de nairobi|بتوقيت نيروبي/iu, 'Africa/Nairobi'],
  [/heure de dakar|dakar time/iu, 'Africa/Dakar'],
  [/new york time|heure de new york|hora de nueva york/iu, 'America/New_York'],
  [/hora de panam[aá]|panama time/iu, 'America/Panama'],
  [/hora de bogot[aá]|bogot[aá] time/iu, 'America/Bogota'],
  [/بتوقيت عمّان|بتوقيت عمان|amman time/iu, 'Asia/Amman'],
  [/بتوقيت القاهرة|cairo time/iu, 'Africa/Cairo'],
  [/بتوقيت بيروت|beirut time/iu, 'Asia/Beirut'],
];

/** The instant a wall-clock time in a zone stands for. */
export function zonedInstant(dateIso: string, hour: number, minute: number, timeZone: string): string {
  const [year, month, day] = dateIso.split('-').map(Number) as [number, number, number];
  const at = instantOfWallTime({ year, month, day, hour, minute }, timeZone) ?? new Date(NaN);
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function readTime(t: string): { hour: number; minute: number } | null {
  if (/midnight|minuit|medianoche|منتصف الليل/iu.test(t)) return { hour: 0, minute: 0 };
  if (/\bnoon\b|\bmidi\b|mediod[ií]a|الظهر/iu.test(t)) return { hour: 12, minute: 0 };
  const ampm = t.match(/(?<!\d)(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?|صباحا|صباحاً|مساء|مساءً)(?![\p{L}])/iu);
  if (ampm) {
    let hour = Number(ampm[1]) % 12;
    if (/^p|مساء/iu.test(ampm[3]!)) hour += 12;
    return { hour, minute: Number(ampm[2] ?? 0) };
  }
  const hm = t.match(/(?<![\d/.-])(\d{1,2})\s*(?:[:.]|h|H)\s*(\d{2})?(?:\s*(?:hrs?|hours|heures?|horas?))?(?![\d/])/u);
  if (hm && (hm[2] !== undefined || /h|hrs?|hours|heures?|horas?/iu.test(hm[0]))) {
    const hour = Number(hm[1]);
    const minute = Number(hm[2] ?? 0);
    if (hour <= 24 && minute < 60) return { hour: hour % 24, minute };
  }
  const compact = t.match(/(?<!\d)([01]\d|2[0-3])([0-5]\d)\s*(?:hrs?|hours|gmt|utc)/iu);
  if (compact) return { hour: Number(compact[1]), minute: Number(compact[2]) };
  return null;
}

function readZone(t: string): { timeZone: string; offsetMinutes: number | null } | null {
  const off = t.match(/\b(?:gmt|utc)\s*([+\-\u2212])\s*(\d{1,2})(?::?(\d{2}))?/iu);
  if (off) {
    const sign = off[1] === '+' ? 1 : -1;
    const h = Number(off[2]);
    const m = Number(off[3] ?? 0);
    // IANA's Etc zones have the sign reversed and whole hours only.
    const tz = m === 0 && h <= 14 ? (h === 0 ? 'UTC' : `Etc/GMT${sign > 0 ? '-' : '+'}${h}`) : 'UTC';
    return { timeZone: tz, offsetMinutes: sign * (h * 60 + m) };
  }
  for (const [re, tz] of [...ZONE_ABBREVIATIONS, ...ZONE_NAMES]) if (re.test(t)) return { timeZone: tz, offsetMinutes: null };
  return null;
}

export interface EmbargoReading {
  at: string | null;
  timeZone: string | null;
  dateIso: string | null;
}

/** Reads an embargo line ("EMBARGOED UNTIL 00:01 GMT, 5 March 2026"). */
export function readEmbargo(line: string): EmbargoReading {
  const t = asciiDigits(line);
  const date = firstDate(t);
  if (!date) return { at: null, timeZone: null, dateIso: null };
  const withoutDate = t.slice(0, date.index) + ' ' + t.slice(date.index + date.length);
  const time = readTime(withoutDate) ?? { hour: 0, minute: 0 };
  const zone = readZone(withoutDate);
  if (zone?.offsetMinutes != null) {
    const [y, m, d] = date.iso.split('-').map(Number) as [number, number, number];
    const utc = Date.UTC(y, m - 1, d, time.hour, time.minute) - zone.offsetMinutes * 60000;
    return { at: new Date(utc).toISOString().replace(/\.\d{3}Z$/, 'Z'), timeZone: zone.timeZone, dateIso: date.iso };
  }
  const timeZone = zone?.timeZone ?? 'UTC';
  return { at: zonedInstant(date.iso, time.hour, time.minute, timeZone), timeZone, dateIso: date.iso };
}

/**
 * "Secretaría de Seguridad | 07 de octubre de 2024 | Comunicado", "Ultimas Noticias|Jueves, 16
 * de agosto de 2007": a line of cells, one of them a date; that cell, or null.
 */
export function dateCell(text: string): string | null {
  const cells = text.split(/\s*\|\s*/u);
  return cells.length >= 2 ? (cells.find((c) => isDateOnly(c.trim())) ?? null) : null;
}
