// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { CallResult, InputOf, MethodName } from '../../electron/shared/contract';
import type { Result } from '../../electron/shared/errors';
import { ClientProvider } from '../../renderer/client/context';
import type { DatelineClient } from '../../renderer/client/types';
import { SegmentBar } from '../../renderer/contacts/SegmentBar';
import appEn from '../../renderer/i18n/en.json';
import { damageLocal } from '../damage';
import { call, core } from './helpers';

/** The saved segments above the contact list, against a real core. */

afterEach(() => cleanup());

function mount(c: Core) {
  const client: DatelineClient = {
    call: <M extends MethodName>(method: M, input: InputOf<M>) => c.dispatch(method, input, { transport: 'http' }) as Promise<Result<CallResult<M>>>,
    on: () => () => undefined,
    onUnauthorized: () => () => undefined,
  };
  const i18n = i18next.createInstance();
  void i18n.use(initReactI18next).init({ resources: { en: { translation: appEn } }, lng: 'en', interpolation: { escapeValue: false }, initAsync: false });
  render(
    <I18nextProvider i18n={i18n}>
      <ClientProvider client={client}>
        <SegmentBar filter={{}} onApply={() => undefined} />
      </ClientProvider>
    </I18nextProvider>,
  );
}

describe('the segment bar', () => {
  it('offers the saved segments, and says so when their record was damaged outside Dateline instead of showing none', async () => {
    const c = await core();
    await call(c, 'segment.save', { name: 'Colombia', filter: { country: 'CO' } });
    mount(c);
    const select = await screen.findByRole('combobox', { name: 'Saved segment' });
    await within(select).findByRole('option', { name: 'Colombia' });
    cleanup();

    damageLocal(c.library.db, 'contact-segments', '{"segments":[{"name":"Colombia","filter":{"country":7}}]}');
    mount(c);
    const alert = await screen.findByText(/^Data stored in this library cannot be read: it was changed outside Dateline/);
    expect(alert.textContent).toContain('The saved segments "contact-segments" cannot be read: segments.0.filter.country');
  });
});
