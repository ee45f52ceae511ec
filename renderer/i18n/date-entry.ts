import { systemDateLocale, type DateStyle } from './dates';
import { formatLocale } from './index';

/**
 * Reading a date a person typed, in the date format they chose: ISO (2026-12-24) always; day,
 * month and year as numbers in that format's order (24/12/2026, or 12/24/2026 where the system's
 * region writes the month first; "/", "." or "-" between); or the month in words in the
 * interface's languages, whichever the interface is in ("24 Dec 2026", "24 décembre 2026",
 * "Dec 24, 2026", "5 كانون الأول 2026").
 * Arabic-Indic digits are read as digits. The year is written in full; a day that does not
 * exist (31/02/2026) is no date.
 */

export type Part = 'day' | 'month' | 'year';

/** The order of day, month and year when the date is written in numbers. */
/**
 * The region whose way of writing dates orders the numbers, under the system style ("US" on a
 * computer set to the United States); null under a style the person chose in Settings.
 */
export function numericRegion(uiLanguage: string, style: DateStyle, system: readonly string[]): string | null {
  if (style !== 'system') return null;
  try {
    return new Intl.Locale(systemDateLocale(uiLanguage, system) ?? formatLocale(uiLanguage)).maximize().region ?? null;
  } catch {
    return null;
  }
}

export function numericOrder(uiLanguage: string, style: DateStyle, system: readonly string[]): Part[] {
  if (style === 'iso') return ['year', 'month', 'day'];
  if (style !== 'system') return ['day', 'month', 'year'];
  const locale = systemDateLocale(uiLanguage, system) ?? formatLocale(uiLanguage);
  const parts = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric', calendar: 'gregory' }).formatToParts(new Date(Date.UTC(2026, 11, 24)));
  const order = parts.map((p) => p.type).filter((t): t is Part => t === 'day' || t === 'month' || t === 'year');
  return order.length === 3 ? order : ['day', 'month', 'year'];
}

/**
 * Where month names are read from, whatever the interface's language: a date pasted from a
 * French release is typed in an English interface. Arabic is written with the month names of
 * its regions: Egypt and the Gulf (يناير), the Levant and Iraq (كانون الثاني, ar-SY), Morocco
 * (يناير، ماي، غشت, ar-MA), Algeria and Tunisia (جانفي, ar-DZ). No name means two months.
 */
const MONTH_LOCALES = ['en', 'fr', 'es', 'ar', 'ar-SY', 'ar-MA', 'ar-DZ'];

interface MonthNames {
  /** One word ("décembre", "dec", "شباط") to its month. */
  words: Map<string, number>;
  /** Names of two words ("كانون الأول"), folded, the longest first: read before the text is cut into words. */
  phrases: { name: string; month: number }[];
}

const monthNameCache = new Map<string, MonthNames>();

/** Month names, long and short, folded, to their number (1-12). */
function monthNames(uiLanguage: string): MonthNames {
  let names = monthNameCache.get(uiLanguage);
  if (!names) {
    const words = new Map<string, number>();
    const phrases = new Map<string, number>();
    for (const lng of [uiLanguage, ...MONTH_LOCALES]) {
      for (const month of ['long', 'short'] as const) {
        const f = new Intl.DateTimeFormat(lng, { month, timeZone: 'UTC', calendar: 'gregory' });
        for (let m = 1; m <= 12; m++) {
          const name = fold(f.format(new Date(Date.UTC(2026, m - 1, 15))));
          if (!/\s/.test(name)) {
            words.set(name, m);
            continue;
          }
          phrases.set(name, m);
          // "كانون الأول" is also written "كانون أول".
          phrases.set(name.replace(/\s+ال/u, ' '), m);
        }
      }
    }
    names = { words, phrases: [...phrases].map(([name, month]) => ({ name, month })).sort((a, b) => b.name.length - a.name.length) };
    monthNameCache.set(uiLanguage, names);
  }
  return names;
}

/**
 * Text as month names are compared: lower case, without accents or Arabic vowel marks ("fevrier"
 * is février, "الاول" is "الأول"), final ى as ي, and without abbreviation dots where `dots` is false.
 */
function fold(text: string, dots = false): string {
  const folded = text
    .toLocaleLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ى/g, 'ي')
    .normalize('NFC');
  return dots ? folded : folded.replace(/\./g, '');
}

function isoOf(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * `noSuchDay`: the text has the form of a date and a month that exists, but that month has no
 * such day (31 February): saying so helps more than showing the form again.
 */
export type DateEntry =
  | { kind: 'empty' }
  /** `ambiguous`: numbers that are another date read the other way round (03/12/2026). */
  | { kind: 'date'; iso: string; ambiguous?: true }
  | { kind: 'invalid'; noSuchDay?: { year: number; month: number; day: number } };

export function readDateEntry(text: string, uiLanguage: string, style: DateStyle, system: readonly string[]): DateEntry {
  const s = text
    .replace(/[٠-٩]/g, (c) => String(c.charCodeAt(0) - 0x0660))
    .replace(/[\u200e\u200f\u061c\u2066-\u2069]/g, '')
    .trim();
  if (s === '') return { kind: 'empty' };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (iso) return found(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numbers = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$/.exec(s);
  if (numbers) {
    const order = numericOrder(uiLanguage, style, system);
    const value = (part: Part) => Number(numbers[order.indexOf(part) + 1]);
    // A year of one or two digits is refused rather than guessed.
    if (numbers[order.indexOf('year') + 1]!.length !== 4) return { kind: 'invalid' };
    const read = found(value('year'), value('month'), value('day'));
    if (read.kind === 'date' && order[0] !== 'year' && value('day') !== value('month') && isoOf(value('year'), value('day'), value('month'))) return { ...read, ambiguous: true };
    return read;
  }
  // Words: a month's name and two numbers, in any order ("24 Dec 2026", "Dec 24, 2026", "24 de diciembre de 2026").
  const names = monthNames(uiLanguage);
  // A name of two words becomes one token ("#12#") before the text is cut at spaces.
  let words = fold(s, true);
  for (const p of names.phrases) words = words.replace(new RegExp(`(^|\\s)${p.name.replace(/\s+/g, '\\s+')}(?=$|[\\s,،/.-])`, 'u'), `$1#${p.month}# `);
  const tokens = words.split(/[\s,،/.-]+/u).filter((w) => w !== '');
  let month: number | null = null;
  const nums: string[] = [];
  for (const token of tokens) {
    const named = /^#(\d+)#$/.exec(token)?.[1] ?? names.words.get(fold(token));
    if (/^\d+$/.test(token)) nums.push(token);
    else if (named !== undefined) {
      if (month !== null) return { kind: 'invalid' };
      month = Number(named);
    } else if (!['de', 'del', 'le', 'the', 'of', 'el'].includes(fold(token))) return { kind: 'invalid' };
  }
  if (month === null || nums.length !== 2) return { kind: 'invalid' };
  const year = nums.find((n) => n.length === 4);
  const day = nums.find((n) => n.length <= 2);
  if (!year || !day) return { kind: 'invalid' };
  return found(Number(year), month, Number(day));
}

function found(year: number, month: number, day: number): DateEntry {
  const iso = isoOf(year, month, day);
  if (iso) return { kind: 'date', iso };
  // A real month of a real year, and a day it does not have.
  if (isoOf(year, month, 1) && day > 28 && day <= 31) return { kind: 'invalid', noSuchDay: { year, month, day } };
  return { kind: 'invalid' };
}
