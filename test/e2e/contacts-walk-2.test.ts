import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../contacts/helpers';
import { startHarness, type Harness } from './harness';

/**
 * The media list walked by a field officer with the files they have, in French and in Arabic:
 * a French Excel sheet saved as "CSV (séparateur: point-virgule)" in Windows-1252, an Arabic
 * Excel sheet in Windows-1256, an iPhone's vCards with a photo; then an export their Excel opens.
 */

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness({ author: 'Chargée de communication', stepTimeout: 15_000, acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  page = h.page;
}, 120_000);

afterAll(async () => {
  await h?.close();
});

async function inLanguage(lng: string): Promise<void> {
  await page.goto(`${h.server.launchUrl()}#/contacts`);
  await page.evaluate((l) => localStorage.setItem('dateline.uiLanguage', l), lng);
  await page.reload();
}

async function choose(name: string, file: string, mimeType: string): Promise<void> {
  // From the contacts list, as a person comes to it: the import screen opens empty each time.
  await h.goto('#/contacts');
  await h.goto('#/contacts/import');
  await page.locator('#ci-file').setInputFiles({ name, mimeType, buffer: readFileSync(fixture(file)) });
}

/**
 * True when `text`, inside the element, is drawn from left to right: its first character left of
 * its last. A phone number in a right-to-left line whose direction is not set reads backwards
 * ("567 234 1 961+").
 */
function readsLeftToRight(container: Locator, text: string): Promise<boolean> {
  return container.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n.textContent ?? '').indexOf(wanted);
      if (at < 0) continue;
      const box = (from: number) => {
        const r = document.createRange();
        r.setStart(n, from);
        r.setEnd(n, from + 1);
        return r.getBoundingClientRect();
      };
      return box(at).x < box(at + wanted.length - 1).x;
    }
    throw new Error(`"${wanted}" is not shown`);
  }, text);
}

/** The direction a text box lays out its value in. */
const boxDirection = (box: Locator) => box.evaluate((el) => getComputedStyle(el).direction);

describe('contacts walked in French', () => {
  it('imports a French Excel sheet (semicolons, Windows-1252), lists its people at once, and exports a CSV French Excel splits into columns', async () => {
    await inLanguage('fr');
    await choose('Presse Abidjan.csv', 'fr-excel-pointvirgule-1252.csv', 'text/csv');
    // Not an Outlook or Google export: each column's destination is suggested from its French header.
    await page.getByRole('heading', { name: 'Destination de chaque colonne' }).waitFor();
    expect(await page.getByLabel('Destination de « Prénom »').inputValue()).toBe('givenName');
    expect(await page.getByLabel('Destination de « Portable »').inputValue()).toBe('phone:mobile');
    await page.getByRole('button', { name: 'Lire le fichier avec cette correspondance' }).click();
    await page.getByText('4 lus : 3 à créer, 0 à fusionner, 1 refusés', { exact: false }).waitFor();
    // The refused row says what and where, in French, with the file's own accents.
    const rows = page.getByRole('region', { name: 'Ce que fera l’importation' });
    await rows.getByText('Gaëlle Dubois').waitFor();
    expect(await rows.innerText()).toContain('« 01 45 67 89 0x »');
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await page.getByText(/^Importé en une fois\. Créés : 3/).waitFor();

    await h.goto('#/contacts');
    const list = page.getByRole('list', { name: 'Contacts' });
    await list.getByRole('link', { name: /Hélène Lefèvre/ }).waitFor();
    expect(await list.getByRole('link', { name: /Amélie Kaboré/ }).innerText()).toContain('Sidwaya');

    // French Excel splits by semicolons: the French interface exports so unless told otherwise, and says so.
    const separator = page.getByLabel('Séparateur du CSV');
    expect(await separator.locator('option:checked').innerText()).toBe('Point-virgule (Excel en français ou en espagnol)');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exporter en CSV' }).click();
    const file = readFileSync((await (await download).path())!);
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, first] = file.toString('utf8').slice(1).split('\r\n');
    expect(header!.startsWith('"Name";"Kind";"Role";"Organisation";"Outlet"')).toBe(true);
    // Each value in its own column, the accents as typed: the sheet a French Excel shows.
    expect(first!.split(';').slice(0, 5)).toEqual(['"Amélie Kaboré"', '"spokesperson"', '"Chargée de communication"', '""', '"Sidwaya"']);
    expect(first!.split(';').length).toBe(header!.split(';').length);
    await page.getByText('3 contacts exportés.').waitFor();

    // A person who wants commas chooses them once; the choice is kept on this computer.
    await separator.selectOption({ label: 'Virgule (Excel en anglais ou en arabe)' });
    await page.reload();
    expect(await page.getByLabel('Séparateur du CSV').locator('option:checked').innerText()).toBe('Virgule (Excel en anglais ou en arabe)');
    const again = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exporter en CSV' }).click();
    expect(readFileSync((await (await again).path())!, 'utf8').split('\r\n')[0]!.startsWith('\uFEFF"Name","Kind",')).toBe(true);
    expect(h.consoleErrors).toEqual([]);
  }, 90_000);
});

describe('contacts walked in Arabic', () => {
  it('reads phone numbers and e-mails left to right in the import’s review of an Arabic Excel sheet, and imports it', async () => {
    await inLanguage('ar');
    await choose('صحفيو تونس.csv', 'excel-ar-tunis-1256.csv', 'text/csv');
    const mapping = page.getByRole('region', { name: 'وجهة كل عمود' });
    await mapping.waitFor();
    expect(await readsLeftToRight(mapping, '+216 71 123 456')).toBe(true);
    expect(await readsLeftToRight(mapping, 'sami.benali@radio-tunis.example')).toBe(true);
    await page.getByRole('button', { name: 'قراءة الملف بهذه المطابقة' }).click();
    await page.getByRole('button', { name: 'استيراد', exact: true }).click();
    await page.getByText(/^اكتمل الاستيراد دفعة واحدة/).waitFor();
    await h.screenshot('contacts-walk-2-import-ar');

    // A refused number quoted inside an Arabic sentence keeps its order too.
    await choose('Presse Abidjan.csv', 'fr-excel-pointvirgule-1252.csv', 'text/csv');
    await page.getByRole('button', { name: 'قراءة الملف بهذه المطابقة' }).click();
    const rows = page.getByRole('region', { name: 'ما سيفعله الاستيراد' });
    await rows.getByText('Gaëlle Dubois').waitFor();
    expect(await readsLeftToRight(rows, '01 45 67 89 0x')).toBe(true);
    expect(h.consoleErrors).toEqual([]);
  }, 90_000);

  it('shows an iPhone contact’s photo, and its numbers, e-mail and handles left to right on the contact page', async () => {
    await inLanguage('ar');
    await choose('iPhone.vcf', 'iphone-export.vcf', 'text/vcard');
    await page.getByRole('button', { name: 'استيراد', exact: true }).click();
    await page.getByText(/^اكتمل الاستيراد دفعة واحدة/).waitFor();
    const { items } = await h.api('contact.list', { limit: 5, query: 'Thandiwe' });
    await h.goto(`#/contacts/${items[0]!.id}`);
    await page.getByRole('heading', { name: 'Thandiwe Mbeki' }).waitFor();
    // Its name is isolated inside the Arabic words (FSI…PDI), as every value in the Arabic interface is.
    const photo = page.getByRole('img', { name: /^صورة \u2068?Thandiwe Mbeki\u2069?$/ });
    await expect.poll(() => photo.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    const phones = page.locator('input[type=tel]');
    expect(await phones.evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value))).toEqual(['+27 82 555 0101', '+27 11 555 0199']);
    for (const box of [phones.nth(0), phones.nth(1), page.locator('input[type=email]').first()]) expect(await boxDirection(box)).toBe('ltr');
    await h.screenshot('contacts-walk-2-contact-ar');
    expect(h.consoleErrors).toEqual([]);
  }, 90_000);

  it('shows both people’s numbers and e-mails, left to right, where a duplicate is merged', async () => {
    await inLanguage('ar');
    const keep = await h.api('contact.create', { name: 'سامية بن علي', organisation: 'إذاعة تونس', phones: [{ type: 'work', number: '+216 71 123 400' }] });
    await h.api('contact.create', { name: 'سامية بن علي (نسخة)', emails: [{ type: 'work', address: 'samia@radio-tunis.example' }], phones: [{ type: 'mobile', number: '+216 98 111 222' }] });
    await h.goto(`#/contacts/${keep.id}`);
    await page.getByLabel('البحث عن النسخة المكررة').fill('نسخة');
    await page.getByRole('button', { name: 'بحث', exact: true }).click();
    await page.getByRole('button', { name: /سامية بن علي \(نسخة\)/ }).click();
    const both = page.getByRole('row', { name: /البريد الإلكتروني والهواتف/ });
    await both.waitFor();
    for (const value of ['+216 71 123 400', '+216 98 111 222', 'samia@radio-tunis.example']) expect(await readsLeftToRight(both, value), value).toBe(true);
    await h.screenshot('contacts-walk-2-merge-ar');
    expect(h.consoleErrors).toEqual([]);
  }, 90_000);
});
