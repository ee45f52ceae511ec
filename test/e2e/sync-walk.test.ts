import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useCouchWithProxy } from '../sync/couch-server';
import { tempDirKept } from '../helpers';
import { ARTIFACTS, startHarness, type Harness } from './harness';

/**
 * Settings as a new field office walks them, in headless Chromium against a real pouchdb-server
 * behind a proxy that can cut the link, with sync planned by itself as in the app: a refused
 * password said once and forgotten once corrected; a server out of reach said with when it is
 * tried again, and synced by itself once the link is back; the focus kept on the buttons that
 * run long; and the top bar as it was after a backup is restored.
 */

const couch = useCouchWithProxy();
let h: Harness;
let page: Page;
let goma: string;

beforeAll(async () => {
  await couch.server.addUser('amina', 'right-one');
  h = await startHarness({ author: 'Goma desk', stepTimeout: 20_000, acceptDownloads: true, sync: { auto: true, retry: { attempts: 1 } } });
  page = h.page;
  goma = (await h.api('office.create', { name: 'Goma' })).id;
  await couch.server.createDb(`dateline-${goma}`);
  await page.goto(`${h.server.launchUrl()}#/settings`);
}, 180_000);

afterAll(async () => {
  await h?.close();
});

const server = () => page.getByRole('region', { name: 'Server' });
/** The sync status's live region (the form above has one of its own, for a forgotten password). */
const status = () => server().locator('.sync-status').getByRole('status');
const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? null);

describe('Settings → Server, set up by a new field office', () => {
  it('says a refused password once, and not at all once a right one is saved', async () => {
    await server().getByLabel('Server address').fill(couch.proxy.url);
    await server().getByLabel('Account (user name)').fill('amina');
    await server().getByLabel('Password', { exact: true }).fill('first-guess');
    await server().getByRole('group', { name: 'Offices to sync' }).getByRole('checkbox', { name: /Goma/ }).check();
    await server().getByRole('button', { name: 'Save' }).click();
    await server().getByRole('button', { name: 'Sync now' }).click();
    await status().getByText('The server refused this account or password: check the account above and enter the password again.').waitFor();
    // Every office uses the one password: no line per office repeats it ("check them in Settings", on Settings).
    expect(await status().innerText()).not.toContain('refused the account or password');

    await server().getByLabel('Password', { exact: true }).fill('right-one');
    await server().getByRole('button', { name: 'Save' }).click();
    await server().getByText('Saved.').waitFor();
    // The refusal was of the password replaced: nothing says the office was refused any more.
    await status().getByText('Sync is on.').waitFor();
    expect(await status().innerText()).not.toContain('refused');
    await server().getByRole('button', { name: 'Sync now' }).click();
    await status().getByText(/^Nothing waiting to upload; last synced/).waitFor();
  }, 90_000);

  it('says when it tries again while the server is out of reach, and syncs by itself once the link is back', async () => {
    await h.api('release.create', { headline: 'Cholera vaccination reaches Goma', language: 'en', office: goma });
    // The link drops: every request is cut before it reaches the server.
    couch.proxy.add({ path: /./, fault: { kind: 'cut-upload', fraction: 0 }, times: 100_000 });
    await server().getByRole('button', { name: 'Sync now' }).click();
    await status().getByText('The server could not be reached: changes stay on this computer and are sent once it can be.').waitFor();
    await status().getByText(/^Dateline tries again at \d{1,2}:\d\d, or at once with “Sync now”\.$/).waitFor();
    await server().locator('.sync-status').screenshot({ path: join(ARTIFACTS, 'sync-walk-out-of-reach.png') });

    // The link comes back: the next try (half a minute later, not the five minutes between syncs) sends the release.
    couch.proxy.clear();
    await status().getByText(/^Nothing waiting to upload; last synced/).waitFor({ timeout: 60_000 });
    await status().getByText('Sync is on.').waitFor();
    const badge = page.getByRole('banner').getByRole('link', { name: /^Sync: Synced \d{1,2}:\d\d\. Open the sync settings$/ });
    await badge.waitFor();
  }, 120_000);
});

describe('buttons that run for a while', () => {
  it('give the focus back once done: Sync now and Back up now', async () => {
    // The sync's first request waits until the test has seen the button disabled.
    let release: () => void = () => undefined;
    couch.proxy.add({ path: /./, fault: { kind: 'gate', open: new Promise((done) => (release = done)) } });
    const syncNow = server().getByRole('button', { name: 'Sync now' });
    await syncNow.focus();
    await page.keyboard.press('Enter');
    await status().getByText('Syncing…').waitFor();
    expect(await syncNow.isDisabled()).toBe(true);
    release();
    await status().getByText('Sync is on.').waitFor();
    await expect.poll(focusedText).toBe('Sync now');

    const library = page.getByRole('region', { name: 'Library' });
    const backUp = library.getByRole('button', { name: 'Back up now…', exact: true });
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await backUp.focus();
    await page.keyboard.press('Enter');
    await download;
    await library.getByText(/^Backup made/).waitFor();
    await expect.poll(focusedText).toBe('Back up now…');
  }, 90_000);
});

describe('a backup restored', () => {
  it('leaves one search box and the sync badge in the top bar', async () => {
    const library = page.getByRole('region', { name: 'Library' });
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await library.getByRole('button', { name: 'Back up now…', exact: true }).click();
    const d = await download;
    const saved = join(tempDirKept(), d.suggestedFilename());
    writeFileSync(saved, readFileSync(await d.path()));

    const chooser = page.waitForEvent('filechooser');
    await library.getByRole('button', { name: 'Restore from a backup…', exact: true }).click();
    await (await chooser).setFiles(saved);
    await page.getByRole('alertdialog', { name: 'Replace the library with this backup?' }).getByRole('button', { name: 'Replace the library', exact: true }).click();
    await page.getByTestId('restored').getByText(/^Restored the backup of /).waitFor({ timeout: 60_000 });

    const bar = page.getByRole('banner');
    await bar.getByRole('link', { name: /^Sync: / }).waitFor();
    expect(await bar.getByRole('search').count()).toBe(1);
    expect(h.consoleErrors.filter((e) => e.includes('same key'))).toEqual([]);
  }, 120_000);
});
