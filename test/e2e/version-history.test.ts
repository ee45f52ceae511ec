import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

/**
 * Version history in headless Chromium against the real core and web server: a journalist's
 * phone overwritten by a colleague's bad merge is read in an earlier version and restored from
 * the contact page; an outlet and an office edited twice say in their lists which fields each
 * version changed, mark them when one is opened, and restore the older one into the editor.
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

  /**
   * Edits a document twice from its editor (Save each time), then reads its history: each
   * version names what it changed, the version opened marks it, and restoring that version puts
   * it back in the editor, the restore itself naming what it brought back.
   */
  async function editTwiceAndRestore(hash: string, first: { label: string; value: string }, second: { label: string; value: string }, before: string): Promise<void> {
    await page.goto(`${h.server.launchUrl()}${hash}`);
    const secondField = page.getByLabel(second.label, { exact: true });
    await expect.poll(() => secondField.inputValue()).toBe(before);
    const history = page.getByRole('list', { name: 'Version history' });
    await expect.poll(() => history.getByRole('listitem').count(), { timeout: 15_000 }).toBe(1);
    for (const [n, edit] of [first, second].entries()) {
      await page.getByLabel(edit.label, { exact: true }).fill(edit.value);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => history.getByRole('listitem').count(), { timeout: 15_000 }).toBe(n + 2);
    }
    const rows = history.getByRole('listitem');
    expect(await rows.nth(0).locator('.history-change').innerText()).toBe(`Changed: ${second.label}`);
    expect(await rows.nth(1).locator('.history-change').innerText()).toBe(`Changed: ${first.label}`);
    expect(await rows.nth(2).locator('.history-change').innerText()).toBe('Created');

    // The version of the first edit: its field marked, to the eye and to a screen reader.
    await rows.nth(1).getByRole('button', { name: /^View the version of/ }).click();
    const version = page.getByRole('region', { name: 'Earlier version' });
    await version.getByText(`Changed: ${first.label}`, { exact: true }).waitFor();
    const marked = version.locator('.fact-pair.changed');
    await expect.poll(() => marked.count()).toBe(1);
    expect(await marked.getByRole('term').innerText()).toContain(first.label);
    expect(await marked.getByRole('definition').innerText()).toBe(first.value);
    expect(await marked.getByRole('term').evaluate((dt) => dt.querySelector('.visually-hidden')?.textContent)).toBe('changed in this version');
    await h.expectAccessible(`an earlier version with its changes marked (${hash})`);
    await h.screenshot(`version-changes-marked-${hash.split('/')[1]}`);

    await version.getByRole('button', { name: 'Restore this version' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Restore', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /^Restored the version of / }).waitFor();
    await expect.poll(() => secondField.inputValue(), { timeout: 15_000 }).toBe(before);
    expect(await page.getByLabel(first.label, { exact: true }).inputValue()).toBe(first.value);
    // The restore is a version of its own, which says what it brought back.
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(4);
    expect(await rows.nth(0).locator('.history-change').innerText()).toMatch(new RegExp(`^Brings back the version of .+ \\(changed: ${second.label}\\)$`));
  }

  it('names what each version of an outlet changed and restores the older one into its editor', async () => {
    const outlet = await h.api('outlet.create', { name: 'Daily Nation', kind: 'newspaper', website: 'https://nation.africa' });
    await editTwiceAndRestore(`#/outlets/${outlet.id}`, { label: 'Website', value: 'https://nation.co.ke' }, { label: 'Name', value: 'The Nation' }, 'Daily Nation');
    expect(await h.api('outlet.get', { id: outlet.id })).toMatchObject({ name: 'Daily Nation', website: 'https://nation.co.ke' });
    await h.screenshot('outlet-version-changes');
    expect(h.consoleErrors).toEqual([]);
  }, 90_000);

  it('names what each version of an office changed and restores the older one into its editor', async () => {
    const office = await h.api('office.create', { name: 'Nairobi' });
    await editTwiceAndRestore(`#/settings/offices/${office.id}`, { label: 'Footer line', value: 'Regional office for East Africa' }, { label: 'Name', value: 'Nairobi hub' }, 'Nairobi');
    expect(await h.api('office.get', { id: office.id })).toMatchObject({ name: 'Nairobi', footer: 'Regional office for East Africa' });
    await h.screenshot('office-version-changes');
    expect(h.consoleErrors).toEqual([]);
  }, 90_000);
});
