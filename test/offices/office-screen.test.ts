import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../e2e/harness';

/**
 * The office screen in headless Chromium against the real core: a press officer gives the
 * office its kits' look (fonts, footer line, logo with its preview, a default spokesperson),
 * saves, and finds it all again after a reload. Journalists are not offered as default contacts.
 */

const FOOTER = 'Kampala office · press@kampala.example';

let h: Harness;
let page: Page;
let officeId = '';
let logoId = '';
let graceId = '';

beforeAll(async () => {
  h = await startHarness({ author: 'Press Officer' });
  page = h.page;
  const logo = await sharp({ create: { width: 240, height: 80, channels: 3, background: '#0b6e4f' } }).png().toBuffer();
  logoId = (await h.api('attachment.add', { name: 'kampala-logo.png', data: logo.toString('base64'), fields: {} })).id;
  await h.api('attachment.add', { name: 'annual-report.pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'), fields: {} });
  graceId = (await h.api('contact.create', { kind: 'spokesperson', name: 'Grace Akello' })).id;
  await h.api('contact.create', { kind: 'journalist', name: 'Grace Nakato', organisation: 'Daily Monitor' });
  officeId = (await h.api('office.create', { name: 'Kampala office' })).id;
  // The route goes with the launch link: the page takes the link's nonce out of the address as it
  // starts, and a hash set while it does so would be lost.
  await page.goto(`${h.server.launchUrl()}#/settings/offices/${officeId}`);
  await page.locator('#main form').getByLabel('Headings', { exact: true }).waitFor();
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('the office screen', () => {
  it("sets the kits' fonts, footer line, logo and default spokesperson, and keeps them after a reload", async () => {
    const form = page.locator('#main form');
    await form.getByLabel('Headings', { exact: true }).selectOption('WenQuanYi Micro Hei');
    await form.getByLabel('Text', { exact: true }).selectOption('DejaVu Sans');
    await form.getByLabel('Footer line', { exact: true }).fill(FOOTER);

    // Only images are offered as the logo, and the chosen one is shown.
    const logoSelect = form.getByLabel('Logo image', { exact: true });
    expect(await logoSelect.locator('option').allInnerTexts()).toEqual(['None', 'kampala-logo.png']);
    await logoSelect.selectOption({ label: 'kampala-logo.png' });
    await form.getByRole('img', { name: 'Logo of Kampala office' }).waitFor();

    // The search offers the spokesperson, not the journalist of the same first name.
    const contacts = form.getByRole('group', { name: 'Default press contacts' });
    await contacts.getByText('None. A kit that names no press contact then prints none.').waitFor();
    await contacts.getByLabel('Find a contact').fill('Grace');
    await contacts.getByRole('button', { name: 'Add Grace Akello' }).click();
    await contacts.getByRole('link', { name: 'Grace Akello' }).waitFor();
    await contacts.getByLabel('Find a contact').fill('Nakato');
    await contacts.getByText('No contact matches “Nakato”.', { exact: false }).waitFor();
    await contacts.getByLabel('Find a contact').fill('');

    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
    const stored = await h.api('office.get', { id: officeId });
    expect(stored).toMatchObject({ fonts: { headings: 'WenQuanYi Micro Hei', body: 'DejaVu Sans' }, footer: FOOTER, logo: logoId, contacts: [graceId] });

    await page.reload();
    await page.locator('#main form').waitFor();
    await expect.poll(() => form.getByLabel('Footer line', { exact: true }).inputValue()).toBe(FOOTER);
    expect(await form.getByLabel('Headings', { exact: true }).inputValue()).toBe('WenQuanYi Micro Hei');
    expect(await form.getByLabel('Text', { exact: true }).inputValue()).toBe('DejaVu Sans');
    await form.getByRole('group', { name: 'Default press contacts' }).getByRole('link', { name: 'Grace Akello' }).waitFor();
    await h.expectAccessible('office screen with its kit look');
  });

  it("goes back to Dateline's fonts and no footer line", async () => {
    const form = page.locator('#main form');
    await form.getByLabel('Headings', { exact: true }).selectOption({ label: 'Dateline’s default' });
    await form.getByLabel('Footer line', { exact: true }).fill('');
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
    await expect.poll(async () => (await h.api('office.get', { id: officeId })).fonts ?? null).toBeNull();
    expect((await h.api('office.get', { id: officeId })).footer).toBe('');
  });
});
