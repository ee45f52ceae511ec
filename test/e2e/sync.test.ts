import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index';
import type { SyncSummary } from '../../electron/shared/sync/contract';
import { tempDir } from '../helpers';
import { startCouch, type CouchServer } from '../sync/couch-server';
import { call, libraryState } from '../sync/library-state';
import { startHarness, type Harness } from './harness';

/**
 * Settings → Server in headless Chromium against the real core and a real pouchdb-server, as a
 * person would: type the server, Sync now, read the result; the server refusing the password
 * makes the app ask for it again; a second library then receives the release.
 */

let h: Harness;
let page: Page;
let couch: CouchServer;
let db: string;

beforeAll(async () => {
  couch = await startCouch();
  db = await couch.createDb('office-goma');
  const user = await fetch(`${couch.url}/_users/org.couchdb.user:amina`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'amina', password: 'right-one', roles: [], type: 'user' }),
  });
  expect(user.status).toBe(201);
  h = await startHarness({ author: 'Press Officer', stepTimeout: 20_000 });
  page = h.page;
}, 180_000);

afterAll(async () => {
  await h?.close();
  await couch?.stop();
});

describe('sync from Settings', () => {
  it('sends the library to the server and says so in words', async () => {
    const rel = await h.api('release.create', { headline: 'Cholera vaccination reaches Goma', language: 'en' });
    await page.goto(h.server.url);
    await h.nav('Settings').click();
    const server = page.getByRole('region', { name: 'Server' });
    await server.getByLabel('Server database address').fill(db);
    await server.getByLabel('Account (user name)').fill('amina');
    await server.getByLabel('Password').fill('first-guess');
    // The server refuses a wrong password: it is forgotten and asked for again.
    await server.getByRole('button', { name: 'Sync now' }).click();
    await server.getByRole('alert').getByText(/The sync server refused the account or password/).waitFor();
    expect(await server.getByLabel('Password').inputValue()).toBe('');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('sync-password');
    await h.expectAccessible('settings server refused');

    await server.getByLabel('Password').fill('right-one');
    await server.getByRole('button', { name: 'Sync now' }).click();
    const result = server.getByText(/^Documents sent: 1, received: 0; conflicts to resolve: 0; last synced \d\d:\d\d\.$/);
    await result.waitFor();
    expect(await server.getByRole('alert').count()).toBe(0);

    // The address and account stay on this computer; the password only for this session.
    await page.reload();
    await h.nav('Settings').click();
    expect(await server.getByLabel('Server database address').inputValue()).toBe(db);
    expect(await server.getByLabel('Account (user name)').inputValue()).toBe('amina');
    expect(await server.getByLabel('Password').inputValue()).toBe('');
    expect(await page.evaluate(() => JSON.stringify(window.localStorage))).not.toContain('right-one');

    // A second library, syncing with the same database, receives the release as it was written.
    const other: Core = await openCore(tempDir(), { author: 'Geneva desk' });
    try {
      const { jobId } = await call<{ jobId: string }>(other, 'sync.run', { remote: db });
      const summary = (await other.jobs.wait(jobId)) as SyncSummary;
      expect([summary.pulled.docs, summary.pushed.docs, summary.conflicts]).toEqual([1, 0, []]);
      expect(libraryState(other)[rel.id]).toEqual(libraryState(h.core)[rel.id]);
    } finally {
      other.close();
    }
  });

  it('refuses an address that is not a server database, saying what is wrong', async () => {
    const server = page.getByRole('region', { name: 'Server' });
    await server.getByLabel('Server database address').fill('ftp://sync.example.org/goma');
    await server.getByRole('button', { name: 'Sync now' }).click();
    await server.getByRole('alert').getByText(/must be an http:\/\/ or https:\/\/ address of a database/).waitFor();
  });
});
