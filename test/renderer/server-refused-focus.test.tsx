// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index';
import type { CoreEvent, SyncStatus } from '../../electron/shared/contract';
import { ClientProvider } from '../../renderer/client/context';
import { asResult, type DatelineClient } from '../../renderer/client/types';
import { setUpI18n } from '../../renderer/i18n';
import { ServerSection } from '../../renderer/sync/ServerSection';
import { tempDir } from '../helpers';
import { focusAtChange } from './focus-at-commit';

// Settings → Server when the server refuses the password: the refusal arrives as a status event
// from the core, and the password field has focus in the change that says so.

const open: Core[] = [];
afterEach(() => {
  cleanup();
  while (open.length) open.pop()!.close();
});

describe('a refused password', () => {
  it('puts the focus in the password field in the same change that asks for it', async () => {
    const core = await openCore(tempDir(), { author: 'amina' });
    open.push(core);
    const listeners = new Set<(e: CoreEvent) => void>();
    const client = {
      call: async (method: string, input: unknown) => asResult<unknown>(await core.dispatch(method, input, { transport: 'test' })),
      on: (listener: (e: CoreEvent) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      onUnauthorized: () => () => undefined,
    } as DatelineClient;
    render(
      <I18nextProvider i18n={setUpI18n('en')}>
        <ClientProvider client={client}>
          <ServerSection />
        </ClientProvider>
      </I18nextProvider>,
    );
    const password = await screen.findByLabelText('Password', { exact: true }, { timeout: 15_000 });
    await screen.findByText(/Sync is not set up/, {}, { timeout: 15_000 });
    const now = (await core.dispatch('sync.status', {}, { transport: 'test' })) as { ok: true; value: SyncStatus };
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
