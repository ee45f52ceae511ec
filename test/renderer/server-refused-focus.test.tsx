// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreEvent, SyncStatus } from '../../electron/shared/contract';
import { ServerSection } from '../../renderer/sync/ServerSection';
import { core } from '../core-harness';
import { focusAtChange } from './focus-at-commit';
import { coreClient, renderWithClient } from './with-core';

// Settings → Server when the server refuses the password: the refusal arrives as a status event
// from the core, and the password field has focus in the change that says so.

afterEach(cleanup);

describe('a refused password', () => {
  it('puts the focus in the password field in the same change that asks for it', async () => {
    const c = await core();
    const listeners = new Set<(e: CoreEvent) => void>();
    const client = coreClient(c, {
      on: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    });
    renderWithClient(client, <ServerSection />);
    const password = await screen.findByLabelText('Password', { exact: true }, { timeout: 15_000 });
    await screen.findByText(/Sync is not set up/, {}, { timeout: 15_000 });
    const now = (await c.dispatch('sync.status', {}, { transport: 'test' })) as { ok: true; value: SyncStatus };
    const refused: SyncStatus = {
      ...now.value,
      seq: now.value.seq + 1,
      state: 'needs-password',
      error: { code: 'SERVER_AUTH', message: 'The sync server refused the account or password.' },
    };

    const asked = 'The server refused this account or password: check the account above and enter the password again.';
    const focused = focusAtChange(document.body, () => screen.queryByText(asked) !== null);
    // The event comes from the core later, as over IPC, not inside a click.
    setTimeout(() => listeners.forEach((l) => l({ type: 'sync.status', status: refused })), 10);
    await screen.findByText(asked);
    expect(await focused).toBe(password);
    await waitFor(() => expect(document.activeElement).toBe(password));
  });
});
