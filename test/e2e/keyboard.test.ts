import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { openIn, seed, show, type Seeded } from './i18n-screens';

/** Moving around the app by keyboard alone, in real Chromium. */

let h: Harness;
let s: Seeded;

beforeAll(async () => {
  h = await startHarness({ author: 'Press Officer' });
  s = await seed(h);
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('the keyboard', () => {
  it('skips to the content of the screen shown, which stays shown', async () => {
    const { context, page } = await openIn(h, 'en-GB');
    try {
      await show(page, { hash: `#/kits/${s.kit}`, ready: '#main ol.kit-items > li' });
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      expect(await page.evaluate(() => window.location.hash)).toBe(`#/kits/${s.kit}`);
      expect(await page.locator('#main h1').first().innerText()).toBe('Kit builder');
    } finally {
      await context.close();
    }
  }, 60_000);
});
