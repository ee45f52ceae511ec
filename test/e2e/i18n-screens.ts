import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { KitItem } from '../../electron/shared/documents';
import { richTextFromParagraphs } from '../../electron/shared/richtext';
import { releaseWithArabic, startHarness, type Harness, type HarnessOptions } from './harness';

/** The library the language tests walk through: one of everything a screen shows. */
export const SEED = {
  office: 'Sahel Regional Office',
  headline: 'Seeds arrive in Mopti before the rains',
  arabicHeadline: 'وصول البذور إلى موبتي قبل موسم الأمطار',
  contact: 'Awa Traoré',
  kit: 'Mopti seeds press kit',
} as const;

export interface Seeded {
  office: string;
  release: string;
  arabicRelease: string;
  contact: string;
  kit: string;
}

export async function seed(h: Harness): Promise<Seeded> {
  const office = await h.api('office.create', {
    name: SEED.office,
    boilerplate: { en: 'The organisation works in 190 countries.', ar: 'تعمل المنظمة في مائة وتسعين بلدا.' },
    timeZone: 'Africa/Bamako',
    digits: 'arab',
  });
  const contact = await h.api('contact.create', {
    kind: 'spokesperson',
    name: SEED.contact,
    role: 'Chargée de communication',
    emails: [{ type: 'work', address: 'awa.traore@example.org' }],
  });
  const release = await releaseWithArabic(
    h,
    {
      headline: SEED.headline,
      language: 'en',
      datelinePlace: 'Mopti',
      releaseDate: '2026-11-30',
      office: office.id,
      embargo: { at: '2099-12-03T13:00:00.000Z', timeZone: 'Europe/Zurich' },
      body: richTextFromParagraphs(['The organisation today handed 1,200 farmers seed for the coming season.']),
    },
    { headline: SEED.arabicHeadline, datelinePlace: 'موبتي', paragraphs: ['سلّمت المنظمة اليوم بذورا إلى 1200 مزارع.'] },
  );
  // A case for the Conflicts screen: a session edits the headline that changed meanwhile.
  const disputed = await h.api('release.create', { headline: 'Water trucking in Gao', language: 'en', office: office.id });
  await h.api('draft.save', { id: disputed.id, baseRev: disputed.rev, session: 'seed', fields: { headline: 'Water trucking in Gao extended to March' } });
  await h.api('release.update', { id: disputed.id, rev: null, fields: { headline: 'Water trucking in Gao ends' } });
  await h.api('draft.commit', { id: disputed.id });
  const items: KitItem[] = [{ kind: 'release', id: release.en }, { kind: 'contact', id: contact.id }];
  const kit = await h.api('kit.create', { title: SEED.kit, language: 'en', office: office.id, items });
  return { office: office.id, release: release.en, arabicRelease: release.ar, contact: contact.id, kit: kit.id };
}

/** Every screen, by its route, and the element that says it has loaded. */
export interface SeededHarness {
  /** The harness, once the file's beforeAll has started it. */
  readonly h: Harness;
  /** What `seed` put in its library. */
  readonly s: Seeded;
}

/**
 * The set-up of a file that walks the seeded library: a harness started (as "Press Officer",
 * with `options`) and seeded before the file's tests, and closed after them. `also` adds what
 * one file needs beyond the seed. Read `h` and `s` inside the tests, once beforeAll has run.
 */
export function seededHarness(options: Partial<HarnessOptions> = {}, also?: (h: Harness, s: Seeded) => Promise<void>): SeededHarness {
  let h: Harness | undefined;
  let s: Seeded | undefined;
  beforeAll(async () => {
    h = await startHarness({ author: 'Press Officer', ...options });
    s = await seed(h);
    await also?.(h, s);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });
  return {
    get h() {
      if (!h) throw new Error('The harness is not started yet: read it inside a test.');
      return h;
    },
    get s() {
      if (!s) throw new Error('The library is not seeded yet: read it inside a test.');
      return s;
    },
  };
}

export function screens(s: Seeded): { name: string; hash: string; ready: string }[] {
  return [
    { name: 'releases', hash: '#/releases', ready: '#main a.row-link' },
    { name: 'release', hash: `#/releases/${s.release}`, ready: '#main .body-editor' },
    { name: 'release-ar', hash: `#/releases/${s.arabicRelease}`, ready: '#main .body-editor' },
    { name: 'import', hash: '#/import', ready: '#main textarea' },
    { name: 'contacts', hash: '#/contacts', ready: '#main a.row-link' },
    { name: 'contact', hash: `#/contacts/${s.contact}`, ready: '#main form' },
    { name: 'attachments', hash: '#/attachments', ready: '#main h1' },
    { name: 'kits', hash: '#/kits', ready: '#main table' },
    { name: 'kit-builder', hash: `#/kits/${s.kit}`, ready: '#main ol.kit-items > li' },
    { name: 'conflicts', hash: '#/conflicts', ready: '#main .conflict-table td' },
    { name: 'settings', hash: '#/settings', ready: '#main #home-office' },
    { name: 'office', hash: `#/settings/offices/${s.office}`, ready: '#main form' },
  ];
}

/** A page in its own browser context, with a browser language and, if given, a saved UI language. */
export async function openIn(h: Harness, locale: string, saved?: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale, timezoneId: 'Africa/Nairobi' });
  if (saved) await context.addInitScript((lng) => localStorage.setItem('dateline.uiLanguage', lng), saved);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(h.server.launchUrl());
  await page.locator('#main h1').first().waitFor();
  return { context, page };
}

/** Runs `work` on the page `opened` (openIn's), then closes its context, whatever `work` did. */
export async function withPage<T>(opened: Promise<{ context: BrowserContext; page: Page }>, work: (page: Page) => Promise<T>): Promise<T> {
  const { context, page } = await opened;
  try {
    return await work(page);
  } finally {
    await context.close();
  }
}

export async function show(page: Page, screen: { hash: string; ready: string }): Promise<void> {
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, screen.hash);
  await page.locator(screen.ready).first().waitFor();
  // Loading… in any language ends with an ellipsis; a count or a saved note does not.
  await page.waitForFunction(() => ![...document.querySelectorAll('#main [role="status"]')].some((e) => e.textContent?.includes('…')));
}
