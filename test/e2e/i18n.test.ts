import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import en from '../../renderer/i18n/en.json';
import { ARTIFACTS, ROOT } from './harness';
import { openIn, screens, SEED, seededHarness, show, withPage } from './i18n-screens';

/**
 * Every screen in Arabic (right to left, axe-clean, mirrored), in the pseudo-locale (no text
 * cut off, no English left), and the language chosen in Settings at once and kept on reload.
 */

const seeded = seededHarness({ axe: { iframes: false } });

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** axe-core on this page as it is: its serious and critical violations, in words. */
async function axeProblems(page: Page, name: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async (screen) => {
    const w = window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } };
    const r = await w.axe.run(document, { iframes: false });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, name);
}

type Tree = { [k: string]: string | Tree };
const englishStrings = (tree: Tree): string[] => Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : englishStrings(v)));

/** en.json's strings as patterns ({{x}} matches anything), for finding English left on a screen. */
const ENGLISH = englishStrings(en as Tree)
  .filter((v) => /\p{L}{3}/u.test(v.replace(/\{\{[^}]+\}\}/g, '')))
  .map((v) => new RegExp(`^${v.split(/\{\{[^}]+\}\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`));

/**
 * Language names come from Intl in the UI's locale (English for the pseudo-locale), not from
 * en.json; the product's name is the same in every language.
 */
const INTL_NAMES = new Set(['Dateline', ...['en', 'fr', 'es', 'ar'].map((l) => new Intl.DisplayNames(['en'], { type: 'language' }).of(l))]);

/** Visible text nodes and labelling attributes of the page, one entry each. */
function visibleTexts(page: Page): Promise<{ text: string; where: string }[]> {
  return page.evaluate(() => {
    const out: { text: string; where: string }[] = [];
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}`;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim() ?? '';
      if (!el || !text || el.closest('script, style, [hidden], [aria-hidden="true"]')) continue;
      if (el.getClientRects().length === 0) continue;
      out.push({ text, where: describe(el) });
    }
    for (const el of document.body.querySelectorAll('[aria-label], [placeholder], [title], [alt]')) {
      for (const a of ['aria-label', 'placeholder', 'title', 'alt']) {
        const v = el.getAttribute(a)?.trim();
        if (v) out.push({ text: v, where: `${describe(el)}[${a}]` });
      }
    }
    return out;
  });
}

/** Elements whose own box clips text: a scroll width past their width while overflow hides it. */
function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('#main *, nav *, header *')) {
      if (!el.textContent?.includes('⟦') || el.getClientRects().length === 0) continue;
      // Text for screen readers only sits in a 1-pixel box on purpose.
      if (el.closest('.visually-hidden') || el.getBoundingClientRect().width <= 1) continue;
      const style = getComputedStyle(el);
      const clips = (v: string) => v === 'hidden' || v === 'clip';
      if ((clips(style.overflowX) && el.scrollWidth > el.clientWidth + 1) || (clips(style.overflowY) && el.scrollHeight > el.clientHeight + 1)) {
        out.push(`${el.tagName.toLowerCase()}.${el.className}: ${el.textContent.slice(0, 60)}`);
      }
    }
    if (document.documentElement.scrollWidth > window.innerWidth + 1) out.push(`the page scrolls sideways (${document.documentElement.scrollWidth}px)`);
    return out;
  });
}

describe('the pseudo-locale on every screen', () => {
  it('leaves no English string and cuts no text off', async () => {
    await withPage(openIn(seeded.h, 'en-GB', 'en-XA'), async (page) => {
      for (const screen of screens(seeded.s)) {
        await show(page, screen);
        const english = (await visibleTexts(page)).filter((t) => !t.text.includes('⟦') && !INTL_NAMES.has(t.text) && ENGLISH.some((re) => re.test(t.text)));
        expect(english.map((t) => `${screen.name}: “${t.text}” in ${t.where}`)).toEqual([]);
        expect((await clippedText(page)).map((c) => `${screen.name}: ${c}`)).toEqual([]);
        await page.screenshot({ path: join(ARTIFACTS, `i18n-pseudo-${screen.name}.png`), fullPage: true });
      }
    });
  }, 180_000);
});

/** The boxes of the shell's landmarks, to compare an Arabic layout with the English one. */
function landmarks(page: Page): Promise<Record<string, { x: number; width: number }>> {
  return page.evaluate(() => {
    const out: Record<string, { x: number; width: number }> = {};
    for (const sel of ['nav.sidebar', 'header .brand', '#main h1', '#main form', '#main .body-editor .toolbar']) {
      const el = document.querySelector(sel);
      if (el) {
        const r = el.getBoundingClientRect();
        out[sel] = { x: Math.round(r.x), width: Math.round(r.width) };
      }
    }
    return out;
  });
}

/** A coarse map of light and dark across the screenshot: 32 columns × 24 rows of mean brightness. */
async function layoutMap(png: Buffer, mirror: boolean): Promise<number[]> {
  let img = sharp(png).greyscale();
  if (mirror) img = img.flop();
  const { data } = await img.resize(32, 24, { fit: 'fill', kernel: 'cubic' }).raw().toBuffer({ resolveWithObject: true });
  return [...data];
}

const distance = (a: number[], b: number[]) => a.reduce((sum, v, i) => sum + Math.abs(v - b[i]!), 0) / a.length;

describe('Dateline in Arabic', () => {
  it('follows the browser’s language, lays every screen out right to left and passes axe', async () => {
    const arabic = await openIn(seeded.h, 'ar-EG');
    const english = await openIn(seeded.h, 'en-GB');
    try {
      const { page } = arabic;
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
      await page.getByRole('navigation', { name: 'الأقسام' }).getByRole('link', { name: 'البيانات الصحفية' }).waitFor();
      const width = page.viewportSize()!.width;
      for (const screen of screens(seeded.s)) {
        await show(page, screen);
        await show(english.page, screen);
        expect(await axeProblems(page, `${screen.name} (ar)`)).toEqual([]);
        const ar = await landmarks(page);
        const ltr = await landmarks(english.page);
        // Each landmark starts as far from the right edge in Arabic as from the left in English.
        for (const [sel, box] of Object.entries(ltr)) {
          const mirror = ar[sel];
          const arStart = mirror ? width - (mirror.x + mirror.width) : -999;
          expect(Math.abs(arStart - box.x), `${screen.name}: ${sel} is mirrored`).toBeLessThanOrEqual(2);
        }
        const arPng = await page.screenshot({ path: join(ARTIFACTS, `i18n-ar-${screen.name}.png`) });
        const enPng = await english.page.screenshot({ path: join(ARTIFACTS, `i18n-en-${screen.name}.png`) });
        const [arMap, enMirrored, enAsIs] = await Promise.all([layoutMap(arPng, false), layoutMap(enPng, true), layoutMap(enPng, false)]);
        // The Arabic screen looks like the English one in a mirror, much more than like it as it is.
        expect(distance(arMap, enMirrored), screen.name).toBeLessThan(distance(arMap, enAsIs));
      }
    } finally {
      await arabic.context.close();
      await english.context.close();
    }
  }, 240_000);

  it('words every file chooser in the interface language, not the browser’s', async () => {
    // The browser words its own file control ("Choose Files", "No file chosen") in its language
    // (here English, as Electron's follows the system's): each screen shows a button of its own.
    await withPage(openIn(seeded.h, 'ar-EG'), async (page) => {
      const shown: string[] = [];
      const more = [{ name: 'contact import', hash: '#/contacts/import', ready: '#main input[type="file"]' }];
      for (const screen of [...screens(seeded.s), ...more]) {
        await show(page, screen);
        const drawn = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLInputElement>('input[type="file"]')]
            .filter((el) => {
              const style = getComputedStyle(el);
              const box = el.getBoundingClientRect();
              // Hidden, or clipped away as text for screen readers only is.
              const clipped = style.clip !== 'auto' || style.clipPath !== 'none';
              return style.display !== 'none' && style.visibility === 'visible' && !clipped && box.width > 1 && box.height > 1;
            })
            .map((el) => el.id),
        );
        shown.push(...drawn.map((id) => `${screen.name}: ${id}`));
      }
      expect(shown).toEqual([]);
      // The button says what it does, in Arabic, and opens the same chooser.
      await show(page, { hash: '#/contacts/import', ready: '#main input[type="file"]' });
      const chooser = page.waitForEvent('filechooser');
      await page.getByText('اختيار ملف…', { exact: true }).click();
      expect((await chooser).isMultiple()).toBe(false);
    });
  }, 120_000);

  it('keeps a release in its own direction: an Arabic release right to left in a French interface, an English one left to right in Arabic', async () => {
    await withPage(openIn(seeded.h, 'fr-FR'), async (page) => {
      await show(page, { hash: `#/releases/${seeded.s.arabicRelease}`, ready: '#main .body-editor' });
      expect(await page.locator('#main .editor-surface').getAttribute('dir')).toBe('rtl');
      expect(await page.locator('#main textarea.headline-input').inputValue()).toBe(SEED.arabicHeadline);
      expect(await page.locator('#main textarea.headline-input').getAttribute('dir')).toBe('rtl');
      // French sets a space before a colon, in the list of the release's other versions too.
      expect(await page.locator('#main ul.versions a').first().innerText()).toBe(`anglais : ${SEED.headline}`);
      const settings = page.getByRole('navigation', { name: 'Rubriques' }).getByRole('link', { name: 'Paramètres' });
      await settings.click();
      await page.getByLabel('Bureau de cet ordinateur').selectOption({ label: SEED.office });
      await page.getByLabel('Langue de l’interface').selectOption('ar');
      // At once, without a reload.
      await page.getByRole('heading', { name: 'الإعدادات' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await show(page, { hash: `#/releases/${seeded.s.release}`, ready: '#main .body-editor' });
      expect(await page.locator('#main .editor-surface').getAttribute('dir')).toBe('ltr');
      // The office's digits and the embargo in words, in Arabic.
      await page.getByText('محظور النشر حتى الساعة').first().waitFor();
      expect(await page.getByText('محظور النشر حتى الساعة').first().innerText()).toMatch(/١٤:٠٠.*جنيف/);
      await page.reload();
      await page.getByRole('navigation', { name: 'الأقسام' }).waitFor();
      expect(await page.evaluate(() => localStorage.getItem('dateline.uiLanguage'))).toBe('ar');
    });
  }, 120_000);
});

describe('a date typed in the person’s format', () => {
  it('shows and reads the release date the French way, where the browser’s box wrote mm/dd/yyyy, and keeps it ISO', async () => {
    await withPage(openIn(seeded.h, 'fr-FR', 'fr'), async (page) => {
      const created = await seeded.h.api('release.create', { headline: 'Semences à Mopti', language: 'fr', releaseDate: '2026-11-30' });
      await show(page, { hash: `#/releases/${created.id}`, ready: '#main .body-editor' });
      const box = page.getByLabel('Date de diffusion', { exact: true });
      expect(await box.inputValue()).toBe('30 nov. 2026');
      await box.fill('1/12/2026');
      await page.getByText('Compris comme : mardi 1 décembre 2026.').waitFor();
      await expect.poll(async () => (await seeded.h.api('release.get', { id: created.id })).releaseDate).toBe('2026-12-01');
      await box.fill('31/11/2026');
      await box.press('Tab');
      expect(await box.getAttribute('aria-invalid')).toBe('true');
      // A day the month does not have is named as such, in French.
      await page.getByText('Il n’y a pas de 31 en novembre 2026.').waitFor();
      expect((await seeded.h.api('release.get', { id: created.id })).releaseDate).toBe('2026-12-01');
      await box.fill('le 1er du mois');
      await box.press('Tab');
      await page.getByText('Ce n’est pas une date : écrivez-la comme 24 déc. 2026 ou 2026-12-24, avec l’année en entier.').waitFor();
    });
  }, 60_000);

  it('puts the calendar button at the end of the box in Arabic too', async () => {
    await withPage(openIn(seeded.h, 'ar', 'ar'), async (page) => {
      await show(page, { hash: `#/releases/${seeded.s.arabicRelease}`, ready: '#main .body-editor' });
      const box = page.getByLabel('تاريخ الإصدار', { exact: true });
      const button = page.getByRole('button', { name: 'اختيار التاريخ من التقويم' });
      const [b, c] = [await box.boundingBox(), await button.boundingBox()];
      expect(c!.x + c!.width).toBeLessThanOrEqual(b!.x + 1);
      await button.focus();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('اختيار التاريخ من التقويم');
    });
  }, 60_000);
});
