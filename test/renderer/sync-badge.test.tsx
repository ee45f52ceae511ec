// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreEvent, SyncStatus } from '../../electron/shared/contract';
import type { DatelineClient } from '../../renderer/client/types';
import { setUpI18n } from '../../renderer/i18n';
import { dateFormats } from '../../renderer/i18n/dates';
import { parseRoute } from '../../renderer/app/router';
import { badgeText, badgeTone } from '../../renderer/sync/SyncBadge';
import { SyncBadge } from '../../renderer/sync/SyncBadge';
import { renderWithClient } from './with-core';

// The top bar's sync badge: where sync stands in a few words, in sight on every screen, and a
// link to the sync settings.

afterEach(cleanup);

const NONE = { releases: 0, contacts: 0, photos: 0, files: 0, offices: 0, others: 0, deletions: 0, bytes: 0 };

function status(over: Partial<SyncStatus>): SyncStatus {
  return {
    seq: 1,
    run: 'r1',
    state: 'idle',
    paused: false,
    online: true,
    password: 'kept',
    keychain: true,
    waiting: NONE,
    lastSyncedAt: null,
    nextAt: null,
    error: null,
    clockSkewMs: null,
    clockWarning: false,
    last: null,
    offices: [],
    ...over,
  };
}

/** A client whose core answers `sync.status` with `first` and lets the test send status events. */
function fakeClient(first: SyncStatus): { client: DatelineClient; send: (s: SyncStatus) => void } {
  const listeners = new Set<(e: CoreEvent) => void>();
  const client = {
    call: async (method: string) => (method === 'sync.status' ? { ok: true, value: first } : { ok: false, error: { code: 'NOT_FOUND', message: method } }),
    on: (l: (e: CoreEvent) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    onUnauthorized: () => () => undefined,
  } as unknown as DatelineClient;
  return { client, send: (s) => listeners.forEach((l) => l({ type: 'sync.status', status: s } as CoreEvent)) };
}

describe('the badge words', () => {
  const t = setUpI18n('en').t as unknown as (key: string, options?: Record<string, unknown>) => string;
  const dates = dateFormats('en', 'iso', ['en-GB']);
  const now = new Date('2026-12-07T15:00:00Z');

  it('gives the time of a sync made today, and the date of an older one', () => {
    expect(badgeText(t, status({ lastSyncedAt: '2026-12-07T14:32:00Z' }), dates, now)).toBe(`Synced ${dates.time('2026-12-07T14:32:00Z')}`);
    expect(badgeText(t, status({ lastSyncedAt: '2026-12-01T09:00:00Z' }), dates, now)).toBe(`Synced ${dates.dateTime('2026-12-01T09:00:00Z')}`);
    expect(badgeText(t, status({}), dates, now)).toBe('Sync on');
  });

  it('counts what waits to be sent when work stays on this computer', () => {
    const waiting = { ...NONE, releases: 2, photos: 1, bytes: 4096 };
    expect(badgeText(t, status({ state: 'offline', online: false, waiting }), dates, now)).toBe('Offline · 3 to send');
    expect(badgeText(t, status({ state: 'offline', online: true, waiting }), dates, now)).toBe('Server out of reach · 3 to send');
    expect(badgeText(t, status({ state: 'needs-password' }), dates, now)).toBe('Sync needs the password');
    // While a sync runs, what waits is being sent: no count.
    expect(badgeText(t, status({ state: 'syncing', waiting }), dates, now)).toBe('Syncing…');
  });

  it('is quiet when all is well and alarming when work cannot go out', () => {
    expect(badgeTone(status({}))).toBe('ok');
    expect(badgeTone(status({ state: 'syncing' }))).toBe('busy');
    expect(badgeTone(status({ state: 'paused' }))).toBe('waiting');
    expect(badgeTone(status({ state: 'offline' }))).toBe('waiting');
    expect(badgeTone(status({ state: 'failed' }))).toBe('problem');
    expect(badgeTone(status({ state: 'needs-password' }))).toBe('problem');
  });

  it('has the words in Arabic, with the dual for two things to send', () => {
    const ar = setUpI18n('ar').t as unknown as (key: string, options?: Record<string, unknown>) => string;
    // Each value is isolated from the words around it (the app's interpolation); the words are what is checked.
    expect(badgeText(ar, status({ state: 'paused', waiting: { ...NONE, contacts: 2 } }), dates, now).replace(/[\u2068\u2069]/g, '')).toBe('المزامنة متوقفة مؤقتًا · عنصران للإرسال');
  });
});

describe('the badge in the top bar', () => {
  it('shows nothing while sync is not set up', async () => {
    const { client } = fakeClient(status({ state: 'not-set-up' }));
    const { container } = renderWithClient(client, <SyncBadge />);
    await act(async () => undefined);
    expect(container.querySelector('.sync-badge')).toBeNull();
  });

  it('links to the sync settings and follows the core, announcing a change to offline', async () => {
    const { client, send } = fakeClient(status({ state: 'idle' }));
    renderWithClient(client, <SyncBadge />);
    const link = await screen.findByRole('link', { name: /Sync on/ });
    expect(parseRoute(link.getAttribute('href')!)).toEqual({ screen: 'settings', part: 'sync' });
    expect(screen.getByRole('status').textContent).toBe('');
    act(() => send(status({ seq: 2, state: 'offline', online: false, waiting: { ...NONE, releases: 1 } })));
    expect(screen.getByRole('link').textContent).toBe('Offline · 1 to send');
    expect(screen.getByRole('link').dataset.tone).toBe('waiting');
    expect(screen.getByRole('status').textContent).toMatch(/^Offline: changes stay on this computer/);
  });
});
