// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { Embargo } from '../../electron/shared/documents';
import { setUpI18n } from '../../renderer/i18n';
import type { DateStyle } from '../../renderer/i18n/dates';
import { setDisplayPrefs } from '../../renderer/i18n/display';
import { readTimeEntry } from '../../renderer/i18n/time-entry';
import { DateStyleContext } from '../../renderer/i18n/useDates';
import { EmbargoField } from '../../renderer/releases/EmbargoField';

/**
 * The embargo typed as a date in the person's date format and a time on the 24-hour clock (or
 * with am/pm), stored as before: the instant, and the zone its wall-clock time was given in.
 */

afterEach(() => {
  cleanup();
  setDisplayPrefs({ timeZone: undefined, digits: 'latn' });
});

const saved: (Embargo | null)[] = [];

function Form({ initial }: { initial: Embargo | null }) {
  const [value, setValue] = useState(initial);
  return (
    <EmbargoField
      value={value}
      defaultZone="Europe/Zurich"
      onChange={(next) => {
        saved.push(next);
        setValue(next);
      }}
    />
  );
}

function mount(lng: string, style: DateStyle, initial: Embargo | null) {
  saved.length = 0;
  const i18n = setUpI18n(lng);
  render(
    <I18nextProvider i18n={i18n}>
      <DateStyleContext.Provider value={{ style, choose: () => undefined }}>
        <Form initial={initial} />
      </DateStyleContext.Provider>
    </I18nextProvider>,
  );
  const t = i18n.t.bind(i18n);
  return {
    date: () => screen.getByLabelText(t('embargo.date')) as HTMLInputElement,
    time: () => screen.getByLabelText(t('embargo.time')) as HTMLInputElement,
    zone: () => screen.getByLabelText(t('embargo.zone')) as HTMLInputElement,
  };
}

const text = (el: Element | null) => (el?.textContent ?? '').replace(/[\u2068\u2069]/g, '');
const noteOf = (box: HTMLElement) => text(document.getElementById(box.getAttribute('aria-describedby')!.split(' ')[0]!));
const words = () => text(screen.getByRole('status', { name: '' }).closest('fieldset')!.querySelector('.embargo-words, .error'));

describe('reading a typed time', () => {
  it('takes the 24-hour clock, am and pm, the French "h" and Arabic digits and halves of the day', () => {
    const at = (hour: number, minute: number) => ({ kind: 'time', hour, minute });
    expect(readTimeEntry('14:30')).toEqual(at(14, 30));
    expect(readTimeEntry('09.05')).toEqual(at(9, 5));
    expect(readTimeEntry('1430')).toEqual(at(14, 30));
    expect(readTimeEntry('14h30')).toEqual(at(14, 30));
    expect(readTimeEntry('14 h')).toEqual(at(14, 0));
    expect(readTimeEntry('2:30 pm')).toEqual(at(14, 30));
    expect(readTimeEntry('12 a.m.')).toEqual(at(0, 0));
    expect(readTimeEntry('12:15 PM')).toEqual(at(12, 15));
    expect(readTimeEntry('١٤:٣٠')).toEqual(at(14, 30));
    expect(readTimeEntry('٢:٣٠ م')).toEqual(at(14, 30));
    expect(readTimeEntry('9:00 صباحًا')).toEqual(at(9, 0));
    expect(readTimeEntry('   ')).toEqual({ kind: 'empty' });
    // Not yet a time, or none: a bare hour, an hour past 23, minutes past 59, 13 pm, words.
    for (const bad of ['14', '14:3', '25:00', '24:00', '10:60', '13 pm', '0 am', 'noon', '930', '14:30 tomorrow']) expect(readTimeEntry(bad), bad).toEqual({ kind: 'invalid' });
  });
});

describe('the embargo field', () => {
  it('takes a date in the day-first format and a time, and stores the instant and the zone as before', () => {
    const f = mount('en', 'numeric', null);
    fireEvent.click(screen.getByLabelText('This release is under embargo'));
    expect(f.zone().value).toBe('Europe/Zurich');
    // Neither the browser's date-and-time box nor its mm/dd/yyyy; the calendar says whose date it picks.
    expect(document.querySelector('input[type="datetime-local"]')).toBeNull();
    expect(screen.getByRole('button', { name: 'Choose the embargo’s date on a calendar' })).toBeTruthy();
    expect(noteOf(f.time())).toBe('24-hour clock, for example 14:30 (2:30 pm is read too).');
    fireEvent.change(f.date(), { target: { value: '03/12/2030' } });
    expect(saved).toEqual([]);
    fireEvent.change(f.time(), { target: { value: '2:00 pm' } });
    expect(saved).toEqual([{ at: '2030-12-03T13:00:00.000Z', timeZone: 'Europe/Zurich' }]);
    fireEvent.blur(f.time());
    expect(f.time().value).toBe('14:00');
    expect(words()).toBe('Embargoed until 14:00 Geneva time, 03/12/2030');
  });

  it('reads the same digits month first where the person’s format is the system’s and the system is American', () => {
    const languages = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(navigator), 'languages')!;
    Object.defineProperty(navigator, 'languages', { value: ['en-US'], configurable: true });
    try {
      const f = mount('en', 'system', null);
      fireEvent.click(screen.getByLabelText('This release is under embargo'));
      fireEvent.change(f.date(), { target: { value: '03/12/2030' } });
      fireEvent.change(f.time(), { target: { value: '09:30' } });
      // 12 March: Geneva is on winter time until the last Sunday of March.
      expect(saved).toEqual([{ at: '2030-03-12T08:30:00.000Z', timeZone: 'Europe/Zurich' }]);
      expect(words()).toBe('Embargoed until 09:30 Geneva time, Mar 12, 2030');
    } finally {
      Object.defineProperty(navigator, 'languages', languages);
      delete (navigator as { languages?: unknown }).languages;
    }
  });

  it('says at the time box what it could not read once the person leaves it, and saves nothing', () => {
    const stored = { at: '2030-12-03T13:00:00.000Z', timeZone: 'Europe/Zurich' };
    const f = mount('en', 'numeric', stored);
    expect(f.date().value).toBe('03/12/2030');
    expect(f.time().value).toBe('14:00');
    fireEvent.change(f.time(), { target: { value: '25:00' } });
    // Typing is not yet a mistake.
    expect(f.time().getAttribute('aria-invalid')).toBeNull();
    fireEvent.blur(f.time());
    expect(f.time().getAttribute('aria-invalid')).toBe('true');
    expect(noteOf(f.time())).toBe('“25:00” is not a time: write the hour and minutes, like 14:30 or 2:30 pm. The embargo was not saved.');
    expect(saved).toEqual([]);
    // The release keeps the embargo it had, and says it.
    expect(words()).toBe('Embargoed until 14:00 Geneva time, 03/12/2030');
    fireEvent.change(f.time(), { target: { value: '15:45' } });
    expect(f.time().getAttribute('aria-invalid')).toBeNull();
    expect(saved).toEqual([{ at: '2030-12-03T14:45:00.000Z', timeZone: 'Europe/Zurich' }]);
  });

  it('shows a stored embargo back as the same wall-clock time on either side of a change of clocks, and stores it back unchanged', () => {
    // Geneva goes from UTC+1 to UTC+2 at 01:00 UTC on 28 March 2027.
    const summer = { at: '2027-03-28T01:30:00.000Z', timeZone: 'Europe/Zurich' };
    const f = mount('en', 'iso', summer);
    expect(f.date().value).toBe('2027-03-28');
    expect(f.time().value).toBe('03:30');
    expect(words()).toBe('Embargoed until 03:30 Geneva time, 2027-03-28');
    // Typed again (the same time, written another way), it is the same instant.
    fireEvent.change(f.time(), { target: { value: '3:30 am' } });
    expect(saved).toEqual([summer]);
    fireEvent.blur(f.time());
    expect(f.time().value).toBe('03:30');
    // The day before is winter time: the same wall-clock time is an hour later in UTC.
    fireEvent.change(f.date(), { target: { value: '2027-03-27' } });
    expect(saved.at(-1)).toEqual({ at: '2027-03-27T02:30:00.000Z', timeZone: 'Europe/Zurich' });
    // The wall-clock time stays when the zone changes; the instant follows the zone.
    fireEvent.change(f.zone(), { target: { value: 'Africa/Nairobi' } });
    expect(saved.at(-1)).toEqual({ at: '2027-03-27T00:30:00.000Z', timeZone: 'Africa/Nairobi' });
    expect(f.time().value).toBe('03:30');
  });

  it('writes and reads the time in the office’s Arabic digits', () => {
    setDisplayPrefs({ timeZone: undefined, digits: 'arab' });
    const f = mount('ar', 'numeric', { at: '2030-12-03T13:00:00.000Z', timeZone: 'Europe/Zurich' });
    expect(f.time().value).toBe('١٤:٠٠');
    expect(f.date().value).toBe('٠٣/١٢/٢٠٣٠');
    fireEvent.change(f.time(), { target: { value: '٢:٣٠ م' } });
    expect(saved).toEqual([{ at: '2030-12-03T13:30:00.000Z', timeZone: 'Europe/Zurich' }]);
  });
});
