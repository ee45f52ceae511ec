import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { richTextFromParagraphs } from '../../electron/shared/richtext';
import { SEED, seededHarness, withPage } from './i18n-screens';

/**
 * The top bar's search (Ctrl+K) shows under a release hit the passage where the words are, on
 * one line, the words marked; the arrows and Enter still choose a hit, and a screen reader hears
 * the passage as the option's description. In English and in the Arabic interface.
 */

const LONG = 'Oral cholera vaccination reaches Gao';

const OUTLET = 'Radio Okapi Gao';
let outletId = '';

// Beyond the seed: a release whose passage is far longer than the search panel is wide, and an outlet.
const seeded = seededHarness({}, async (h) => {
  outletId = (await h.api('outlet.create', { name: OUTLET, kind: 'radio' })).id;
  await h.api('release.create', {
    headline: LONG,
    language: 'en',
    body: richTextFromParagraphs([
      'Teams from the ministry and the organisation went from house to house in the districts along the river, where the water points were shared by thousands of families during the dry months, and gave the oral vaccine to 48,000 people in nine days before the rains came.',
    ]),
  });
});

/** Opens Dateline at the releases list in a browser speaking `locale`. */
async function open(locale: string) {
  const context = await seeded.h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale, timezoneId: 'Africa/Nairobi' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${seeded.h.server.launchUrl()}#/releases`);
  await page.locator('#main a.row-link').first().waitFor();
  return { context, page };
}

/** What the browser tells a screen reader about an option: its name and its description. */
async function spoken(page: Page, option: Locator): Promise<{ name: string; description: string }> {
  const handle = await option.elementHandle();
  const label = await page.evaluate((el) => {
    const text = (ids: string | null) => (ids ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
    return { name: text(el!.getAttribute('aria-labelledby')), description: text(el!.getAttribute('aria-describedby')) };
  }, handle);
  return label;
}

/** The passage takes one line: no taller than the hit's one-line title, whatever its length. */
async function oneLine(option: Locator): Promise<boolean> {
  const [title, passage] = await Promise.all([option.locator('.hit-title').boundingBox(), option.locator('.row-passage').boundingBox()]);
  return passage!.height <= title!.height * 1.2;
}

describe('a release hit of the top bar search', () => {
  it('shows its passage in one line with the words marked, in English; a contact keeps its line', async () => {
    await withPage(open('en-GB'), async (page) => {
      await page.keyboard.press('Control+k');
      const search = page.getByRole('combobox', { name: 'Search the library' });
      await search.fill('farmers seed');
      const hit = page.getByRole('option', { name: new RegExp(SEED.headline) });
      const passage = hit.locator('.row-passage');
      await passage.waitFor();
      expect(await passage.locator('mark').allInnerTexts()).toEqual(['farmers', 'seed']);
      expect(await passage.innerText()).toContain('handed 1,200 farmers seed for the coming season.');
      expect(await oneLine(hit)).toBe(true);
      // A passage longer than the panel is wide is clipped to one line too.
      await search.fill('vaccine rains');
      const long = page.getByRole('option', { name: new RegExp(LONG) });
      await long.locator('.row-passage mark').first().waitFor();
      expect(await long.locator('.row-passage').evaluate((el) => el.scrollHeight > el.clientHeight * 1.5)).toBe(true);
      expect(await oneLine(long)).toBe(true);
      await search.fill('farmers seed');
      await passage.waitFor();
      // The passage describes the option; its name stays the headline and its line.
      const said = await spoken(page, hit);
      expect(said.name).toMatch(new RegExp(`^${SEED.headline} English`));
      expect(said.description).toContain('farmers seed for the coming season.');
      expect(await page.getByRole('option', { description: /farmers seed for the coming season/ }).count()).toBe(1);

      // A contact's hit shows what it showed: its name and organisation, no passage.
      await search.fill('Awa');
      const contact = page.getByRole('option', { name: new RegExp(SEED.contact) });
      await contact.waitFor();
      expect(await contact.locator('.row-passage').count()).toBe(0);

      // The keyboard still walks the hits and opens the one chosen.
      await search.fill('seed');
      await passage.first().waitFor();
      const options = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
      await expect.poll(() => options.count()).toBeGreaterThan(1);
      const ids = await options.evaluateAll((els) => els.map((e) => e.id));
      expect(await search.getAttribute('aria-activedescendant')).toBe(ids[0]);
      await search.press('ArrowDown');
      expect(await search.getAttribute('aria-activedescendant')).toBe(ids[1]);
      await search.press('ArrowUp');
      expect(await search.getAttribute('aria-activedescendant')).toBe(ids[0]);
      const first = await options.first().getAttribute('aria-labelledby');
      const chosen = await page.locator(`[id="${first!.split(' ')[0]}"]`).innerText();
      await search.press('Enter');
      await page.waitForURL(/#\/releases\/[^/]+$/);
      await expect.poll(() => page.getByLabel('Headline', { exact: true }).inputValue()).toBe(chosen);
    });
  }, 120_000);

  it('offers an outlet under Outlets, its type in words, and opens the outlet’s page', async () => {
    await withPage(open('en-GB'), async (page) => {
      await page.keyboard.press('Control+k');
      const search = page.getByRole('combobox', { name: 'Search the library' });
      await search.fill('Okapi');
      const group = page.getByRole('group', { name: 'Outlets' });
      const hit = group.getByRole('option', { name: `${OUTLET} Radio` });
      await hit.waitFor();
      expect(await hit.locator('.row-passage').count()).toBe(0);
      await search.press('Enter');
      await page.waitForURL(new RegExp(`#/outlets/${outletId}$`));
      await expect.poll(() => page.getByLabel('Name', { exact: true }).inputValue()).toBe(OUTLET);
    });
  }, 120_000);

  it('shows an Arabic release its passage right to left, in the Arabic interface', async () => {
    await withPage(open('ar-EG'), async (page) => {
      await page.keyboard.press('Control+k');
      await page.keyboard.type('مزارع');
      const hit = page.getByRole('option', { name: new RegExp(SEED.arabicHeadline) });
      const passage = hit.locator('.row-passage');
      await passage.waitFor();
      expect(await passage.locator('mark').allInnerTexts()).toEqual(['مزارع']);
      expect(await passage.evaluate((el) => [el.matches(':dir(rtl)'), el.getAttribute('lang')])).toEqual([true, 'ar']);
      expect(await oneLine(hit)).toBe(true);
      const said = await spoken(page, hit);
      expect(said.name).toContain(SEED.arabicHeadline);
      expect(said.description).toContain('بذورا إلى 1200 مزارع');
    });
  }, 120_000);
});
