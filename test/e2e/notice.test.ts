import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/index';
import { damagedLibrary } from '../damage';
import { startHarness, type Harness } from './harness';
import { tempDirKept } from '../helpers';

/**
 * A library found damaged at one start is moved aside; the next start, in the browser, says
 * so once: where the old file is, in the person's language, until it is dismissed.
 */

let h: Harness;
let page: Page;
let library: string;
let movedTo: string;

beforeAll(async () => {
  library = join(tempDirKept(), 'library');
  await damagedLibrary(library);
  await expect(openCore(library, { author: 't' })).rejects.toMatchObject({ code: 'LIBRARY_DAMAGED' });
  const stamps = readdirSync(join(library, 'damaged'));
  expect(stamps).toHaveLength(1);
  movedTo = join(library, 'damaged', stamps[0]!);
  h = await startHarness({ author: 'Press Officer', library });
  page = h.page;
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('a library moved aside at start', () => {
  it('is announced in a banner that says where the old library is', async () => {
    await page.goto(h.server.launchUrl());
    const banner = page.getByRole('alert').filter({ hasText: 'Your library was damaged and has been moved aside.' });
    await banner.waitFor();
    expect(await banner.locator('code').innerText()).toBe(movedTo);
    expect(await banner.innerText()).toContain('restore your latest backup');
    expect(await banner.innerText()).toMatch(/What was wrong: quick check: \S/);
    // The library behind it is the new, empty one.
    await page.getByRole('heading', { name: 'No releases yet' }).waitFor();
    await h.expectAccessible('library moved aside');
    await h.screenshot('library-moved-aside');
  });

  it('is worded in Arabic, right to left, with the path kept left to right', async () => {
    await page.evaluate(() => localStorage.setItem('dateline.uiLanguage', 'ar'));
    await page.reload();
    const banner = page.getByRole('alert').filter({ hasText: 'كانت مكتبتك تالفة فنُقلت جانبًا.' });
    await banner.waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await banner.innerText()).toContain('توجد المكتبة القديمة في:');
    const path = banner.locator('code');
    expect(await path.innerText()).toBe(movedTo);
    expect(await path.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    await h.expectAccessible('library moved aside (Arabic)');
    await h.screenshot('library-moved-aside-ar');
    await page.evaluate(() => localStorage.setItem('dateline.uiLanguage', 'en'));
    await page.reload();
    await page.getByRole('alert').filter({ hasText: 'Your library was damaged' }).waitFor();
  });

  it('goes away when dismissed, is recorded as seen, and does not come back on reload', async () => {
    const banner = page.getByRole('alert').filter({ hasText: 'Your library was damaged' });
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await banner.waitFor({ state: 'detached' });
    expect(existsSync(join(movedTo, 'seen'))).toBe(true);
    expect(await h.api('library.notice', {})).toBeNull();
    await page.reload();
    await page.getByRole('heading', { name: 'No releases yet' }).waitFor();
    expect(await page.getByText('Your library was damaged').count()).toBe(0);
  });
});
