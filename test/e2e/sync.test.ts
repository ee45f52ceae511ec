import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index';
import type { SyncStatus } from '../../electron/shared/contract';
import { formatBytes } from '../../renderer/ui/languages';
import { tempDirKept } from '../helpers';
import { photo } from '../kits/fixtures';
import { couchState } from '../sync/couch-state';
import { useCouchWithProxy } from '../sync/couch-server';
import { call, libraryState } from '../sync/library-state';
import { syncLibrary } from '../../electron/core/sync/library-sync';
import { startHarness, type Harness } from './harness';

/**
 * Sync in the app, in headless Chromium against the real core and a real pouchdb-server, as a
 * person would: Settings → Server (address, account, office, password), the status in words,
 * Sync now, Pause; then a conflict between two libraries resolved on the Conflicts screen, synced
 * again, and both libraries agreeing with the server; then a photo whose file is still on the
 * server, downloaded from its page.
 */

const couch = useCouchWithProxy();
let h: Harness;
let page: Page;
let goma: string;
let db: string;
let other: Core;

beforeAll(async () => {
  await couch.server.addUser('amina', 'right-one');
  h = await startHarness({ author: 'Goma desk', stepTimeout: 20_000 });
  page = h.page;
  goma = (await h.api('office.create', { name: 'Goma' })).id;
  db = await couch.server.createDb(`dateline-${goma}`);
  other = await openCore(tempDirKept(), { author: 'Geneva desk', sync: { retry: { attempts: 1 } } });
}, 180_000);

afterAll(async () => {
  other?.close();
  await h?.close();
});

/** The second library syncs through the contract, as its own app would, and waits for the end. */
async function syncOther(): Promise<SyncStatus> {
  await call(other, 'sync.now', {});
  await other.ctx.sync!.idle();
  return call<SyncStatus>(other, 'sync.status', {});
}

/** Both libraries set up on the Goma office (as the first tests do through the page), so a later test also runs alone. */
async function bothSetUp(server = couch.server.url): Promise<void> {
  await h.api('sync.configure', { server, user: 'amina', offices: [goma] });
  await h.api('sync.password', { password: 'right-one', remember: false });
  await call(other, 'sync.configure', { server: couch.server.url, user: 'amina', offices: [goma] });
  await call(other, 'sync.password', { password: 'right-one', remember: false });
  if (!page.url().startsWith(h.server.origin)) await page.goto(h.server.launchUrl());
}

describe('Settings → Server', () => {
  it('sets up sync, says what waits, asks again for a refused password, syncs and pauses', async () => {
    const rel = await h.api('release.create', { headline: 'Cholera vaccination reaches Goma', language: 'en', office: goma });
    await page.goto(h.server.launchUrl());
    await h.nav('Settings').click();
    const server = page.getByRole('region', { name: 'Server' });
    await server.getByRole('status').getByText('Sync is not set up: enter the server address and tick at least one office.').waitFor();
    await server.getByLabel('Server address').fill(couch.server.url);
    await server.getByLabel('Account (user name)').fill('amina');
    await server.getByLabel('Password', { exact: true }).fill('first-guess');
    await server.getByRole('group', { name: 'Offices to sync' }).getByRole('checkbox', { name: /Goma/ }).check();
    await server.getByText(`Documents without an office go to the first office ticked: Goma.`).waitFor();
    await server.getByRole('button', { name: 'Save' }).click();
    await server.getByText('1 release and the settings of 1 office waiting to upload; not synced yet.').waitFor();

    // The server refuses a wrong password: the app says so, asks for it, and does not retry by itself.
    await server.getByRole('button', { name: 'Sync now' }).click();
    await server.getByText('The server refused this account or password: check the account above and enter the password again.').waitFor();
    // Said once: every office uses the one password, so no line per office repeats it.
    expect(await server.getByText(/The sync server refused the account or password/).count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('sync-password');
    await h.expectAccessible('settings server refused');

    await server.getByLabel('Password', { exact: true }).fill('right-one');
    await server.getByRole('button', { name: 'Save' }).click();
    await server.getByText('Saved.').waitFor();
    await server.getByRole('button', { name: 'Sync now' }).click();
    await server.getByText(/^Nothing waiting to upload; last synced \d{1,2}:\d\d\.$/).waitFor();
    await server.getByText('Last sync: 2 sent, 0 received.').waitFor();
    // The top bar says it on every screen, and leads back to these settings.
    await h.nav('Releases').click();
    const badge = page.getByRole('banner').getByRole('link', { name: /^Sync: Synced \d{1,2}:\d\d\. Open the sync settings$/ });
    await badge.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('set-server');
    expect(page.url()).toMatch(/#\/settings\/sync$/);
    // The account may not make the office's files database: the documents went, and the status says whom to ask.
    await server
      .getByText(`Office Goma: photos and other files did not travel (documents did), because the server has no files database for this office. Ask your administrator to create dateline-${goma}-files.`)
      .waitFor();
    expect(Object.keys(await couchState(db)).sort()).toEqual([goma, rel.id].sort());

    await server.getByRole('button', { name: 'Pause' }).click();
    await server.getByText('Sync is paused: changes stay on this computer until you resume.').waitFor();
    await server.getByRole('button', { name: 'Resume', exact: true }).click();
    await server.getByText('Sync is on.').waitFor();

    // The settings live in the library; the password nowhere the page can read.
    await page.reload();
    await h.nav('Settings').click();
    expect(await server.getByLabel('Server address').inputValue()).toBe(couch.server.url);
    expect(await server.getByLabel('Account (user name)').inputValue()).toBe('amina');
    expect(await server.getByLabel('Password', { exact: true }).inputValue()).toBe('');
    expect(await page.evaluate(() => JSON.stringify(window.localStorage))).not.toContain('right-one');
  }, 120_000);

  it('refuses a server address that is not http or https, saying what is wrong', async () => {
    const server = page.getByRole('region', { name: 'Server' });
    await server.getByLabel('Server address').fill('ftp://sync.example.org');
    await server.getByRole('button', { name: 'Save' }).click();
    // Said at the field in words, neither the browser's "Please enter a URL." nor the core's English; nothing saved.
    await server.getByText('Begin the server address with https:// (or http://), for example https://sync.example.org.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('sync-server');
    await server.getByLabel('Server address').fill('sync.example.org');
    await server.getByRole('button', { name: 'Save' }).click();
    await server.getByText('Begin the server address with https:// (or http://), for example https://sync.example.org.').waitFor();
    expect(await server.getByText('Saved.').count()).toBe(0);
    // An office database's address pasted where the server's goes is said while typing.
    await server.getByLabel('Server address').fill(`${couch.server.url}/dateline-${goma}`);
    await server.getByText(`This is the address of a database (dateline-${goma}), not of the server: enter ${couch.server.url} instead. Dateline finds each office's database on the server by itself.`).waitFor();
    await server.getByLabel('Server address').fill(couch.server.url);
    expect(await server.getByText('This is the address of a database').count()).toBe(0);
    await server.getByRole('button', { name: 'Save' }).click();
    await server.getByText('Saved.').waitFor();
  }, 60_000);
});

describe('the Conflicts screen', () => {
  it('shows the same field changed in two libraries side by side; the choice syncs and both converge', async () => {
    // The second library joins the same office and receives what the first sent.
    await call(other, 'sync.configure', { server: couch.server.url, user: 'amina', offices: [goma] });
    await call(other, 'sync.password', { password: 'right-one', remember: false });
    expect((await syncOther()).last?.received).toBe(2);
    const rel = (await call<{ items: { id: string }[] }>(other, 'release.list', {})).items[0]!.id;

    // Both change the headline; each syncs; the first library pulls the other's version last.
    await h.api('release.update', { id: rel, rev: null, fields: { headline: 'Cholera vaccination reaches 40,000 in Goma' } });
    await call(other, 'release.update', { id: rel, rev: null, fields: { headline: 'Cholera vaccination campaign ends in Goma' } });
    await h.api('sync.now', {});
    await h.core.ctx.sync!.idle();
    expect((await syncOther()).last?.conflicts).toBe(1);
    await h.api('sync.now', {});
    await h.core.ctx.sync!.idle();

    const nav = page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: /^Conflicts/ });
    await nav.getByText('1', { exact: true }).waitFor();
    // Settings says what waits in the inbox (not only what the last sync found) and leads there.
    await h.nav('Settings').click();
    await page.getByRole('region', { name: 'Server' }).getByRole('link', { name: 'One conflict waits for you on the Conflicts screen.' }).click();
    await page.waitForURL(/#\/conflicts$/);
    const card = page.getByRole('region', { name: /Cholera vaccination/ });
    await card.getByText('Release: one field was changed on both sides.').waitFor();
    const row = card.getByRole('row', { name: /Headline/ });
    await row.getByText('Cholera vaccination reaches 40,000 in Goma').waitFor();
    await row.getByText('Cholera vaccination campaign ends in Goma').waitFor();
    await row.getByText('Cholera vaccination reaches Goma').waitFor(); // what both started from
    await h.expectAccessible('conflicts');
    await h.screenshot('conflicts');
    const resolve = card.getByRole('button', { name: 'Resolve' });
    expect(await resolve.isDisabled()).toBe(true);
    await row.getByRole('cell').filter({ hasText: 'campaign ends' }).getByRole('radio').check();
    await resolve.click();
    await page.getByText('No conflicts to resolve.').waitFor();
    // The count beside Conflicts in the navigation asks the core on its own, apart from the screen.
    await expect.poll(() => nav.getByText('1', { exact: true }).count()).toBe(0);

    // The resolution is an ordinary edit: Sync now sends it, the other library's case closes.
    await h.nav('Settings').click();
    await page.getByRole('region', { name: 'Server' }).getByRole('button', { name: 'Sync now' }).click();
    await page.getByText(/^Nothing waiting to upload; last synced/).waitFor();
    await h.core.ctx.sync!.idle();
    await syncOther();
    for (const lib of [h.core, other]) {
      expect(await call(lib, 'conflict.list', {})).toEqual([]);
      expect((await call<{ headline: string }>(lib, 'release.get', { id: rel })).headline).toBe('Cholera vaccination campaign ends in Goma');
    }
    expect(libraryState(other)[rel]).toEqual(libraryState(h.core)[rel]);
    expect((await couchState(db))[rel]).toEqual(libraryState(h.core)[rel]);
  }, 120_000);
});

describe('the Conflicts screen, delete against edit', () => {
  it('shows the deleted version beside the edited one; deleting after all syncs and closes the case everywhere', async () => {
    const rel = (await h.api('release.create', { headline: 'Floods in Uvira: first assessment', language: 'en', office: goma })).id;
    await h.api('sync.now', {});
    await h.core.ctx.sync!.idle();
    await syncOther();
    // Deleted here, edited there; each syncs; this library hears of the edit last.
    await h.api('doc.delete', { id: rel, rev: null });
    await call(other, 'release.update', { id: rel, rev: null, fields: { subheadline: '12,000 people displaced' } });
    await h.api('sync.now', {});
    await h.core.ctx.sync!.idle();
    await syncOther();
    await h.api('sync.now', {});
    await h.core.ctx.sync!.idle();

    await h.goto('#/conflicts');
    const card = page.getByRole('region', { name: 'Floods in Uvira: first assessment' });
    await card.getByText('Release: deleted in one place and edited in another.').waitFor();
    await card.getByText('12,000 people displaced').waitFor(); // the edited version
    // Each side in words: the release's fields, not the store's bookkeeping or codes.
    const shown = await card.innerText();
    for (const raw of ['createdAt', 'updatedBy', 'schema', 'conflicted', 'draft']) expect(shown).not.toContain(raw);
    await card.getByText('English').first().waitFor();
    await card.getByText('Draft').first().waitFor();
    await card.getByText('Goma', { exact: true }).first().waitFor(); // the office, by its name
    await card.getByRole('radio', { name: 'Delete it' }).check();
    await card.getByRole('button', { name: 'Resolve' }).click();
    await page.getByText('No conflicts to resolve.').waitFor();

    await h.api('sync.now', {});
    await h.core.ctx.sync!.idle();
    await syncOther();
    for (const lib of [h.core, other]) {
      expect((await call<{ docId: string }[]>(lib, 'conflict.list', {})).map((c) => c.docId)).not.toContain(rel);
      expect(libraryState(lib)[rel]?.winner).toBe('deleted');
    }
    expect(libraryState(other)[rel]).toEqual(libraryState(h.core)[rel]);
  }, 120_000);
});

describe('the Conflicts screen, keeping the edit', () => {
  it('keeps the edited document over a deletion; after sync the case is closed in the library that deleted it too', async () => {
    await bothSetUp();
    const rel = (await h.api('release.create', { headline: 'Road to Sake reopened', language: 'en', office: goma })).id;
    await h.api('sync.now', {});
    await h.core.ctx.sync!.idle();
    await syncOther();
    // Deleted there, edited here; the other library hears of the edit and this one of the deletion.
    await call(other, 'doc.delete', { id: rel, rev: null });
    await h.api('release.update', { id: rel, rev: null, fields: { subheadline: 'Trucks reach Sake again' } });
    await syncOther();
    await h.api('sync.now', {});
    await h.core.ctx.sync!.idle();
    await syncOther();
    expect((await call<{ docId: string }[]>(other, 'conflict.list', {})).map((c) => c.docId)).toContain(rel);

    await h.goto('#/conflicts');
    const card = page.getByRole('region', { name: 'Road to Sake reopened' });
    await card.getByText('Release: deleted in one place and edited in another.').waitFor();
    await card.getByRole('radio', { name: 'Keep the edited document' }).check();
    await card.getByRole('button', { name: 'Resolve' }).click();
    await card.waitFor({ state: 'detached' });

    await h.api('sync.now', {});
    await h.core.ctx.sync!.idle();
    await syncOther();
    for (const lib of [h.core, other]) {
      expect((await call<{ docId: string }[]>(lib, 'conflict.list', {})).map((c) => c.docId)).not.toContain(rel);
      expect((await call<{ subheadline: string }>(lib, 'release.get', { id: rel })).subheadline).toBe('Trucks reach Sake again');
    }
    expect(libraryState(other)[rel]).toEqual(libraryState(h.core)[rel]);
  }, 120_000);
});

describe('a photo whose file is still on the server', () => {
  it('shows "On the server", downloads it with progress at a click ("never"), and by itself when opened ("when opened")', async () => {
    // This library through the proxy, so the test can hold the download and look at the page meanwhile.
    await bothSetUp(couch.proxy.url);
    await h.api('sync.setFilesPolicy', { policy: 'never' });
    await couch.server.createDb(`dateline-${goma}-files`);
    // Geneva adds two photos; its own sync in the app sends them, files included.
    const shots = [await photo(1200, 900, 4, 95), await photo(1200, 900, 6, 95)];
    const added = [];
    for (const [i, bytes] of shots.entries()) {
      added.push(await call<{ id: string; sha256: string }>(other, 'attachment.add', { name: `uvira-camp-${i + 1}.jpg`, data: bytes.toString('base64') }));
    }
    expect((await syncOther()).offices).toMatchObject([{ office: goma, error: null, files: { state: 'synced', uploaded: 2 } }]);
    await h.api('sync.now', {});
    await h.core.ctx.sync!.idle();
    // "Never": the documents came, the files stayed on the server.
    expect((await h.api('sync.status', {})).offices).toMatchObject([{ office: goma, error: null, files: { state: 'synced', downloaded: 0, notHere: 2 } }]);
    for (const a of added) expect(h.core.ctx.blobs.has(a.sha256)).toBe(false);

    let release: () => void = () => undefined;
    let held: () => void = () => undefined;
    const holding = new Promise<void>((done) => (held = done));
    // The first request for the file's pieces, whatever its shape (one piece or many), waits until the test has seen the page.
    couch.proxy.add({ path: /-files\/(?!file-)/, fault: { kind: 'gate', open: new Promise((done) => (release = done)), onHold: () => held() } });
    await h.goto(`#/attachments/${added[0]!.id}`);
    const size = formatBytes(shots[0]!.length, 'en');
    await page.getByText(`On the server, ${size}`, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Download', exact: true }).click();
    await holding;
    const progress = page.getByRole('status').filter({ hasText: new RegExp(`Downloading… .+ of ${size}`) });
    await progress.waitFor();
    const bar = progress.locator('progress');
    expect(Number(await bar.getAttribute('max'))).toBe(shots[0]!.length);
    expect(Number(await bar.getAttribute('value'))).toBeLessThan(shots[0]!.length);
    release();
    const img = page.locator('img.preview');
    await img.waitFor();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : 0))).toBe(1200);
    expect(h.core.ctx.blobs.read(added[0]!.sha256).equals(shots[0]!)).toBe(true);
    // Its card in the grid beside the page no longer says the file is on the server, and shows the photo.
    const card = page.getByRole('list', { name: 'Attachments' }).getByRole('listitem').filter({ hasText: 'uvira-camp-1.jpg' });
    await card.getByText(`${size} · Photo (JPEG)`, { exact: true }).waitFor();
    await card.locator('img.thumb').waitFor();
    await h.expectAccessible('attachment downloaded');

    // "When opened": opening the second photo is enough.
    await h.api('sync.setFilesPolicy', { policy: 'opened' });
    await h.goto(`#/attachments/${added[1]!.id}`);
    await expect.poll(() => page.locator('img.preview').evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : 0))).toBe(1200);
    expect(h.core.ctx.blobs.read(added[1]!.sha256).equals(shots[1]!)).toBe(true);
  }, 120_000);
});

describe('a photo whose library has not uploaded its file yet', () => {
  it('says so at Download, and downloads it after that library has synced', async () => {
    await bothSetUp();
    await h.api('sync.setFilesPolicy', { policy: 'never' });
    // Made here too when this test runs alone; a 412 says it is there already.
    await fetch(`${db}-files`, { method: 'PUT' });
    const shot = await photo(800, 600, 8, 90);
    const added = await call<{ id: string; sha256: string }>(other, 'attachment.add', { name: 'kibumba-school.jpg', data: shot.toString('base64') });
    // Geneva's documents reach the server without its files (as from an app whose files step has not run yet).
    await syncLibrary(other.library, { remote: { url: db, user: 'amina', password: 'right-one' } });
    await h.api('sync.now', {});
    await h.core.ctx.sync!.idle();
    expect(h.core.ctx.blobs.has(added.sha256)).toBe(false);

    await h.goto(`#/attachments/${added.id}`);
    await page.getByText(`On the server, ${formatBytes(shot.length, 'en')}`, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Download', exact: true }).click();
    await page.getByText("This file is not on the server yet: the computer that added it has not uploaded it. Try again after that computer's next sync.").waitFor();
    expect(h.core.ctx.blobs.has(added.sha256)).toBe(false);
    await h.expectAccessible('attachment not uploaded yet');

    // Geneva's next sync sends the file: Download now brings it.
    expect((await syncOther()).offices).toMatchObject([{ office: goma, error: null, files: { state: 'synced', uploaded: 1 } }]);
    await page.getByRole('button', { name: 'Download', exact: true }).click();
    await expect.poll(() => page.locator('img.preview').evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : 0))).toBe(800);
    expect(h.core.ctx.blobs.read(added.sha256).equals(shot)).toBe(true);
  }, 120_000);
});
