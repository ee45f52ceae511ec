// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { SearchHit } from '../../electron/shared/contract';
import { GlobalSearch } from '../../renderer/app/GlobalSearch';
import { ClientProvider } from '../../renderer/client/context';
import type { DatelineClient } from '../../renderer/client/types';
import { setUpI18n } from '../../renderer/i18n';
import { call, core, release } from '../core-harness';

/** A search hit's line under the headline: the language by its name and the date as the person writes dates, never "fr · 2026-11-03". */

afterEach(() => {
  cleanup();
  localStorage.clear();
});

function searchIn(c: Core, lng: string) {
  const client: DatelineClient = {
    call: ((method, input) => c.dispatch(method, input, { transport: 'http' })) as DatelineClient['call'],
    on: () => () => undefined,
    onUnauthorized: () => () => undefined,
  };
  const i18n = setUpI18n(lng);
  render(
    <I18nextProvider i18n={i18n}>
      <ClientProvider client={client}>
        <GlobalSearch />
      </ClientProvider>
    </I18nextProvider>,
  );
}

const FSI_PDI = /[\u2068\u2069]/g;

describe('a release found by search', () => {
  it('comes from the core as fields, not as wording', async () => {
    const c = await core();
    await call(c, 'release.create', release({ headline: 'Les forages de Kasese', language: 'fr', releaseDate: '2026-11-03' }));
    const [hit] = await call<SearchHit[]>(c, 'search', { query: 'forages' });
    expect(hit).toMatchObject({ type: 'release', title: 'Les forages de Kasese', language: 'fr', date: '2026-11-03', detail: null });
  });

  for (const [lng, words] of [
    ['en', 'French · Nov 3, 2026'],
    ['fr', 'français · 3 nov. 2026'],
    ['ar', 'الفرنسية · 3 نوفمبر 2026'],
  ] as const) {
    it(`is worded in the interface's language (${lng})`, async () => {
      const c = await core();
      await call(c, 'release.create', release({ headline: 'Les forages de Kasese', language: 'fr', releaseDate: '2026-11-03' }));
      searchIn(c, lng);
      await act(async () => {
        fireEvent.change(screen.getByRole('combobox'), { target: { value: 'forages' } });
      });
      const option = await screen.findByRole('option');
      expect(option.querySelector('.hit-detail')?.textContent?.replace(FSI_PDI, '')).toBe(words);
    });
  }
});

describe('a kit found by search', () => {
  it('opens that kit, not the list of kits', async () => {
    const c = await core();
    const kit = await call<{ id: string }>(c, 'kit.create', { title: 'Kasese water kit', language: 'en', items: [] });
    window.location.hash = '#/releases';
    searchIn(c, 'en');
    const box = screen.getByRole('combobox');
    await act(async () => {
      fireEvent.change(box, { target: { value: 'Kasese water' } });
    });
    await screen.findByRole('option', { name: /Kasese water kit/ });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(window.location.hash).toBe(`#/kits/${kit.id}`);
  });
});
