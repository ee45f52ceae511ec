import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../contacts/helpers';
import { startHarness, type Harness } from './harness';

/**
 * The media list as a field office lives with it, a few hundred contacts in it: filters that read
 * in order, a list that is as it was when the person comes back to it, buttons that act once
 * however they are pressed, focus that is never left on the page, and a short window's list.
 */

let h: Harness;
let page: Page;
const ids: string[] = [];

beforeAll(async () => {
  h = await startHarness({ author: 'Press Officer', stepTimeout: 15_000, acceptDownloads: true, viewport: { width: 1280, height: 800 } });
  page = h.page;
  const countries = ['AE', 'DE', 'KE', 'LB'] as const;
  const languages = ['ar', 'en', 'es', 'fr'] as const;
  for (let i = 0; i < 240; i++) {
    const n = String(i).padStart(3, '0');
    const { id } = await h.api('contact.create', { name: `Reporter ${n}`, beats: [i % 2 ? 'health' : 'water'], countries: [countries[i % 4]!], languages: [languages[i % 4]!] });
    ids.push(id);
  }
  for (let i = 0; i < 120; i++) await h.api('outlet.create', { name: `Radio ${String(i).padStart(3, '0')}`, kind: 'radio' });
}, 240_000);

afterAll(async () => {
  await h?.close();
});


const active = () => page.evaluate(() => document.activeElement?.textContent ?? '');
const options = (id: string) => page.locator(`#${id} option`).allInnerTexts();

async function inArabic<T>(steps: () => Promise<T>): Promise<T> {
  await page.evaluate(() => localStorage.setItem('dateline.uiLanguage', 'ar'));
  try {
    return await steps();
  } finally {
    await page.evaluate(() => localStorage.setItem('dateline.uiLanguage', 'en'));
  }
}

describe('the media list, walked', () => {
  it('offers each filter’s choices in the order of their names, in English and in Arabic', async () => {
    await page.goto(`${h.server.launchUrl()}#/contacts`);
    await page.getByText('240 contacts', { exact: true }).waitFor();
    // The core gives them by code (AE, DE…; ar, en, es, fr): read by name, that is no order at all.
    expect(await options('con-country')).toEqual(['Any', 'Germany', 'Kenya', 'Lebanon', 'United Arab Emirates']);
    expect(await options('con-language')).toEqual(['Any', 'Arabic', 'English', 'French', 'Spanish']);
    await inArabic(async () => {
      await page.reload();
      await page.getByRole('list', { name: 'جهات الاتصال' }).waitFor();
      expect(await options('con-country')).toEqual(['الكل', 'الإمارات العربية المتحدة', 'ألمانيا', 'كينيا', 'لبنان']);
      expect(await options('con-language')).toEqual(['الكل', 'الإسبانية', 'الإنجليزية', 'العربية', 'الفرنسية']);
    });
  });

  it('comes back from a contact to the list as it was left: its filters, and the row opened in view with focus', async () => {
    const count = `${(await h.api('contact.list', { limit: 1, beat: 'health', query: 'Reporter 1' })).total} contacts`;
    await page.goto(`${h.server.launchUrl()}#/contacts`);
    await page.getByLabel('Beat').selectOption('health');
    await page.getByLabel('Search contacts').fill('Reporter 1');
    await page.getByText(count, { exact: true }).waitFor();
    const row = page.getByRole('list', { name: 'Contacts' }).getByRole('link', { name: /Reporter 199/ });
    const openLast = async () => {
      await page.locator('.vlist').evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await row.click();
      await page.getByRole('heading', { name: 'Reporter 199' }).waitFor();
    };
    const expectAsLeft = async () => {
      await page.getByText(count, { exact: true }).waitFor();
      expect(await page.getByLabel('Beat').inputValue()).toBe('health');
      expect(await page.getByLabel('Search contacts').inputValue()).toBe('Reporter 1');
      await expect.poll(active).toMatch(/^Reporter 199/);
      const [pane, shown] = await Promise.all([page.locator('.vlist').boundingBox(), row.boundingBox()]);
      expect(shown!.y).toBeGreaterThanOrEqual(pane!.y);
      expect(shown!.y + shown!.height).toBeLessThanOrEqual(pane!.y + pane!.height + 1);
    };
    // Back by the link over the contact's name, then by the browser's Back.
    await openLast();
    await page.getByRole('link', { name: 'Contacts', exact: true }).last().click();
    await expectAsLeft();
    await openLast();
    await page.goBack();
    await expectAsLeft();
    // Any other way in finds the whole list.
    await h.nav('Releases').click();
    await h.nav('Contacts').click();
    await page.getByText('240 contacts', { exact: true }).waitFor();
    expect(await page.getByLabel('Beat').inputValue()).toBe('');

    // The outlets list the same way.
    const outlets = `${(await h.api('outlet.list', { limit: 1, query: 'Radio 1' })).total} outlets`;
    await page.getByRole('link', { name: 'Outlets', exact: true }).click();
    await page.getByLabel('Search outlets').fill('Radio 1');
    await page.getByText(outlets, { exact: true }).waitFor();
    await page.locator('.vlist').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.getByRole('list', { name: 'Outlets' }).getByRole('link', { name: /Radio 119/ }).click();
    await page.getByRole('heading', { name: 'Radio 119' }).waitFor();
    await page.goBack();
    await page.getByText(outlets, { exact: true }).waitFor();
    expect(await page.getByLabel('Search outlets').inputValue()).toBe('Radio 1');
    await expect.poll(active).toMatch(/^Radio 119/);
    expect(h.consoleErrors).toEqual([]);
  });

  it('saves a segment and exports once however fast the button is pressed, the keyboard kept on the bar', async () => {
    await page.goto(`${h.server.launchUrl()}#/contacts`);
    await page.getByLabel('Beat').selectOption('water');
    await page.getByText('120 contacts', { exact: true }).waitFor();
    await page.getByLabel('Save these filters as').fill('Water desk');
    await page.getByRole('button', { name: 'Save segment' }).click();
    await page.getByText('Segment “Water desk” saved.').waitFor();
    // Save went disabled with its name: the keyboard goes on from the segment now chosen.
    expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.value)).toBe('Water desk');

    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    const first = page.waitForEvent('download');
    const exportCsv = page.getByRole('button', { name: 'Export as CSV' });
    await exportCsv.dblclick();
    const csv = readFileSync((await (await first).path())!, 'utf8');
    expect(csv.split('\n').filter((line) => line.includes('Reporter')).length).toBe(120);
    await page.getByText('120 contacts exported.').waitFor();
    await page.waitForTimeout(1000);
    expect(downloads).toEqual(['Water desk.csv']);
    expect(await active()).toBe('Export as CSV');
  });

  it('merges a duplicate once on a double click, and puts the keyboard on the merge panel after', async () => {
    const keep = await h.api('contact.create', { name: 'Wanjiru Kamau', organisation: 'Daily Nation' });
    await h.api('contact.create', { name: 'Wanjiru Kamau (Nation)', emails: [{ type: 'work', address: 'wanjiru@nation.example' }] });
    await page.goto(`${h.server.launchUrl()}#/contacts/${keep.id}`);
    await page.getByLabel('Find the duplicate').fill('Nation');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByRole('button', { name: 'Wanjiru Kamau (Nation)' }).click();
    const merges: string[] = [];
    page.on('request', (r) => {
      if ((r.postData() ?? '').includes('contact.merge') || r.url().includes('contact.merge')) merges.push(r.url());
    });
    await page.getByRole('button', { name: 'Merge Wanjiru Kamau (Nation) into this contact' }).dblclick();
    await page.getByText('Merged: 0 releases and 0 kits now name this contact.').waitFor();
    await expect.poll(active).toBe('Merge a duplicate into this contact');
    expect(merges.length).toBe(1);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect((await h.api('contact.get', { id: keep.id })).emails.map((e) => e.address)).toEqual(['wanjiru@nation.example']);
    expect(h.consoleErrors).toEqual([]);
  });

  it('puts the keyboard on the line saying what an erase removed, or that an outlet was deleted, on the list it goes back to', async () => {
    await page.goto(`${h.server.launchUrl()}#/contacts/${ids[0]}`);
    await page.getByRole('button', { name: 'Erase this person…' }).click();
    await page.getByRole('button', { name: 'Erase for good' }).click();
    await page.waitForURL(/#\/contacts$/);
    await expect.poll(active).toBe('The contact was erased: 1 document and 0 files removed.');

    // An outlet deleted from its page, the same way on the outlets list.
    const outlet = await h.api('outlet.create', { name: 'Kiss FM', kind: 'radio' });
    await h.goto(`#/outlets/${outlet.id}`);
    await page.getByRole('button', { name: 'Delete this outlet' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete', exact: true }).click();
    await page.waitForURL(/#\/outlets$/);
    await expect.poll(active).toBe('The outlet “Kiss FM” was deleted.');
  });

  it('walks an import with the keyboard: each step goes on from what it shows, never from the top of the page', async () => {
    await page.goto(`${h.server.launchUrl()}#/contacts/import`);
    await page.getByLabel('CSV or vCard file').setInputFiles({ name: 'excel-ar-1256.csv', mimeType: 'text/csv', buffer: readFileSync(fixture('excel-ar-1256.csv')) });
    await page.getByLabel('Where “الاسم” goes').selectOption('name');
    await page.getByRole('button', { name: 'Read the file with this mapping' }).press('Enter');
    await page.getByText('3 read: 2 to create, 1 to merge', { exact: false }).waitFor();
    await expect.poll(active).toBe('What the import will do');
    await page.getByRole('button', { name: 'Import', exact: true }).press('Enter');
    await expect.poll(active).toMatch(/^Imported in one go: 2 created, 1 merged/);
    await page.getByRole('button', { name: 'Import another file' }).press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('ci-file');
    expect(h.consoleErrors).toEqual([]);
  });

  it('dates a contact’s outlets before as dates in the interface’s language', async () => {
    const before = await h.api('outlet.create', { name: 'The Standard', kind: 'newspaper' });
    const now = await h.api('outlet.create', { name: 'Citizen TV', kind: 'tv' });
    const { id } = await h.api('contact.create', { name: 'Otieno Odhiambo', outlet: before.id });
    const doc = await h.api('contact.get', { id });
    await h.api('contact.update', { id, rev: doc.rev, fields: { name: doc.name, outlet: now.id } });
    const moved = (await h.api('contact.get', { id })).outletHistory![0]!;
    await page.goto(`${h.server.launchUrl()}#/contacts/${id}`);
    const history = page.getByRole('region', { name: 'Outlets before' });
    // Left today, with no start known: "until" the day, written as the page writes dates, not as stored.
    await history.getByText('The Standard').waitFor();
    const english = await history.innerText();
    expect(english).toContain('until ');
    expect(english).toContain(moved.to!.slice(0, 4));
    expect(english).not.toContain(moved.to!);
    await inArabic(async () => {
      await page.reload();
      const arabic = page.getByRole('region', { name: 'وسائل الإعلام السابقة' });
      await arabic.getByText('The Standard').waitFor();
      const text = await arabic.innerText();
      expect(text).toContain('حتى');
      expect(text).not.toContain(moved.to!);
    });
  });

  it('fills a short window with the list once it is scrolled down to, not a sliver under the filters', async () => {
    await page.setViewportSize({ width: 800, height: 600 });
    try {
      for (const route of ['#/contacts', '#/outlets']) {
        await page.goto(`${h.server.launchUrl()}${route}`);
        await page.locator('.vlist [role=listitem]').first().waitFor();
        const main = page.locator('#main');
        await main.evaluate((m) => m.scrollTo(0, m.scrollHeight));
        const [pane, list] = await Promise.all([main.boundingBox(), page.locator('.vlist').boundingBox()]);
        const seen = Math.min(pane!.y + pane!.height, list!.y + list!.height) - Math.max(pane!.y, list!.y);
        expect(seen / pane!.height, route).toBeGreaterThan(0.75);
      }
      await h.screenshot('contacts-walk-short-window');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });
});
