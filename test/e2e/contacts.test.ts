import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../contacts/helpers';
import { startHarness, type Harness } from './harness';

/**
 * Media contacts in headless Chromium against the real core and web server, as a new user
 * would: import an Outlook export and a phone's vCards from the contacts screen, map the
 * columns of an Arabic Excel sheet, then merge a duplicate and erase a person from a contact's page.
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

async function upload(name: string) {
  await page.getByLabel('CSV or vCard file').setInputFiles({ name, mimeType: 'text/plain', buffer: readFileSync(fixture(name)) });
}

const contactCount = async () => (await h.api('library.info', {})).counts.contact;

describe('media contacts in the browser', () => {
  it('imports an Outlook export: reviewed first, stored only on Import', async () => {
    await page.goto(h.server.url);
    await h.nav('Contacts').click();
    await page.getByRole('link', { name: 'Import contacts' }).click();
    await upload('outlook-fr-1252.csv');
    await page.getByText('Columns recognised: Outlook (French).').waitFor();
    await page.getByText('4 read: 2 to create, 1 to merge, 1 refused, 0 skipped.', { exact: false }).waitFor();
    expect(await page.getByLabel('Encoding').inputValue()).toBe('windows-1252');
    await h.expectAccessible('contact import review');
    expect(await contactCount()).toBe(0);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported in one go: 2 created, 1 merged, 1 refused, 0 skipped.').waitFor();
    expect(await contactCount()).toBe(2);
  });

  it('imports vCards from a phone and an Arabic Excel sheet after mapping its columns', async () => {
    await page.getByRole('button', { name: 'Import another file' }).click();
    await upload('phone.vcf');
    await page.getByText('Read as vCards.').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported in one go: 4 created, 0 merged, 1 refused, 0 skipped.').waitFor();

    await page.getByRole('button', { name: 'Import another file' }).click();
    await upload('excel-ar-1256.csv');
    await page.getByText(/These columns are not from an Outlook or Google export/).waitFor();
    await page.getByLabel('Where “الاسم” goes').selectOption('name');
    await page.getByLabel('Where “المؤسسة” goes').selectOption('organisation');
    await page.getByRole('button', { name: 'Read the file with this mapping' }).click();
    await page.getByText('3 read: 2 to create, 1 to merge', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported in one go: 2 created, 1 merged, 0 refused, 0 skipped.').waitFor();
    expect(await contactCount()).toBe(8);
  });

  it('merges a duplicate from the contact page and erases a person', async () => {
    const dup = await h.api('contact.create', { name: 'Amélie Kaboré (Savane FM)', phones: [{ type: 'work', number: '+226 25 00 00 00' }] });
    const list = await h.api('contact.list', { limit: 50, query: 'Kaboré' });
    const keep = list.items.find((c) => c.id !== dup.id)!;
    await h.goto(`#/contacts/${keep.id}`);
    await page.getByLabel('Find the duplicate').fill('Savane');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByRole('button', { name: 'Amélie Kaboré (Savane FM)' }).click();
    await h.expectAccessible('merge side by side');
    await page.getByRole('button', { name: 'Merge Amélie Kaboré (Savane FM) into this contact' }).click();
    await page.getByText('Merged. 0 release(s) and 0 kit(s) now name this contact.').waitFor();
    const kept = await h.api('contact.get', { id: keep.id });
    expect(kept.phones.map((p) => p.number)).toContain('+226 25 00 00 00');

    await page.getByRole('button', { name: 'Erase this person…' }).click();
    await page.getByRole('button', { name: 'Erase for good' }).click();
    await page.waitForURL(/#\/contacts$/);
    expect(await contactCount()).toBe(7);
    expect(h.consoleErrors).toEqual([]);
  });
});
