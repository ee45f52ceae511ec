import { isValidTimeZone, type Embargo } from '../../electron/shared/documents';
import { instantOfWallTime, wallTimeIn } from '../../electron/shared/zoned-time';
import { frenchOfCity, zoneName, ZONE_CITY_NAMES } from '../../electron/shared/zone-names';
import type { DateFormats } from '../i18n/dates';

/**
 * Embargo times are entered as a wall-clock time in a named zone ("14:00 in Geneva") and
 * stored as an instant plus that zone, so a colleague in Nairobi sees the same moment and the
 * same words. All conversions go through Intl; nothing here trusts the device's own zone.
 */

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** "2026-12-03T14:00" in Europe/Zurich → the instant; null when the text is not such a time. */
export function wallTimeToInstant(local: string, timeZone: string): Date | null {
  const m = WALL_TIME.exec(local);
  if (!m || !isValidTimeZone(timeZone)) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  return instantOfWallTime({ year, month, day, hour, minute }, timeZone);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The instant as the wall-clock text a datetime-local input shows, in the given zone. */
export function instantToWallTime(iso: string, timeZone: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime()) || !isValidTimeZone(timeZone)) return '';
  const w = wallTimeIn(d, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * Where a zone's clock is read, in English (the zone picker's list). IANA names a zone after
 * one city; the organisation's offices know some zones by another (Geneva keeps Zurich's time).
 */
export function zonePlace(timeZone: string): string {
  const known = ZONE_CITY_NAMES[timeZone];
  if (known) return known.en;
  const last = timeZone.split('/').pop() ?? timeZone;
  return last.replace(/_/g, ' ');
}

export function allTimeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
}

export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export interface EmbargoWording {
  /** Which sentence to use: a city's time, a zone's own name (Arabic, from Intl), or plain UTC. */
  key: 'embargo.until' | 'embargo.untilZone' | 'embargo.untilUtc';
  time: string;
  place: string;
  date: string;
}

/**
 * The parts of "Embargoed until 14:00 Geneva time, 3 Dec 2026": the time on the 24-hour clock and
 * the day, both in the embargo's own zone and written by the person's date format (`dates`, the
 * one writer of dates on screen), and the place named in the locale's language as the kit's
 * documents name it (shared/zone-names.ts); French takes it with its "de" ("heure d’Amman",
 * "heure du Caire").
 */
export function embargoWording(embargo: Embargo, locale: string, dates: Pick<DateFormats, 'dateIn' | 'clock'>): EmbargoWording {
  const { at, timeZone } = embargo;
  const time = dates.clock(at, timeZone);
  const date = dates.dateIn(at, timeZone);
  const zone = zoneName(timeZone, locale, new Date(at));
  if (zone === null) return { key: 'embargo.untilUtc', time, place: 'UTC', date };
  const french = locale.split('-')[0]?.toLowerCase() === 'fr';
  return { key: zone.kind === 'zone' ? 'embargo.untilZone' : 'embargo.until', time, place: french && zone.kind === 'city' ? frenchOfCity(zone.name) : zone.name, date };
}

/** A listed release's embargo while it is in force at `now` (ms); null once it has lifted, or when there is none. */
export function embargoInForce(at: string | null, timeZone: string | null, now: number): Embargo | null {
  return at !== null && timeZone !== null && Date.parse(at) > now ? { at, timeZone } : null;
}

export type EmbargoCheck =
  | { ok: true; embargo: Embargo }
  | { ok: false; problem: 'embargo.invalidZone' | 'embargo.invalidTime' | 'embargo.inPast' };

/** Turns what the person entered into an embargo, or says why it cannot be one. */
export function checkEmbargo(local: string, timeZone: string, now: Date = new Date()): EmbargoCheck {
  if (!isValidTimeZone(timeZone)) return { ok: false, problem: 'embargo.invalidZone' };
  const at = wallTimeToInstant(local, timeZone);
  if (!at) return { ok: false, problem: 'embargo.invalidTime' };
  // An embargo that has already lifted protects nothing and would mislead the journalist.
  if (at.getTime() <= now.getTime()) return { ok: false, problem: 'embargo.inPast' };
  return { ok: true, embargo: { at: at.toISOString(), timeZone } };
}
