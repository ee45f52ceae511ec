import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { richTextFromParagraphs } from '../../electron/shared/richtext';
import { photo } from '../kits/fixtures';
import { startHarness, type Harness } from './harness';

/**
 * A field-office officer new to Dateline builds a press kit in Spanish and in Arabic, in a
 * laptop's window and in an 800×600 one: adds photos and notes, reads what each file is, lists
 * the kits, and downloads the kit once per press.
 */

const KIT = 'Dossier de prensa Mopti';
const PHOTO = 'pozo-mopti.jpg';

let h: Harness;
let kitId = '';
const opened: BrowserContext[] = [];

/** The app in a window of `size`, its interface in `language` (as chosen in Settings). */
async function openIn(language: 'es' | 'ar' | 'fr', size: { width: number; height: number }): Promise<Page> {
  const context = await h.browser.newContext({ viewport: size, locale: language, timezoneId: 'Africa/Bamako', acceptDownloads: true });
  opened.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(h.server.launchUrl());
  await page.evaluate((lng) => localStorage.setItem('dateline.uiLanguage', lng), language);
  await page.reload();
  await page.locator('#main h1').first().waitFor();
  return page;
}

/** Text as read, without the isolation marks the Arabic interface puts around each value it inserts. */
const bare = (text: string) => text.replace(/[\u2066-\u2069]/g, '');

const goto = (page: Page, hash: string) => page.evaluate((to) => (window.location.hash = to), hash);

beforeAll(async () => {
  h = await startHarness({ author: 'Oficial de prensa' });
  const office = await h.api('office.create', { name: 'Oficina regional del Sahel', boilerplate: { es: 'La organización trabaja en 190 países.' }, timeZone: 'Africa/Bamako' });
  const release = await h.api('release.create', {
    headline: 'Llegan las semillas a Mopti antes de las lluvias',
    language: 'es',
    datelinePlace: 'Mopti',
    office: office.id,
    body: richTextFromParagraphs(['La organización entregó hoy semillas a 1.200 agricultores.']),
  });
  const shot = await h.api('attachment.add', { name: PHOTO, data: (await photo(1600, 1067, 3)).toString('base64'), fields: { caption: 'Un pozo nuevo en Mopti', credit: 'J. Diallo' } });
  // Enough files that the last card sits below an 800×600 window's fold.
  for (let i = 1; i <= 8; i++) await h.api('attachment.add', { name: `notas-${i}.txt`, data: Buffer.from(`Notas ${i}: 12 pozos`).toString('base64'), mediaType: 'text/plain' });
  kitId = (await h.api('kit.create', { title: KIT, language: 'es', office: office.id, items: [{ kind: 'release', id: release.id }, { kind: 'attachment', id: shot.id }] })).id;
}, 120_000);

afterAll(async () => {
  for (const c of opened) await c.close();
  await h?.close();
});

describe('the kit builder, pressed twice', () => {
  it('downloads the kit once when its download button is double-clicked right after an edit', async () => {
    const page = await openIn('es', { width: 1280, height: 800 });
    await goto(page, `#/kits/${kitId}`);
    await page.locator('ol.kit-items > li').nth(1).waitFor();
    // An edit still waiting to be saved: the export saves it first, and the buttons are already off meanwhile.
    await page.getByLabel('Título del dosier', { exact: true }).fill(`${KIT} 2026`);
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Descargar PDF', exact: true }).dblclick();
    expect((await download).suggestedFilename()).toBe(`${KIT} 2026.pdf`);
    await page.getByText(`${KIT} 2026.pdf ya está en sus descargas.`).waitFor({ timeout: 60_000 });
    // One export job, finished: a second press would have started a second one (and a second download) by now.
    const exports = h.core.jobs.list().filter((j) => j.method === 'kit.exportDownload');
    expect(exports.map((j) => j.state)).toEqual(['done']);
  }, 120_000);
});

describe('attachments in Arabic in an 800×600 window', () => {
  it('lays the page of a file under the list, in view, and says what kind of file it is', async () => {
    const page = await openIn('ar', { width: 800, height: 600 });
    await goto(page, '#/attachments');
    const cards = page.getByRole('list', { name: 'المرفقات' }).getByRole('listitem');
    await expect.poll(() => cards.count()).toBe(9);
    const photoCard = cards.filter({ hasText: PHOTO });
    await expect.poll(async () => bare(await photoCard.innerText())).toContain('كيلوبايت · صورة فوتوغرافية (JPEG)');

    // The last card (the oldest: the photo), below the fold: its page opens in sight.
    const last = cards.last();
    expect(await last.innerText()).toContain(PHOTO);
    await last.scrollIntoViewIfNeeded();
    await last.getByRole('link').click();
    const details = page.locator('.attachment-details');
    await details.getByRole('heading', { level: 2 }).waitFor();
    await expect.poll(async () => bare(await details.locator('.facts').innerText())).toContain('صورة فوتوغرافية (JPEG)');
    await expect.poll(() => details.evaluate((el) => el.getBoundingClientRect().top < window.innerHeight && el.getBoundingClientRect().bottom > 0)).toBe(true);

    // One column: the drop zone, the search box and the cards keep the pane's width, and nothing lies under the page.
    const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
    const [drop, search, panel] = [await box('.file-drop'), await box('#att-q'), await box('.attachment-details')];
    expect(drop.width).toBeGreaterThan(400);
    const overlaps = (a: typeof drop, b: typeof drop) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    expect(overlaps(search, panel)).toBe(false);
    expect(panel.y).toBeGreaterThan(search.y);
  }, 60_000);
});

describe('the kits list in Arabic in an 800×600 window', () => {
  it('keeps each word of a cell whole', async () => {
    const page = await openIn('ar', { width: 800, height: 600 });
    await goto(page, '#/kits');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: KIT }) });
    await row.waitFor();
    const language = row.getByRole('cell').nth(1);
    expect(await language.innerText()).toBe('الإسبانية');
    // One line: a word broken in two would take two.
    const lines = await language.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines).toBe(1);
  }, 60_000);
});

/** The picker boxes whose placeholder is cut off by the box's edge: their labels and placeholders. */
function clippedPlaceholders(page: Page): Promise<string[]> {
  return page.locator('.kit-pick input').evaluateAll((inputs: HTMLInputElement[]) => {
    const ctx = document.createElement('canvas').getContext('2d')!;
    return inputs.flatMap((input) => {
      const style = getComputedStyle(input);
      ctx.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd);
      return ctx.measureText(input.placeholder).width > room ? [`${input.placeholder} (${Math.round(ctx.measureText(input.placeholder).width)} > ${Math.round(room)})`] : [];
    });
  });
}

describe('the pickers of the kit builder', () => {
  for (const language of ['es', 'ar', 'fr'] as const) {
    it(`say what to type in whole in ${language}, in an 800×600 window and a 1280×800 one`, async () => {
      const page = await openIn(language, { width: 800, height: 600 });
      await goto(page, `#/kits/${kitId}`);
      await page.locator('.kit-pick input').first().waitFor();
      expect(await clippedPlaceholders(page)).toEqual([]);
      await page.setViewportSize({ width: 1280, height: 800 });
      expect(await clippedPlaceholders(page)).toEqual([]);
    }, 60_000);
  }
});
