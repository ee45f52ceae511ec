import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeDatabase } from '../../electron/core/sync/service';
import { couchState } from '../sync/couch-state';
import { useCouchWithProxy } from '../sync/couch-server';
import { ARTIFACTS, startHarness, type Harness } from './harness';

/**
 * A new server without the office's database, in web mode in headless Chromium against the real
 * core and a real pouchdb-server: Settings → Server says which database is missing; an account
 * that may not create databases is told to ask the administrator (and offered nothing); an
 * administrator is offered to create it, a refusal on creating is said plainly, and once made
 * the office syncs.
 */

const couch = useCouchWithProxy();
let h: Harness;
let page: Page;
let goma: string;

beforeAll(async () => {
  await couch.server.addUser('amina', 'right-one');
  h = await startHarness({ author: 'Goma desk', stepTimeout: 20_000 });
  page = h.page;
  goma = (await h.api('office.create', { name: 'Goma' })).id;
  await h.api('release.create', { headline: 'Cholera vaccination reaches Goma', language: 'en', office: goma });
}, 180_000);

afterAll(async () => {
  await h?.close();
});

describe("Settings → Server on a server without the office's database", () => {
  it('offers to create it only to an account that may; a refusal is said plainly; once made, the office syncs', async () => {
    const database = `dateline-${goma}`;
    // An account that is no server administrator: told whom to ask, and offered no button.
    await h.api('sync.configure', { server: couch.server.url, user: 'amina', offices: [goma] });
    await h.api('sync.password', { password: 'right-one', remember: false });
    await page.goto(h.server.launchUrl());
    await h.nav('Settings').click();
    const server = page.getByRole('region', { name: 'Server' });
    const createButton = server.getByRole('button', { name: 'Create the office database for Goma on this server' });
    await server.getByRole('button', { name: 'Sync now' }).click();
    await server
      .getByText(`Office Goma did not sync: the server has no database ${database} for it. This account may not create databases on this server: if the server address is right, ask its administrator to create ${database}.`)
      .waitFor();
    expect(await createButton.count()).toBe(0);

    // The server's administrator (pouchdb-server with no admins makes the anonymous user one), through a proxy that refuses the creation once.
    await h.api('sync.configure', { server: couch.proxy.url, user: '', offices: [goma] });
    couch.proxy.add({ method: 'PUT', path: new RegExp(`^/${database}$`), fault: { kind: 'status', status: 403, error: 'forbidden' }, times: 1 });
    await server.getByRole('button', { name: 'Sync now' }).click();
    await server.getByText(`Office Goma did not sync: the server has no database ${database} for it.`, { exact: true }).waitFor();
    await createButton.click();
    await server.getByRole('alert').getByText(`This account may not create databases on this server. Ask the server’s administrator to create ${database}.`).waitFor();
    await h.expectAccessible('settings server without the office database');
    await page.screenshot({ path: join(ARTIFACTS, 'settings-create-office-database.png'), fullPage: true });

    await createButton.click();
    await server.getByText('Last sync: 2 sent, 0 received.').waitFor();
    await server.getByText(/^Nothing waiting to upload; last synced \d{1,2}:\d\d\.$/).waitFor();
    expect(await createButton.count()).toBe(0);
    expect(await server.getByRole('alert').count()).toBe(0);
    const db = officeDatabase({ server: couch.server.url, prefix: 'dateline' }, goma);
    expect(Object.keys(await couchState(db))).toHaveLength(2);
  }, 120_000);
});
