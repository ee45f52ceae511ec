// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { GlobalSearch } from '../../renderer/app/GlobalSearch';
import { href } from '../../renderer/app/router';
import { ClientProvider } from '../../renderer/client/context';
import type { DatelineClient } from '../../renderer/client/types';
import { setUpI18n } from '../../renderer/i18n';
import { call, core, release } from '../core-harness';

/**
 * Enter in the top bar's search opens a hit of the query as it is typed now, never one of the
 * results still shown from the query before: pressed before the new results arrive, it waits.
 */

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

/** A client whose searches for `slow` answer only when `release()` is called. */
function slowSearch(c: Core, slow: string) {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const client: DatelineClient = {
    call: (async (method: string, input: { query?: string }) => {
      if (method === 'search' && input.query === slow) await held;
      return c.dispatch(method as 'search', input as never, { transport: 'test' });
    }) as DatelineClient['call'],
    on: () => () => undefined,
    onUnauthorized: () => () => undefined,
  };
  render(
    <I18nextProvider i18n={setUpI18n('en')}>
      <ClientProvider client={client}>
        <GlobalSearch />
      </ClientProvider>
    </I18nextProvider>,
  );
  return () => release();
}

describe('Enter in the search box', () => {
  it('waits for the results of what is typed and opens the first of them, not the last query’s', async () => {
    const c = await core();
    const { id: releaseId } = await call<{ id: string }>(c, 'release.create', release({ headline: 'The migration of the library' }));
    const { id: contactId } = await call<{ id: string }>(c, 'contact.create', { name: 'Grace Poppins', role: 'Reporter' });
    const answer = slowSearch(c, 'Popp');
    const box = screen.getByRole('combobox');

    fireEvent.change(box, { target: { value: 'migration' } });
    await screen.findByRole('option', { name: /The migration of the library/ }, { timeout: 15_000 });

    fireEvent.change(box, { target: { value: 'Popp' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    // The release found for "migration" is still shown, and is not what Enter opens.
    await new Promise((r) => setTimeout(r, 300));
    expect(window.location.hash).not.toBe(href.release(releaseId));
    expect(window.location.hash).toBe('');

    await act(async () => answer());
    await waitFor(() => expect(window.location.hash).toBe(href.contact(contactId)), { timeout: 15_000 });
  }, 60_000);

  it('opens nothing when the query it waited for finds nothing', async () => {
    const c = await core();
    await call(c, 'release.create', release({ headline: 'The migration of the library' }));
    const answer = slowSearch(c, 'zzzq');
    const box = screen.getByRole('combobox');
    fireEvent.change(box, { target: { value: 'migration' } });
    await screen.findByRole('option', {}, { timeout: 15_000 });
    fireEvent.change(box, { target: { value: 'zzzq' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await act(async () => answer());
    await screen.findByText(/zzzq/, { selector: '[role=status]' }, { timeout: 15_000 });
    expect(window.location.hash).toBe('');
  }, 60_000);
});
