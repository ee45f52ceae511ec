// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/index';
import type { SyncStatus } from '../../electron/shared/contract';
import { ServerSection } from '../../renderer/sync/ServerSection';
import { call, closedAfterTest } from '../core-harness';
import { tempDir } from '../helpers';
import { coreClient, renderWithClient } from './with-core';
import { memoryKeychain } from '../sync/memory-keychain';

// Settings → Server: a password this computer remembers can be forgotten, here and in the
// keychain, and the section says so; with none known there is nothing to forget.

afterEach(cleanup);

describe('forgetting the sync password', () => {
  it('is offered while one is remembered, forgets it in the keychain too, says so and puts the cursor in the field', async () => {
    const secrets = memoryKeychain();
    const c = closedAfterTest(await openCore(tempDir(), { author: 'amina', sync: { secrets } }));
    await c.ctx.sync!.whenReady();
    const goma = (await call<{ id: string }>(c, 'office.create', { name: 'Goma' })).id;
    await call(c, 'sync.configure', { server: 'https://sync.example.org', user: 'amina', offices: [goma] });
    await call(c, 'sync.password', { password: 'right-one', remember: true });
    expect([...secrets.kept.values()]).toEqual(['right-one']);

    renderWithClient(coreClient(c), <ServerSection />);
    const forget = await screen.findByRole('button', { name: 'Forget the password' }, { timeout: 15_000 });
    fireEvent.click(forget);
    const said = await screen.findByText('Password forgotten on this computer. Sync waits until it is entered again.');
    expect(said.closest('[role="status"]')).not.toBeNull();
    expect(secrets.kept.size).toBe(0);
    expect((await call<SyncStatus>(c, 'sync.status', {})).password).toBe('none');
    // Nothing is left to forget: the button goes, and the keyboard is in the field for another password.
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Forget the password' })).toBeNull());
    const field = screen.getByLabelText('Password', { exact: true });
    expect(document.activeElement).toBe(field);
    expect(field.getAttribute('placeholder')).toBeNull();

    // Typing a new one puts the line away.
    fireEvent.change(field, { target: { value: 'new-one' } });
    expect(screen.queryByText(/Password forgotten/)).toBeNull();
  });

  it('is not offered when no password is known', async () => {
    const c = closedAfterTest(await openCore(tempDir(), { author: 'amina', sync: { secrets: memoryKeychain() } }));
    await c.ctx.sync!.whenReady();
    renderWithClient(coreClient(c), <ServerSection />);
    await screen.findByText(/Sync is not set up/, {}, { timeout: 15_000 });
    expect(screen.queryByRole('button', { name: 'Forget the password' })).toBeNull();
  });
});
