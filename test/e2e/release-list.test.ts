import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { richTextFromParagraphs } from '../../electron/shared/richtext';
import { drawnText, startHarness, type Harness } from './harness';

/**
 * The releases list as a person sees it in a browser: a search shows where its words are found,
 * the words marked so they stand out from the row even under the pointer; the order is chosen
 * from the keyboard, sorted across the whole list, and kept when the page is opened again.
 */

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ author: 'amina', viewport: { width: 1400, height: 900 } });
  const make = (headline: string, text: string, releaseDate: string) =>
    h.api('release.create', { headline, language: 'en', datelinePlace: 'Gao', releaseDate, body: richTextFromParagraphs([text]) });
  await make('Wells for Gao', 'The new wells near the market of Gao serve 12,000 people every day, and cholera cases fell by half.', '2026-11-02');
  await make('Seeds for Mopti', 'Seeds were handed out to 3,000 farmers in Mopti before the rains.', '2026-12-01');
  await make('Clinics in Kidal', 'Two clinics reopened in Kidal, where cholera had closed the schools.', '2026-10-15');
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('the releases list', () => {
  it('marks the words found in each passage, visibly', async () => {
    const { page } = h;
    await page.goto(`${h.server.launchUrl()}#/releases`);
    await page.getByText('3 releases').waitFor();
    await page.getByLabel('Search releases').fill('cholera');
    await page.getByText('2 releases').waitFor();
    const marks = page.locator('.row-passage mark');
    await expect.poll(() => marks.count()).toBe(2);
    expect(await marks.allTextContents()).toEqual(['cholera', 'cholera']);
    const row = page.locator('.row-link', { has: page.locator('mark') }).first();
    await row.hover();
    const [markColour, rowColour] = await Promise.all([
      row.locator('mark').evaluate((e) => getComputedStyle(e).backgroundColor),
      row.evaluate((e) => getComputedStyle(e).backgroundColor),
    ]);
    expect(markColour).not.toBe(rowColour);
    expect((await marks.first().boundingBox())!.width).toBeGreaterThan(10);
    await h.screenshot('release-list-passages');
  });

  it('sorts from the keyboard and keeps the order for the next time', async () => {
    const { page } = h;
    await page.goto(`${h.server.launchUrl()}#/releases`);
    await page.getByText('3 releases').waitFor();
    const titles = () => page.locator('.row-title').allTextContents();
    const sortBy = page.getByRole('combobox', { name: 'Sort by' });
    await sortBy.focus();
    // Release date is the next choice after Last changed.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => sortBy.inputValue()).toBe('releaseDate');
    await expect.poll(titles).toEqual(['Seeds for Mopti', 'Wells for Gao', 'Clinics in Kidal']);
    await expect.poll(() => page.getByRole('combobox', { name: 'Order' }).locator('option:checked').textContent()).toBe('Newest first');
    await page.reload();
    await page.getByText('3 releases').waitFor();
    expect(await page.getByRole('combobox', { name: 'Sort by' }).inputValue()).toBe('releaseDate');
    await expect.poll(titles).toEqual(['Seeds for Mopti', 'Wells for Gao', 'Clinics in Kidal']);
  });

  it('reads each row as one unit in Arabic: an English headline starts at the right, above its status', async () => {
    const { page } = h;
    await page.evaluate(() => localStorage.setItem('dateline.uiLanguage', 'ar'));
    try {
      await page.goto(`${h.server.launchUrl()}#/releases`);
      const row = page.getByRole('link', { name: /Wells for Gao/ });
      await row.waitFor();
      const title = await drawnText(row.locator('.row-title'));
      const [box, badge] = await Promise.all([row.boundingBox(), row.locator('.badge').first().boundingBox()]);
      const right = (b: { x: number; width: number }) => b.x + b.width;
      expect(Math.abs(right(title) - right(badge!))).toBeLessThanOrEqual(2);
      expect(title.x).toBeGreaterThan(box!.x + box!.width / 2);
      // The headline keeps its own language and direction inside the row.
      const inner = row.locator('.row-title > bdi');
      expect(await inner.getAttribute('lang')).toBe('en');
      expect(await inner.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    } finally {
      await page.evaluate(() => localStorage.setItem('dateline.uiLanguage', 'en'));
    }
  });
});
