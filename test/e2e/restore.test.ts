import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { tempDirKept } from '../helpers';

/**
 * "Restore from a backup…" in web mode, in headless Chromium: back up from Settings → Library,
 * make a change, restore the backup (uploaded by the page, checked, confirmed), and the change
 * is gone from the releases list.
 */

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness({ author: 'Goma desk', acceptDownloads: true });
  page = h.page;
  await page.goto(`${h.server.launchUrl()}#/settings`);
}, 180_000);

afterAll(async () => {
  await h?.close();
});

describe('Settings → Library: Restore from a backup', () => {
  it('backs up, makes a change, restores the backup, and the change is gone', async () => {
    await h.api('release.create', { headline: 'Floods in Uvira: 2,000 families sheltered', language: 'en' });
    const section = page.getByRole('region', { name: 'Library' });
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await section.getByRole('button', { name: 'Back up now…', exact: true }).click();
    const d = await download;
    const saved = join(tempDirKept(), d.suggestedFilename());
    writeFileSync(saved, readFileSync(await d.path()));
    await section.getByText(/^Last backup: /).waitFor();

    await h.api('release.create', { headline: 'Made after the backup', language: 'en' });

    const chooser = page.waitForEvent('filechooser');
    await section.getByRole('button', { name: 'Restore from a backup…', exact: true }).click();
    await (await chooser).setFiles(saved);
    const question = page.getByRole('alertdialog', { name: 'Replace the library with this backup?' });
    await question.waitFor();
    await expect.poll(() => question.textContent()).toContain(`“${d.suggestedFilename()}”`);
    expect(await question.textContent()).toContain('that has not been synced is lost');
    // The safe answer has focus.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Keep the library as it is');
    await h.expectAccessible('restore question');
    await h.screenshot('settings-restore-question');
    await question.getByRole('button', { name: 'Replace the library', exact: true }).click();

    await page.getByTestId('restored').getByText(/^Restored the backup of /).waitFor({ timeout: 60_000 });
    await h.screenshot('settings-restored');
    await h.nav('Releases').click();
    await page.getByText('Floods in Uvira: 2,000 families sheltered').first().waitFor();
    expect(await page.getByText('Made after the backup').count()).toBe(0);
    expect(h.consoleErrors).toEqual([]);
  });
});
