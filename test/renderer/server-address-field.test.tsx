// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { SyncSettings } from '../../electron/shared/contract';
import { ServerSection } from '../../renderer/sync/ServerSection';
import { core } from '../core-harness';
import { coreClient, renderWithClient } from './with-core';

// Settings → Server given an address without http:// or https:// ("sync.example.org", as people
// say it) or with another scheme: the field says how to write it, in the person's language,
// instead of the browser's own "Please enter a URL." or the core's English refusal.

afterEach(cleanup);

const plain = (s: string | null) => (s ?? '').replace(/[\u2068\u2069]/g, '');

async function section(lng: string): Promise<Core> {
  const c = await core();
  renderWithClient(coreClient(c), <ServerSection />, lng);
  return c;
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
