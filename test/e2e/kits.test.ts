import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, FrameLocator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KitItem } from '../../electron/shared/documents';
import { richTextFromParagraphs } from '../../electron/shared/richtext';
import { photo } from '../kits/fixtures';
import { readZip } from '../kits/zipread';
import { ARTIFACTS, releaseWithArabic, startHarness, type Harness } from './harness';

/**
 * The kit builder in headless Chromium against the real core and web server: a press officer
 * builds a kit from an English release and its Arabic version, a photo, a spokesperson and a
 * fact sheet, orders it by drag and drop and from the keyboard, reads the live preview, downloads
 * kit-lite and Word files, cancels a ZIP bundle, and finds the kit as it was after a reload.
 */

const KIT_TITLE = 'Kasese water press kit';
const HEADLINE = 'Clean water reaches 40,000 people in Kasese';
const ARABIC_HEADLINE = 'وصول المياه النظيفة إلى أربعين ألف شخص في كاسيسي';
// Matched in the preview's text: a word with no lam-alef, whose ligature could hide it from a text match.
const ARABIC_WORD = 'كاسيسي';
const FACT = 'Twelve boreholes serve 40,000 people.';
const SPOKESPERSON = 'Grace Akello';
const PHOTO = 'borehole-kasese.jpg';
const OFFICE = 'East Africa Regional Office';

let h: Harness;
let page: Page;
const downloads: Download[] = [];
let heavyKitId = '';
let heldKitId = '';
const WITHDRAWN = 'Borehole figures for Bundibugyo (wrong)';
const TRASHED = 'Old draft about Kasese boreholes';

const items = () => page.locator('ol.kit-items > li');
const itemLabels = () => items().locator('.kit-item-label').allInnerTexts();
const item = (text: string) => items().filter({ has: page.locator('.kit-item-label', { hasText: text }) });
const preview = (): FrameLocator => page.frameLocator('iframe.kit-preview-frame');
const saved = () => page.getByRole('status').filter({ hasText: /^Saved$/ });
/** A picker's search box, and the list that pops up under it once it has the focus. */
const picker = (name: string) => page.getByRole('combobox', { name, exact: true });
const choices = (name: string) => page.getByRole('listbox', { name, exact: true }).getByRole('option');
const choice = (name: string, title: string) => choices(name).filter({ has: page.locator('.kit-pick-title', { hasText: title }) });
/** The titles the picker lists, once its first page has come. */
async function offered(name: string): Promise<string[]> {
  await picker(name).focus();
  await choices(name).first().waitFor();
  return page.getByRole('listbox', { name, exact: true }).locator('.kit-pick-title').allInnerTexts();
}

async function kitId(): Promise<string> {
  return decodeURIComponent(page.url().split('#/kits/')[1]!);
}

/** Downloads a format through the UI and returns the file's bytes. */
async function exportThroughUi(button: string, embargoed = false): Promise<{ name: string; bytes: Buffer }> {
  const next = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: button, exact: true }).click();
  // An embargoed kit asks first, and says until when in the words of the release's own page.
  if (embargoed) {
    await page.getByRole('alertdialog').getByText(/^Embargoed until 13:00 Kampala time, 3 Dec 2099\. Every file of this kit will say so\./).waitFor();
    await page.getByRole('button', { name: 'Yes, download it', exact: true }).click();
  }
  const d = await next;
  const path = await d.path();
  const bytes = readFileSync(path);
  writeFileSync(join(ARTIFACTS, `kit-builder-${d.suggestedFilename()}`), bytes);
  return { name: d.suggestedFilename(), bytes };
}

beforeAll(async () => {
  h = await startHarness({
    author: 'Press Officer',
    acceptDownloads: true,
    // The preview frame is sandboxed without scripts, so axe cannot run inside it (it would
    // wait for an answer that never comes); the frame itself (its title) is still checked.
    axe: { iframes: false },
  });
  page = h.page;
  page.on('download', (d) => downloads.push(d));

  const logo = await sharp({ create: { width: 240, height: 80, channels: 4, background: { r: 11, g: 79, b: 108, alpha: 1 } } }).png().toBuffer();
  const logoId = (await h.api('attachment.add', { name: 'logo.png', data: logo.toString('base64'), fields: {} })).id;
  const office = await h.api('office.create', {
    name: OFFICE,
    logo: logoId,
    colours: { primary: '#0b4f6c', accent: '#d1495b' },
    boilerplate: { en: 'The organisation works in 190 countries to protect people in crises.', ar: 'تعمل المنظمة في مائة وتسعين بلدا لحماية الناس في الأزمات.' },
    timeZone: 'Africa/Kampala',
  });
  await h.api('contact.create', {
    kind: 'spokesperson',
    name: SPOKESPERSON,
    role: 'Communications Officer',
    organisation: OFFICE,
    emails: [{ type: 'work', address: 'grace.akello@example.org' }],
  });
  await releaseWithArabic(
    h,
    {
      headline: HEADLINE,
      language: 'en',
      datelinePlace: 'Kampala',
      releaseDate: '2026-11-30',
      office: office.id,
      embargo: { at: '2099-12-03T10:00:00Z', timeZone: 'Africa/Kampala' },
      body: richTextFromParagraphs(['The organisation today completed twelve boreholes in Kasese district.']),
    },
    { headline: ARABIC_HEADLINE, datelinePlace: 'كمبالا', paragraphs: ['أكملت المنظمة حفر اثني عشر بئرا في مقاطعة كاسيسي'] },
  );
  const jpeg = await sharp({ create: { width: 1600, height: 1067, channels: 3, background: { r: 60, g: 120, b: 90 } } })
    .jpeg({ quality: 85 })
    .toBuffer();
  await h.api('attachment.add', {
    name: PHOTO,
    data: jpeg.toString('base64'),
    fields: { caption: 'Families collect water at a new borehole, Kasese', credit: 'Photo: J. Mukasa' },
  });

  // A second kit of many full-size photos: its ZIP spends its first seconds preparing them,
  // so a Cancel pressed as the export starts lands while there is still work to stop.
  const heavy: KitItem[] = [];
  for (let i = 0; i < 6; i++) {
    const bytes = await photo(4000, 2667, i + 1);
    heavy.push({ kind: 'attachment', id: (await h.api('attachment.add', { name: `market-${i + 1}.jpg`, data: bytes.toString('base64'), fields: {} })).id });
  }
  heavyKitId = (await h.api('kit.create', { title: 'Kasese photo library', language: 'en', items: heavy })).id;

  // A release put in a kit and withdrawn afterwards, and one in the trash.
  const wrong = await h.api('release.create', { headline: WITHDRAWN, language: 'en', status: 'released', datelinePlace: 'Bundibugyo', releaseDate: '2026-11-20', body: richTextFromParagraphs(['Nine boreholes.']) });
  heldKitId = (await h.api('kit.create', { title: 'Bundibugyo kit', language: 'en', items: [{ kind: 'release', id: wrong.id }] })).id;
  await h.api('release.withdraw', { id: wrong.id, reason: 'The figures were wrong.' });
  const old = await h.api('release.create', { headline: TRASHED, language: 'en' });
  await h.api('release.trash', { id: old.id, rev: old.rev });
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('The kit builder in the browser', () => {
  it('creates a kit from the Kits screen and opens it in the builder', async () => {
    await page.goto(h.server.launchUrl());
    await h.nav('Kits').click();
    await page.getByLabel('Title', { exact: true }).fill(KIT_TITLE);
    await page.getByRole('button', { name: 'Create kit' }).click();
    await page.waitForURL(/#\/kits\/.+/);
    await page.getByRole('heading', { name: 'Kit builder' }).waitFor();
    expect(await page.getByLabel('Kit title', { exact: true }).inputValue()).toBe(KIT_TITLE);
    await page.getByText('Nothing in this kit yet.').waitFor();
  });

  it('offers no withdrawn or trashed release, and marks a withdrawn one a kit already holds', async () => {
    const back = page.url();
    // The releases to choose from arrive after the kit itself (their own calls): read the list
    // once it has come, then check what it leaves out.
    await expect.poll(() => offered('Release')).toContain(HEADLINE);
    const titles = await offered('Release');
    expect(titles.some((o) => o.includes(WITHDRAWN) || o.includes(TRASHED))).toBe(false);
    // Searched by the core, they are still not offered.
    await picker('Release').fill('Bundibugyo');
    await page.getByRole('listbox', { name: 'Release', exact: true }).locator('..').getByText('No release matches “Bundibugyo”.').waitFor();
    await picker('Release').fill('');

    await h.goto(`#/kits/${heldKitId}`);
    await expect.poll(itemLabels).toEqual([WITHDRAWN]);
    expect(await item(WITHDRAWN).locator('.badge.status-withdrawn').innerText()).toBe('Withdrawn');
    await h.expectAccessible('kit holding a withdrawn release');
    await page.goto(back);
    await page.getByText('Nothing in this kit yet.').waitFor();
  });

  it('chooses the office template, the release in both languages, the photo, the contact and a fact sheet', async () => {
    await page.getByLabel('Office template', { exact: true }).selectOption({ label: OFFICE });

    await picker('Release').fill('clean water');
    await choice('Release', HEADLINE).click();
    const versions = page.getByRole('group', { name: `Language versions of ${HEADLINE}` });
    // The release's own language is printed already, and cannot be unticked while it is the only one.
    expect(await versions.getByLabel('English').isChecked()).toBe(true);
    expect(await versions.getByLabel('English').isDisabled()).toBe(true);
    await versions.getByLabel('Arabic').check();

    await picker('Photo or file').fill('borehole');
    await choice('Photo or file', PHOTO).click();
    await picker('Press contact').fill('akello');
    await choice('Press contact', SPOKESPERSON).click();
    await page.getByLabel('Text section', { exact: true }).selectOption({ label: 'Fact sheet' });
    await page.getByRole('button', { name: 'Add section' }).click();

    const text = page.getByRole('textbox', { name: 'Text of Fact sheet' });
    await text.click();
    await page.keyboard.type('Twelve boreholes serve ');
    await page.getByRole('button', { name: 'Bold' }).click();
    await page.keyboard.type('40,000 people');
    await page.getByRole('button', { name: 'Bold' }).click();
    await page.keyboard.type('.');

    expect(await itemLabels()).toEqual([HEADLINE, PHOTO, SPOKESPERSON, 'Fact sheet']);
    await saved().waitFor();
    const kit = await h.api('kit.get', { id: await kitId() });
    expect(kit.office).not.toBeNull();
    expect(kit.items.map((i) => i.kind)).toEqual(['release', 'attachment', 'contact', 'section']);
    expect(kit.items[0]).toMatchObject({ kind: 'release', languages: ['en', 'ar'] });
    const section = kit.items[3];
    expect(section?.kind === 'section' ? section.body.content[0] : null).toMatchObject({
      type: 'paragraph',
      content: [{ text: 'Twelve boreholes serve ' }, { text: '40,000 people', marks: [{ type: 'bold' }] }, { text: '.' }],
    });
  });

  it('adds an item from the keyboard alone, and focus stays in its search box for the next one', async () => {
    const before = await itemLabels();
    const releases = picker('Release');
    await releases.fill('');
    await releases.focus();
    // The newest first; Down and Up move among them, the row Enter adds is the active one.
    const active = async () => {
      const id = await releases.getAttribute('aria-activedescendant');
      return id ? page.locator(`[id="${id}"] .kit-pick-title`).innerText() : null;
    };
    // The first row the kit does not hold yet is the active one: the Arabic version.
    const chosen = ARABIC_HEADLINE;
    await expect.poll(active).toBe(chosen);
    // Up to the top, then down to it again.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    for (let i = 0; i < 4 && (await active()) !== chosen; i++) await page.keyboard.press('ArrowDown');
    expect(await active()).toBe(chosen);
    await page.keyboard.press('Enter');
    await expect.poll(itemLabels).toEqual([...before, chosen]);
    await page.getByRole('status').filter({ hasText: `${chosen} was added to the kit.` }).waitFor();
    // Focus stays in the box, ready for the next one; the list has closed so as not to cover the fields under it.
    expect(await releases.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await releases.getAttribute('aria-expanded')).toBe('false');
    // What the kit holds is marked, and cannot be added again (a release added twice would print twice), until it is taken out.
    await page.keyboard.press('ArrowDown');
    expect(await releases.getAttribute('aria-expanded')).toBe('true');
    const held = (name: string, title: string) => choice(name, title).getAttribute('aria-disabled');
    expect(await held('Release', chosen)).toBe('true');
    expect(await held('Release', HEADLINE)).toBe('true');
    expect(await choice('Release', chosen).innerText()).toContain('In the kit');
    await h.expectAccessible('kit builder with the release picker open');
    await page.keyboard.press('Escape');
    expect(await releases.getAttribute('aria-expanded')).toBe('false');
    await offered('Photo or file');
    expect(await held('Photo or file', PHOTO)).toBe('true');
    await offered('Press contact');
    expect(await held('Press contact', SPOKESPERSON)).toBe('true');
    await page.keyboard.press('Escape');

    await items().last().getByRole('button', { name: `Remove ${chosen} from the kit` }).click();
    await expect.poll(itemLabels).toEqual(before);
    await offered('Release');
    expect(await held('Release', chosen)).toBeNull();
    await page.keyboard.press('Escape');
    // Back to the kit's list, where the next steps drag its items.
    await items().first().scrollIntoViewIfNeeded();
  });

  it('reorders by drag and drop, and by the move buttons from the keyboard', async () => {
    // Drag the fact sheet by its handle onto the photo: it takes the photo's place.
    await item('Fact sheet').locator('.drag-handle').dragTo(item(PHOTO));
    await expect.poll(itemLabels).toEqual([HEADLINE, 'Fact sheet', PHOTO, SPOKESPERSON]);

    const up = page.getByRole('button', { name: `Move ${SPOKESPERSON} up` });
    await up.focus();
    await page.keyboard.press('Enter');
    await expect.poll(itemLabels).toEqual([HEADLINE, 'Fact sheet', SPOKESPERSON, PHOTO]);
    // Focus stays with the moved item, so pressing again moves it again.
    expect(await up.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByRole('status').filter({ hasText: `${SPOKESPERSON} moved to position 3 of 4.` }).waitFor();

    await saved().waitFor();
    await expect
      .poll(async () => (await h.api('kit.get', { id: await kitId() })).items.map((i) => i.kind))
      .toEqual(['release', 'section', 'contact', 'attachment']);
  });

  it('shows the live preview, styled by the office template, in the kit order', async () => {
    const body = preview().locator('body');
    // The preview follows the last change: the fact sheet before the contact, the photo last.
    await expect
      .poll(
        async () => {
          const text = await body.innerText();
          const at = [HEADLINE, ARABIC_WORD, FACT, SPOKESPERSON, 'Families collect water at a new borehole'].map((s) => text.indexOf(s));
          return at.every((n, i) => n >= 0 && (i === 0 || n > at[i - 1]!));
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    // The template's inline styles applied under the app's CSP: the office colour on the cover.
    const cover = preview().locator('.cover');
    expect(await cover.evaluate((el) => getComputedStyle(el).borderInlineStartColor)).toBe('rgb(11, 79, 108)');
    expect(await preview().locator('h1.kit-title').innerText()).toBe(KIT_TITLE);
    // The Arabic version reads right to left, and its photo arrived as an inline image.
    expect(await preview().locator(`[lang="ar"]`).first().getAttribute('dir')).toBe('rtl');
    const img = preview().locator('img').filter({ hasNot: preview().locator('.logo') }).last();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);

    // A change of page size reaches the preview after the pause.
    await page.getByLabel('Page size', { exact: true }).selectOption('Letter');
    await page.getByText('The same pages the PDF is printed from (US Letter)').waitFor();
    await saved().waitFor();
    await expect.poll(async () => (await h.api('kit.get', { id: await kitId() })).pageSize).toBe('Letter');

    await h.expectAccessible('kit builder');
    await h.screenshot('kit-builder');
  });

  it('says that a download takes the releases as they are saved at that moment', async () => {
    await page
      .getByRole('region', { name: 'Download', exact: true })
      .getByText('Each download takes the releases, photos and contacts as they are saved at that moment: after an edit, download the kit again to send the new version.')
      .waitFor();
  });

  it('downloads kit-lite and the Word document through the UI', async () => {
    const lite = await exportThroughUi('Download kit-lite', true);
    expect(lite.name).toMatch(/-lite\.pdf$/);
    expect(lite.bytes.subarray(0, 5).toString('binary')).toBe('%PDF-');
    expect(lite.bytes.length).toBeLessThan(2 * 1024 * 1024);
    await page.getByText(`${lite.name} is ready in your downloads.`).waitFor();

    const docx = await exportThroughUi('Download Word (DOCX)', true);
    expect(docx.name).toMatch(/\.docx$/);
    expect(docx.bytes.subarray(0, 4).toString('binary')).toBe('PK\x03\x04');
    const entries = await readZip(join(ARTIFACTS, `kit-builder-${docx.name}`));
    const xml = entries.get('word/document.xml')?.toString('utf8') ?? '';
    expect(xml).toContain(HEADLINE);
    expect(xml).toContain(ARABIC_WORD);
    expect(xml).toContain('40,000 people');

    await page.getByRole('heading', { name: 'Download', exact: true }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'kit-builder-downloads.png') });
    // Two exports through the web server, each printed by Chromium: room for a loaded machine.
  }, 120_000);

  it('cancels a ZIP bundle export: nothing is downloaded and the job ends cancelled', async () => {
    const back = page.url();
    await h.goto(`#/kits/${heavyKitId}`);
    await expect.poll(itemLabels).toHaveLength(6);
    const before = downloads.length;
    await page.getByRole('button', { name: 'Download ZIP bundle', exact: true }).click();
    await page.getByRole('progressbar', { name: 'Progress of the ZIP bundle export' }).waitFor();
    await page.getByRole('button', { name: 'Cancel export', exact: true }).click();
    await page.getByText('The export was cancelled; nothing was downloaded.').waitFor({ timeout: 20_000 });
    const job = h.core.jobs.list().find((j) => j.method === 'kit.exportDownload' && j.state !== 'done');
    expect(job?.state).toBe('cancelled');
    // The export buttons are back for another try, and no file reached the downloads.
    expect(await page.getByRole('button', { name: 'Download ZIP bundle', exact: true }).isEnabled()).toBe(true);
    // The page downloads only the file of a job that finished; this one's state is final
    // (cancelled, and the page has shown it), so no download can still be on its way.
    expect(h.core.jobs.get(job!.id).state).toBe('cancelled');
    expect(downloads.length).toBe(before);
    await page.goto(back);
  });

  it('still has the kit as it was after a reload', async () => {
    await page.reload();
    await page.getByRole('heading', { name: 'Kit builder' }).waitFor();
    await expect.poll(itemLabels).toEqual([HEADLINE, 'Fact sheet', SPOKESPERSON, PHOTO]);
    expect(await page.getByRole('group', { name: `Language versions of ${HEADLINE}` }).getByLabel('Arabic').isChecked()).toBe(true);
    expect(await page.getByRole('textbox', { name: 'Text of Fact sheet' }).innerText()).toBe(FACT);
    expect(await page.getByLabel('Page size', { exact: true }).inputValue()).toBe('Letter');
    await preview().locator('h1.kit-title').waitFor();

    // The kit is listed, and its row opens it again from the keyboard.
    await h.nav('Kits').click();
    const link = page.getByRole('link', { name: KIT_TITLE, exact: true });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Kit builder' }).waitFor();
    await expect.poll(itemLabels).toEqual([HEADLINE, 'Fact sheet', SPOKESPERSON, PHOTO]);
  });

  it('says a failed export once, on its panel and not again in the tray, and takes it back on a retry', async () => {
    const added = await h.api('attachment.add', { name: 'gulu-clinic.jpg', data: (await photo(800, 600, 9)).toString('base64'), fields: {} });
    const kit = await h.api('kit.create', { title: 'Gulu clinic kit', language: 'en', items: [{ kind: 'attachment', id: added.id }] });
    await h.goto(`#/kits/${kit.id}`);
    await expect.poll(itemLabels).toEqual(['gulu-clinic.jpg']);
    await preview().locator('h1.kit-title').filter({ hasText: 'Gulu clinic kit' }).waitFor();
    // The file goes once the builder has looked: the export itself finds it missing.
    const file = h.core.ctx.blobs.path(added.sha256);
    renameSync(file, `${file}.away`);
    const panel = page.getByRole('region', { name: 'Download', exact: true });
    const tray = page.getByRole('region', { name: 'Tasks' });
    const words = 'The file of “gulu-clinic.jpg” (item 1 of the kit) is missing from the library folder';
    const docx = panel.getByRole('button', { name: 'Download Word (DOCX)', exact: true });

    await docx.click();
    await panel.getByRole('alert').filter({ hasText: words }).waitFor({ timeout: 20_000 });
    // The tray keeps the job and its state, not the same words a second time.
    await tray.getByText('Failed', { exact: true }).waitFor();
    expect(await tray.innerText()).not.toContain(words);
    expect(await page.getByText(words).count()).toBe(1);

    // The file back, the person tries again: the panel's words go with the retry, the download
    // goes through, and the tray, where the first failure is still listed, words it now.
    renameSync(`${file}.away`, file);
    const next = page.waitForEvent('download', { timeout: 60_000 });
    await docx.click();
    const d = await next;
    await panel.getByText(`${d.suggestedFilename()} is ready in your downloads.`).waitFor();
    expect(await panel.getByRole('alert').count()).toBe(0);
    await tray.getByText(words).waitFor();
    expect(await page.getByText(words).count()).toBe(1);
  }, 120_000);

  it('marks a photo whose file records where it was taken, and not one without', async () => {
    const MARK = 'Location recorded in the file — removed on export';
    const gps = await sharp(await photo(640, 480, 2))
      .withExif({ IFD0: { Artist: 'J. Mukasa' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '2/1 46/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '32/1 18/1 0/1' } })
      .jpeg()
      .toBuffer();
    const camp = await h.api('attachment.add', { name: 'camp-entrance.jpg', data: gps.toString('base64'), fields: {} });
    const well = await h.api('attachment.add', { name: 'borehole-gulu.jpg', data: (await photo(640, 480, 11)).toString('base64'), fields: {} });
    const kit = await h.api('kit.create', { title: 'Gulu camp kit', language: 'en', items: [camp, well].map((a) => ({ kind: 'attachment' as const, id: a.id })) });
    await h.goto(`#/kits/${kit.id}`);
    await expect.poll(itemLabels).toEqual(['camp-entrance.jpg', 'borehole-gulu.jpg']);

    const mark = item('camp-entrance.jpg').getByRole('img', { name: MARK });
    await mark.waitFor();
    expect(await mark.getAttribute('title')).toBe(MARK);
    const box = await mark.boundingBox();
    expect(box!.width).toBeGreaterThan(8);
    // Both files are asked at once: once the one mark is drawn, the other answer has had its moment.
    await page.waitForTimeout(300);
    expect(await item('borehole-gulu.jpg').getByRole('img', { name: MARK }).count()).toBe(0);
    expect(await page.getByRole('img', { name: MARK }).count()).toBe(1);
    await h.expectAccessible('kit builder with a photo that records its location');
    await h.screenshot('kit-builder-location-mark');
  });

  it('logged no console errors', () => {
    expect(h.consoleErrors).toEqual([]);
  });
});
