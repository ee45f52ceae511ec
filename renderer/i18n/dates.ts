import { displayPrefs } from './display';
import { formatLocale } from './index';

/**
 * How dates are written on screen, chosen in Settings and remembered on this computer:
 * - `system`: the conventions of the system's region in the interface's language (an English
 *   interface on a computer set to Kenya or Switzerland writes day-month dates, one set to the
 *   United States month-day);
 * - `dayMonth`: "6 Dec 2026", the month in words, never ambiguous;
 * - `numeric`: "06/12/2026", day first;
 * - `iso`: "2026-12-06", as stored.
 */
export const DATE_STYLES = ['system', 'dayMonth', 'numeric', 'iso'] as const;
export type DateStyle = (typeof DATE_STYLES)[number];

const STORAGE_KEY = 'dateline.dateStyle';

export function isDateStyle(x: unknown): x is DateStyle {
  return typeof x === 'string' && (DATE_STYLES as readonly string[]).includes(x);
}

export function savedDateStyle(): DateStyle {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isDateStyle(saved)) return saved;
  } catch {
    // No storage: the system's conventions.
  }
  return 'system';
}

export function rememberDateStyle(style: DateStyle): void {
  try {
    localStorage.setItem(STORAGE_KEY, style);
  } catch {
    // Not remembered; the choice holds for this session.
  }
}

/** The languages the system (Electron: the OS; a browser: its own settings) asks for, best first. */
export function systemLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : navigator.language ? [navigator.language] : [];
}

function parse(tag: string): Intl.Locale | null {
  try {
    return new Intl.Locale(tag);
  } catch {
    return null;
  }
}

/**
 * The interface's language written the way the system's region writes dates: the first system
 * language that is the interface's language with a region ("en-US" for English), else the
 * interface's language with the first region the system names (English on a French-Swiss
 * system: "en-CH"); null when the system names no region.
 */
export function systemDateLocale(uiLanguage: string, system: readonly string[]): string | null {
  const locales = system.map(parse).filter((l): l is Intl.Locale => l !== null);
  const same = locales.find((l) => l.language === uiLanguage && l.region);
  const region = same?.region ?? locales.find((l) => l.region)?.region;
  if (!region) return null;
  return parse(`${uiLanguage}-${region}`)?.baseName ?? null;
}

export interface DateFormats {
  /** A calendar date stored as YYYY-MM-DD (a release date, a consent date), as the person writes dates. */
  date(isoDate: string): string;
  /** An instant (a save, a sync) in this computer's office time zone, with its time. */
  dateTime(iso: string): string;
  /** An instant's time of day alone, in the office's time zone. */
  time(iso: string): string;
  /** The calendar day an instant falls on in `timeZone` (an embargo's own zone), written as `date` writes days. */
  dateIn(iso: string, timeZone: string): string;
  /** An instant's time of day in `timeZone` on the 24-hour clock ("14:00"), as an embargo is always given. */
  clock(iso: string, timeZone: string): string;
  /** A calendar date in full words, never ambiguous: "Thursday, 24 December 2026". */
  long(isoDate: string): string;
  /** A month of a year in words: "February 2026". */
  monthYear(year: number, month: number): string;
  /** Whether an instant fell on the same calendar day as `now` in the office's time zone. */
  sameDay(iso: string, now: Date): boolean;
}

const formats = new Map<string, Intl.DateTimeFormat>();

// Building an Intl.DateTimeFormat costs far more than using one, and a list writes a date per row.
function dtf(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { calendar: 'gregory', ...options });
    formats.set(key, f);
  }
  return f;
}

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';

/** Day, month and year (and the time) as numbers, then written in the order the style wants. */
function numericParts(d: Date, timeZone: string | undefined): { year: string; month: string; day: string; hour: string; minute: string } {
  const parts = dtf('en-GB', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).formatToParts(d);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/**
 * Today as a stored date (YYYY-MM-DD), where this computer is: in its office's time zone (the one
 * every date on screen is read in), else the device's own. Never the UTC day, which near midnight
 * is already tomorrow in Bogotá's evening or still yesterday in Nairobi's first hours.
 */
export function todayIsoDate(now: Date = new Date(), timeZone: string | undefined = displayPrefs().timeZone): string {
  // The device's zone read now, not the one a cached format was built with.
  const p = numericParts(now, timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/**
 * The one place the interface writes dates. `uiLanguage` is the interface's language; the
 * office chosen for this computer gives the time zone and, in Arabic, the digits.
 */
export function dateFormats(uiLanguage: string, style: DateStyle, system: readonly string[] = systemLanguages()): DateFormats {
  const base = formatLocale(uiLanguage);
  const arabicDigits = uiLanguage === 'ar' && displayPrefs().digits === 'arab';
  const digits = (s: string) => (arabicDigits ? s.replace(/[0-9]/g, (c) => ARABIC_INDIC[Number(c)]!) : s);
  const words = style === 'system' ? (systemDateLocale(uiLanguage, system) ?? base) : base;
  // The office's digits hold in every region's conventions (ar-EG would write Arabic-Indic, ar-MA Western).
  const locale = uiLanguage === 'ar' && words !== base ? `${words}-u-nu-${displayPrefs().digits}` : words;
  const zone = () => displayPrefs().timeZone;
  const valid = (d: Date) => !Number.isNaN(d.getTime());
  const sameDay = (iso: string, now: Date) => {
    const d = new Date(iso);
    if (!valid(d) || !valid(now)) return false;
    const [a, b] = [numericParts(d, zone()), numericParts(now, zone())];
    return a.year === b.year && a.month === b.month && a.day === b.day;
  };
  const long = (isoDate: string) => {
    const d = new Date(`${isoDate}T12:00:00Z`);
    return valid(d) ? dtf(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d) : isoDate;
  };
  const monthYear = (year: number, month: number) => dtf(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 15));
  // The day in that zone, then written by `date`: one way to write a day, whichever zone it is read in.
  const dayIn = (iso: string, timeZone: string, date: (isoDate: string) => string) => {
    const d = new Date(iso);
    if (!valid(d)) return iso;
    const p = numericParts(d, timeZone);
    return date(`${p.year}-${p.month}-${p.day}`);
  };

  if (style === 'numeric' || style === 'iso') {
    const write = (p: ReturnType<typeof numericParts>) => (style === 'iso' ? `${p.year}-${p.month}-${p.day}` : digits(`${p.day}/${p.month}/${p.year}`));
    // ISO stays in Western digits throughout: it is the form the date boxes also accept.
    const clock = (p: ReturnType<typeof numericParts>) => (style === 'iso' ? `${p.hour}:${p.minute}` : digits(`${p.hour}:${p.minute}`));
    const date = (isoDate: string) => {
      const d = new Date(`${isoDate}T12:00:00Z`);
      return valid(d) ? write(numericParts(d, 'UTC')) : isoDate;
    };
    return {
      date,
      dateTime: (iso) => {
        const d = new Date(iso);
        if (!valid(d)) return iso;
        const p = numericParts(d, zone());
        return `${write(p)} ${clock(p)}`;
      },
      time: (iso) => {
        const d = new Date(iso);
        return valid(d) ? clock(numericParts(d, zone())) : iso;
      },
      dateIn: (iso, timeZone) => dayIn(iso, timeZone, date),
      clock: (iso, timeZone) => {
        const d = new Date(iso);
        return valid(d) ? clock(numericParts(d, timeZone)) : iso;
      },
      long,
      monthYear,
      sameDay,
    };
  }
  // The month in words, in the region's order ("24 Dec 2026", "Dec 24, 2026"): Arabic's own
  // medium style is numeric (24/12/2026), as ambiguous as any other.
  const day = { day: 'numeric', month: 'short', year: 'numeric' } as const;
  const clock = { hour: '2-digit', minute: '2-digit' } as const;
  const date = (isoDate: string) => {
    const d = new Date(`${isoDate}T12:00:00Z`);
    return valid(d) ? dtf(locale, { ...day, timeZone: 'UTC' }).format(d) : isoDate;
  };
  return {
    date,
    dateTime: (iso) => {
      const d = new Date(iso);
      return valid(d) ? dtf(locale, { ...day, ...clock, timeZone: zone() }).format(d) : iso;
    },
    time: (iso) => {
      const d = new Date(iso);
      return valid(d) ? dtf(locale, { ...clock, timeZone: zone() }).format(d) : iso;
    },
    dateIn: (iso, timeZone) => dayIn(iso, timeZone, date),
    clock: (iso, timeZone) => {
      const d = new Date(iso);
      return valid(d) ? dtf(locale, { ...clock, hourCycle: 'h23', timeZone }).format(d) : iso;
    },
    long,
    monthYear,
    sameDay,
  };
}
