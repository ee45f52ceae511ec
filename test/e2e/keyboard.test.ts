import { describe, expect, it } from 'vitest';
import { openIn, seededHarness, show } from './i18n-screens';

/** Moving around the app by keyboard alone, in real Chromium. */

const seeded = seededHarness();

describe('the keyboard', () => {
  it('skips to the content of the screen shown, which stays shown', async () => {
    const { context, page } = await openIn(seeded.h, 'en-GB');
    try {
      await show(page, { hash: `#/kits/${seeded.s.kit}`, ready: '#main ol.kit-items > li' });
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      expect(await page.evaluate(() => window.location.hash)).toBe(`#/kits/${seeded.s.kit}`);
      expect(await page.locator('#main h1').first().innerText()).toBe('Kit builder');
    } finally {
      await context.close();
    }
  }, 60_000);
});

describe('the body editor’s shortcuts', () => {
  it('are shown on the toolbar buttons, in the interface’s words, and do what the button does', async () => {
    const { context, page } = await openIn(seeded.h, 'fr-FR');
    try {
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
    } finally {
      await context.close();
    }
  }, 60_000);
});
