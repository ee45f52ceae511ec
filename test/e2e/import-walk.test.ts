import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainText, richTextFromParagraphs } from '../../electron/shared/richtext';
import { ROOT, seedReleases, startHarness, type Harness } from './harness';

/**
 * The main job walked as a communications officer does it, in French and in Arabic: a release
 * copied from the organisation's website, menus and all, pasted, checked against its cleaned
 * text, and stored.
 */

const WORKER = join(ROOT, 'out', 'cli', 'import-worker.js');

// As copied from a French page: skip link, menu, cookie banner, breadcrumb, share buttons, related articles.
const FRENCH_HEADLINE = 'Inondations au Niger : 40 000 personnes privées d’abri à Tillabéri';
const FRENCH_PAGE = [
  'Aller au contenu principal',
  'Accueil',
  'Qui sommes-nous',
  'Faire un don',
  'Ce site utilise des cookies pour améliorer votre expérience. Accepter Refuser',
  'Accueil > Actualités > Communiqués de presse',
  FRENCH_HEADLINE,
  'NIAMEY, 12 septembre 2026 – Les pluies torrentielles qui s’abattent depuis dix jours sur la région de Tillabéri ont détruit plus de 6 000 habitations et privé d’abri quelque 40 000 personnes.',
  'Les familles sinistrées ont trouvé refuge dans des écoles et des mosquées ; l’eau potable et les abris sont les besoins les plus urgents.',
  '« Nous avons vu des villages entiers sous l’eau », a déclaré Aïssata Maïga, responsable des opérations d’urgence à Niamey.',
  'Partager : Facebook Twitter LinkedIn',
  'Articles similaires',
  'Contact presse : Jean-Baptiste Ouédraogo, chargé de communication, jb.ouedraogo@example.org, +227 20 72 00 00',
].join('\n');

const ARABIC_PHONE = '+249 912 345 678';
const ARABIC_HEADLINE = 'الفيضانات في السودان: 120 ألف شخص بحاجة إلى مأوى في ولاية كسلا';
const ARABIC_PAGE = [
  'الرئيسية',
  'من نحن',
  'تبرع الآن',
  'يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك. قبول رفض',
  ARABIC_HEADLINE,
  'الخرطوم، 3 أغسطس 2026 – أدت الأمطار الغزيرة التي هطلت على ولاية كسلا خلال الأسبوع الماضي إلى تدمير أكثر من 15 ألف منزل، وأصبح نحو 120 ألف شخص بلا مأوى.',
  'توزع المنظمة مستلزمات النظافة وأقراص تنقية المياه على 5000 أسرة بالتعاون مع برنامج UNICEF.',
  'شارك: فيسبوك تويتر واتساب',
  `للتواصل الإعلامي: أحمد الطيب، مسؤول الإعلام، ahmed.tayeb@example.org، هاتف ${ARABIC_PHONE}`,
].join('\n');

let h: Harness;

beforeAll(async () => {
  // The core reads each paste in a worker thread loaded from the CLI build.
  if (!existsSync(WORKER)) {
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '-c', 'vite.cli.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  }
  h = await startHarness({ author: 'Chargée de communication', stepTimeout: 15_000 });
}, 180_000);

afterAll(async () => {
  await h?.close();
});

/** The import screen in `lng` at the window size given, a page of its own. */
async function importScreen(lng: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await h.browser.newContext({ viewport, locale: lng, timezoneId: 'Africa/Niamey' });
  await context.addInitScript((l) => localStorage.setItem('dateline.uiLanguage', l), lng);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(h.server.launchUrl());
  await page.locator('#main h1').first().waitFor();
  await page.evaluate(() => (window.location.hash = '#/import'));
  return page;
}

/** Where each character of `text` inside `scope` is drawn, from the left: [] when it is not there. */
function drawnAt(scope: Locator, text: string): Promise<number[]> {
  return scope.evaluate((el, wanted) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    // The text may be split across elements (a number set apart): read the whole, then find it.
    const nodes: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
    const whole = nodes.map((n) => n.data).join('');
    const at = whole.indexOf(wanted);
    if (at < 0) return [];
    const xs: number[] = [];
    for (let i = at, seen = 0, n = 0; i < at + wanted.length; i++) {
      while (i >= seen + nodes[n]!.data.length) seen += nodes[n++]!.data.length;
      const range = document.createRange();
      range.setStart(nodes[n]!, i - seen);
      range.setEnd(nodes[n]!, i - seen + 1);
      xs.push(range.getBoundingClientRect().x);
    }
    return xs;
  }, text);
}

/** The x of each digit of a number as drawn is increasing: the number reads left to right, as written. */
function inWrittenOrder(number: string, xs: number[]): boolean {
  const digits = xs.filter((_, i) => number[i] !== ' ');
  return xs.length === number.length && digits.every((x, i) => i === 0 || x > digits[i - 1]!);
}

/** Pastes `text` as typed into the box and reads it, in the interface's own words. */
async function paste(page: Page, box: string, read: string, text: string): Promise<void> {
  await page.getByLabel(box, { exact: true }).fill(text);
  await page.getByRole('button', { name: read }).click();
}

describe('the main job in French and Arabic', () => {
  it('stores a pasted French page under a readable name and hands the keyboard to the link that names the new release', async () => {
    const page = await importScreen('fr', { width: 1280, height: 800 });
    try {
      await paste(page, 'Coller un communiqué', 'Lire le texte collé', FRENCH_PAGE);
      const fields = page.getByRole('form', { name: 'Champs extraits' });
      await expect.poll(() => fields.getByLabel('Titre', { exact: true }).inputValue()).toBe(FRENCH_HEADLINE);
      await fields.getByRole('button', { name: 'Confirmer et enregistrer' }).click();

      // The review is gone with the Store button that had the focus: the keyboard is on the way to the release, which is named.
      const open = page.getByRole('link', { name: `Ouvrir le communiqué « ${FRENCH_HEADLINE} »` });
      await open.waitFor();
      await expect.poll(() => open.evaluate((el) => el === document.activeElement)).toBe(true);
      const stored = (await h.api('release.list', { query: 'Tillabéri', limit: 5 })).items;
      expect(stored.map((r) => r.headline)).toEqual([FRENCH_HEADLINE]);
      // The pasted original is kept under the headline, its colon written as a person would in a file's name.
      const originals = await h.api('attachment.list', { release: stored[0]!.id, limit: 5 });
      expect(originals.items.map((a) => a.originalName)).toEqual(['Inondations au Niger - 40 000 personnes privées d’abri à Tillabéri.txt']);
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`#/releases/${stored[0]!.id}$`));
    } finally {
      await page.context().close();
    }
  });

  it('shows the phone number in an Arabic contact line in its own order in the cleaned text, 800 by 600', async () => {
    const page = await importScreen('ar', { width: 800, height: 600 });
    try {
      await paste(page, 'لصق بيان صحفي', 'قراءة النص الملصق', ARABIC_PAGE);
      const line = page.getByRole('complementary').getByRole('button', { name: 'ahmed.tayeb@example.org' });
      await line.waitFor();
      // "+249" at its left, "678" at its right, as written; not "678 345 912 249+".
      expect(inWrittenOrder(ARABIC_PHONE, await drawnAt(line, ARABIC_PHONE))).toBe(true);
    } finally {
      await page.context().close();
    }
  });

  it('keeps the keyboard on the screen when a refused file is dismissed, in Spanish', async () => {
    const page = await importScreen('es', { width: 800, height: 600 });
    try {
      const nothing = (name: string) => ({ name, mimeType: 'text/plain', buffer: Buffer.alloc(0) });
      const item = (name: string) => page.getByRole('region', { name: `Importación de ${name}` });
      const focused = () => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent ?? ''}`.trim());

      // Two empty files at once: dismissing the first leaves the keyboard on the second.
      await page.locator('input[type=file]').setInputFiles([nothing('vacio-1.txt'), nothing('vacio-2.txt')]);
      await item('vacio-2.txt').getByRole('button', { name: 'Descartar' }).waitFor();
      await item('vacio-1.txt').getByRole('button', { name: 'Descartar' }).click();
      await expect.poll(focused).toBe('H2 vacio-2.txt');

      // The last one dismissed: back to the box a release is pasted into.
      await item('vacio-2.txt').getByRole('button', { name: 'Descartar' }).click();
      await expect.poll(() => page.getByLabel('Pegar un comunicado', { exact: true }).evaluate((el) => el === document.activeElement)).toBe(true);
    } finally {
      await page.context().close();
    }
  });

  it('shows a hotline number in an Arabic paragraph of the release editor in its own order, and stores it as typed', async () => {
    const hotline = '+249 155 000 111';
    const paragraph = `للاستفسار اتصلوا بالخط الساخن ${hotline} على مدار الساعة.`;
    const created = await h.api('release.create', { headline: 'الفيضانات في كسلا', language: 'ar', body: richTextFromParagraphs([paragraph]) });
    const page = await importScreen('ar', { width: 1280, height: 800 });
    try {
      await page.evaluate((id) => (window.location.hash = `#/releases/${id}`), created.id);
      const body = page.locator('#main .body-editor [contenteditable="true"]');
      await body.getByText('للاستفسار').waitFor();
      expect(inWrittenOrder(hotline, await drawnAt(body, hotline))).toBe(true);

      // Typed after it, the number is still the text as written: the setting apart is only drawn.
      await body.getByText('للاستفسار').click();
      await page.keyboard.press('End');
      await page.keyboard.type(' شكرا');
      await expect
        .poll(async () => plainText((await h.api('release.get', { id: created.id })).body), { timeout: 15_000 })
        .toBe(`${paragraph} شكرا`);
      expect(inWrittenOrder(hotline, await drawnAt(body, hotline))).toBe(true);
    } finally {
      await page.context().close();
    }
  });

  it('brings the person back to the list on the release just imported, not on one opened from the list before', async () => {
    seedReleases(h, 30, (i) => `Cash transfers round ${i + 1}`);
    const page = await importScreen('en', { width: 1280, height: 800 });
    try {
      const back = () => page.locator('#main .screen-head, #main').getByRole('link', { name: 'Releases', exact: true }).first();
      const focusedRow = () => page.evaluate(() => document.activeElement?.closest('a.row-link')?.querySelector('.row-title')?.textContent ?? null);

      // A release opened from the list, and back: its row has the keyboard (as before).
      await page.evaluate(() => (window.location.hash = '#/releases'));
      await page.locator('#main a.row-link').filter({ has: page.locator('.row-title', { hasText: /^Cash transfers round 27$/ }) }).click();
      await page.locator('#main .body-editor').waitFor();
      await back().click();
      await expect.poll(focusedRow).toBe('Cash transfers round 27');

      // Then a release imported and opened from the import's link: back in the list, that one has it.
      await page.evaluate(() => (window.location.hash = '#/import'));
      await paste(page, 'Paste a release', 'Read pasted text', ARABIC_PAGE);
      await page.getByRole('form', { name: 'Extracted fields' }).getByRole('button', { name: 'Confirm and store' }).click();
      await page.getByRole('link', { name: /^Open the release/ }).click();
      await page.locator('#main .body-editor').waitFor();
      await back().click();
      await expect.poll(focusedRow).toBe(ARABIC_HEADLINE);
    } finally {
      await page.context().close();
    }
  });
});
