import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

/**
 * An SVG logo in a real Chromium (web mode): the attachments list shows the drawing itself as
 * its preview, and nothing inside it runs or loads (its script sets no flag, the picture it
 * links on another server is never asked for); the kit builder says the Word and PDF documents
 * will only name it, in English and in Arabic.
 */

let h: Harness;
let beacon: Server;
const asked: string[] = [];
let kit = '';

beforeAll(async () => {
  beacon = createServer((req, res) => {
    asked.push(req.url ?? '');
    res.end();
  });
  await new Promise<void>((done) => beacon.listen(0, '127.0.0.1', done));
  const port = (beacon.address() as AddressInfo).port;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="160" height="60">` +
    `<rect width="160" height="60" fill="#1f3a5f"/>` +
    `<image href="http://127.0.0.1:${port}/tracker.png" width="10" height="10"/>` +
    `<script>window.top.svgRan = true; fetch('http://127.0.0.1:${port}/script')</script></svg>`;
  h = await startHarness({ author: 'Press Officer' });
  const logo = await h.api('attachment.add', { name: 'office-logo.svg', data: Buffer.from(svg).toString('base64'), fields: {} });
  kit = (await h.api('kit.create', { title: 'Office kit', language: 'en', items: [{ kind: 'attachment', id: logo.id }] })).id;
  await h.page.goto(h.server.launchUrl());
}, 60_000);

afterAll(async () => {
  await h?.close();
  await new Promise((done) => beacon?.close(done));
});

describe('an SVG drawing in web mode', () => {
  it('is its own preview in the attachments list, with nothing in it run or fetched', async () => {
    const page = h.page;
    await h.goto('#/attachments');
    const card = page.getByRole('listitem').filter({ hasText: 'office-logo.svg' });
    const img = card.locator('img.thumb');
    await img.waitFor();
    // Drawn: the picture decoded to its own size, not a broken image.
    expect(await img.evaluate(async (el: HTMLImageElement) => (await el.decode(), el.naturalWidth))).toBe(160);
    expect(await page.evaluate(() => (window as unknown as { svgRan?: boolean }).svgRan === true)).toBe(false);
    expect(asked).toEqual([]);
    await h.screenshot('svg-preview');
  }, 60_000);

  it('is said in the kit builder: named by the documents, not shown, with what to add instead', async () => {
    const page = h.page;
    await h.goto(`#/kits/${kit}`);
    await page.getByText('“office-logo.svg” is an SVG drawing: the Word and PDF documents name it in their list of files but cannot show the picture').waitFor();
    await page.evaluate(() => localStorage.setItem('dateline.uiLanguage', 'ar'));
    try {
      await page.goto(`${h.server.launchUrl()}#/kits/${kit}`);
      await page.getByText(/office-logo\.svg.*رسم بصيغة SVG/).waitFor();
    } finally {
      await page.evaluate(() => localStorage.setItem('dateline.uiLanguage', 'en'));
    }
    expect(asked).toEqual([]);
  }, 60_000);
});
