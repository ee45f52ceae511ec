import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { photo } from '../kits/fixtures';
import { readZip } from '../kits/zipread';
import { ARTIFACTS, ROOT, startHarness, type Harness } from './harness';

/**
 * The main job from end to end, as a communications officer new to Dateline does it in French
 * and in Arabic: a release copied from a website, menus and all, pasted and put right in the
 * review, stored, edited, put in a kit with a photo, and downloaded as Word, PDF and ZIP, then
 * read back as the journalist who receives them would.
 */

const WORKER = join(ROOT, 'out', 'cli', 'import-worker.js');

const FR_HEADLINE = 'Sécheresse au Sahel : 2,3 millions d’enfants menacés de malnutrition';
const FR_QUOTE = '« Chaque semaine perdue se compte en vies d’enfants », a déclaré Mariam Sangaré, directrice régionale de l’organisation.';
const FR_PAGE = [
  'Passer au contenu',
  'Menu',
  'Nos actions',
  'Presse',
  'Nous rejoindre',
  'Faire un don',
  'Accueil › Presse › Communiqués',
  'Publié le 4 mars 2026',
  FR_HEADLINE,
  'L’organisation lance un appel de 48 millions d’euros pour six pays',
  'DAKAR, 4 mars 2026 – La saison sèche la plus longue depuis vingt ans laisse 2,3 millions d’enfants de moins de cinq ans exposés à la malnutrition aiguë au Mali, au Niger, au Burkina Faso, au Tchad, en Mauritanie et au Sénégal.',
  'Dans les centres de santé soutenus par l’organisation, les admissions d’enfants souffrant de malnutrition sévère ont augmenté de 37 % en janvier par rapport à l’an dernier.',
  FR_QUOTE,
  'L’appel financera des aliments thérapeutiques prêts à l’emploi, des équipes mobiles de santé et des points d’eau dans 1 200 villages.',
  'Lire aussi : Inondations au Niger, un an après',
  'Contact presse : Awa Diop, chargée de communication, awa.diop@example.org, +221 33 869 00 00',
  'Partager sur Facebook Twitter LinkedIn WhatsApp',
  '© 2026 Tous droits réservés · Mentions légales · Politique de confidentialité',
].join('\n');

const FR_ADDED = 'Les premières livraisons arriveront à Mopti le 15 mars.';
const FR_KIT = 'Dossier de presse : sécheresse au Sahel';
const FR_KIT_FILE = 'Dossier de presse - sécheresse au Sahel';
const PHOTO = 'centre-sante-mopti.jpg';

let h: Harness;
const opened: BrowserContext[] = [];
const downloads = join(ARTIFACTS, 'release-kit-walk');

beforeAll(async () => {
  if (!existsSync(WORKER)) {
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '-c', 'vite.cli.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  }
  mkdirSync(downloads, { recursive: true });
  h = await startHarness({ author: 'Chargée de communication', stepTimeout: 15_000 });
  await h.api('attachment.add', { name: PHOTO, data: (await photo(1600, 1067, 5)).toString('base64'), fields: { caption: 'Un centre de santé à Mopti', credit: 'A. Koné' } });
}, 180_000);

afterAll(async () => {
  for (const c of opened) await c.close();
  await h?.close();
});

async function openIn(language: 'fr' | 'ar', size = { width: 1280, height: 800 }): Promise<Page> {
  const context = await h.browser.newContext({ viewport: size, locale: language, timezoneId: 'Africa/Dakar', acceptDownloads: true });
  opened.push(context);
  await context.addInitScript((l) => localStorage.setItem('dateline.uiLanguage', l), language);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(h.server.launchUrl());
  await page.locator('#main h1').first().waitFor();
  return page;
}

const goto = (page: Page, hash: string) => page.evaluate((to) => (window.location.hash = to), hash);
/** The element with the keyboard: its tag and its name as a person hears it. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return `${el?.tagName ?? ''} ${(el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim()}`;
  });
const times = (text: string, part: string) => text.split(part).length - 1;

/** The text of a Word document as a reader gets it: its paragraphs, one a line. */
async function docxText(path: string): Promise<{ text: string; xml: string }> {
  const xml = (await readZip(path)).get('word/document.xml')!.toString('utf8');
  const text = xml
    .split(/<w:p[ >]/u)
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((m) => m[1]).join(''))
    .filter(Boolean)
    .join('\n')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"');
  return { text, xml };
}

/** Puts the release `headline` and the photo in the kit open on the page, by the pickers named. */
async function pick(page: Page, picker: string, query: string, title: string): Promise<void> {
  const box = page.getByRole('combobox', { name: picker, exact: true });
  await box.fill(query);
  await page.getByRole('listbox', { name: picker, exact: true }).getByRole('option').filter({ hasText: title }).first().waitFor();
  await box.press('Enter');
  await page.locator('ol.kit-items > li').filter({ hasText: title }).waitFor();
}

/** Presses a download button by keyboard: the file saved beside the test's artifacts, and what had the keyboard after. */
async function download(page: Page, button: string, prefix: string): Promise<{ name: string; path: string; focusAfter: string }> {
  const next = page.waitForEvent('download', { timeout: 90_000 });
  await page.getByRole('button', { name: button, exact: true }).focus();
  await page.keyboard.press('Enter');
  const d = await next;
  const path = join(downloads, `${prefix}-${d.suggestedFilename()}`);
  await d.saveAs(path);
  // The export is over once its note is said and the button is on again.
  await expect.poll(() => page.getByRole('button', { name: button, exact: true }).getAttribute('aria-disabled')).toBe(null);
  return { name: d.suggestedFilename(), path, focusAfter: await focused(page) };
}

describe('a release copied from a French website, to a kit in French', () => {
  it('is put right in the review, stored, edited, and reaches the journalist as Word, PDF and ZIP', async () => {
    const page = await openIn('fr');
    await goto(page, '#/import');
    await page.getByLabel('Coller un communiqué', { exact: true }).fill(FR_PAGE);
    await page.getByRole('button', { name: 'Lire le texte collé' }).click();
    const fields = page.getByRole('form', { name: 'Champs extraits' });
    const headline = fields.getByLabel('Titre', { exact: true });
    await expect.poll(() => headline.inputValue()).toBe(FR_HEADLINE);
    const source = page.getByRole('complementary', { name: 'Texte nettoyé de Texte collé' });

    // A headline of no letters is refused, said, and the keyboard is taken to it.
    await headline.fill('2026 – 04');
    await fields.getByRole('button', { name: 'Confirmer et enregistrer' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Le titre ne contient aucune lettre' });
    await refusal.waitFor();
    await expect.poll(() => headline.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await headline.getAttribute('aria-invalid')).toBe('true');
    expect(await headline.getAttribute('aria-describedby')).toBe(await refusal.getAttribute('id'));
    // Set back from its line in the cleaned text.
    await source.getByRole('button', { name: FR_HEADLINE }).click();
    await source.getByRole('group', { name: 'Utiliser cette ligne comme' }).getByRole('button', { name: 'Titre', exact: true }).click();
    await expect.poll(() => headline.inputValue()).toBe(FR_HEADLINE);
    expect(await headline.getAttribute('aria-invalid')).toBe(null);

    await fields.getByRole('button', { name: 'Confirmer et enregistrer' }).click();
    const open = page.getByRole('link', { name: `Ouvrir le communiqué « ${FR_HEADLINE} »` });
    await open.waitFor();
    await open.click();

    // An edit in the editor: a last paragraph typed at the end of the body, saved by itself.
    const body = page.locator('#main .body-editor [contenteditable="true"]');
    await body.getByText('L’appel financera').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(FR_ADDED);
    await page.getByRole('status').filter({ hasText: /^Enregistré$/ }).waitFor();

    // A kit: once created, the keyboard starts from the builder's heading.
    await goto(page, '#/kits');
    await page.getByLabel('Titre', { exact: true }).fill(FR_KIT);
    await page.getByRole('button', { name: 'Créer le dossier' }).click();
    await page.waitForURL(/#\/kits\/.+/u);
    await expect.poll(() => focused(page)).toBe('H1 Composition du dossier');
    await pick(page, 'Communiqué', 'Sécheresse', 'Sécheresse au Sahel');
    await pick(page, 'Photo ou fichier', 'Mopti', PHOTO);

    const docx = await download(page, 'Télécharger en Word (DOCX)', 'fr');
    const pdf = await download(page, 'Télécharger en PDF', 'fr');
    const zip = await download(page, 'Télécharger l’archive ZIP', 'fr');
    // Named after the kit, its colon written as a person would; the button pressed keeps the keyboard.
    expect([docx.name, pdf.name, zip.name]).toEqual([`${FR_KIT_FILE}.docx`, `${FR_KIT_FILE}.pdf`, `${FR_KIT_FILE}.zip`]);
    expect(pdf.focusAfter).toBe('BUTTON Télécharger en PDF');

    const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf.path, '-'], { encoding: 'utf8' }).replace(/-\n/gu, '-').replace(/[ \n]+/gu, ' ');
    const word = (await docxText(docx.path)).text;
    for (const [what, text] of [['PDF', pdfText], ['DOCX', word.replace(/[ \n]+/gu, ' ')]] as const) {
      expect(text, what).toContain('Dakar, 4 mars 2026 – La saison sèche');
      expect(text, what).toContain(FR_ADDED);
      // The quote is printed once, where the release has it.
      expect(times(text, 'Chaque semaine perdue'), what).toBe(1);
      expect(text, what).toContain('awa.diop@example.org');
      expect(text, what).toContain('+221 33 869 00 00');
      // French typography: a space before the colon (narrow and no-break, which pdftotext reads as a space).
      expect(text, what).toMatch(/Crédit[\u202f ]: A\. Koné/u);
      // None of the website's furniture.
      for (const junk of ['Faire un don', 'Partager sur', 'Lire aussi', 'Tous droits réservés']) expect(text, what).not.toContain(junk);
    }
    expect(word).toContain('Crédit\u202f: A. Koné');
    const entries = [...(await readZip(zip.path)).keys()];
    expect(entries).toEqual(expect.arrayContaining([`${FR_KIT_FILE}.docx`, `${FR_KIT_FILE}.pdf`, `photos/${PHOTO}`, 'contacts.vcf']));
  }, 240_000);
});

const AR_HEADLINE = 'الجفاف في شرق السودان: 850 ألف طفل بحاجة إلى غذاء علاجي';
const AR_PHONE = '+249 912 345 678';
const AR_DROPPED = 'وارتفع عدد الأطفال الذين أُدخلوا مراكز التغذية العلاجية بنسبة 42 في المئة خلال شهرين.';
const AR_PAGE = [
  'تخطي إلى المحتوى',
  'الرئيسية',
  'من نحن',
  'المركز الإعلامي',
  'تبرع الآن',
  'الرئيسية › المركز الإعلامي › بيانات صحفية',
  AR_HEADLINE,
  'بورتسودان، 9 مارس 2026 – حذّرت المنظمة اليوم من أن 850 ألف طفل دون سن الخامسة في ولايات البحر الأحمر وكسلا والقضارف معرّضون لسوء التغذية الحاد بعد موسم أمطار ضعيف.',
  AR_DROPPED,
  '«كل أسبوع تأخير يعني أرواح أطفال»، قالت سلمى عبد الرحيم، المديرة الإقليمية للمنظمة.',
  'اقرأ أيضا: الفيضانات في كسلا بعد عام',
  `للتواصل الإعلامي: أحمد الطيب، مسؤول الإعلام، ahmed.tayeb@example.org، هاتف ${AR_PHONE}`,
  'شارك: فيسبوك تويتر واتساب',
].join('\n');
const AR_KIT = 'ملف صحفي: الجفاف في شرق السودان';
const AR_KIT_FILE = 'ملف صحفي - الجفاف في شرق السودان';

describe('a release copied from an Arabic website, to a kit in Arabic', () => {
  it('is reviewed right to left, stored, and exported under an Arabic name that reads as typed', async () => {
    const page = await openIn('ar');
    await goto(page, '#/import');
    await page.getByLabel('لصق بيان صحفي', { exact: true }).fill(AR_PAGE);
    await page.getByRole('button', { name: 'قراءة النص الملصق' }).click();
    const fields = page.getByRole('form', { name: 'الحقول المستخرجة' });
    const headline = fields.getByLabel('العنوان الرئيسي', { exact: true });
    await expect.poll(() => headline.inputValue()).toBe(AR_HEADLINE);
    // Right to left: the fields on the right, the cleaned text beside them on the left.
    const source = page.getByRole('complementary', { name: /^النص المنقّح لـ/u });
    const [form, pane] = [(await fields.boundingBox())!, (await source.boundingBox())!];
    expect(pane.x + pane.width).toBeLessThanOrEqual(form.x + 1);
    await page.screenshot({ path: join(downloads, 'ar-review.png'), fullPage: true });

    // A paragraph the officer does not want sent is taken out of the body from its line, and says so.
    const written = () => fields.locator('textarea').evaluateAll((boxes) => boxes.map((b) => (b as HTMLTextAreaElement).value).join('\n'));
    expect(await written()).toContain(AR_DROPPED);
    await source.getByRole('button', { name: AR_DROPPED }).click();
    await source.getByRole('group', { name: 'استخدام هذا السطر بوصفه' }).getByRole('button', { name: 'حذفه من متن البيان' }).click();
    await source.getByRole('status').filter({ hasText: 'خرج هذا السطر من متن البيان.' }).waitFor();
    await expect.poll(written).not.toContain(AR_DROPPED);
    expect(await written()).not.toContain('اقرأ أيضا');
    await fields.getByRole('button', { name: 'التأكيد والحفظ' }).click();
    await page.getByRole('link', { name: /^فتح البيان الصحفي/u }).waitFor();

    await goto(page, '#/kits');
    await page.getByLabel('العنوان', { exact: true }).fill(AR_KIT);
    await page.getByRole('button', { name: 'إنشاء الملف' }).click();
    await page.waitForURL(/#\/kits\/.+/u);
    await pick(page, 'بيان صحفي', 'الجفاف', 'الجفاف في شرق السودان');
    await pick(page, 'صورة أو ملف', 'Mopti', PHOTO);
    await page.screenshot({ path: join(downloads, 'ar-kit.png'), fullPage: true });
    const docx = await download(page, 'تنزيل Word (DOCX)', 'ar');
    const pdf = await download(page, 'تنزيل PDF', 'ar');
    expect([docx.name, pdf.name]).toEqual([`${AR_KIT_FILE}.docx`, `${AR_KIT_FILE}.pdf`]);
    expect(pdf.focusAfter).toBe('BUTTON تنزيل PDF');

    const { text, xml } = await docxText(docx.path);
    expect(text).toContain('ahmed.tayeb@example.org');
    expect(times(text, 'كل أسبوع تأخير')).toBe(1);
    for (const left of ['تبرع الآن', 'اقرأ أيضا', 'شارك:', 'وارتفع عدد']) expect(text).not.toContain(left);
    // The release's paragraphs are right-to-left paragraphs of Word.
    const opening = xml.split(/<w:p[ >]/u).find((p) => p.includes('بورتسودان'))!;
    expect(opening).toContain('<w:bidi/>');
    const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf.path, '-'], { encoding: 'utf8' });
    expect(pdfText).toContain('ahmed.tayeb@example.org');
    expect(pdfText).toContain('850');
  }, 240_000);
});
