// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { setUpI18n } from '../../renderer/i18n';
import { readDateEntry } from '../../renderer/i18n/date-entry';
import type { DateStyle } from '../../renderer/i18n/dates';
import { setDisplayPrefs } from '../../renderer/i18n/display';
import { DateStyleContext } from '../../renderer/i18n/useDates';
import { DateField } from '../../renderer/ui/DateField';

/** Typing a date in the person's own format (or ISO), stored as YYYY-MM-DD as before. */

afterEach(() => {
  cleanup();
  setDisplayPrefs({ timeZone: undefined, digits: 'latn' });
});

const stored: (string | null)[] = [];

function Form({ initial }: { initial: string | null }) {
  const [value, setValue] = useState(initial);
  return (
    <div className="field">
      <label htmlFor="d">Release date</label>
      <DateField
        id="d"
        value={value}
        onChange={(v) => {
          stored.push(v);
          setValue(v);
        }}
      />
    </div>
  );
}

function mount(lng: string, style: DateStyle, initial: string | null) {
  stored.length = 0;
  render(
    <I18nextProvider i18n={setUpI18n(lng)}>
      <DateStyleContext.Provider value={{ style, choose: () => undefined }}>
        <Form initial={initial} />
      </DateStyleContext.Provider>
    </I18nextProvider>,
  );
  return screen.getByRole('textbox') as HTMLInputElement;
}

const note = (box: HTMLElement) => document.getElementById(box.getAttribute('aria-describedby')!.split(' ')[0]!)!.textContent!.replace(/[\u2068\u2069]/g, '');

describe('reading a typed date', () => {
  it('takes ISO always, numbers in the chosen order, and the month in words', () => {
    const read = (text: string, lng: string, style: DateStyle, system: string[] = []) => readDateEntry(text, lng, style, system);
    expect(read('2026-12-24', 'en', 'numeric')).toEqual({ kind: 'date', iso: '2026-12-24' });
    expect(read('24/12/2026', 'en', 'numeric')).toEqual({ kind: 'date', iso: '2026-12-24' });
    expect(read('24.12.2026', 'fr', 'dayMonth')).toEqual({ kind: 'date', iso: '2026-12-24' });
    expect(read('12/24/2026', 'en', 'system', ['en-US'])).toEqual({ kind: 'date', iso: '2026-12-24' });
    expect(read('12/24/2026', 'en', 'system', ['en-GB'])).toEqual({ kind: 'invalid' });
    expect(read('Dec 24, 2026', 'en', 'system', ['en-US'])).toEqual({ kind: 'date', iso: '2026-12-24' });
    expect(read('24 déc. 2026', 'fr', 'dayMonth')).toEqual({ kind: 'date', iso: '2026-12-24' });
    expect(read('24 de diciembre de 2026', 'es', 'dayMonth')).toEqual({ kind: 'date', iso: '2026-12-24' });
    expect(read('24 ديسمبر 2026', 'ar', 'dayMonth')).toEqual({ kind: 'date', iso: '2026-12-24' });
    expect(read('٢٤/١٢/٢٠٢٦', 'ar', 'numeric')).toEqual({ kind: 'date', iso: '2026-12-24' });
    for (const bad of ['24/12/26', 'soon', '24 Smarch 2026', '2026-13-01', '32/01/2026']) expect(read(bad, 'en', 'numeric'), bad).toEqual({ kind: 'invalid' });
    // A form it accepts, and a day the month does not have: said as such.
    const noSuchDay = { kind: 'invalid', noSuchDay: { year: 2026, month: 2, day: 31 } };
    for (const bad of ['31/02/2026', '2026-02-31', '31 February 2026', 'Feb 31, 2026']) expect(read(bad, 'en', 'numeric'), bad).toEqual(noSuchDay);
    expect(read('29/02/2026', 'en', 'numeric')).toEqual({ kind: 'invalid', noSuchDay: { year: 2026, month: 2, day: 29 } });
    expect(read('29/02/2028', 'en', 'numeric')).toEqual({ kind: 'date', iso: '2028-02-29' });
    expect(read('  ', 'en', 'numeric')).toEqual({ kind: 'empty' });
  });
});

describe('month names', () => {
  const read = (text: string, lng: string) => readDateEntry(text, lng, 'dayMonth', []);
  it('are read in English, French, Spanish and Arabic whatever the interface language', () => {
    for (const lng of ['en', 'fr', 'es', 'ar']) {
      for (const text of ['3 December 2026', 'Dec 3, 2026', '3 décembre 2026', '3 déc. 2026', '3 decembre 2026', '3 diciembre 2026', 'el 3 de diciembre de 2026', '3 ديسمبر 2026', '٣ ديسمبر ٢٠٢٦']) {
        expect(read(text, lng), `${text} (${lng})`).toEqual({ kind: 'date', iso: '2026-12-03' });
      }
    }
  });

  it('include the Levantine Arabic names, of one word and of two, with or without hamza and article', () => {
    for (const lng of ['en', 'fr', 'es', 'ar']) {
      for (const text of ['5 كانون الأول 2026', '5 كانون الاول 2026', '5 كانون أول 2026', 'كانون الأول 5، 2026']) expect(read(text, lng), `${text} (${lng})`).toEqual({ kind: 'date', iso: '2026-12-05' });
      expect(read('5 كانون الثاني 2026', lng)).toEqual({ kind: 'date', iso: '2026-01-05' });
      expect(read('5 تشرين الأول 2026', lng)).toEqual({ kind: 'date', iso: '2026-10-05' });
      expect(read('5 تشرين الثاني 2026', lng)).toEqual({ kind: 'date', iso: '2026-11-05' });
      expect(read('5 شباط 2026', lng)).toEqual({ kind: 'date', iso: '2026-02-05' });
      expect(read('5 آذار 2026', lng)).toEqual({ kind: 'date', iso: '2026-03-05' });
      expect(read('5 اب 2026', lng)).toEqual({ kind: 'date', iso: '2026-08-05' });
    }
  });

  it('include the Egyptian and Gulf names, and those of Morocco, Algeria and Tunisia', () => {
    expect(read('5 أغسطس 2026', 'en')).toEqual({ kind: 'date', iso: '2026-08-05' });
    expect(read('5 غشت 2026', 'fr')).toEqual({ kind: 'date', iso: '2026-08-05' });
    expect(read('5 جانفي 2026', 'es')).toEqual({ kind: 'date', iso: '2026-01-05' });
    expect(read('5 جويلية 2026', 'ar')).toEqual({ kind: 'date', iso: '2026-07-05' });
    expect(read('5 ماي 2026', 'ar')).toEqual({ kind: 'date', iso: '2026-05-05' });
  });

  it('still refuse a word that names no month, and two months', () => {
    expect(read('5 كانون 2026', 'ar')).toEqual({ kind: 'invalid' });
    expect(read('5 décembre janvier 2026', 'en')).toEqual({ kind: 'invalid' });
  });
});

describe('the date box', () => {
  it('shows the stored date in the chosen format and stores what is typed as ISO, echoing it in words', () => {
    const box = mount('en', 'numeric', '2026-12-06');
    expect(screen.getByLabelText('Release date')).toBe(box);
    expect(box.value).toBe('06/12/2026');
    fireEvent.change(box, { target: { value: '24/12/2026' } });
    expect(stored).toEqual(['2026-12-24']);
    expect(note(box)).toBe('Understood as Thursday, 24 December 2026.');
    fireEvent.change(box, { target: { value: '2027-01-05' } });
    fireEvent.blur(box);
    expect(stored).toEqual(['2026-12-24', '2027-01-05']);
    // Leaving the box writes the date the person's way.
    expect(box.value).toBe('05/01/2027');
    fireEvent.change(box, { target: { value: '' } });
    expect(stored).toEqual(['2026-12-24', '2027-01-05', null]);
    expect(note(box)).toBe('For example 24/12/2026, or 2026-12-24.');
  });

  it('says what is wrong once the person leaves a box that holds no date, and stores nothing', () => {
    const box = mount('en', 'numeric', '2026-12-06');
    fireEvent.change(box, { target: { value: '24/12/26' } });
    expect(box.getAttribute('aria-invalid')).toBeNull();
    fireEvent.blur(box);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(note(box)).toBe('Not a date: write it like 24/12/2026 or 2026-12-24, with the year in full.');
    expect(stored).toEqual([]);
    expect(box.value).toBe('24/12/26');
  });

  it('names the missing day when the date is written right but the month has no such day', () => {
    let box = mount('en', 'dayMonth', '2026-12-06');
    fireEvent.change(box, { target: { value: '31 February 2026' } });
    fireEvent.blur(box);
    expect(note(box)).toBe('February 2026 has no day 31.');
    expect(stored).toEqual([]);
    cleanup();
    box = mount('fr', 'numeric', null);
    fireEvent.change(box, { target: { value: '31/04/2026' } });
    fireEvent.blur(box);
    expect(note(box)).toBe('Il n’y a pas de 31 en avril 2026.');
  });

  it('holds closing the page while the box holds text that is not a date, and tells the form once it is left', () => {
    const unreadable: boolean[] = [];
    const held = () => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    };
    render(
      <I18nextProvider i18n={setUpI18n('en')}>
        <DateStyleContext.Provider value={{ style: 'numeric', choose: () => undefined }}>
          <DateField id="d" value="2026-12-06" onChange={() => undefined} onUnreadable={(u) => unreadable.push(u)} />
        </DateStyleContext.Provider>
      </I18nextProvider>,
    );
    const box = screen.getByRole('textbox') as HTMLInputElement;
    expect(held()).toBe(false);
    fireEvent.change(box, { target: { value: '31/02/2026' } });
    expect(held()).toBe(true);
    expect(unreadable).toEqual([]);
    fireEvent.blur(box);
    expect(unreadable).toEqual([true]);
    fireEvent.change(box, { target: { value: '06/12/2026' } });
    expect(held()).toBe(false);
    expect(unreadable).toEqual([true, false]);
  });

  it('says by which order numbers that could be read both ways were read: the region, or the format chosen', () => {
    expect(readDateEntry('03/12/2026', 'en', 'numeric', [])).toEqual({ kind: 'date', iso: '2026-12-03', ambiguous: true });
    expect(readDateEntry('03/03/2026', 'en', 'numeric', [])).toEqual({ kind: 'date', iso: '2026-03-03' });
    expect(readDateEntry('13/12/2026', 'en', 'numeric', [])).toEqual({ kind: 'date', iso: '2026-12-13' });
    // jsdom's navigator is set to the United States.
    let box = mount('en', 'system', null);
    fireEvent.change(box, { target: { value: '03/12/2026' } });
    expect(stored).toEqual(['2026-03-12']);
    expect(note(box)).toBe("Understood as Thursday, March 12, 2026: month before day, as this computer's region (United States) writes dates.");
    fireEvent.change(box, { target: { value: '13/12/2026' } });
    expect(note(box)).toBe('');
    fireEvent.change(box, { target: { value: '12/13/2026' } });
    expect(note(box)).toBe('Understood as Sunday, December 13, 2026.');
    cleanup();
    box = mount('fr', 'numeric', null);
    fireEvent.change(box, { target: { value: '03/12/2026' } });
    expect(note(box)).toBe('Compris comme : jeudi 3 décembre 2026. Le jour avant le mois, comme choisi dans Paramètres → Format des dates.');
  });

  it('reads month-first dates on a US system, and words in French and Arabic', () => {
    let box = mount('en', 'system', null);
    fireEvent.change(box, { target: { value: '12/24/2026' } });
    expect(stored).toEqual(['2026-12-24']);
    cleanup();
    box = mount('fr', 'dayMonth', null);
    fireEvent.change(box, { target: { value: '24 décembre 2026' } });
    expect(stored).toEqual(['2026-12-24']);
    expect(note(box)).toBe('Compris comme : jeudi 24 décembre 2026.');
    cleanup();
    setDisplayPrefs({ timeZone: undefined, digits: 'arab' });
    box = mount('ar', 'numeric', '2026-12-06');
    expect(box.value).toBe('٠٦/١٢/٢٠٢٦');
    expect(box.getAttribute('dir')).toBe('auto');
    fireEvent.change(box, { target: { value: '٢٤/١٢/٢٠٢٦' } });
    expect(stored).toEqual(['2026-12-24']);
    expect(screen.getByRole('button', { name: 'اختيار التاريخ من التقويم' })).toBeTruthy();
  });
});
