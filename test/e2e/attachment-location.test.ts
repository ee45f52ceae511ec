import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { photo } from '../kits/fixtures';
import { startHarness, type Harness } from './harness';

/**
 * A photo whose file records where it was taken says so on its page, before any export
 * removes it; a photo without a position, or a document, says nothing of the kind.
 */

let h: Harness;
let withGps = '';
let without = '';
const NOTICE = 'Location data: this photo’s file records where it was taken (GPS); every export removes it.';

beforeAll(async () => {
  h = await startHarness({ author: 'Press Officer' });
  const gps = await sharp(await photo(640, 480, 2))
    .withExif({ IFD0: { Artist: 'J. Mukasa' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '0/1 11/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '30/1 5/1 0/1' } })
    .jpeg()
    .toBuffer();
  withGps = (await h.api('attachment.add', { name: 'camp-entrance.jpg', data: gps.toString('base64'), fields: {} })).id;
  without = (await h.api('attachment.add', { name: 'borehole.jpg', data: (await photo(640, 480, 5)).toString('base64'), fields: {} })).id;
  await h.page.goto(h.server.launchUrl());
}, 60_000);

afterAll(async () => {
  await h?.close();
});

describe('an attachment’s location data', () => {
  it('is said on the page of a photo whose file holds a GPS position', async () => {
    await h.goto(`#/attachments/${withGps}`);
    await h.page.locator('img.preview').waitFor();
    await h.page.getByRole('note').filter({ hasText: NOTICE }).waitFor();
    await h.expectAccessible('attachment with location data');
    await h.screenshot('attachment-location');
  });

  it('is not said for a photo without one', async () => {
    await h.goto(`#/attachments/${without}`);
    await h.page.getByRole('heading', { name: 'borehole.jpg' }).waitFor();
    await h.page.locator('img.preview').waitFor();
    // The answer for this photo has come once the page has asked; nothing appears.
    await expect.poll(() => h.api('attachment.location', { id: without })).toEqual({ inFile: false });
    await h.page.waitForTimeout(300);
    expect(await h.page.getByText(NOTICE).count()).toBe(0);
  });
});
