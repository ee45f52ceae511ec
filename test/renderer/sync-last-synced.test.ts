// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../electron/shared/contract';
import { setUpI18n } from '../../renderer/i18n';
import { dateFormats, type DateStyle } from '../../renderer/i18n/dates';
import { setDisplayPrefs } from '../../renderer/i18n/display';
import { statusLine } from '../../renderer/sync/statusText';

/**
 * When the last sync was, in Settings' status line: the time alone for a sync made today in the
 * office's time zone, the date and time for one made before, so days without a sync show.
 */

afterEach(() => setDisplayPrefs({ timeZone: undefined, digits: 'latn' }));

// 10:00 in Nairobi (UTC+3) on 6 December 2026.
const now = new Date('2026-12-06T07:00:00Z');

const status = (lastSyncedAt: string | null): SyncStatus => ({
  seq: 1,
  run: 'r',
  state: 'idle',
  paused: false,
  online: true,
  password: 'kept',
  keychain: true,
  waiting: { releases: 0, contacts: 0, photos: 0, files: 0, others: 0, offices: 0, deletions: 0, bytes: 0 },
  lastSyncedAt,
  nextAt: null,
  error: null,
  clockSkewMs: null,
  clockWarning: false,
  last: null,
  offices: [],
});

function line(language: string, lastSyncedAt: string | null, style: DateStyle = 'dayMonth'): string {
  setDisplayPrefs({ timeZone: 'Africa/Nairobi', digits: 'latn' });
  const text = statusLine(setUpI18n(language).t, status(lastSyncedAt), language, dateFormats(language, style, ['en-GB']), now);
  // Values are isolated from the words around them in Arabic; the words are what is checked here.
  return text.replace(/[\u2068\u2069]/g, '');
}

describe('the last sync in the status line', () => {
  it('gives the time alone for a sync made earlier today, the day counted in the office time zone', () => {
    expect(line('en', '2026-12-06T06:42:00Z')).toBe('Nothing waiting to upload; last synced 09:42.');
    // 22:30 UTC on the 5th is already 01:30 on the 6th in Nairobi.
    expect(line('en', '2026-12-05T22:30:00Z')).toBe('Nothing waiting to upload; last synced 01:30.');
  });

  it('gives the date and time for a sync made yesterday or last year', () => {
    expect(line('en', '2026-12-05T07:42:00Z')).toBe('Nothing waiting to upload; last synced 5 Dec 2026, 10:42.');
    // 20:30 UTC on the 5th is 23:30 there: still yesterday.
    expect(line('en', '2026-12-05T20:30:00Z')).toBe('Nothing waiting to upload; last synced 5 Dec 2026, 23:30.');
    expect(line('en', '2025-12-06T07:42:00Z')).toBe('Nothing waiting to upload; last synced 6 Dec 2025, 10:42.');
  });

  it("writes the date in the person's chosen format", () => {
    expect(line('en', '2026-12-05T07:42:00Z', 'numeric')).toBe('Nothing waiting to upload; last synced 05/12/2026 10:42.');
    expect(line('en', '2026-12-05T07:42:00Z', 'iso')).toBe('Nothing waiting to upload; last synced 2026-12-05 10:42.');
    expect(line('en', '2026-12-06T06:42:00Z', 'iso')).toBe('Nothing waiting to upload; last synced 09:42.');
  });

  it('says both in each language', () => {
    expect(line('fr', '2026-12-06T06:42:00Z')).toMatch(/dernière synchronisation à 09:42\.$/);
    expect(line('fr', '2026-12-05T07:42:00Z')).toMatch(/dernière synchronisation le 5 déc\. 2026, 10:42\.$/);
    expect(line('es', '2026-12-06T06:42:00Z')).toMatch(/última sincronización a las 09:42\.$/);
    expect(line('es', '2026-12-05T07:42:00Z')).toMatch(/última sincronización el 5 dic 2026, 10:42\.$/);
    expect(line('ar', '2026-12-06T06:42:00Z')).toMatch(/آخر مزامنة في 09:42 ص\.$/);
    expect(line('ar', '2026-12-05T07:42:00Z')).toMatch(/آخر مزامنة في 5 ديسمبر 2026، 10:42 ص\.$/);
  });

  it('still says when nothing has been synced yet', () => {
    expect(line('en', null)).toBe('Nothing waiting to upload; not synced yet.');
  });
});
