import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/run';
import { ARTIFACTS, startHarness, type Harness } from './harness';
import { tempDirKept } from '../helpers';

/**
 * "Back up now…" in web mode, in headless Chromium: Settings → Library makes a backup that the
 * browser downloads; `dateline restore` accepts the file and the release is in the restored library.
 */

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness({ author: 'Goma desk', acceptDownloads: true });
  page = h.page;
  await page.goto(h.server.launchUrl());
}, 180_000);

afterAll(async () => {
  await h?.close();
});

describe('Settings → Library: Back up now', () => {
  it('downloads a backup that dateline restore accepts, and shows the last backup', async () => {
    await h.api('release.create', { headline: 'Floods in Uvira: 2,000 families sheltered', language: 'en' });
    await h.nav('Settings').click();
    const section = page.getByRole('region', { name: 'Library' });
    await section.getByText('No backup of this library has been made from this computer yet.').waitFor();

    const download = page.waitForEvent('download', { timeout: 60_000 });
    await section.getByRole('button', { name: 'Back up now…', exact: true }).click();
    const d = await download;
    expect(d.suggestedFilename()).toMatch(/^Dateline backup \d{4}-\d{2}-\d{2}\.dateline-backup$/);
    const saved = join(tempDirKept(), d.suggestedFilename());
    writeFileSync(saved, readFileSync(await d.path()));
    await section.getByText(`your browser saved it as “${d.suggestedFilename()}” in its downloads.`, { exact: false }).waitFor();
    await section.getByText(/^Last backup: /).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'settings-backup.png'), fullPage: true });

    const restoredDir = join(tempDirKept(), 'restored');
    const restored = await cli(['restore', saved, '--library', restoredDir, '--json']);
    expect(restored.err).toBe('');
    expect(JSON.parse(restored.out)).toMatchObject({ documents: 1 });
    const listed = await cli(['release', 'list', '--library', restoredDir, '--json']);
    expect((JSON.parse(listed.out) as { items: { headline: string }[] }).items.map((i) => i.headline)).toEqual(['Floods in Uvira: 2,000 families sheltered']);
  });
});
