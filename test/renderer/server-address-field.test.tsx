// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index';
import type { CoreEvent, SyncSettings } from '../../electron/shared/contract';
import { ClientProvider } from '../../renderer/client/context';
import { asResult, type DatelineClient } from '../../renderer/client/types';
import { setUpI18n } from '../../renderer/i18n';
import { ServerSection } from '../../renderer/sync/ServerSection';
import { tempDir } from '../helpers';

// Settings → Server given an address without http:// or https:// ("sync.example.org", as people
// say it) or with another scheme: the field says how to write it, in the person's language,
// instead of the browser's own "Please enter a URL." or the core's English refusal.

const open: Core[] = [];
afterEach(() => {
  cleanup();
  while (open.length) open.pop()!.close();
});

const plain = (s: string | null) => (s ?? '').replace(/[\u2068\u2069]/g, '');

async function section(lng: string): Promise<Core> {
  const core = await openCore(tempDir(), { author: 'amina' });
  open.push(core);
  const client = {
    call: async (method: string, input: unknown) => asResult<unknown>(await core.dispatch(method, input, { transport: 'test' })),
    on: (listener: (e: CoreEvent) => void) => core.jobs.on(listener),
    onUnauthorized: () => () => undefined,
  } as DatelineClient;
  render(
    <I18nextProvider i18n={setUpI18n(lng)}>
      <ClientProvider client={client}>
        <ServerSection />
      </ClientProvider>
    </I18nextProvider>,
  );
  return core;
}

async function settings(core: Core): Promise<SyncSettings> {
  return ((await core.dispatch('sync.settings', {}, { transport: 'test' })) as { ok: true; value: SyncSettings }).value;
}

describe('a server address that is not http:// or https://', () => {
  it('is said at the field, in French, and nothing is saved', async () => {
    const core = await section('fr');
    const field = await screen.findByLabelText('Adresse du serveur', {}, { timeout: 15_000 });
    for (const typed of ['sync.example.org', 'ftp://sync.example.org']) {
      fireEvent.change(field, { target: { value: typed } });
      fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
      const said = await screen.findByText((_, el) => el?.id === 'sync-server-scheme');
      expect(plain(said.textContent)).toBe('Commencez l’adresse du serveur par https:// (ou http://), par exemple https://sync.example.org.');
      expect(field.getAttribute('aria-invalid')).toBe('true');
      expect(field.getAttribute('aria-describedby')).toContain('sync-server-scheme');
      expect(document.activeElement).toBe(field);
      expect(screen.queryByText(/sync\.configure|must be an http/)).toBeNull();
      expect((await settings(core)).server).toBe('');
    }
    // Written as it should be, the note goes and the address is saved.
    fireEvent.change(field, { target: { value: 'https://sync.example.org' } });
    expect(screen.queryByText((_, el) => el?.id === 'sync-server-scheme')).toBeNull();
  });
});
