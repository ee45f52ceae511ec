import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Document as WordDocument, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ar from '../../renderer/i18n/ar.json';
import en from '../../renderer/i18n/en.json';
import { ARTIFACTS, ROOT, startHarness, type Harness } from './harness';
import { openIn, withPage } from './i18n-screens';

/**
 * The release importer in headless Chromium against the real core, web server and import
 * worker: a press officer pastes a release copied from a website, fixes the headline and
 * stores it; imports a Word file whose contact is already in the library; discards one; is told
 * why a picture renamed .docx cannot be read; has a release taken for a list of stories read
 * anyway. Nothing reaches the library before Confirm.
 */

const WORKER = join(ROOT, 'out', 'cli', 'import-worker.js');

// As copied from an organisation's web page: the menu comes along with the release.
const PASTED = [
  'Who we are',
  'Our Work',
  'Donate',
  'Floods cut off 12,000 people in the Tana River delta',
  '14 May 2026',
  'Geneva - Relief teams reached villages in the Tana River delta by boat today, after floods cut the only road and left 12,000 people without clean water or health care.',
  '"The water came up in a single night and the families we met have lost their stores of maize," said Achieng Otieno, Head of Emergencies. "Boats are the only way in for the next two weeks."',
  'The organisation is distributing water purification tablets, hygiene kits and tarpaulins to 2,400 households, and two mobile clinics are treating people for diarrhoea and malaria.',
  'The Kenya Meteorological Department expects more rain in the coming days.',
  'For further information please contact John Smith at the Nairobi office, Email jsmith@example.org, Tel. +254 20 000 0000',
].join('\n');
const EXTRACTED_HEADLINE = 'Floods cut off 12,000 people in the Tana River delta';
const FIXED_HEADLINE = 'Floods cut off 12,000 people in Kenya’s Tana River delta';

// A release copied from a web page: the clipboard holds its HTML and its text.
const WEB_HEADLINE = 'Cholera vaccination reaches 90,000 people in Kisumu';
const WEB_PARAGRAPHS = [
  'KISUMU, 2 June 2026 – A ten-day cholera vaccination campaign reached 90,000 people in the informal settlements of Kisumu, where cases doubled after the floods.',
  'Vaccination teams worked from schools, churches and market stalls, and volunteers went door to door to reach older people who could not travel.',
  'The campaign was run with the county health department and will be followed by the repair of 40 water points.',
];
const WEB_PAGE_HTML = [
  '<nav><ul><li><a href="/who-we-are">Who we are</a></li><li><a href="/our-work">Our Work</a></li><li><a href="/donate">Donate</a></li></ul></nav>',
  `<main><article><h1>${WEB_HEADLINE}</h1>`,
  ...WEB_PARAGRAPHS.map((p) => `<p>${p}</p>`),
  '</article></main>',
  '<footer><p><a href="/privacy">Privacy policy</a> | <a href="/terms">Terms of use</a></p></footer>',
].join('');
const WEB_PAGE_TEXT = ['Who we are', 'Our Work', 'Donate', WEB_HEADLINE, ...WEB_PARAGRAPHS, 'Privacy policy | Terms of use'].join('\n');

// A real release written as a round-up of short titled points, which the importer takes for a
// news index.
const ROUNDUP_HEADLINE = 'Six months after the cyclone: where the coastal villages stand';
const ROUNDUP = [
  ROUNDUP_HEADLINE,
  'Fishing boats are back on the water in four villages',
  'Carpenters trained by the programme have repaired or rebuilt 140 fishing boats since October, and the catch landed at the four harbours is now close to what it was before the storm.',
  'Schools reopen under new roofs on the coast',
  'All nine primary schools on the coast have reopened, seven of them under roofs rebuilt to stand stronger winds, and the last two will have their new roofs before the rains.',
  'Six hundred families are still living in tents',
  'Some 600 families are still in tents on the hillside above the harbour, and the programme is asking the district for land on which their houses can be rebuilt away from the shore.',
  'Clean water returns to every village on the coast',
  'The wells the sea had spoiled have been cleaned or replaced, and every village on the coast once again has a water point within half an hour on foot.',
].join('\n');

const DOCX_HEADLINE = 'Mobile clinics reach flood-hit families in Garissa';

let h: Harness;
let page: Page;

const counts = async () => {
  const c = (await h.api('library.info', {})).counts;
  return { release: c.release ?? 0, contact: c.contact ?? 0, attachment: c.attachment ?? 0 };
};

/** One import on the screen: its fields, its cleaned source, its buttons. */
function item(name: string): Locator {
  return page.getByRole('region', { name: `Import of ${name}` });
}

const field = (scope: Locator, label: string) => scope.getByRole('form', { name: 'Extracted fields' }).getByLabel(label, { exact: true });

async function wordRelease(): Promise<Buffer> {
  const p = (text: string, heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
    new Paragraph({ children: [new TextRun(text)], ...(heading ? { heading } : {}) });
  const doc = new WordDocument({
    sections: [
      {
        children: [
          p(DOCX_HEADLINE, HeadingLevel.TITLE),
          p('NAIROBI, 21 May 2026 – Two mobile clinics began visiting villages around Garissa this week, where floods have closed five of the county’s health centres.'),
          p('The clinics carry a nurse, a clinical officer and medicines for 3,000 consultations a month.'),
          p('“People walked for a day to reach us on the first morning,” said Halima Abdi, a nurse on the Garissa team.'),
          // A release runs to a page or two: long enough that its source scrolls beside the fields.
          ...Array.from({ length: 14 }, (_, i) =>
            p(`In week ${i + 1} the teams saw patients in ${4 + i} villages along the Tana, treating malaria, diarrhoea and skin infections, and referred the most serious cases to Garissa County Referral Hospital by road or boat.`),
          ),
          p('-ENDS-'),
          p('Media contact', HeadingLevel.HEADING_2),
          // The same person as in the pasted release, written differently: the e-mail is what matches.
          p('J. Smith, Press Officer, JSmith@example.org'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

beforeAll(async () => {
  // The core runs each parse in a worker thread loaded from the CLI build.
  if (!existsSync(WORKER)) {
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '-c', 'vite.cli.config.ts', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
  h = await startHarness({
    author: 'Press Officer',
    stepTimeout: 15_000,
    // The paste goes through the real clipboard, as a person's Ctrl+V does.
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  page = h.page;
}, 180_000);

afterAll(async () => {
  await h?.close();
});

describe('importing releases in the browser', () => {
  let releaseId = '';
  let contactId = '';

  it('reads a pasted release, shows the fields beside the source, stores nothing until Confirm, then stores the fixed release with its contact and original', async () => {
    await page.goto(h.server.launchUrl());
    await page.getByRole('heading', { name: 'No releases yet' }).waitFor();
    // The empty list of releases offers the import as a way to start.
    await page.getByRole('link', { name: 'Paste or import a release' }).click();
    await page.waitForURL(/#\/import$/);
    await page.getByRole('heading', { name: 'Import releases' }).waitFor();

    const box = page.getByLabel('Paste a release', { exact: true });
    await page.evaluate((text) => navigator.clipboard.writeText(text), PASTED);
    await box.focus();
    await page.keyboard.press('Control+V');
    await expect.poll(() => box.inputValue()).toBe(PASTED);
    await page.getByRole('button', { name: 'Read pasted text' }).click();

    const pasted = item('Pasted text');
    const headline = field(pasted, 'Headline');
    await expect.poll(() => headline.inputValue(), { timeout: 20_000 }).toBe(EXTRACTED_HEADLINE);
    expect(await field(pasted, 'Dateline place').inputValue()).toBe('Geneva');
    // Shown the way the browser's region writes dates (en-GB here); stored ISO, below.
    expect(await field(pasted, 'Release date').inputValue()).toBe('14 May 2026');
    const body = await field(pasted, 'Body (a blank line between paragraphs)').inputValue();
    expect(body.startsWith('Relief teams reached villages in the Tana River delta by boat today')).toBe(true);
    expect(body).toContain('The Kenya Meteorological Department expects more rain');
    // The menu and the contact line are not part of the body.
    expect(body).not.toMatch(/Who we are|Donate|jsmith@example\.org/);
    expect(await field(pasted, 'Speaker').inputValue()).toBe('Achieng Otieno');
    expect(await field(pasted, 'Name').inputValue()).toBe('John Smith');
    expect(await field(pasted, 'E-mail').inputValue()).toBe('jsmith@example.org');
    expect(await field(pasted, 'Phone').inputValue()).toBe('+254 20 000 0000');
    await pasted.getByText('New contact: it will be added as a spokesperson.').waitFor();

    // The cleaned source sits beside the fields, so each can be checked against the other.
    const source = pasted.getByRole('complementary', { name: 'Cleaned text of Pasted text' });
    expect(await source.innerText()).toContain('Relief teams reached villages in the Tana River delta by boat today');
    const form = await pasted.getByRole('form', { name: 'Extracted fields' }).boundingBox();
    const aside = await source.boundingBox();
    expect(form && aside && aside.x >= form.x + form.width).toBe(true);
    expect(form && aside && aside.y < form.y + form.height && aside.y + aside.height > form.y).toBe(true);

    // Reading is not storing.
    expect(await counts()).toEqual({ release: 0, contact: 0, attachment: 0 });

    await h.expectAccessible('import review');
    await h.screenshot('import-review');

    await headline.fill(FIXED_HEADLINE);
    await pasted.getByRole('button', { name: 'Confirm and store' }).click();
    await pasted.getByText('Stored, with 1 new contact.').waitFor();
    expect(await counts()).toEqual({ release: 1, contact: 1, attachment: 1 });

    const list = await h.api('release.list', { limit: 10 });
    expect(list.items.map((r) => r.headline)).toEqual([FIXED_HEADLINE]);
    releaseId = list.items[0]!.id;
    const release = await h.api('release.get', { id: releaseId });
    expect(release.datelinePlace).toBe('Geneva');
    expect(release.releaseDate).toBe('2026-05-14');
    expect(release.status).toBe('draft');
    expect(release.contacts).toHaveLength(1);
    contactId = release.contacts[0]!;
    const contact = await h.api('contact.get', { id: contactId });
    expect(contact.name).toBe('John Smith');
    expect(contact.emails.map((e) => e.address)).toEqual(['jsmith@example.org']);

    const attachments = await h.api('attachment.list', { release: releaseId, limit: 10 });
    expect(attachments.items.map((a) => a.originalName)).toEqual([`${FIXED_HEADLINE}.txt`]);
    const original = await h.api('attachment.content', { id: attachments.items[0]!.id });
    expect(original.mediaType).toMatch(/^text\/plain/);
    expect(Buffer.from(original.data, 'base64').toString('utf8')).toBe(PASTED);

    // The link under the stored import opens the new release.
    await pasted.getByRole('link', { name: 'Open the release' }).click();
    await page.waitForURL(new RegExp(`#/releases/${releaseId}`));
    await expect.poll(() => page.getByLabel('Headline', { exact: true }).inputValue()).toBe(FIXED_HEADLINE);
  });

  it('imports a Word file, says its contact is already in the library, and links it instead of adding it again', async () => {
    await h.goto('#/import');
    await page.getByRole('heading', { name: 'Import releases' }).waitFor();
    await page.getByLabel(/^Choose files/).setInputFiles({
      name: 'garissa-clinics.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: await wordRelease(),
    });
    const word = item('garissa-clinics.docx');
    await expect.poll(() => field(word, 'Headline').inputValue(), { timeout: 20_000 }).toBe(DOCX_HEADLINE);
    expect(await field(word, 'Dateline place').inputValue()).toMatch(/^nairobi$/i);
    expect(await field(word, 'Release date').inputValue()).toBe('21 May 2026');
    expect((await field(word, 'E-mail').inputValue()).toLowerCase()).toBe('jsmith@example.org');
    await word.getByText('Matches existing contact John Smith: it will be linked, not added again.').waitFor();
    const source = word.getByRole('complementary', { name: 'Cleaned text of garissa-clinics.docx' });
    expect(await source.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    await h.expectAccessible('import review of a long Word file');
    await h.screenshot('import-review-word');

    // A line at the foot of the source, clicked: its choices open below it and come into view,
    // rather than below the edge, where the person would not know they had opened.
    const late = source.getByRole('button', { name: /^In week 14 the teams/ });
    await late.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await late.click();
    const choices = word.getByRole('group', { name: 'Use this line as' });
    const seen = async () => {
      const [box, pane] = await Promise.all([choices.boundingBox(), source.boundingBox()]);
      const viewport = page.viewportSize()!;
      return box !== null && pane !== null && box.y + box.height <= Math.min(pane.y + pane.height, viewport.height) + 1;
    };
    await expect.poll(seen).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => choices.count()).toBe(0);
    expect(await counts()).toEqual({ release: 1, contact: 1, attachment: 1 });

    await word.getByRole('button', { name: 'Confirm and store' }).click();
    await word.getByText('Stored, with 0 new contacts.').waitFor();
    expect(await counts()).toEqual({ release: 2, contact: 1, attachment: 2 });
    const stored = (await h.api('release.list', { limit: 10 })).items.find((r) => r.headline === DOCX_HEADLINE);
    expect(stored).toBeDefined();
    expect((await h.api('release.get', { id: stored!.id })).contacts).toEqual([contactId]);
    const original = await h.api('attachment.list', { release: stored!.id, limit: 10 });
    expect(original.items.map((a) => a.originalName)).toEqual(['garissa-clinics.docx']);
  });

  it('reads a copied web page from its HTML, reads the text instead once the person edits it, and Discard stores nothing', async () => {
    const before = await counts();
    const box = page.getByLabel('Paste a release', { exact: true });
    const copy = async () => {
      await page.evaluate(
        ([html, text]) =>
          navigator.clipboard.write([
            new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([text], { type: 'text/plain' }) }),
          ]),
        [WEB_PAGE_HTML, WEB_PAGE_TEXT] as const,
      );
      await box.focus();
      await page.keyboard.press('Control+V');
      await expect.poll(() => box.inputValue()).toBe(WEB_PAGE_TEXT);
    };
    const reviewing = () => item('Pasted text').filter({ has: page.getByRole('button', { name: 'Discard' }) });

    await copy();
    await page.getByRole('button', { name: 'Read pasted text' }).click();
    await expect.poll(() => field(reviewing(), 'Headline').inputValue(), { timeout: 20_000 }).toBe(WEB_HEADLINE);
    // Read from the HTML: the page's heading is a heading in the cleaned source.
    await reviewing().getByRole('complementary').getByRole('heading', { name: WEB_HEADLINE }).waitFor();
    expect(await field(reviewing(), 'Body (a blank line between paragraphs)').inputValue()).not.toMatch(/Who we are|Donate|Privacy policy/);
    await h.expectAccessible('import review of a web page');
    await reviewing().getByRole('button', { name: 'Discard' }).click();
    await expect.poll(() => page.getByRole('form', { name: 'Extracted fields' }).count()).toBe(0);
    // Nothing asked first: Undo stands in the review's place, and has the keyboard.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Undo: bring back the review of “Pasted text”');
    await page.keyboard.press('Enter');
    await expect.poll(() => field(reviewing(), 'Headline').inputValue()).toBe(WEB_HEADLINE);
    await reviewing().getByRole('button', { name: 'Discard' }).click();
    await expect.poll(() => page.getByRole('form', { name: 'Extracted fields' }).count()).toBe(0);

    // The copied page had no contact, so the person types one under it before reading.
    await copy();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nFor further information please contact Amina Yusuf, Email ayusuf@example.org');
    await page.getByRole('button', { name: 'Read pasted text' }).click();
    await expect.poll(() => field(reviewing(), 'Headline').inputValue(), { timeout: 20_000 }).toBe(WEB_HEADLINE);
    expect(await field(reviewing(), 'E-mail').inputValue()).toBe('ayusuf@example.org');
    await reviewing().getByRole('button', { name: 'Discard' }).click();
    await expect.poll(() => page.getByRole('form', { name: 'Extracted fields' }).count()).toBe(0);

    expect(await counts()).toEqual(before);
    expect((await h.api('release.list', { limit: 10 })).items.map((r) => r.headline)).not.toContain(WEB_HEADLINE);
  });

  it('says clearly that a picture renamed .docx is not a Word document, and stores nothing', async () => {
    const before = await counts();
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: { r: 200, g: 40, b: 40 } } })
      .png()
      .toBuffer();
    await page.getByLabel(/^Choose files/).setInputFiles({ name: 'flood-photo.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: png });
    const failed = item('flood-photo.docx');
    const alert = failed.getByRole('alert');
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.innerText()).toMatch(/“?flood-photo\.docx”?.*PNG image, not a Word document/);
    expect(await counts()).toEqual(before);

    await h.expectAccessible('import with an unreadable file');
    await h.screenshot('import-unreadable');
    await failed.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => failed.count()).toBe(0);
  });

  it('is reached from the Import link beside “New release”, and the empty screen passes accessibility checks', async () => {
    await h.nav('Releases').click();
    await page.getByText('2 releases').waitFor();
    await h.screenshot('releases-import-link');
    await page.locator('#main').getByRole('link', { name: 'Import', exact: true }).click();
    await page.waitForURL(/#\/import$/);
    await page.getByRole('heading', { name: 'Import releases' }).waitFor();
    // A fresh visit starts with nothing read.
    expect(await page.getByRole('region', { name: /^Import of / }).count()).toBe(0);
    await h.expectAccessible('import (empty)');
    await h.screenshot('import-empty');
  });

  it('refuses a release laid out like a list of stories, and imports it anyway when the person says it is one', async () => {
    const before = await counts();
    const box = page.getByLabel('Paste a release', { exact: true });
    await box.fill(ROUNDUP);
    await page.getByRole('button', { name: 'Read pasted text' }).click();
    const pasted = item('Pasted text');
    await pasted.getByRole('alert').filter({ hasText: 'This page holds no single release' }).waitFor({ timeout: 20_000 });
    expect(await counts()).toEqual(before);
    await h.expectAccessible('import refused as no release');
    await h.screenshot('import-not-a-release');

    await pasted.getByRole('button', { name: 'Import it anyway' }).click();
    const headline = field(pasted, 'Headline');
    await expect.poll(() => headline.inputValue(), { timeout: 20_000 }).toBe(ROUNDUP_HEADLINE);
    expect(await field(pasted, 'Body (a blank line between paragraphs)').inputValue()).toContain('every village on the coast once again has a water point');
    expect(await pasted.getByText('This page holds no single release').count()).toBe(0);
    await field(pasted, 'Release date').fill('2026-03-12');
    await pasted.getByRole('button', { name: 'Confirm and store' }).click();
    await pasted.getByText(/^Stored/).waitFor();
    expect(await counts()).toEqual({ ...before, release: before.release + 1, attachment: before.attachment + 1 });
    const stored = (await h.api('release.list', { limit: 10 })).items.find((r) => r.headline === ROUNDUP_HEADLINE);
    expect(stored?.releaseDate).toBe('2026-03-12');
  });

  it('keeps the cleaned text in reach of the fields in a window 600 px wide, folds it away, and keeps the place, date and language boxes level, in English and Arabic', async () => {
    for (const [locale, words] of [
      ['en-GB', en],
      ['ar-EG', ar],
    ] as const) {
      const language = words === ar ? 'ar' : 'en';
      await withPage(openIn(h, locale, language === 'ar' ? 'ar' : undefined), async (p) => {
        await p.setViewportSize({ width: 600, height: 800 });
        await p.evaluate(() => {
          window.location.hash = '#/import';
        });
        await p.locator('.import-paste textarea').fill(PASTED);
        await p.locator('.import-paste button.primary').click();
        const form = p.getByRole('form', { name: words.import.fieldsLabel });
        const box = (label: string) => form.getByLabel(label, { exact: true });
        await expect.poll(() => box(words.import.field.headline).inputValue(), { timeout: 20_000 }).toBe(EXTRACTED_HEADLINE);
        const source = p.getByRole('complementary');
        const top = async (l: Locator) => (await l.boundingBox())!.y;
        const main = () => p.evaluate(() => document.getElementById('main')!.scrollTop);

        // The source is on screen under the fields, not a page of fields further down.
        const pane = (await source.boundingBox())!;
        expect(pane.y + pane.height).toBeLessThanOrEqual(801);
        expect(pane.height).toBeGreaterThan(200);
        const headline = (await box(words.import.field.headline).boundingBox())!;
        expect(headline.y + headline.height).toBeLessThanOrEqual(pane.y);

        // A line clicked where it is, and a choice: the field it sets is in view above it, the page unmoved.
        const scrolled = await main();
        const click = async (l: Locator) => {
          const b = (await l.boundingBox())!;
          await p.mouse.click(b.x + Math.min(20, b.width / 2), b.y + b.height / 2);
        };
        await click(source.getByRole('button', { name: 'Donate', exact: true }));
        await click(source.getByRole('group', { name: words.import.source.actionsLabel }).getByRole('button', { name: words.import.source.subheadline, exact: true }));
        expect(await box(words.import.field.subheadline).inputValue()).toBe('Donate');
        expect(await main()).toBe(scrolled);
        expect(await box(words.import.field.subheadline).locator('..').locator('.certainty').innerText()).toBe(words.import.certainty.person);
        const sub = (await box(words.import.field.subheadline).boundingBox())!;
        expect(sub.y + sub.height).toBeLessThanOrEqual((await source.boundingBox())!.y);

        // Place, date and language side by side, their boxes level whatever badge or note each has.
        const row = [words.import.field.datelinePlace, words.import.field.releaseDate, words.import.field.language].map(box);
        const tops = await Promise.all(row.map(top));
        expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(1);
        expect(new Set(await Promise.all(row.map(async (l) => Math.round((await l.boundingBox())!.x)))).size).toBe(3);
        await p.screenshot({ path: join(ARTIFACTS, `import-review-600-${language}.png`) });

        // Folded to its bar, the source gives the fields the window; unfolded, it is back.
        const fold = source.getByRole('button', { name: words.import.source.pane });
        await fold.click();
        await expect.poll(() => fold.getAttribute('aria-expanded')).toBe('false');
        await expect.poll(async () => (await source.boundingBox())!.height).toBeLessThan(80);
        expect(await source.getByRole('button', { name: 'Donate', exact: true }).isVisible()).toBe(false);
        await p.screenshot({ path: join(ARTIFACTS, `import-review-600-folded-${language}.png`) });
        await fold.click();
        await expect.poll(() => fold.getAttribute('aria-expanded')).toBe('true');
        await expect.poll(async () => (await source.boundingBox())!.height).toBeGreaterThan(200);
        expect(await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);

        // Wide, the source stands beside the fields (on the left in Arabic), whole, with no bar to fold it.
        await p.setViewportSize({ width: 1200, height: 800 });
        await expect.poll(() => fold.isVisible()).toBe(false);
        await p.locator('.import-item-name').evaluate((el) => el.scrollIntoView({ block: 'start' }));
        const f = (await form.boundingBox())!;
        const s = (await source.boundingBox())!;
        if (language === 'ar') expect(s.x + s.width).toBeLessThanOrEqual(f.x);
        else expect(s.x).toBeGreaterThanOrEqual(f.x + f.width);
        const wide = await Promise.all(row.map(top));
        expect(Math.max(...wide) - Math.min(...wide)).toBeLessThan(1);
        await p.screenshot({ path: join(ARTIFACTS, `import-review-1200-${language}.png`) });
      });
    }
  });

  it('marks the lines the release quotes already, and gives a line made a quote the speaker it names, as a guess to check', async () => {
    await h.goto('#/import');
    await page.getByRole('heading', { name: 'Import releases' }).waitFor();
    const said = '“We will not leave the families now,” said Marie Dupont, head of the Bukavu office.';
    const text = ['Wells reopen in Bukavu as the rains ease', 'BUKAVU, 3 March 2026 – Teams reopened twelve wells on Tuesday, bringing water back to 9,000 people.', said, 'Repairs took three weeks and were done by crews from the villages.'].join('\n\n');
    await page.getByLabel('Paste a release', { exact: true }).fill(text);
    await page.getByRole('button', { name: 'Read pasted text' }).click();
    const review = item('Pasted text').filter({ has: page.getByRole('button', { name: 'Discard' }) });
    await expect.poll(() => field(review, 'Speaker').inputValue(), { timeout: 20_000 }).toBe('Marie Dupont');
    const source = review.getByRole('complementary', { name: 'Cleaned text of Pasted text' });
    const line = source.getByRole('button', { name: said, exact: true });
    const described = () => line.evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent).join(' '));
    // The quote the importer found: its line carries the mark, and offers no second "Quote".
    expect(await described()).toContain('Already a quote');
    expect(await source.getByTitle('Already a quote').isVisible()).toBe(true);
    await line.click();
    const choices = review.getByRole('group', { name: 'Use this line as' });
    expect(await choices.getByRole('button', { name: 'Already a quote' }).isDisabled()).toBe(true);
    expect(await choices.getByRole('button', { name: 'Quote', exact: true }).count()).toBe(0);
    await page.keyboard.press('Escape');

    // Removed, the line is free again; made a quote once more, its speaker and role are read from it, marked to check.
    await review.getByRole('button', { name: 'Remove quote 1' }).click();
    expect(await described()).toBe('In the body');
    expect(await source.getByTitle('Already a quote').count()).toBe(0);
    await line.click();
    await choices.getByRole('button', { name: 'Quote', exact: true }).click();
    await expect.poll(() => field(review, 'Speaker').inputValue()).toBe('Marie Dupont');
    expect(await field(review, 'Speaker’s role').inputValue()).toBe('head of the Bukavu office');
    const badge = (label: string) => field(review, label).locator('xpath=ancestor::div[contains(@class, "field")][1]').locator('.certainty').innerText();
    expect(await badge('Speaker')).toBe('Check this');
    expect(await described()).toContain('Already a quote');
    await h.expectAccessible('import review with a quote made from a line');
    await h.screenshot('import-review-quote-from-line');

    await review.getByRole('button', { name: 'Discard' }).click();
    await item('Pasted text').getByText('Discarded: nothing was stored.').first().waitFor();
  });

  it('logged no console errors', () => {
    expect(h.consoleErrors).toEqual([]);
  });
});
