// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/index';
import { ServerSection } from '../../renderer/sync/ServerSection';
import { closedAfterTest } from '../core-harness';
import { tempDir } from '../helpers';
import { FakeTimers } from '../sync/app/fake-timers';
import { useCouchWithProxy } from '../sync/couch-server';
import { couchState } from '../sync/couch-state';
import { call } from '../sync/library-state';
import { coreClient, renderWithClient } from './with-core';

// Settings → Server for a new user: pressing Save with the server's address and an office is
// enough for the first sync to follow (no "Sync now"), and the status below the form says so as
// it happens. The core plans that sync 10 seconds after the save, on a clock the test moves.

const couch = useCouchWithProxy();
afterEach(cleanup);

describe('saving the server settings', () => {
  it('is followed by a sync: the status moves to "Syncing…", then says the release went', async () => {
    // A library written in an earlier session: no change is new to this run's sync, so only the save can start one.
    const dir = tempDir();
    const earlier = await openCore(dir, { author: 'amina' });
    const goma = (await call<{ id: string }>(earlier, 'office.create', { name: 'Goma' })).id;
    const rel = (await call<{ id: string }>(earlier, 'release.create', { headline: 'Cholera vaccination reaches Goma', language: 'en', office: goma })).id;
    earlier.close();
    const timers = new FakeTimers();
    const core = closedAfterTest(await openCore(dir, { author: 'amina', sync: { auto: true, timers, retry: { attempts: 1 } } }));
    await core.ctx.sync!.whenReady();
    const db = await couch.server.createDb(`dateline-${goma}`);
    // The upload waits until the test has seen "Syncing…", so the state is not missed between two renders.
    let release!: () => void;
    couch.proxy.add({ method: 'POST', path: /\/_bulk_docs$/, fault: { kind: 'gate', open: new Promise<void>((r) => (release = r)) } });

    renderWithClient(coreClient(core), <ServerSection />);
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
