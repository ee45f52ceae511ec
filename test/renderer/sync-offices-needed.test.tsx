// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncSettings } from '../../electron/shared/contract';
import type { Core } from '../../electron/core/index';
import { ServerSection } from '../../renderer/sync/ServerSection';
import { core } from '../core-harness';
import { coreClient, renderWithClient } from './with-core';

/**
 * Settings → Server saved with no office ticked: said at the offices in the person's language,
 * with where offices are created (Settings → Offices), not as the core's "Check the field
 * “offices”: offices: …". A library with no office says so before. "Saved." is no warning.
 */

afterEach(cleanup);

const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u2068\u2069]/g, '');

async function settings(c: Core): Promise<SyncSettings> {
  return ((await c.dispatch('sync.settings', {}, { transport: 'test' })) as { ok: true; value: SyncSettings }).value;
}

describe('a sync server with no office chosen', () => {
  it('says in English where offices come from, and saves once one is chosen, as a success', async () => {
    const c = await core();
    renderWithClient(coreClient(c), <ServerSection />, 'en');
    const server = await screen.findByLabelText('Server address', {}, { timeout: 15_000 });
    expect(plain((await screen.findByText(/This library has no offices yet/, {}, { timeout: 15_000 })).textContent)).toBe(
      "This library has no offices yet: create yours under Settings → Offices, then tick it here. To receive another office's documents, type its id below. Create your office",
    );
    expect(screen.getByRole('link', { name: 'Create your office' }).getAttribute('href')).toBe('#/settings/offices/new');

    fireEvent.change(server, { target: { value: 'http://127.0.0.1:5999' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const said = await screen.findByRole('alert');
    expect(plain(said.textContent)).toBe('Choose at least one office to sync with this server. Offices are created under Settings → Offices.');
    expect(screen.queryByText(/Check the field/)).toBeNull();
    expect(document.activeElement).toBe(screen.getByLabelText('Another office, by its id'));
    expect((await settings(c)).server).toBe('');

    fireEvent.change(screen.getByLabelText('Another office, by its id'), { target: { value: 'off-kampala' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const saved = await screen.findByText('Saved.', {}, { timeout: 15_000 });
    expect(saved.className.split(' ')).toContain('done');
    expect((await settings(c)).server).toBe('http://127.0.0.1:5999');
  }, 60_000);

  it('is said in French', async () => {
    const c = await core();
    renderWithClient(coreClient(c), <ServerSection />, 'fr');
    const server = await screen.findByLabelText('Adresse du serveur', {}, { timeout: 15_000 });
    fireEvent.change(server, { target: { value: 'http://127.0.0.1:5999' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(plain((await screen.findByRole('alert')).textContent)).toBe(
      'Choisissez au moins un bureau à synchroniser avec ce serveur. Les bureaux se créent dans Paramètres → Bureaux.',
    );
  }, 60_000);
});
