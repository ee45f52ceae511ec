// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncSettings } from '../../electron/shared/contract';
import type { Core } from '../../electron/core/index';
import { ServerSection } from '../../renderer/sync/ServerSection';
import { addressWithoutAccount } from '../../electron/shared/sync/server-address';
import { serverPart } from '../../renderer/sync/serverAddress';
import { core } from '../core-harness';
import { coreClient, renderWithClient } from './with-core';

/**
 * A server address with an account or a password written into it ("http://ana:secret@…") is
 * said at once at the field, never suggested back, and never saved: the settings store the
 * address as written, and a password belongs in its own box (kept in the system's keychain).
 */

afterEach(cleanup);

const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u2068\u2069]/g, '');

async function settings(c: Core): Promise<SyncSettings> {
  return ((await c.dispatch('sync.settings', {}, { transport: 'test' })) as { ok: true; value: SyncSettings }).value;
}

describe('an account written into the server address', () => {
  it('is found, and taken out of the address the screen suggests', () => {
    expect(addressWithoutAccount('http://ana:secret@127.0.0.1:5999')).toBe('http://127.0.0.1:5999');
    expect(addressWithoutAccount('https://ana@sync.example.org/couch')).toBe('https://sync.example.org/couch');
    expect(addressWithoutAccount('https://sync.example.org/a@b')).toBeNull();
    expect(addressWithoutAccount('https://sync.example.org')).toBeNull();
    expect(serverPart('http://ana:secret@127.0.0.1:5999/dateline-goma', 'dateline-goma')).toBe('http://127.0.0.1:5999');
  });

  it('is said at the field as it is typed, and Save stores nothing until it is taken out', async () => {
    const c = await core();
    renderWithClient(coreClient(c), <ServerSection />, 'en');
    const server = await screen.findByLabelText('Server address', {}, { timeout: 15_000 });
    fireEvent.change(screen.getByLabelText('Another office, by its id'), { target: { value: 'off-kampala' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    fireEvent.change(server, { target: { value: 'http://ana:secret@127.0.0.1:5999/dateline-off-kampala' } });
    const said = await screen.findByRole('alert');
    expect(plain(said.textContent)).toContain('Leave the account and its password out of the address: write the address alone (http://127.0.0.1:5999/dateline-off-kampala)');
    expect(screen.getByText(/This is the address of a database/).textContent).toContain('enter http://127.0.0.1:5999 instead');
    expect(document.body.textContent).not.toContain('enter http://ana');
    expect(server.getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(document.activeElement).toBe(server);
    expect((await settings(c)).server).toBe('');

    fireEvent.change(server, { target: { value: 'http://127.0.0.1:5999' } });
    expect(screen.queryByText(/Leave the account/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.', {}, { timeout: 15_000 });
    expect((await settings(c)).server).toBe('http://127.0.0.1:5999');
  }, 60_000);
});
