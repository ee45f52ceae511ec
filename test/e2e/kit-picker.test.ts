import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReleases, startHarness, type Harness } from './harness';
import { openIn, withPage } from './i18n-screens';

/**
 * The kit builder's pickers on a field office's library of a thousand releases, in a real
 * Chromium: the release the old drop-down could not reach (it held the newest 500) is found by
 * typing part of its headline and added from the keyboard; the list says when nothing matches,
 * reads more rows as the person goes down it, and works the same in Arabic, right to left.
 */

const COUNT = 1001;
/** The 501st oldest, and with 1,001 releases the 501st newest too: one past the 500 the picker used to load. */
const TARGET = 500;
const SUDAN = 'Sudan floods: aid reaches 12,000 families in Kassala';
const SCHOOLS = 'Sudan: schools reopen in Kassala';
const ARABIC = 'فيضانات السودان: المساعدات تصل إلى اثني عشر ألف أسرة في كسلا';

let h: Harness;
let page: Page;
let ids: string[] = [];
let kit = '';

const picker = (p: Page, name: string) => p.getByRole('combobox', { name, exact: true });
const listbox = (p: Page, name: string) => p.getByRole('listbox', { name, exact: true });
const titles = (p: Page, name: string) => listbox(p, name).locator('.kit-pick-title').allInnerTexts();
const itemLabels = (p: Page) => p.locator('ol.kit-items > li .kit-item-label').allInnerTexts();

beforeAll(async () => {
  h = await startHarness({ author: 'Press Officer' });
  page = h.page;
  ids = seedReleases(h, COUNT, (i) => (i === TARGET ? SUDAN : `Weekly field update ${i + 1}`));
  // Newer than all of them: another release about Sudan, and one in Arabic.
  await h.api('release.create', { headline: SCHOOLS, language: 'en' });
  await h.api('release.create', { headline: ARABIC, language: 'ar' });
  kit = (await h.api('kit.create', { title: 'Kassala floods kit', language: 'en' })).id;
  await page.goto(h.server.launchUrl());
  await h.goto(`#/kits/${kit}`);
  await page.getByRole('heading', { name: 'Kit builder' }).waitFor();
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('the release picker on a library of a thousand releases', () => {
  it('lists the newest first before anything is typed, and says how many there are', async () => {
    const box = picker(page, 'Release');
    await box.focus();
    await expect.poll(() => titles(page, 'Release').then((t) => t.slice(0, 3))).toEqual([ARABIC, SCHOOLS, `Weekly field update ${COUNT}`]);
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    await page.getByText('30 of 1,003 shown: type to narrow, or scroll for more').waitFor();
    expect(await titles(page, 'Release')).not.toContain(SUDAN);
  });

  it('finds the 501st-oldest release by part of its headline, case aside, and adds it with Enter', async () => {
    const box = picker(page, 'Release');
    await box.pressSequentially('SUDAN flo');
    await expect.poll(() => titles(page, 'Release')).toEqual([SUDAN]);
    await page.keyboard.press('Enter');
    await expect.poll(() => itemLabels(page)).toEqual([SUDAN]);
    await page.getByRole('status').filter({ hasText: `${SUDAN} was added to the kit.` }).waitFor();
    await expect.poll(async () => (await h.api('kit.get', { id: kit })).items, { timeout: 5000 }).toEqual([{ kind: 'release', id: ids[TARGET] }]);
    // Focus stays in the box; opened again, the release is marked as in the kit and Enter adds nothing.
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowDown');
    const row = listbox(page, 'Release').getByRole('option');
    expect(await row.getAttribute('aria-disabled')).toBe('true');
    expect(await row.innerText()).toContain('In the kit');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(await itemLabels(page)).toEqual([SUDAN]);
  });

  it('says when no release matches, and Escape closes the list, then empties the box', async () => {
    const box = picker(page, 'Release');
    await box.fill('kassala cholera');
    await page.getByText('No release matches “kassala cholera”.').waitFor();
    expect(await listbox(page, 'Release').getByRole('option').count()).toBe(0);
    await page.keyboard.press('Escape');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    expect(await box.inputValue()).toBe('kassala cholera');
    await page.keyboard.press('Escape');
    expect(await box.inputValue()).toBe('');
  });

  it('reads the next rows as the person goes down past the first page', async () => {
    const box = picker(page, 'Release');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => titles(page, 'Release').then((t) => t[0])).toBe(ARABIC);
    for (let i = 0; i < 34; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => listbox(page, 'Release').getByRole('option').count()).toBe(60);
    // Down on the last row went on to the first of the next page once it came.
    const active = () => box.getAttribute('aria-activedescendant');
    await expect.poll(async () => Number((await active())?.split('-opt-')[1])).toBeGreaterThanOrEqual(30);
    expect(await page.locator(`[id="${await active()}"]`).getAttribute('aria-selected')).toBe('true');
    await page.getByText('60 of 1,003 shown: type to narrow, or scroll for more').waitFor();
    await h.expectAccessible('release picker past its first page');
    await page.keyboard.press('Escape');
  });

  it('works right to left in Arabic: the list under the box, the words and the search in Arabic', async () => {
    await withPage(openIn(h, 'ar-EG'), async (ar) => {
      await ar.evaluate((hash) => {
        window.location.hash = hash;
      }, `#/kits/${kit}`);
      await ar.locator('ol.kit-items > li').first().waitFor();
      const box = picker(ar, 'بيان صحفي');
      await box.focus();
      await box.pressSequentially('فيضانات');
      await expect.poll(() => titles(ar, 'بيان صحفي')).toEqual([ARABIC]);
      // The list is set under its box from the right, and its row reads right to left.
      const [field, list] = await Promise.all([box.boundingBox(), listbox(ar, 'بيان صحفي').boundingBox()]);
      expect(Math.abs(field!.x + field!.width - (list!.x + list!.width))).toBeLessThan(3);
      expect(await listbox(ar, 'بيان صحفي').locator('.kit-pick-title').first().evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
      await ar.keyboard.press('Enter');
      await expect.poll(() => itemLabels(ar)).toEqual([SUDAN, ARABIC]);

      await box.fill('كوليرا');
      const none = ar.locator('.kit-pick-state').filter({ hasText: 'لا يوجد بيان يطابق' });
      await none.waitFor();
      expect(await none.innerText()).toContain('كوليرا');
    });
  });

  it('logged no console errors', () => {
    expect(h.consoleErrors).toEqual([]);
  });
});
