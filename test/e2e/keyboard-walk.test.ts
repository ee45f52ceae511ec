import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from './harness';
import { SEED, seededHarness, withPage } from './i18n-screens';

/**
 * The app shell and the top bar's search walked as a person new to Dateline does it, in Spanish
 * and in Arabic, at 1280 by 800 and at 800 by 600: what is shown stays reachable and visible, and
 * the keyboard lands where the person expects.
 */

const WORKER = join(ROOT, 'out', 'cli', 'import-worker.js');

const SPANISH_PAGE = [
  'Inicio',
  'Quiénes somos',
  'Inundaciones en Colombia: 12.000 personas sin hogar en el Chocó',
  'QUIBDÓ, 4 de octubre de 2026 – Las lluvias torrenciales de los últimos diez días han destruido más de 2.000 viviendas en el departamento del Chocó.',
  'Las familias se refugian en escuelas y el agua potable es la necesidad más urgente.',
  '«Hemos visto pueblos enteros bajo el agua», declaró Ana Muñoz, responsable de emergencias en Quibdó.',
  'Contacto de prensa: José Núñez, prensa@ejemplo.org, +57 310 555 0199',
].join('\n');

const PRESS = { name: 'José Núñez', phone: '+57 310 555 0199' };

const seeded = seededHarness({ stepTimeout: 15_000 }, async (h) => {
  await h.api('contact.create', { name: PRESS.name, organisation: 'El Tiempo', role: 'Periodista de salud', phones: [{ type: 'mobile', number: PRESS.phone }] });
  // The core reads each paste in a worker thread loaded from the CLI build.
  if (!existsSync(WORKER)) {
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '-c', 'vite.cli.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  }
});

/** Dateline in `lng` (its saved interface language) in a window of `viewport`, at `hash`. */
async function openAt(lng: string, viewport: { width: number; height: number }, hash: string) {
  const context = await seeded.h.browser.newContext({ viewport, locale: lng, timezoneId: 'America/Bogota' });
  await context.addInitScript((l) => localStorage.setItem('dateline.uiLanguage', l), lng);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${seeded.h.server.launchUrl()}${hash}`);
  await page.locator('#main h1').first().waitFor();
  return { context, page };
}

/** Whether `control`, scrolled into view, is what the window shows at its centre (nothing drawn over it). */
async function uncovered(control: Locator): Promise<boolean> {
  await control.scrollIntoViewIfNeeded();
  return control.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return top !== null && (top === el || el.contains(top));
  });
}

/** A task that runs until `finish` is called, as a long check or export does. */
function longTask(): { finish: () => void } {
  let finish = () => {};
  seeded.h.core.ctx.jobs.start('library.check', (job) => {
    job.progress(1, 10);
    return new Promise<void>((resolve) => (finish = resolve));
  });
  return { finish: () => finish() };
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}: ${(el as HTMLElement).innerText.split('\n')[0]}` : '';
  });

describe('the tasks tray', () => {
  it('sits below the import review at 800 by 600, covering none of its controls, folded or not (es)', async () => {
    await withPage(openAt('es', { width: 800, height: 600 }, '#/import'), async (page) => {
      await page.getByLabel('Pegar un comunicado', { exact: true }).fill(SPANISH_PAGE);
      await page.getByRole('button', { name: 'Leer el texto pegado' }).click();
      const fields = page.getByRole('form', { name: 'Campos extraídos' });
      await expect.poll(() => fields.getByLabel('Titular', { exact: true }).inputValue()).toContain('Inundaciones en Colombia');
      const task = longTask();
      try {
        const tray = page.getByRole('region', { name: 'Tareas' });
        await tray.getByRole('button', { name: 'Cancelar' }).waitFor();
        await page.screenshot({ path: join(ROOT, 'test-artifacts', 'keyboard-walk-tray-import-es-800.png') });
        // The content ends where the tray begins: the tray takes its own place in the window.
        const [main, box] = [(await page.locator('#main').boundingBox())!, (await tray.boundingBox())!];
        expect(main.y + main.height).toBeLessThanOrEqual(box.y + 1);
        expect(box.y + box.height).toBeLessThanOrEqual(600 + 1);
        for (const control of [fields.getByRole('button', { name: 'Confirmar y guardar' }), fields.getByLabel('Titular', { exact: true })]) {
          expect(await uncovered(control)).toBe(true);
        }
        // Folded, it keeps its heading and its button, and gives the rest back to the content.
        await tray.getByRole('button', { name: 'Ocultar' }).click();
        expect((await page.locator('#main').boundingBox())!.height).toBeGreaterThan(main.height);
        expect(await uncovered(fields.getByRole('button', { name: 'Confirmar y guardar' }))).toBe(true);
        expect(await uncovered(tray.getByRole('button', { name: 'Mostrar' }))).toBe(true);
      } finally {
        task.finish();
      }
    });
  }, 120_000);
});

describe('a hit opened from the top bar search', () => {
  it('shows why a contact was found by its phone number, and opens it with the keyboard on its heading (es, 800 by 600)', async () => {
    await withPage(openAt('es', { width: 800, height: 600 }, '#/releases'), async (page) => {
      await page.keyboard.press('Control+k');
      await page.keyboard.type('555 0199');
      const hit = page.getByRole('option', { name: new RegExp(PRESS.name) });
      await hit.locator('.row-passage mark').first().waitFor();
      expect(await hit.locator('.row-passage mark').allInnerTexts()).toEqual(['555', '0199']);
      expect(await page.getByRole('option', { description: PRESS.phone }).count()).toBe(1);
      await page.screenshot({ path: join(ROOT, 'test-artifacts', 'keyboard-walk-search-phone-es-800.png') });
      await page.keyboard.press('Enter');
      await page.waitForURL(/#\/contacts\/[^/]+$/);
      // The keyboard is on the contact opened, not left in the emptied search box above the sections.
      await expect.poll(() => focused(page)).toBe(`h1: ${PRESS.name}`);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('#main') !== null)).toBe(true);
    });
  }, 120_000);

  it('opens a release with the keyboard on its heading, and the screen shown again on its heading (ar)', async () => {
    await withPage(openAt('ar', { width: 1280, height: 800 }, '#/releases'), async (page) => {
      await page.keyboard.press('Control+k');
      await page.keyboard.type('مزارع');
      await page.getByRole('option', { name: new RegExp(SEED.arabicHeadline) }).waitFor();
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page)).toBe(`h1: ${SEED.arabicHeadline}`);
      // The same release chosen again: nothing to load, the keyboard goes back to its heading.
      await page.keyboard.press('Control+k');
      await page.keyboard.type('مزارع');
      await page.getByRole('option', { name: new RegExp(SEED.arabicHeadline) }).waitFor();
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page)).toBe(`h1: ${SEED.arabicHeadline}`);
    });
  }, 120_000);
});
