import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openIn, screens, seededHarness, show, withPage } from './i18n-screens';

/**
 * A narrow window (down to 600 px, web mode or the desktop app made small): the sections fold
 * into a menu button, reachable and closable by keyboard, mirrored in Arabic; every screen keeps
 * its content whole. At 1280 px the sidebar stays as it was.
 */

const seeded = seededHarness();

/** Shows every main screen in turn; none may stick out past the window's width. */
async function expectEveryScreenFits(page: Page): Promise<void> {
  for (const screen of screens(seeded.s)) {
    await show(page, screen);
    expect({ screen: screen.name, overflow: await overflow(page) }).toEqual({ screen: screen.name, overflow: 0 });
  }
}

const sections = (page: Page) => page.getByRole('navigation', { name: /./ }).first();

/** What of the page sticks out past the window's width (a screen that does not fit). */
function overflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const main = document.getElementById('main')!;
    return Math.max(document.documentElement.scrollWidth - window.innerWidth, main.scrollWidth - main.clientWidth);
  });
}

describe('a window 600 px wide', () => {
  for (const [language, locale] of [
    ['en', 'en-GB'],
    ['ar', 'ar-EG'],
  ] as const) {
    it(`folds the sections into a menu that the keyboard opens, follows and closes (${language})`, async () => {
      await withPage(openIn(seeded.h, locale, language), async (page) => {
        await page.setViewportSize({ width: 600, height: 800 });
        await show(page, { hash: '#/releases', ready: '#main a.row-link' });
        const menu = page.locator('header button[aria-controls]');
        await expect.poll(() => menu.isVisible()).toBe(true);
        await expect.poll(() => sections(page).isVisible()).toBe(false);
        // The content has the window's whole width.
        const main = (await page.locator('#main').boundingBox())!;
        expect(main.width).toBeGreaterThan(590);

        await menu.focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('true');
        const open = (await sections(page).boundingBox())!;
        // Mirrored in Arabic: the menu opens from the right, as the sidebar stands there.
        if (language === 'ar') expect(open.x + open.width).toBeGreaterThan(595);
        else expect(open.x).toBeLessThan(5);
        // Focus is on the section shown, so Tab and Enter go on from there.
        await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-current'))).toBe('page');
        await page.keyboard.press('Escape');
        await expect.poll(() => sections(page).isVisible()).toBe(false);
        await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-controls'))).not.toBeNull();

        await page.keyboard.press('Enter');
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => window.location.hash === '#/import');
        await expect.poll(() => sections(page).isVisible()).toBe(false);

        await expectEveryScreenFits(page);
      });
    }, 120_000);
  }

  it('keeps each date of a date box’s note whole on one line in Arabic, however narrow the note', async () => {
    await withPage(openIn(seeded.h, 'ar-EG', 'ar'), async (page) => {
      await page.setViewportSize({ width: 600, height: 800 });
      await show(page, { hash: `#/contacts/${seeded.s.contact}`, ready: '#main form' });
      const box = page.locator('#main .date-field input[type="text"]').first();
      await expect.poll(() => box.inputValue()).toBe('');
      /** Each width (px) the note was given at which one of its dates took more than one line. */
      const broken = () =>
        page.evaluate(() => {
          const note = document.querySelector<HTMLElement>('#main .date-field + p')!;
          const out: string[] = [];
          for (let width = 100; width <= 360; width += 4) {
            note.style.width = `${width}px`;
            const walker = document.createTreeWalker(note, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const text = node.textContent!;
              for (const date of [/2026-12-24/u, /24 ديسمبر 2026/u]) {
                const m = date.exec(text);
                if (!m) continue;
                const range = document.createRange();
                range.setStart(node, m.index);
                range.setEnd(node, m.index + m[0].length);
                const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
                if (lines.size > 1) out.push(`${m[0]} at ${width}px`);
              }
            }
          }
          note.style.width = '';
          return { out, text: note.textContent ?? '' };
        });
      // The example under the empty box, then the note of a box left with what is not a date.
      const empty = await broken();
      expect(empty.text).toContain('2026-12-24');
      expect(empty.out).toEqual([]);
      await box.fill('31 فبراير');
      await box.blur();
      await page.locator('#main .date-field + p.field-error').first().waitFor();
      const invalid = await broken();
      expect(invalid.text).toContain('2026-12-24');
      expect(invalid.out).toEqual([]);
      await box.fill('');
    });
  }, 120_000);

  it('keeps the sidebar beside the content at 1280 px, with no menu button', async () => {
    await withPage(openIn(seeded.h, 'en-GB', 'en'), async (page) => {
      await show(page, { hash: '#/releases', ready: '#main a.row-link' });
      expect(await page.locator('header button[aria-controls]').isVisible()).toBe(false);
      expect(await sections(page).isVisible()).toBe(true);
      await expectEveryScreenFits(page);
    });
  }, 120_000);
});
