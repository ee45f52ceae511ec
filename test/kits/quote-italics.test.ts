import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchSystemChromium } from '../../electron/core/chromium';
import type { KitPreview } from '../../electron/shared/kits/contract';
import { call, dispose, makeKit, type KitFixture } from './fixtures';

/**
 * Quotes are set in italics, except in Arabic, which has no italic tradition. Each quote follows
 * its own direction, not the kit's: an English quote in an Arabic kit keeps its italics. The kit's
 * HTML (the same the PDF and kit-lite are printed from) is laid out by the real Chromium.
 */

let f: KitFixture;
let browser: Browser;

beforeAll(async () => {
  f = await makeKit({ photos: 0 });
  browser = await launchSystemChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (f) dispose(f.core);
});

async function quoteStyles(kitId: string): Promise<Record<string, string>> {
  const { html } = await call<KitPreview>(f.core, 'kit.preview', { id: kitId });
  const page = await browser.newPage();
  try {
    await page.setContent(html);
    return await page.evaluate(() =>
      Object.fromEntries([...document.querySelectorAll('blockquote.quote')].map((q) => [q.closest('[lang]')!.getAttribute('lang')!, getComputedStyle(q.querySelector('p')!).fontStyle])),
    );
  } finally {
    await page.close();
  }
}

describe('a quote in the kit', () => {
  it('is in italics in English and upright in Arabic, in an English kit', async () => {
    expect(await quoteStyles(f.kitId)).toEqual({ en: 'italic', ar: 'normal' });
  });

  it('is in italics in English and upright in Arabic, in an Arabic kit', async () => {
    const kit = await call<{ items: unknown[] }>(f.core, 'kit.get', { id: f.kitId });
    const ar = await call<{ id: string }>(f.core, 'kit.create', { title: 'ملف صحفي: المياه في كاسيسي', language: 'ar', office: f.officeId, items: kit.items });
    expect(await quoteStyles(ar.id)).toEqual({ en: 'italic', ar: 'normal' });
  });
});
