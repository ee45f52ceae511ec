// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index';
import { ClientProvider } from '../../renderer/client/context';
import { asResult, type DatelineClient } from '../../renderer/client/types';
import { setUpI18n } from '../../renderer/i18n';
import { ServerSection } from '../../renderer/sync/ServerSection';
import { tempDir } from '../helpers';
import { FakeTimers } from '../sync/app/fake-timers';
import { useCouchWithProxy } from '../sync/couch-server';
import { couchState } from '../sync/couch-state';
import { call } from '../sync/library-state';

// Settings → Server for a new user: pressing Save with the server's address and an office is
// enough for the first sync to follow (no "Sync now"), and the status below the form says so as
// it happens. The core plans that sync 10 seconds after the save, on a clock the test moves.

const couch = useCouchWithProxy();
const open: Core[] = [];
afterEach(() => {
  cleanup();
  while (open.length) open.pop()!.close();
});

describe('saving the server settings', () => {
  it('is followed by a sync: the status moves to "Syncing…", then says the release went', async () => {
    // A library written in an earlier session: no change is new to this run's sync, so only the save can start one.
    const dir = tempDir();
    const earlier = await openCore(dir, { author: 'amina' });
    const goma = (await call<{ id: string }>(earlier, 'office.create', { name: 'Goma' })).id;
    const rel = (await call<{ id: string }>(earlier, 'release.create', { headline: 'Cholera vaccination reaches Goma', language: 'en', office: goma })).id;
    earlier.close();
    const timers = new FakeTimers();
    const core = await openCore(dir, { author: 'amina', sync: { auto: true, timers, retry: { attempts: 1 } } });
    open.push(core);
    await core.ctx.sync!.whenReady();
    const db = await couch.server.createDb(`dateline-${goma}`);
    // The upload waits until the test has seen "Syncing…", so the state is not missed between two renders.
    let release!: () => void;
    couch.proxy.add({ method: 'POST', path: /\/_bulk_docs$/, fault: { kind: 'gate', open: new Promise<void>((r) => (release = r)) } });

    const client = {
      call: async (method: string, input: unknown) => asResult<unknown>(await core.dispatch(method, input, { transport: 'test' })),
      on: (listener: Parameters<DatelineClient['on']>[0]) => core.jobs.on(listener),
      onUnauthorized: () => () => undefined,
    } as DatelineClient;
    render(
      <I18nextProvider i18n={setUpI18n('en')}>
        <ClientProvider client={client}>
          <ServerSection />
        </ClientProvider>
      </I18nextProvider>,
    );
    await screen.findByText(/Sync is not set up/, {}, { timeout: 15_000 });
    fireEvent.change(screen.getByLabelText('Server address'), { target: { value: couch.proxy.url } });
    fireEvent.click(await screen.findByRole('checkbox', { name: /Goma/ }, { timeout: 15_000 }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    await screen.findByText('Sync is on.');
    expect(screen.queryByText('Syncing…')).toBeNull();

    // Ten seconds after the save, the sync starts by itself.
    timers.advance(10_000);
    await screen.findByText('Syncing…');
    release();
    await core.ctx.sync!.idle();
    await screen.findByText(/^Nothing waiting to upload; last synced /);
    expect(Object.keys(await couchState(db)).sort()).toEqual([goma, rel].sort());
  });
});
