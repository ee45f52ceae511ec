import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page, Request } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { richTextFromParagraphs } from '../../electron/shared/richtext';
import { readZip } from '../kits/zipread';
import { startHarness, type Harness } from './harness';

/**
 * Web mode's downloads in a real Chromium: a kit's ZIP bundle and a backup reach the browser's
 * downloads by a one-time link the page follows, streamed to disk, never fetched into the page.
 * The bytes on disk are the file; the link gives nothing a second time.
 */

const TITLE = 'ملف البذور في موبتي';

let h: Harness;
let page: Page;
let kitId = '';
let photo: Buffer;
/** Every request the page makes for a file through the API, the way it fetched one into memory before. */
const fetchedIntoPage: string[] = [];

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  h = await startHarness({ author: 'Mopti desk', acceptDownloads: true });
  page = h.page;
  page.on('request', (r: Request) => {
    if (/\/api\/download\//.test(r.url())) fetchedIntoPage.push(r.url());
  });
  const release = await h.api('release.create', {
    headline: 'وصول البذور إلى موبتي',
    language: 'ar',
    body: richTextFromParagraphs(['سلّمت المنظمة اليوم بذورا إلى 1200 مزارع.']),
  });
  photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 140, g: 110, b: 60 } } })
    .jpeg({ quality: 85 })
    .toBuffer();
  const shot = await h.api('attachment.add', { name: 'seeds.jpg', data: photo.toString('base64'), fields: { caption: 'توزيع البذور', credit: 'م. ديارا' } });
  const kit = await h.api('kit.create', {
    title: TITLE,
    language: 'ar',
    items: [
      { kind: 'release', id: release.id },
      { kind: 'attachment', id: shot.id },
    ],
  });
  kitId = kit.id;
}, 180_000);

afterAll(async () => {
  await h?.close();
});

describe('a download in web mode', () => {
  it('saves a kit\'s ZIP bundle by its one-time link, with its Arabic name and its photo as it was', async () => {
    await page.goto(`${h.server.launchUrl()}#/kits/${kitId}`);
    const download = page.waitForEvent('download', { timeout: 90_000 });
    await page.getByRole('button', { name: 'Download ZIP bundle', exact: true }).click();
    const d = await download;
    expect(new URL(d.url()).pathname).toMatch(/^\/download\/[A-Za-z0-9_-]{43}$/);
    expect(d.suggestedFilename()).toMatch(new RegExp(`^${TITLE}.*\\.zip$`, 'u'));
    const path = await d.path();
    const entries = await readZip(path);
    const names = [...entries.keys()];
    expect(names.some((n) => n.endsWith('.docx'))).toBe(true);
    expect(names.some((n) => n.endsWith('.pdf'))).toBe(true);
    expect([...entries.values()].some((bytes) => sha(bytes) === sha(photo))).toBe(true);
    await page.getByText(`${d.suggestedFilename()} is ready in your downloads.`).waitFor();

    // The link is spent: opened again it gives no file, and says so in words.
    const again = await fetch(d.url(), { headers: { accept: 'text/html', 'accept-language': 'en' } });
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('This download link no longer works');
  }, 180_000);

  it('saves a backup by its one-time link, the bytes on disk a SQLite library', async () => {
    await h.api('release.create', { headline: 'Floods in Uvira: 2,000 families sheltered', language: 'en' });
    await h.nav('Settings').click();
    const section = page.getByRole('region', { name: 'Library' });
    const download = page.waitForEvent('download', { timeout: 90_000 });
    await section.getByRole('button', { name: 'Back up now…', exact: true }).click();
    const d = await download;
    expect(new URL(d.url()).pathname).toMatch(/^\/download\/[A-Za-z0-9_-]{43}$/);
    expect(d.suggestedFilename()).toMatch(/^Dateline backup \d{4}-\d{2}-\d{2}\.dateline-backup$/);
    const bytes = readFileSync(await d.path());
    expect(bytes.subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    const last = await h.api('library.lastBackup', {});
    expect(bytes.length).toBe(last!.bytes);
    await section.getByText(`your browser saved it as “${d.suggestedFilename()}” in its downloads.`, { exact: false }).waitFor();

    // Neither file went through the page: no request fetched one through the API.
    expect(fetchedIntoPage).toEqual([]);
  }, 180_000);

  it('saves a copy of a file with no preview by its one-time link, under its Arabic name and byte for byte', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
    const sheet = await h.api('attachment.add', { name: 'بطاقة معلومات.pdf', data: pdf.toString('base64') });
    await h.goto(`#/attachments/${sheet.id}`);
    await page.getByText('No preview for this kind of file.').waitFor();
    const download = page.waitForEvent('download', { timeout: 90_000 });
    await page.getByRole('button', { name: 'Save a copy…', exact: true }).click();
    const d = await download;
    expect(new URL(d.url()).pathname).toMatch(/^\/download\/[A-Za-z0-9_-]{43}$/);
    expect(d.suggestedFilename()).toBe('بطاقة معلومات.pdf');
    expect(readFileSync(await d.path())).toEqual(pdf);
    await page.getByText('بطاقة معلومات.pdf is ready in your downloads.').waitFor();
    await h.expectAccessible('attachment-no-preview');
    expect(fetchedIntoPage).toEqual([]);
  }, 180_000);
});
