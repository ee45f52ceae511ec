import { cleanup, render, type RenderResult } from '@testing-library/react';
import i18next from 'i18next';
import type { ReactElement, ReactNode } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterEach, beforeEach } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { CallResult, InputOf, MethodName } from '../../electron/shared/contract';
import type { Result } from '../../electron/shared/errors';
import { LeaveQuestion } from '../../renderer/app/LeaveQuestion';
import { type Route, useRoute } from '../../renderer/app/router';
import { ClientProvider } from '../../renderer/client/context';
import type { DatelineClient } from '../../renderer/client/types';
import { setUpI18n } from '../../renderer/i18n';
import appAr from '../../renderer/i18n/ar.json';
import appEn from '../../renderer/i18n/en.json';
import appEs from '../../renderer/i18n/es.json';
import appFr from '../../renderer/i18n/fr.json';

/**
 * A screen rendered in English (or another interface language) against a real core: its calls go through the core's dispatcher as
 * web mode's (`http`, which refuses local-only methods) or a test's would, and it hears no events.
 */
export function renderWithCore(c: Core, ui: ReactElement, transport: 'http' | 'test' = 'http', lng: 'en' | 'fr' | 'es' | 'ar' = 'en'): RenderResult {
  const client = coreClient(c, { transport, on: () => () => undefined });
  const i18n = i18next.createInstance();
  const resources = { en: { translation: appEn }, fr: { translation: appFr }, es: { translation: appEs }, ar: { translation: appAr } };
  void i18n.use(initReactI18next).init({ resources, lng, fallbackLng: 'en', interpolation: { escapeValue: false }, initAsync: false });
  return render(
    <I18nextProvider i18n={i18n}>
      <ClientProvider client={client}>{ui}</ClientProvider>
    </I18nextProvider>,
  );
}

/**
 * A client wired straight to a real core: its calls go through the core's dispatcher (as a
 * test's, unless `transport` says otherwise), and its listeners hear the core's events, or
 * whatever `on` gives them when a test sends its own.
 *
 * A file that renders with it registers `afterEach(cleanup)` after importing ../core-harness,
 * so that vitest (whose after-hooks run last registered first) unmounts the screen before the
 * harness closes the core the screen is still calling.
 */
export function coreClient(c: Core, opts: { transport?: 'http' | 'test'; on?: DatelineClient['on'] } = {}): DatelineClient {
  const transport = opts.transport ?? 'test';
  return {
    call: <M extends MethodName>(method: M, input: InputOf<M>) => c.dispatch(method, input, { transport }) as Promise<Result<CallResult<M>>>,
    on: opts.on ?? ((listener) => c.jobs.on(listener)),
    onUnauthorized: () => () => undefined,
  };
}

/** `ui` with `client`, in language `lng` with the app's own language set-up (setUpI18n). */
export function renderWithClient(client: DatelineClient, ui: ReactElement, lng = 'en'): RenderResult {
  return render(
    <I18nextProvider i18n={setUpI18n(lng)}>
      <ClientProvider client={client}>{ui}</ClientProvider>
    </I18nextProvider>,
  );
}

/**
 * The app's screens as the router shows them, with the "Discard changes?" question that guards
 * leaving a form: for tests that follow a person from screen to screen. Each test of the file
 * starts on the first screen (an empty hash) with nothing left rendered from the one before.
 */
export function routedScreens(screen: (route: Route) => ReactNode): () => ReactElement {
  afterEach(cleanup);
  beforeEach(() => {
    window.location.hash = '';
  });
  return function Shell() {
    const route = useRoute();
    return (
      <>
        {screen(route)}
        <LeaveQuestion />
      </>
    );
  };
}
