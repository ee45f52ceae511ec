import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openIn, SEED, seededHarness, show, withPage } from './i18n-screens';

/** Moving around the app by keyboard alone, in real Chromium. */

const seeded = seededHarness();

describe('the keyboard', () => {
  it('skips to the content of the screen shown, which stays shown', async () => {
    await withPage(openIn(seeded.h, 'en-GB'), async (page) => {
      await show(page, { hash: `#/kits/${seeded.s.kit}`, ready: '#main ol.kit-items > li' });
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      expect(await page.evaluate(() => window.location.hash)).toBe(`#/kits/${seeded.s.kit}`);
      expect(await page.locator('#main h1').first().innerText()).toBe('Kit builder');
    });
  }, 60_000);
});

describe('opening a release from the list', () => {
  it('moves focus to the release’s heading, and back to its row on return', async () => {
    await withPage(openIn(seeded.h, 'en-GB'), async (page) => {
      const focused = () => page.evaluate(() => {
        const el = document.activeElement;
        return el ? `${el.tagName.toLowerCase()}: ${(el as HTMLElement).innerText.split('\n')[0]}` : '';
      });
      await show(page, { hash: '#/releases', ready: '#main a.row-link' });
      const row = page.locator('#main a.row-link', { hasText: SEED.headline });
      await row.focus();
      await page.keyboard.press('Enter');
      await page.locator('#main .body-editor').waitFor();
      await expect.poll(focused).toBe(`h1: ${SEED.headline}`);

      // Back by the crumb link, then by the browser's Back: each time the row opened is focused.
      await page.locator('#main .crumbs a').focus();
      await page.keyboard.press('Enter');
      await expect.poll(focused).toBe(`a: ${SEED.headline}`);
      await page.keyboard.press('Enter');
      await expect.poll(focused).toBe(`h1: ${SEED.headline}`);
      await page.goBack();
      await expect.poll(focused).toBe(`a: ${SEED.headline}`);
      expect(await page.evaluate(() => window.location.hash)).toBe('#/releases');
    });
  }, 60_000);
});

describe('the body editor’s shortcuts', () => {
  it('are shown on the toolbar buttons, in the interface’s words, and do what the button does', async () => {
    await withPage(openIn(seeded.h, 'fr-FR'), async (page) => {
      await show(page, { hash: `#/releases/${seeded.s.release}`, ready: '#main .body-editor' });
      const toolbar = page.locator('#main .body-editor .toolbar');
      const shown = async (name: string) => {
        const b = toolbar.getByRole('button', { name, exact: true });
        return [await b.getAttribute('title'), await b.getAttribute('aria-keyshortcuts')];
      };
      expect(await shown('Gras')).toEqual(['Gras (Ctrl+B)', 'Control+B']);
      expect(await shown('Titre 2')).toEqual(['Titre 2 (Ctrl+Alt+2)', 'Control+Alt+2']);
      expect(await shown('Citation en retrait')).toEqual(['Citation en retrait (Ctrl+Maj+B)', 'Control+Shift+B']);
      expect(await shown('Annuler')).toEqual(['Annuler (Ctrl+Z)', 'Control+Z']);
      expect(await shown('Rétablir')).toEqual(['Rétablir (Ctrl+Maj+Z)', 'Control+Shift+Z']);

      // The keys shown are the editor's own: Ctrl+B makes the selected word bold, as the button does.
      const body = page.locator('#main .body-editor [role="textbox"]');
      await body.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Control+B');
      await body.locator('strong').first().waitFor();
      expect(await toolbar.getByRole('button', { name: 'Gras', exact: true }).getAttribute('aria-pressed')).toBe('true');
    });
  }, 60_000);
});

describe('the formatting toolbar', () => {
  // The label without the marks that isolate the level's number in Arabic.
  const focusedName = (page: Page) => page.evaluate(() => (document.activeElement?.querySelector('.visually-hidden')?.textContent ?? '').replace(/[\u2068\u2069]/g, ''));
  const tabStops = (page: Page) => page.locator('#main .body-editor [role="toolbar"] button[tabindex="0"]').count();

  it('is one tab stop, arrows, Home and End moving between its buttons', async () => {
    await withPage(openIn(seeded.h, 'en-GB'), async (page) => {
      await show(page, { hash: `#/releases/${seeded.s.release}`, ready: '#main .body-editor' });
      expect(await page.getByRole('toolbar', { name: 'Formatting' }).count()).toBe(1);
      expect(await tabStops(page)).toBe(1);
      await page.getByRole('toolbar').getByRole('button', { name: 'Heading 1', exact: true }).focus();
      await page.keyboard.press('ArrowRight');
      expect(await focusedName(page)).toBe('Heading 2');
      // Undo and Redo are unavailable in a release just opened: End stops at the last button that works.
      await page.keyboard.press('End');
      expect(await focusedName(page)).toBe('Block quote');
      await page.keyboard.press('ArrowRight');
      expect(await focusedName(page)).toBe('Heading 1');
      await page.keyboard.press('ArrowLeft');
      expect(await focusedName(page)).toBe('Block quote');
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      expect(await focusedName(page)).toBe('Heading 3');
      expect(await tabStops(page)).toBe(1);
      // Tab leaves the toolbar for the text; Shift+Tab comes back to the button last used.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('textbox');
      await page.keyboard.press('Shift+Tab');
      expect(await focusedName(page)).toBe('Heading 3');
    });
  }, 60_000);

  it('takes the arrows the other way round in Arabic', async () => {
    await withPage(openIn(seeded.h, 'ar', 'ar'), async (page) => {
      await show(page, { hash: `#/releases/${seeded.s.arabicRelease}`, ready: '#main .body-editor' });
      expect(await page.getByRole('toolbar', { name: 'التنسيق' }).count()).toBe(1);
      await page.getByRole('toolbar').getByRole('button').first().focus();
      expect(await focusedName(page)).toBe('عنوان 1');
      await page.keyboard.press('ArrowLeft');
      expect(await focusedName(page)).toBe('عنوان 2');
      await page.keyboard.press('ArrowRight');
      expect(await focusedName(page)).toBe('عنوان 1');
      await page.keyboard.press('ArrowRight');
      expect(await focusedName(page)).toBe('اقتباس منفصل');
    });
  }, 60_000);
});

describe('the search shortcut in the top bar', () => {
  /** The hint beside the search, and the keys the search box says it answers to. */
  const hint = async (page: Page) => [await page.locator('.topbar .shortcut').innerText(), await page.locator('.topbar input[role="combobox"]').getAttribute('aria-keyshortcuts')];

  it('is said with the keys of the system: Ctrl+K, in the interface’s words, and ⌘K on a Mac, where ⌘K does it', async () => {
    await withPage(openIn(seeded.h, 'fr-FR'), async (page) => {
      expect(await hint(page)).toEqual(['Ctrl+K', 'Control+K']);
    });

    const context = await seeded.h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    try {
      await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'platform', { get: () => 'MacIntel' }));
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(seeded.h.server.launchUrl());
      await page.locator('#main h1').first().waitFor();
      expect(await hint(page)).toEqual(['⌘K', 'Meta+K']);
      await page.locator('#main h1').first().click();
      await page.keyboard.press('Meta+k');
      expect(await page.getByRole('combobox', { name: 'Search the library' }).evaluate((el) => el === document.activeElement)).toBe(true);
    } finally {
      await context.close();
    }
  }, 60_000);
});
