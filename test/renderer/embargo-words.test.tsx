// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { setUpI18n } from '../../renderer/i18n';
import { setDisplayPrefs } from '../../renderer/i18n/display';
import { DateStyleContext } from '../../renderer/i18n/useDates';
import { EmbargoWords } from '../../renderer/releases/EmbargoField';

/** The embargo in words writes its day as the person's date format writes dates. */

afterEach(() => {
  cleanup();
  setDisplayPrefs({ timeZone: undefined, digits: 'latn' });
});

const text = (el: Element | null) => (el?.textContent ?? '').replace(/[\u2068\u2069]/g, '');

describe('the embargo in words', () => {
  it('writes the day as the person’s date format does, in the embargo’s own zone', () => {
    const embargo = { at: '2099-12-03T23:30:00.000Z', timeZone: 'Asia/Amman' };
    for (const [style, expected] of [
      ['iso', 'Embargoed until 02:30 Amman time, 2099-12-04'],
      ['numeric', 'Embargoed until 02:30 Amman time, 04/12/2099'],
      ['dayMonth', 'Embargoed until 02:30 Amman time, 4 Dec 2099'],
    ] as const) {
      render(
        <I18nextProvider i18n={setUpI18n('en')}>
          <DateStyleContext.Provider value={{ style, choose: () => undefined }}>
            <p data-testid={style}>
              <EmbargoWords embargo={embargo} />
            </p>
          </DateStyleContext.Provider>
        </I18nextProvider>,
      );
      expect(text(screen.getByTestId(style)), style).toBe(expected);
    }
  });
});
