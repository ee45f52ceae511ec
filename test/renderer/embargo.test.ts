import { describe, expect, it } from 'vitest';
import { dateFormats } from '../../renderer/i18n/dates';
import { checkEmbargo, embargoWording, instantToWallTime, wallTimeToInstant, zonePlace } from '../../renderer/releases/embargo';

const NOW = new Date('2026-11-20T09:00:00Z');
/** Dates as an English interface with the day-month style writes them. */
const EN = dateFormats('en', 'dayMonth', []);

describe('embargo times', () => {
  it('reads a wall-clock time in the zone, winter and summer', () => {
    // Geneva is UTC+1 in December and UTC+2 in July.
    expect(wallTimeToInstant('2026-12-03T14:00', 'Europe/Zurich')?.toISOString()).toBe('2026-12-03T13:00:00.000Z');
    expect(wallTimeToInstant('2026-07-03T14:00', 'Europe/Zurich')?.toISOString()).toBe('2026-07-03T12:00:00.000Z');
    expect(wallTimeToInstant('2026-12-03T09:30', 'Asia/Kolkata')?.toISOString()).toBe('2026-12-03T04:00:00.000Z');
    expect(wallTimeToInstant('2026-12-03T14:00', 'America/Bogota')?.toISOString()).toBe('2026-12-03T19:00:00.000Z');
  });

  it('shows the stored instant back as the same wall-clock time', () => {
    expect(instantToWallTime('2026-12-03T13:00:00.000Z', 'Europe/Zurich')).toBe('2026-12-03T14:00');
    expect(instantToWallTime('2026-12-03T13:00:00.000Z', 'Africa/Nairobi')).toBe('2026-12-03T16:00');
  });

  it('says the embargo in words with the office city and the zone’s own clock', () => {
    const w = embargoWording({ at: '2026-12-03T13:00:00.000Z', timeZone: 'Europe/Zurich' }, 'en-GB', EN);
    expect(w).toEqual({ key: 'embargo.until', time: '14:00', place: 'Geneva', date: '3 Dec 2026' });
    const nairobi = embargoWording({ at: '2026-12-03T13:00:00.000Z', timeZone: 'Africa/Nairobi' }, 'en-GB', EN);
    expect(nairobi.time).toBe('16:00');
    expect(nairobi.place).toBe('Nairobi');
  });

  it('writes the day, with its year, as it is in the embargo’s zone', () => {
    // 23:30 UTC on 31 Dec is already 1 Jan in Amman.
    const w = embargoWording({ at: '2026-12-31T23:30:00.000Z', timeZone: 'Asia/Amman' }, 'en-GB', EN);
    expect(w.date).toBe('1 Jan 2027');
    expect(w.time).toBe('02:30');
  });

  it('has its own wording for UTC and readable places for multi-word zones', () => {
    expect(embargoWording({ at: '2026-12-03T13:00:00.000Z', timeZone: 'UTC' }, 'en-GB', EN).key).toBe('embargo.untilUtc');
    expect(zonePlace('America/Port_of_Spain')).toBe('Port of Spain');
  });

  it('names a zone that is only an offset by that offset, the right way round (Etc/GMT-3 is UTC+3)', () => {
    expect(embargoWording({ at: '2026-12-03T13:00:00.000Z', timeZone: 'Etc/GMT-3' }, 'en-GB', EN)).toEqual({ key: 'embargo.untilZone', time: '16:00', place: 'UTC+3', date: '3 Dec 2026' });
    expect(embargoWording({ at: '2026-12-03T13:00:00.000Z', timeZone: 'Etc/GMT' }, 'en-GB', EN).key).toBe('embargo.untilUtc');
  });

  it('writes the day as the person’s date format writes every other date, and the time on the 24-hour clock', () => {
    const at = { at: '2026-12-03T13:00:00.000Z', timeZone: 'Europe/Zurich' };
    expect(embargoWording(at, 'en-GB', dateFormats('en', 'numeric', [])).date).toBe(dateFormats('en', 'numeric', []).date('2026-12-03'));
    expect(embargoWording(at, 'en-GB', dateFormats('en', 'iso', [])).date).toBe('2026-12-03');
    // An American system writes "Dec 3, 2026" on every screen, the embargo included; the embargo's time stays 14:00.
    const us = embargoWording(at, 'en-US', dateFormats('en', 'system', ['en-US']));
    expect([us.date, us.time]).toEqual(['Dec 3, 2026', '14:00']);
  });

  it('refuses a past time, an unknown zone and an incomplete time', () => {
    expect(checkEmbargo('2026-11-19T14:00', 'Europe/Zurich', NOW)).toEqual({ ok: false, problem: 'embargo.inPast' });
    expect(checkEmbargo('2026-12-03T14:00', 'Europe/Genva', NOW)).toEqual({ ok: false, problem: 'embargo.invalidZone' });
    expect(checkEmbargo('2026-12-03', 'Europe/Zurich', NOW)).toEqual({ ok: false, problem: 'embargo.invalidTime' });
    expect(checkEmbargo('2026-12-03T14:00', 'Europe/Zurich', NOW)).toEqual({
      ok: true,
      embargo: { at: '2026-12-03T13:00:00.000Z', timeZone: 'Europe/Zurich' },
    });
  });
});
