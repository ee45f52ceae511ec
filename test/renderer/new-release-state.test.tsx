// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page, ReleaseSummary } from '../../electron/shared/contract';
import { NewRelease } from '../../renderer/releases/ReleaseEditor';
import { call, core } from '../core-harness';
import { coreClient, renderWithCore } from './with-core';
import { ClientProvider } from '../../renderer/client/context';
import appFr from '../../renderer/i18n/fr.json';

/**
 * A new release is stored by its first keystroke, not by the "New release" click: until then the
 * editor must not say "Saved" (nothing is), and once the release exists it does.
 */

afterEach(cleanup);

const saveState = () => document.querySelector('.save-state');

describe('the save state of a new release', () => {
  it('says nothing before the first keystroke, then "Saved" once the release is stored', async () => {
    const c = await core();
    renderWithCore(c, <NewRelease language={null} />, 'test');
    const headline = await screen.findByRole('textbox', { name: 'Headline' }, { timeout: 15_000 });
    expect(saveState()).not.toBeNull();
    expect(saveState()!.textContent).toBe('');
    expect((await call<Page<ReleaseSummary>>(c, 'release.list', {})).total).toBe(0);

    fireEvent.change(headline, { target: { value: 'Boreholes in Kasese' } });
    await waitFor(() => expect(saveState()!.textContent).toBe('Saved'), { timeout: 15_000 });
    expect((await call<Page<ReleaseSummary>>(c, 'release.list', {})).total).toBe(1);
  });

  it("is written in the interface's language when none is asked for, and in the one asked for otherwise", async () => {
    const c = await core();
    const i18n = i18next.createInstance();
    await i18n.use(initReactI18next).init({ resources: { fr: { translation: appFr } }, lng: 'fr', interpolation: { escapeValue: false }, initAsync: false });
    const client = coreClient(c, { transport: 'test', on: () => () => undefined });
    const type = async (value: string) => {
      fireEvent.change(await screen.findByRole('textbox', { name: appFr.releases.headline }, { timeout: 15_000 }), { target: { value } });
    };
    render(
      <I18nextProvider i18n={i18n}>
        <ClientProvider client={client}>
          <NewRelease language={null} />
        </ClientProvider>
      </I18nextProvider>,
    );
    await type('Forages à Kasese');
    await waitFor(async () => expect((await call<Page<ReleaseSummary>>(c, 'release.list', {})).items.map((r) => r.language)).toEqual(['fr']), { timeout: 15_000 });
    cleanup();
    render(
      <I18nextProvider i18n={i18n}>
        <ClientProvider client={client}>
          <NewRelease language="ar" />
        </ClientProvider>
      </I18nextProvider>,
    );
    await type('آبار في كاسيسي');
    await waitFor(async () => expect((await call<Page<ReleaseSummary>>(c, 'release.list', {})).items.map((r) => r.language).sort()).toEqual(['ar', 'fr']), { timeout: 15_000 });
  });
});
