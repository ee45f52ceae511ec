import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

/**
 * A contact's version history in headless Chromium against the real core and web server: a
 * journalist's phone overwritten by a colleague's bad merge is read in an earlier version and
 * restored from the contact page.
 */

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness({ author: 'Press Officer', stepTimeout: 15_000 });
  page = h.page;
}, 180_000);

afterAll(async () => {
  await h?.close();
});

describe('the version history of a contact in the browser', () => {
  it("restores a journalist's phone overwritten by a colleague", async () => {
    const made = await h.api('contact.create', { name: 'Joseph Mwangi', role: 'Health reporter', phones: [{ type: 'mobile', number: '+254 712 345678' }] });
    const first = (await h.api('contact.get', { id: made.id })).phones?.[0]?.number ?? '';
    // A colleague's CSV merge writes the wrong phone.
    await h.api('contact.update', { id: made.id, rev: null, fields: { phones: [{ type: 'mobile', number: '+254 700 000000' }] } });

    await page.goto(`${h.server.launchUrl()}#/contacts/${made.id}`);
    const phone = page.getByLabel('Phone 1', { exact: true });
    await expect.poll(() => phone.inputValue()).toBe('+254 700 000000');
    // And the person edits the role on top of it.
    await page.getByLabel('Role', { exact: true }).fill('Health editor');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved', { exact: true }).first().waitFor();

    const history = page.getByRole('list', { name: 'Version history' });
    await expect.poll(() => history.getByRole('listitem').count()).toBe(3);
    await history.getByRole('listitem').last().getByRole('button', { name: /^View the version of/ }).click();
    const version = page.getByRole('region', { name: 'Earlier version' });
    await version.getByRole('heading', { name: 'Joseph Mwangi' }).waitFor();
    const phones = version.locator('.fact-pair').filter({ has: page.getByRole('term').filter({ hasText: 'Phone numbers' }) });
    expect(await phones.getByRole('definition').innerText()).toBe(`${first} (Mobile, Anyone (public kits))`);
    await h.expectAccessible('a contact’s earlier version');

    await version.getByRole('button', { name: 'Restore this version' }).click();
    const question = page.getByRole('alertdialog');
    await expect.poll(() => question.getByRole('button', { name: 'Cancel' }).evaluate((b) => b === document.activeElement)).toBe(true);
    await question.getByRole('button', { name: 'Restore', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /^Restored the version of / }).waitFor();
    await expect.poll(() => phone.inputValue()).toBe(first);
    expect(await page.getByLabel('Role', { exact: true }).inputValue()).toBe('Health reporter');
    expect(await h.api('contact.get', { id: made.id })).toMatchObject({ role: 'Health reporter', phones: [{ number: first }] });
    // The restore is a version of its own, marked current; the versions it replaced stay listed.
    await expect.poll(() => history.getByRole('listitem').count()).toBe(4);
    expect(await history.getByRole('listitem').first().innerText()).toContain('Current');
    await h.screenshot('contact-version-restored');
    expect(h.consoleErrors).toEqual([]);
  }, 90_000);
});
