import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { richTextFromParagraphs } from '../../electron/shared/richtext';
import { startHarness, type Harness } from './harness';

/**
 * The Trash screen laid out as the other screens are: its heading at the start of the page under
 * the crumb that leads back to the releases, and "Empty the trash…" a button of its own width,
 * not a bar across the page. Only a browser lays the page out, so this runs in real Chromium.
 */

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ author: 'amina', viewport: { width: 1400, height: 900 } });
  const r = await h.api('release.create', { headline: 'Boreholes in Kasese', language: 'en', datelinePlace: 'Kampala', releaseDate: '2026-11-30', body: richTextFromParagraphs(['Twelve boreholes.']) });
  await h.api('release.trash', { id: r.id, rev: r.rev });
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('the Trash screen', () => {
  it('puts its heading under the crumb at the start, and its Empty button at its own width', async () => {
    const { page } = h;
    await page.goto(`${h.server.launchUrl()}#/releases/trash`);
    const heading = page.getByRole('heading', { name: 'Trash', level: 1 });
    const crumb = page.locator('#main .crumbs a', { hasText: 'Releases' });
    const empty = page.getByRole('button', { name: 'Empty the trash…' });
    await empty.waitFor();
    const [h1, back, button, list] = await Promise.all([heading.boundingBox(), crumb.boundingBox(), empty.boundingBox(), page.getByRole('list', { name: 'Trash' }).boundingBox()]);
    // Under the crumb, and starting where it starts (within a pixel or two of rounding).
    expect(h1!.y).toBeGreaterThan(back!.y + back!.height - 1);
    expect(Math.abs(h1!.x - back!.x)).toBeLessThan(2);
    // A button as wide as its words, at the start of the line.
    expect(button!.width).toBeLessThan(list!.width / 3);
    expect(Math.abs(button!.x - list!.x)).toBeLessThan(2);
    await h.screenshot('trash-layout');
  });
});
