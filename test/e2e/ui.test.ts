import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, expectScrolledToLastRow, startHarness, type Harness } from './harness';

/**
 * The real UI in headless Chromium against the real core and web server: a person writes a
 * release, attaches a photo, links a contact, finds both, reloads, and goes back in history.
 */

const HEADLINE = 'Floods displace thousands in Beledweyne';

let h: Harness;
let page: Page;

async function waitForCommit(id: string, check: (doc: Awaited<ReturnType<typeof getRelease>>) => boolean): Promise<void> {
  await expect.poll(async () => check(await getRelease(id)), { timeout: 10_000, interval: 200 }).toBe(true);
}

function getRelease(id: string) {
  return h.api('release.get', { id });
}

beforeAll(async () => {
  h = await startHarness({ author: 'Press Officer' });
  page = h.page;
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('Dateline in the browser', () => {
  it('refuses API requests without the token, and the page says how to open Dateline', async () => {
    const res = await fetch(`${h.server.origin}/api/library.info`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(401);
    const events = await fetch(`${h.server.origin}/api/events`);
    expect(events.status).toBe(401);

    const bare = await h.context.newPage();
    await bare.goto(`${h.server.origin}/`);
    await bare.getByRole('heading', { name: 'Open Dateline from its own address' }).waitFor();
    expect(await bare.locator('body').innerText()).toContain('npm start');
    await bare.screenshot({ path: join(ARTIFACTS, 'no-token.png') });
    await bare.close();
  });

  it('opens with a one-time launch link, exchanges it for the token, leaves nothing in the address bar and shows what to do first', async () => {
    const launchUrl = h.server.launchUrl();
    const nonce = new URL(launchUrl).searchParams.get('launch')!;
    await page.goto(launchUrl);
    // The empty list comes from an API call the token made.
    await page.getByRole('heading', { name: 'No releases yet' }).waitFor();
    expect(page.url()).not.toContain(nonce);
    expect(page.url()).not.toContain('launch=');
    expect(page.url()).not.toContain(h.server.token);
    expect(await page.evaluate(() => sessionStorage.getItem('dateline.token'))).toBe(h.server.token);

    // The same link a second time opens nothing, and the page says where the new link is.
    const second = await h.context.newPage();
    await second.goto(launchUrl);
    await second.getByRole('heading', { name: 'This link no longer opens Dateline' }).waitFor();
    expect(await second.getByRole('alert').innerText()).toBe('This link was already used. Each link Dateline prints opens it once.');
    expect(await second.locator('body').innerText()).toContain('npm start');
    expect(second.url()).not.toContain('launch=');
    expect(await second.evaluate(() => sessionStorage.getItem('dateline.token'))).toBeNull();
    await second.screenshot({ path: join(ARTIFACTS, 'launch-refused.png') });
    await second.close();
    await h.expectAccessible('releases (empty)');
    await h.screenshot('releases-empty');
  });

  let contactId = '';
  it('adds a contact', async () => {
    await h.nav('Contacts').click();
    await page.getByRole('heading', { name: 'No contacts yet' }).waitFor();
    await page.getByRole('link', { name: 'New contact' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Amina Diallo');
    await page.getByLabel('Organisation', { exact: true }).fill('Radio Sahel');
    await page.getByRole('button', { name: 'Add an e-mail address' }).click();
    await page.getByLabel('E-mail 1', { exact: true }).fill('amina@radiosahel.example');
    await page.getByRole('button', { name: 'Add a phone number' }).click();
    await page.getByLabel('Phone 1', { exact: true }).fill('+221 77 123 45 67');
    await h.expectAccessible('contact editor');
    await page.getByRole('button', { name: 'Create contact' }).click();
    await page.waitForURL(/#\/contacts\/con/);
    contactId = decodeURIComponent(page.url().split('#/contacts/')[1]!);
    const saved = await h.api('contact.get', { id: contactId });
    expect(saved.name).toBe('Amina Diallo');
    expect(saved.emails).toEqual([{ type: 'work', address: 'amina@radiosahel.example', visibility: 'public' }]);
    expect(saved.phones).toEqual([{ type: 'mobile', number: '+221 77 123 45 67', visibility: 'public' }]);
    await h.screenshot('contact-editor');
  });

  let releaseId = '';
  it('writes a release with a rich-text body; it saves itself', async () => {
    await h.nav('Releases').click();
    await page.getByRole('button', { name: 'New release' }).click();
    // The release is created by the first keystroke, not by the click.
    await page.waitForURL(/#\/releases\/new/);
    await page.getByLabel('Headline', { exact: true }).fill(HEADLINE);
    await page.waitForURL(/#\/releases\/rel/);
    releaseId = decodeURIComponent(page.url().split('#/releases/')[1]!);
    await page.getByLabel('Dateline place', { exact: true }).fill('Beledweyne');
    const body = page.getByRole('textbox', { name: 'Body' });
    await body.click();
    await page.keyboard.type('Water levels rose ');
    await page.getByRole('button', { name: 'Bold' }).click();
    await page.keyboard.type('overnight');
    await page.getByRole('button', { name: 'Bold' }).click();
    await page.keyboard.type(' along the Shabelle.');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Bulleted list' }).click();
    await page.keyboard.type('Shelter for 4,000 families');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Clean water in six sites');
    await page.getByRole('status').filter({ hasText: 'Saving…' }).waitFor();
    await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 10_000 });

    await waitForCommit(releaseId, (d) => d.headline === HEADLINE && JSON.stringify(d.body).includes('Clean water in six sites'));
    const doc = await getRelease(releaseId);
    expect(doc.datelinePlace).toBe('Beledweyne');
    const [para, list] = doc.body.content;
    expect(para).toMatchObject({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Water levels rose ' },
        { type: 'text', text: 'overnight', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' along the Shabelle.' },
      ],
    });
    expect(list?.type).toBe('bulletList');
    expect(list && list.type === 'bulletList' ? list.content.length : 0).toBe(2);
  });

  it('says an embargo in words and refuses one in the past or in an unknown zone', async () => {
    await page.getByLabel('This release is under embargo', { exact: true }).check();
    await page.getByLabel('Time zone', { exact: true }).fill('Europe/Zurich');
    // The date typed as the person writes dates (ISO is always read), the time on the 24-hour clock.
    await page.getByLabel('Embargo lifts on', { exact: true }).fill('3 Dec 2030');
    await page.getByLabel(/Embargo lifts at/).fill('14:00');
    await page.getByText('Embargoed until 14:00 Geneva time, 3 Dec 2030').waitFor();
    await waitForCommit(releaseId, (d) => d.embargo?.at === '2030-12-03T13:00:00.000Z' && d.embargo.timeZone === 'Europe/Zurich');

    await page.getByLabel('Time zone', { exact: true }).fill('Europe/Genva');
    await page.getByRole('alert').filter({ hasText: '“Europe/Genva” is not a known time zone' }).waitFor();
    await page.getByLabel('Time zone', { exact: true }).fill('Europe/Zurich');
    await page.getByLabel('Embargo lifts on', { exact: true }).fill('2020-01-01');
    await page.getByLabel(/Embargo lifts at/).fill('09:00');
    await page.getByRole('alert').filter({ hasText: 'already passed' }).waitFor();
    // The refused values never reached the release: a change made after them is saved, and
    // saves go out in order, so anything they had queued would have landed first.
    await page.getByLabel('Subheadline', { exact: true }).fill('Saved after the refused embargo');
    await waitForCommit(releaseId, (d) => d.subheadline === 'Saved after the refused embargo');
    expect((await getRelease(releaseId)).embargo).toEqual({ at: '2030-12-03T13:00:00.000Z', timeZone: 'Europe/Zurich' });
    await page.getByLabel('Subheadline', { exact: true }).fill('');
    await waitForCommit(releaseId, (d) => !d.subheadline);
    await page.getByLabel('Embargo lifts on', { exact: true }).fill('2030-12-03');
    await page.getByLabel(/Embargo lifts at/).fill('14:00');
    await page.getByText('Embargoed until 14:00 Geneva time, 3 Dec 2030').waitFor();
  });

  it('links the contact as a media contact', async () => {
    await page.getByLabel('Find a contact', { exact: true }).fill('Amina');
    await page.getByRole('button', { name: 'Add Amina Diallo' }).click();
    await page.getByRole('link', { name: 'Amina Diallo' }).waitFor();
    await waitForCommit(releaseId, (d) => d.contacts.includes(contactId));
  });

  it('attaches a photo and shows its thumbnail; an empty file is refused with nothing stored', async () => {
    const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 30, g: 110, b: 160 } } })
      .png()
      .toBuffer();
    await page.getByLabel('Choose files…', { exact: true }).setInputFiles({ name: 'beledweyne-flood.png', mimeType: 'image/png', buffer: png });
    await page.getByText('“beledweyne-flood.png” was added.').waitFor();
    const thumb = page.getByRole('list', { name: 'Attachments of this release' }).locator('img.thumb');
    await thumb.waitFor();
    expect(await thumb.getAttribute('src')).toMatch(/^blob:/);
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

    const before = (await h.api('attachment.list', { limit: 50 })).total;
    await page.getByLabel('Choose files…', { exact: true }).setInputFiles({ name: 'empty.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(0) });
    await page.getByText('“empty.jpg” is empty (0 bytes); nothing was stored.').waitFor();
    expect((await h.api('attachment.list', { limit: 50 })).total).toBe(before);
    const listed = await h.api('attachment.list', { release: releaseId, limit: 10 });
    expect(listed.items.map((a) => a.originalName)).toEqual(['beledweyne-flood.png']);

    await h.expectAccessible('release editor');
    await h.screenshot('release-editor');
  });

  it('finds the release and the contact through the global search (Ctrl+K)', async () => {
    await page.getByRole('heading', { name: 'Version history' }).click();
    await page.keyboard.press('Control+k');
    const search = page.getByRole('combobox', { name: 'Search the library' });
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
    await search.fill('Beledweyne');
    const results = page.getByRole('listbox', { name: 'Search results' });
    await results.getByRole('option', { name: new RegExp(HEADLINE) }).waitFor();
    await expect.poll(() => results.getByRole('group', { name: 'Releases' }).count()).toBe(1);
    await search.fill('Amina');
    const hit = results.getByRole('group', { name: 'Contacts' }).getByRole('option', { name: /Amina Diallo/ });
    await hit.waitFor();
    await h.screenshot('global-search');
    await search.press('Enter');
    await page.waitForURL(new RegExp(`#/contacts/${contactId}`));
    await expect.poll(() => page.getByLabel('Name', { exact: true }).inputValue()).toBe('Amina Diallo');
  });

  it('still has everything after a reload', async () => {
    await h.goto(`#/releases/${releaseId}`);
    await page.getByLabel('Headline', { exact: true }).waitFor();
    await page.reload();
    const headline = page.getByLabel('Headline', { exact: true });
    await expect.poll(() => headline.inputValue(), { timeout: 10_000 }).toBe(HEADLINE);
    const body = page.getByRole('textbox', { name: 'Body' });
    expect(await body.locator('strong').innerText()).toBe('overnight');
    expect(await body.locator('ul > li').count()).toBe(2);
    await page.getByRole('link', { name: 'Amina Diallo' }).waitFor();
    await page.getByText('Embargoed until 14:00 Geneva time, 3 Dec 2030').waitFor();
    await page.getByRole('list', { name: 'Attachments of this release' }).locator('img.thumb').waitFor();
  });

  it('restores an older revision from the version history', async () => {
    await page.getByLabel('Headline', { exact: true }).fill('A headline written by mistake');
    await page.getByRole('heading', { name: 'Version history' }).click();
    await waitForCommit(releaseId, (d) => d.headline === 'A headline written by mistake');
    const history = page.getByRole('region', { name: 'Version history' }).or(page.locator('section', { has: page.getByRole('heading', { name: 'Version history' }) }));
    const viewButtons = history.getByRole('button', { name: /^View the version of/ });
    await expect.poll(() => viewButtons.count()).toBeGreaterThan(1);
    // Newest first: the first earlier version with the right headline is the one to restore.
    const n = await viewButtons.count();
    let found = false;
    for (let i = 0; i < n && !found; i++) {
      await viewButtons.nth(i).click();
      const heading = page.getByRole('region', { name: 'Earlier version' }).getByRole('heading', { level: 3 });
      await heading.waitFor();
      found = (await heading.innerText()) === HEADLINE && (await page.getByRole('region', { name: 'Earlier version' }).innerText()).includes('Clean water in six sites');
    }
    expect(found).toBe(true);
    // The language by its name in the interface's language, not its code.
    expect(await page.getByRole('region', { name: 'Earlier version' }).innerText()).toMatch(/Language:\s+\u2068?English/);
    await h.screenshot('history');
    await page.getByRole('button', { name: 'Restore this version' }).click();
    await expect.poll(() => page.getByLabel('Headline', { exact: true }).inputValue(), { timeout: 10_000 }).toBe(HEADLINE);
    const doc = await getRelease(releaseId);
    expect(doc.headline).toBe(HEADLINE);
    expect(doc.contacts).toContain(contactId);
  });

  it('recovers a draft left by a session that never finished, and says so', async () => {
    const before = await getRelease(releaseId);
    // Another window typed this and was closed (or crashed) before committing it.
    await h.api('draft.save', { id: releaseId, baseRev: before.rev, session: 'crashed-window', fields: { subheadline: 'Typed just before the battery died' } });
    await h.goto('#/releases');
    await h.goto(`#/releases/${releaseId}`);
    await page.getByRole('status').filter({ hasText: 'were recovered and are now saved' }).waitFor();
    await expect.poll(() => page.getByLabel('Subheadline', { exact: true }).inputValue()).toBe('Typed just before the battery died');
    await waitForCommit(releaseId, (d) => d.subheadline === 'Typed just before the battery died');
    expect(await h.api('draft.get', { id: releaseId })).toBeNull();
    expect((await getRelease(releaseId)).headline).toBe(HEADLINE);
  });

  it('sends only the field the person changed, so a change made meanwhile elsewhere stays', async () => {
    await h.goto('#/releases');
    await h.goto(`#/releases/${releaseId}`);
    await page.getByLabel('Dateline place', { exact: true }).waitFor();
    // Another library changes the tags while the editor is open on the revision before.
    const loaded = await getRelease(releaseId);
    await h.api('release.update', { id: releaseId, rev: loaded.rev, fields: { tags: ['floods', 'hiraan'] } });
    const saved = page.waitForRequest((r) => r.url().endsWith('/api/draft.save'));
    await page.getByLabel('Dateline place', { exact: true }).fill('Beledweyne, Hiraan');
    const sent = JSON.parse((await saved).postData() ?? '{}') as { fields: Record<string, unknown>; baseRev: string };
    expect(sent.fields).toEqual({ datelinePlace: 'Beledweyne, Hiraan' });
    await page.getByRole('heading', { name: 'Version history' }).click();
    await waitForCommit(releaseId, (d) => d.datelinePlace === 'Beledweyne, Hiraan');
    const after = await getRelease(releaseId);
    expect(after.tags).toEqual(['floods', 'hiraan']);
    expect(after.headline).toBe(HEADLINE);
    expect(after.conflicted).toBe(false);
  });

  it('scrolls through hundreds of releases a page at a time, rendering only what is in view, by keyboard too', async () => {
    for (let i = 0; i < 260; i++) {
      await h.api('release.create', { headline: `Situation update ${String(i).padStart(3, '0')}`, language: 'fr', tags: ['sitrep'] });
    }
    await h.nav('Releases').click();
    const list = page.getByRole('list', { name: 'Releases' });
    await page.getByText('261 releases').waitFor();
    // The rows are drawn once the list has measured its box, which may be a render after the count.
    await expect.poll(() => list.getByRole('listitem').count()).toBeGreaterThan(5);
    expect(await list.getByRole('listitem').count()).toBeLessThan(60);
    // Scrolling to the end fetches the next pages until all 261 are there: scroll again
    // whenever a page has arrived, until the last one is in view.
    await expectScrolledToLastRow(page, list, 261);
    expect(await list.getByRole('listitem').count()).toBeLessThan(60);

    await page.getByLabel('Tag', { exact: true }).fill('sitrep');
    await page.getByText('260 releases').waitFor();
    await page.getByLabel('Tag', { exact: true }).fill('');
    await page.getByText('261 releases').waitFor();

    await page.locator('.vlist').evaluate((el) => el.scrollTo(0, 0));
    const first = list.locator('[data-row-index="0"]');
    await first.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.rowIndex);
    expect(focused).toBe('2');
    const target = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute('href'));
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.hash === target);
    await page.getByLabel('Headline', { exact: true }).waitFor();
  });

  it('lists the release, filters it, and passes accessibility checks on every main screen', async () => {
    await h.nav('Releases').click();
    const list = page.getByRole('list', { name: 'Releases' });
    await page.getByLabel('Search releases', { exact: true }).fill('beledweyne floods');
    await page.getByText('1 release', { exact: true }).waitFor();
    await list.getByRole('link', { name: new RegExp(HEADLINE) }).waitFor();
    await page.getByRole('combobox', { name: 'Status' }).selectOption('approved');
    await page.getByText('No release matches these filters.').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByText('261 releases').waitFor();
    await h.expectAccessible('releases');
    await h.screenshot('releases');

    await h.nav('Contacts').click();
    await page.getByRole('list', { name: 'Contacts' }).getByRole('link', { name: /Amina Diallo/ }).waitFor();
    await h.expectAccessible('contacts');
    await h.screenshot('contacts');

    await h.nav('Attachments').click();
    await page.getByRole('list', { name: 'Attachments' }).getByRole('link', { name: /beledweyne-flood\.png/ }).click();
    await page.getByLabel('Caption', { exact: true }).fill('Families wade through flood water in Beledweyne.');
    await page.getByLabel('Credit', { exact: true }).fill('Photo: Press Office');
    await page.getByLabel('Consent obtained from the people shown', { exact: true }).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const atts = await h.api('attachment.list', { limit: 10 });
    const att = await h.api('attachment.get', { id: atts.items[0]!.id });
    expect(att.caption).toBe('Families wade through flood water in Beledweyne.');
    expect(att.consent.consentObtained).toBe(true);
    await page.locator('img.preview').waitFor();
    await h.expectAccessible('attachments');
    await h.screenshot('attachments');

    await h.nav('Kits').click();
    await page.getByRole('heading', { name: 'No kits yet' }).waitFor();
    await page.getByLabel('Title', { exact: true }).fill('Beledweyne floods press kit');
    await page.getByRole('button', { name: 'Create kit' }).click();
    // A new kit opens in the kit builder; the list shows it on the way back.
    await page.getByRole('heading', { name: 'Kit builder' }).waitFor();
    await h.nav('Kits').click();
    await page.getByRole('cell', { name: 'Beledweyne floods press kit' }).waitFor();
    await h.expectAccessible('kits');
    await h.screenshot('kits');

    await h.nav('Settings').click();
    await page.getByText('Press Officer').waitFor();
    await h.expectAccessible('settings');
    await h.screenshot('settings');
    await page.getByRole('link', { name: 'New office' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Mogadishu office');
    await page.getByLabel('English', { exact: true }).fill('The organisation helps people affected by conflict and disaster.');
    await page.getByRole('button', { name: 'Create office' }).click();
    await page.waitForURL(/#\/settings\/offices\/off/);
    const offices = await h.api('office.list', { limit: 10 });
    expect(offices.items.map((o) => o.name)).toEqual(['Mogadishu office']);
    await h.expectAccessible('office editor');
    await h.screenshot('office-editor');
  });

  it('shows a release from a newer Dateline read-only, says why, and leaves every field as it came', async () => {
    const id = 'rel-from-a-newer-app';
    const hash = 'c'.repeat(32);
    // Written by a version whose releases carry a field this one does not know.
    const fields = { type: 'release', schema: 2, headline: 'Written by Dateline 2', language: 'en', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Checked twice.' }] }] }, factCheck: { by: 'hq', state: 'passed' } };
    h.core.library.replication.bulkInsertRemote([{ ...fields, _id: id, _rev: `1-${hash}`, _revisions: { start: 1, ids: [hash] } }]);
    await h.goto(`#/releases/${id}`);
    await page.getByRole('status').filter({ hasText: 'written by a newer version of Dateline (document version 2)' }).waitFor();
    const headline = page.getByLabel('Headline', { exact: true });
    expect(await headline.inputValue()).toBe('Written by Dateline 2');
    expect(await headline.isDisabled()).toBe(true);
    expect(await page.locator('.release-form .prose').getAttribute('contenteditable')).toBe('false');
    await h.screenshot('release-newer-version');
    await h.goto('#/releases');
    const refused = await h.core.dispatch('release.update', { id, fields: { headline: 'Edited anyway' } }, { transport: 'test' });
    expect(refused.ok ? null : refused.error.code).toBe('DOC_NEWER');
    expect(await h.api('draft.get', { id })).toBeNull();
    const stored = h.core.library.replication.openRevs(id, 'all');
    expect(stored).toEqual([{ ok: expect.objectContaining({ ...fields, _rev: `1-${hash}` }) }]);
  });

  it('logged no console errors', () => {
    expect(h.consoleErrors).toEqual([]);
  });
});
