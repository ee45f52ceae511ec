import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index';
import type { SyncFileExport, SyncFileImport } from '../../electron/shared/sync/contract';
import { call } from '../sync/library-state';
import { ARTIFACTS, startHarness, type Harness } from './harness';
import { tempDirKept } from '../helpers';

/**
 * The sync file in the app, in web mode in headless Chromium: Settings → Sync file saves one
 * from the page's library (downloaded by the browser), which another library imports as the
 * CLI would; that library's own file, with a change to the same headline, is opened on the
 * page, the release arrives and the conflict is offered on the Conflicts screen.
 */

let h: Harness;
let page: Page;
let other: Core;

beforeAll(async () => {
  h = await startHarness({ author: 'Goma desk', acceptDownloads: true });
  page = h.page;
  other = await openCore(tempDirKept(), { author: 'Bukavu desk' });
  await page.goto(h.server.launchUrl());
}, 180_000);

afterAll(async () => {
  other?.close();
  await h?.close();
});

async function job<T>(core: Core, method: string, input: unknown): Promise<T> {
  const { jobId } = await call<{ jobId: string }>(core, method, input);
  return (await core.jobs.wait(jobId)) as T;
}

async function headlineIn(core: Core, id: string): Promise<string> {
  return (await call<{ headline: string }>(core, 'release.get', { id })).headline;
}

describe('Settings → Sync file', () => {
  it('saves a sync file from this library; opens one from another, merging it with the conflict offered', async () => {
    const made = await h.api('release.create', { headline: 'Floods in Uvira: 2,000 families sheltered', language: 'en' });
    await h.nav('Settings').click();
    const section = page.getByRole('region', { name: 'Sync file (USB stick)' });
    await section.getByText(/merges what it carries into this library: nothing here is lost/).waitFor();
    await section.getByText(/Restoring a backup is different: it replaces the whole library/).waitFor();

    // Saved for a named office: the browser downloads it, and the other library merges it.
    await section.getByLabel('For office (optional)').fill('bukavu');
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await section.getByRole('button', { name: 'Save a sync file…', exact: true }).click();
    const d = await download;
    const saved = join(tempDirKept(), d.suggestedFilename());
    writeFileSync(saved, readFileSync(await d.path()));
    expect(d.suggestedFilename()).toMatch(/-for-bukavu-\d{4}-\d{2}-\d{2}\.dateline-sync$/);
    await section.getByText(`${d.suggestedFilename()} is ready in your downloads. Documents: 1; files: 0.`).waitFor();
    expect(await job<SyncFileImport>(other, 'sync.import', { from: saved })).toMatchObject({ written: 1, files: 0 });
    expect(await headlineIn(other, made.id)).toBe('Floods in Uvira: 2,000 families sheltered');

    // Both change the headline; the other library adds a release of its own and saves its file.
    await h.api('release.update', { id: made.id, rev: made.rev, fields: { headline: 'Floods in Uvira: 2,400 families sheltered' } });
    await call(other, 'release.update', { id: made.id, rev: made.rev, fields: { headline: 'Floods in Uvira and Fizi' } });
    const own = await call<{ id: string }>(other, 'release.create', { headline: 'Bukavu: schools reopen', language: 'en' });
    const back = join(tempDirKept(), 'from-bukavu.dateline-sync');
    expect(await job<SyncFileExport>(other, 'sync.export', { out: back, peer: null })).toMatchObject({ docs: 2 });

    await section.locator('#sync-file-open').setInputFiles(back);
    await section.getByText('from-bukavu.dateline-sync is merged into this library. New document versions: 2; already here: 0; files: 0.').waitFor();
    await section.getByText('New conflicts to resolve: 1.').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'settings-sync-file.png'), fullPage: true });
    expect(await headlineIn(h.core, own.id)).toBe('Bukavu: schools reopen');
    await h.expectAccessible('settings with the sync file section');

    await section.getByRole('link', { name: 'Open Conflicts' }).click();
    await page.getByText('Floods in Uvira and Fizi').first().waitFor();

    // Opened twice, it changes nothing more.
    await h.nav('Settings').click();
    await section.locator('#sync-file-open').setInputFiles(back);
    await section.getByText('New document versions: 0; already here: 2; files: 0.', { exact: false }).waitFor();
    await section.getByText('No new conflicts.').waitFor();
  });

  it('says in words when the file is not a sync file, and imports nothing', async () => {
    const before = (await h.api('library.info', {})).counts.release ?? 0;
    await h.nav('Settings').click();
    const section = page.getByRole('region', { name: 'Sync file (USB stick)' });
    await section.locator('#sync-file-open').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Meeting notes, not a sync file') });
    await section.getByRole('alert').getByText('“notes.txt” is not a Dateline sync file; nothing was imported.', { exact: false }).waitFor();
    expect((await h.api('library.info', {})).counts.release ?? 0).toBe(before);
  });
});
