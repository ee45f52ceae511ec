import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { richTextFromParagraphs } from '../../electron/shared/richtext';
import { startHarness, type Harness } from './harness';

/**
 * The release editor's "Dateline place" and "Release date" side by side on one line: their labels
 * and boxes start at the same height, though the date has a line under its box ("Understood as
 * …") that the place has not. Only a browser lays the page out, so this runs in real Chromium.
 */

let h: Harness;
let id: string;

beforeAll(async () => {
  h = await startHarness({ author: 'amina', viewport: { width: 1400, height: 900 } });
  ({ id } = await h.api('release.create', { headline: 'Boreholes in Kasese', language: 'en', datelinePlace: 'Kampala', releaseDate: '2026-11-30', body: richTextFromParagraphs(['Twelve boreholes.']) }));
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('the release editor', () => {
  it('lines up the dateline place with the release date, label with label and box with box', async () => {
    const { page } = h;
    await page.goto(`${h.server.launchUrl()}#/releases/${id}`);
    const place = page.getByLabel('Dateline place', { exact: true });
    const date = page.getByLabel('Release date', { exact: true });
    await page.getByText('Understood as').waitFor();
    const box = async (selector: string) => (await page.locator('#main label', { hasText: selector }).first().boundingBox())!;
    const [placeLabel, dateLabel, placeBox, dateBox] = await Promise.all([box('Dateline place'), box('Release date'), place.boundingBox(), date.boundingBox()]);
    expect(Math.abs(placeLabel.y - dateLabel.y)).toBeLessThan(2);
    expect(Math.abs(placeBox!.y - dateBox!.y)).toBeLessThan(2);
    await h.screenshot('editor-layout');
  });

  it('shows a long headline whole, wrapped, and keeps it on one line of text', async () => {
    const { page } = h;
    await page.goto(`${h.server.launchUrl()}#/releases/${id}`);
    const headline = page.getByLabel('Headline', { exact: true });
    await expect.poll(() => headline.inputValue()).toBe('Boreholes in Kasese');
    const oneLine = (await headline.boundingBox())!.height;
    const long = 'Twelve boreholes bring clean water to 40,000 people in Kasese district as the rains fail for a second season running';
    await headline.fill(long);
    // All of it in sight: the box grew to its text, nothing scrolled away inside it.
    const size = () => headline.evaluate((el) => ({ client: el.clientHeight, scroll: el.scrollHeight, width: el.clientWidth, scrollWidth: el.scrollWidth }));
    await expect.poll(async () => (await headline.boundingBox())!.height).toBeGreaterThan(oneLine * 1.5);
    const grown = await size();
    expect(grown.scroll).toBeLessThanOrEqual(grown.client + 1);
    expect(grown.scrollWidth).toBeLessThanOrEqual(grown.width + 1);
    // Enter adds no line break to a headline.
    await headline.press('End');
    await headline.press('Enter');
    expect(await headline.inputValue()).toBe(long);
    // Shortened, it is one line again.
    await headline.fill('Boreholes in Kasese');
    await expect.poll(async () => Math.round((await headline.boundingBox())!.height)).toBe(Math.round(oneLine));
  });
});
