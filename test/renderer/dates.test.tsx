// @vitest-environment jsdom
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { dateFormats, systemDateLocale } from '../../renderer/i18n/dates';
import { setDisplayPrefs } from '../../renderer/i18n/display';
import { DisplayProvider } from '../../renderer/i18n/DisplayProvider';
import { ContactRecord } from '../../renderer/contacts/ContactRecord';
import { SettingsScreen } from '../../renderer/settings/SettingsScreen';
import { call, core, release } from '../core-harness';
import { renderWithCore } from './with-core';

/** Dates written the way the person reads them: the system's region by default, or a style chosen in Settings. */

afterEach(() => {
  cleanup();
  localStorage.clear();
  setDisplayPrefs({ timeZone: undefined, digits: 'latn' });
});

describe('the region a date follows', () => {
  it('takes the system language matching the interface, else the interface language with the system region', () => {
    expect(systemDateLocale('en', ['en-US', 'en'])).toBe('en-US');
    expect(systemDateLocale('en', ['fr-CH', 'en'])).toBe('en-CH');
    expect(systemDateLocale('fr', ['en-KE', 'fr-FR'])).toBe('fr-FR');
    expect(systemDateLocale('en', ['en'])).toBeNull();
  });

  it('writes US dates only on a US system; the office default is day first', () => {
    expect(dateFormats('en', 'system', ['en-US']).date('2026-12-06')).toBe('Dec 6, 2026');
    expect(dateFormats('en', 'system', ['en-GB']).date('2026-12-06')).toBe('6 Dec 2026');
    expect(dateFormats('en', 'system', ['en-KE']).date('2026-12-06')).toBe('6 Dec 2026');
    expect(dateFormats('en', 'system', ['en']).date('2026-12-06')).toBe('6 Dec 2026');
    expect(dateFormats('en', 'dayMonth', ['en-US']).date('2026-12-06')).toBe('6 Dec 2026');
    // Times keep two-digit hours, as the sync status always wrote them ("last synced 09:05").
    setDisplayPrefs({ timeZone: 'UTC', digits: 'latn' });
    expect(dateFormats('en', 'system', ['en-GB']).time('2026-12-06T09:05:00Z')).toBe('09:05');
    expect(dateFormats('en', 'system', ['en-GB']).dateTime('2026-12-06T09:05:00Z')).toBe('6 Dec 2026, 09:05');
    // Arabic's own medium style is numeric (06/12/2026): the month is written in words instead.
    expect(dateFormats('ar', 'dayMonth', []).date('2026-12-06')).toBe('6 ديسمبر 2026');
    expect(dateFormats('ar', 'system', ['ar-EG']).date('2026-12-06')).toBe('6 ديسمبر 2026');
  });

  it('writes the numeric and ISO styles in every language, with the office digits in Arabic', () => {
    for (const lng of ['en', 'fr', 'es', 'ar']) {
      expect(dateFormats(lng, 'numeric', ['en-US']).date('2026-12-06')).toBe('06/12/2026');
      expect(dateFormats(lng, 'iso', ['en-US']).date('2026-12-06')).toBe('2026-12-06');
    }
    setDisplayPrefs({ timeZone: 'Asia/Amman', digits: 'arab' });
    expect(dateFormats('ar', 'numeric', []).date('2026-12-06')).toBe('٠٦/١٢/٢٠٢٦');
    // 22:30 UTC is already the next day in Amman; ISO keeps Western digits.
    expect(dateFormats('ar', 'iso', []).dateTime('2026-12-06T22:30:00Z')).toBe('2026-12-07 01:30');
    expect(dateFormats('en', 'numeric', []).dateTime('2026-12-06T22:30:00Z')).toBe('07/12/2026 01:30');
  });

  it('gives back what it cannot read rather than "Invalid Date"', () => {
    expect(dateFormats('en', 'numeric', []).date('someday')).toBe('someday');
    expect(dateFormats('en', 'system', []).dateTime('never')).toBe('never');
  });
});

describe('the date format setting', () => {
  it('is offered in Settings, remembered, and rewrites the dates on screen at once', async () => {
    const c = await core();
    const grace = await call<{ id: string }>(c, 'contact.create', { name: 'Grace Akello' });
    await call(c, 'release.create', release({ releaseDate: '2026-12-06', contacts: [grace.id] }));
    renderWithCore(
      c,
      <DisplayProvider>
        <SettingsScreen />
        <ContactRecord id={grace.id} />
      </DisplayProvider>,
      'test',
    );
    const named = (await screen.findByRole('link', { name: 'Clean water reaches 40,000 people in Kasese' })).closest('li')!;
    // jsdom's system is en-US: as the system, the month comes first.
    expect(within(named).getByText('Dec 6, 2026')).toBeTruthy();
    const style = screen.getByLabelText('Date format') as HTMLSelectElement;
    expect([...style.options].map((o) => o.text)).toEqual(['As this computer (Dec 24, 2026)', '24 Dec 2026', '24/12/2026', '2026-12-24']);
    style.focus();
    fireEvent.change(style, { target: { value: 'numeric' } });
    expect(within(named).getByText('06/12/2026')).toBeTruthy();
    expect(localStorage.getItem('dateline.dateStyle')).toBe('numeric');
    // Only what writes dates is drawn again: the choice keeps focus.
    expect(document.activeElement).toBe(style);
  });
});

describe('one writer of dates', () => {
  const RENDERER = join(import.meta.dirname, '..', '..', 'renderer');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? files(p) : name.endsWith('.ts') || name.endsWith('.tsx') ? [p] : [];
    });
  // dates.ts writes dates; date-entry.ts reads what the person types, by the same conventions.
  const WRITERS = new Set(['i18n/dates.ts', 'i18n/date-entry.ts']);
  const OWN_FORMATTING = ['toLocaleDateString(', 'toLocaleTimeString(', 'toLocaleString(', 'new Intl.DateTimeFormat(', 'toUTCString('];

  it('formats no date or time for the screen outside renderer/i18n/dates.ts (useDates)', () => {
    const found = files(RENDERER)
      .map((f) => relative(RENDERER, f).split('\\').join('/'))
      .filter((f) => !WRITERS.has(f))
      .flatMap((f) => OWN_FORMATTING.filter((call) => readFileSync(join(RENDERER, f), 'utf8').includes(call)).map((call) => `${f}: ${call}`));
    expect(found).toEqual([]);
  });

  it('writes an embargo’s day and time in its own zone as every other date', () => {
    setDisplayPrefs({ timeZone: 'UTC', digits: 'arab' });
    // 23:30 UTC on 31 December is 02:30 on 1 January in Amman.
    expect(dateFormats('ar', 'numeric', []).dateIn('2026-12-31T23:30:00Z', 'Asia/Amman')).toBe('٠١/٠١/٢٠٢٧');
    expect(dateFormats('ar', 'dayMonth', []).clock('2026-12-31T23:30:00Z', 'Asia/Amman')).toBe('٠٢:٣٠');
    expect(dateFormats('en', 'system', ['en-US']).clock('2026-12-31T23:30:00Z', 'Asia/Amman')).toBe('02:30');
    expect(dateFormats('en', 'iso', []).dateIn('2026-12-31T23:30:00Z', 'Asia/Amman')).toBe('2027-01-01');
    expect(dateFormats('fr', 'dayMonth', []).dateIn('2026-12-31T23:30:00Z', 'Asia/Amman')).toBe(dateFormats('fr', 'dayMonth', []).date('2027-01-01'));
  });
});
