import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markdownToRichText } from '../../electron/core/markdown';
import { startHarness, type Harness } from './harness';

/**
 * A release's whole life in the browser, as a new user would try it: a "New release" click that
 * stores nothing, the status gate, an Arabic version, linking an existing release, withdrawal,
 * the trash; plus the top bar's search box and Settings' library check run again and again.
 */

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness({ author: 'Press Officer' });
  page = h.page;
  await page.goto(h.server.launchUrl());
}, 120_000);

afterAll(async () => {
  await h?.close();
});

const releaseIdFromUrl = () => decodeURIComponent(page.url().split('#/releases/')[1]!);

async function waitFor<T>(read: () => Promise<T>, check: (v: T) => boolean): Promise<void> {
  await expect.poll(async () => check(await read()), { timeout: 10_000, interval: 100 }).toBe(true);
}

/** Relative luminance contrast of two CSS rgb() colours (WCAG's formula). */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('a release from first keystroke to the trash', () => {
  it('shows what is typed in the top bar search box (dark ink on a white box)', async () => {
    const box = page.getByRole('combobox', { name: 'Search the library' });
    await box.fill('kasese');
    const { color, background } = await box.evaluate((el) => {
      const s = getComputedStyle(el);
      return { color: s.color, background: s.backgroundColor };
    });
    expect(background).toBe('rgb(255, 255, 255)');
    expect(contrast(color, background)).toBeGreaterThanOrEqual(7);
    await box.fill('');
  });

  it('"New release" stores nothing until the first keystroke', async () => {
    await page.getByRole('button', { name: 'New release' }).click();
    await page.waitForURL(/#\/releases\/new/);
    await page.getByLabel('Headline', { exact: true }).waitFor();
    await h.nav('Releases').click();
    await page.getByRole('heading', { name: 'No releases yet' }).waitFor();
    expect((await h.api('release.list', {})).total).toBe(0);

    await page.getByRole('button', { name: 'New release' }).click();
    const headline = page.getByLabel('Headline', { exact: true });
    await headline.click();
    await page.keyboard.type('Clean water reaches Kasese');
    await page.waitForURL(/#\/releases\/rel/);
    const id = releaseIdFromUrl();
    // Every keystroke arrived, in one release, and the caret stayed in the headline.
    await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
    await waitFor(() => h.api('release.get', { id }), (d) => d.headline === 'Clean water reaches Kasese');
    expect(await headline.evaluate((el) => el === document.activeElement)).toBe(true);
    expect((await h.api('release.list', {})).total).toBe(1);
  });

  it('will not approve without dateline place, release date and body, and says so next to the fields', async () => {
    const id = releaseIdFromUrl();
    await page.getByRole('combobox', { name: 'Status' }).selectOption('approved');
    await page.getByRole('alert').filter({ hasText: 'To be “Approved”, this release needs: Dateline place, Release date, Body.' }).waitFor();
    const place = page.getByLabel('Dateline place', { exact: true });
    expect(await place.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('Needed before it can be approved or released.').count()).toBe(3);
    expect((await h.api('release.get', { id })).status).toBe('draft');

    await place.fill('Kampala');
    await page.getByLabel('Release date', { exact: true }).fill('2026-11-30');
    await page.getByRole('textbox', { name: 'Body' }).click();
    await page.keyboard.type('Twelve boreholes now serve 40,000 people.');
    await expect.poll(() => page.getByText('Needed before it can be approved or released.').count()).toBe(0);
    await page.getByRole('combobox', { name: 'Status' }).selectOption('approved');
    await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
    await waitFor(() => h.api('release.get', { id }), (d) => d.status === 'approved' && d.datelinePlace === 'Kampala');
  });

  let englishId = '';
  let arabicId = '';
  it('creates an Arabic version from an empty page, right to left, linked to the English', async () => {
    englishId = releaseIdFromUrl();
    await page.getByRole('button', { name: 'Create Arabic version' }).click();
    await page.waitForURL((u) => u.hash.startsWith('#/releases/rel') && !u.hash.endsWith(englishId));
    arabicId = releaseIdFromUrl();
    const headline = page.getByLabel('Headline', { exact: true });
    await headline.waitFor();
    expect(await headline.inputValue()).toBe('');
    expect(await headline.getAttribute('dir')).toBe('rtl');
    expect(await page.getByRole('textbox', { name: 'Body' }).innerText()).not.toContain('boreholes');
    expect(await page.getByRole('textbox', { name: 'Body' }).evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    expect(await page.getByLabel('Dateline place', { exact: true }).inputValue()).toBe('Kampala');
    expect(await page.getByRole('combobox', { name: 'Language' }).inputValue()).toBe('ar');
    await page.getByRole('link', { name: /English: Clean water reaches Kasese/ }).waitFor();
    const doc = await h.api('release.get', { id: arabicId });
    expect(doc).toMatchObject({ language: 'ar', headline: '', translationGroup: englishId, datelinePlace: 'Kampala' });
  });

  it('links an existing French release from a picker; both sides see it; and unlinks it', async () => {
    const fr = await h.api('release.create', {
      headline: "L'eau potable arrive à Kasese",
      language: 'fr',
      datelinePlace: 'Kampala',
      releaseDate: '2026-11-30',
      body: markdownToRichText('Douze forages.'),
    });
    await h.goto(`#/releases/${englishId}`);
    await page.getByRole('button', { name: 'Link an existing release…' }).click();
    await page.getByLabel('Find the release to link', { exact: true }).fill('potable');
    await page.getByRole('list', { name: 'Releases that can be linked' }).getByRole('button', { name: /Link \(French\): L'eau potable/ }).click();
    await page.getByRole('link', { name: /French: L'eau potable arrive à Kasese/ }).waitFor();
    expect((await h.api('release.get', { id: fr.id })).translationGroup).toBe(englishId);

    await h.goto(`#/releases/${fr.id}`);
    await page.getByRole('link', { name: /English: Clean water reaches Kasese/ }).waitFor();
    await page.getByRole('link', { name: /Arabic: \(untitled\)/ }).waitFor();

    await h.goto(`#/releases/${englishId}`);
    await page.getByRole('button', { name: 'Unlink the French version' }).click();
    await waitFor(() => h.api('release.get', { id: fr.id }), (d) => d.translationGroup === null);
    await expect.poll(() => page.getByRole('link', { name: /French:/ }).count()).toBe(0);
    await page.getByRole('link', { name: /Arabic:/ }).waitFor();
  });

  it('withdraws the release with a reason, shown in the editor and the list, and refused in a new kit', async () => {
    await page.getByRole('button', { name: 'Withdraw…' }).click();
    const confirm = page.getByRole('button', { name: 'Withdraw release' });
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByLabel('Why is it withdrawn?', { exact: true }).fill('The borehole count was wrong.');
    await confirm.click();
    await page.getByRole('status').filter({ hasText: /Withdrawn on .*Reason: The borehole count was wrong\./ }).waitFor();
    expect((await h.api('release.get', { id: englishId })).status).toBe('withdrawn');

    await h.nav('Releases').click();
    await page.getByRole('list', { name: 'Releases' }).getByRole('link', { name: /Clean water reaches Kasese.*Withdrawn/ }).waitFor();

    const refused = await h.core.dispatch('kit.create', { title: 'Water', items: [{ kind: 'release', id: englishId }] }, { transport: 'test' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatchObject({ code: 'RELEASE_UNAVAILABLE', params: { reason: 'withdrawn' } });
  });

  it('offers no withdrawal on a draft, only the trash', async () => {
    await h.goto(`#/releases/${arabicId}`);
    await page.getByRole('button', { name: 'Move to trash' }).waitFor();
    await page.getByText('Only an approved or released release can be withdrawn; this draft never went out.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: /^Withdraw/ }).count()).toBe(0);
    expect((await h.api('release.get', { id: arabicId })).status).toBe('draft');
  });

  it('moves a release to the trash, restores it, then empties the trash for good', async () => {
    await h.goto(`#/releases/${arabicId}`);
    await page.getByRole('button', { name: 'Move to trash' }).click();
    await page.waitForURL(/#\/releases$/);
    const list = page.getByRole('list', { name: 'Releases' });
    await page.getByText('2 releases', { exact: true }).waitFor();
    expect(await list.getByRole('link', { name: /\(untitled\)/ }).count()).toBe(0);

    await page.getByRole('link', { name: 'Trash' }).click();
    await page.getByRole('heading', { name: 'Trash' }).waitFor();
    await page.getByRole('button', { name: 'Restore “(untitled)”' }).click();
    await page.getByText('The trash is empty.').waitFor();
    expect((await h.api('release.get', { id: arabicId })).trashed).toBeNull();

    await h.goto(`#/releases/${arabicId}`);
    await page.getByRole('button', { name: 'Move to trash' }).click();
    await page.waitForURL(/#\/releases$/);
    await page.getByRole('link', { name: 'Trash' }).click();
    await page.getByRole('button', { name: 'Empty the trash…' }).click();
    await page.getByRole('alertdialog', { name: 'Empty the trash' }).getByText('Delete 1 release for good? This cannot be undone.').waitFor();
    await page.getByRole('button', { name: 'Delete for good' }).click();
    await page.getByRole('status').filter({ hasText: '1 release deleted for good.' }).waitFor();
    const gone = await h.core.dispatch('release.get', { id: arabicId }, { transport: 'test' });
    expect(gone.ok ? null : gone.error.code).toBe('NOT_FOUND');
    await h.expectAccessible('trash');
  });
});

describe('Settings: Check the library', () => {
  it('finishes every time, ten times in a row', async () => {
    await h.nav('Settings').click();
    const button = page.getByRole('button', { name: 'Check the library' });
    for (let i = 0; i < 10; i++) {
      await button.click();
      // Each run ends with its own answer on screen and the button usable again.
      await page.getByRole('status').filter({ hasText: 'The library is in good order.' }).waitFor();
      await expect.poll(() => button.isEnabled()).toBe(true);
      expect(await page.getByText('Checking…', { exact: false }).count()).toBe(0);
    }
  });

  it('logged no console errors', () => {
    expect(h.consoleErrors).toEqual([]);
  });
});
