import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { job, library } from '../core-harness';
import { tempDir } from '../helpers';
import { photo } from '../kits/fixtures';
import { call } from '../sync/library-state';

/**
 * A photo that came from another library (here on a sync file, files included) is listed with a
 * preview like one added here: the Attachments grid asks for a thumbnail only of what the list
 * says has one, so a photo whose preview was never made here showed as a grey "JPEG" box forever.
 */

describe('a photo from another library', () => {
  it('is listed with a preview, which the library makes when asked', async () => {
    const amman = await library('Amman laptop');
    const geneva = await library('Geneva HQ');
    const added = await call<{ id: string }>(amman, 'attachment.add', { name: 'zarqa-distribution.jpg', data: (await photo(1600, 1200, 3)).toString('base64') });
    const file = join(tempDir(), 'amman.dateline-sync');
    await job(amman, 'sync.export', { out: file, peer: null });
    await job(geneva, 'sync.import', { from: file });

    const listed = await call<{ items: { id: string; here: boolean; hasThumbnail: boolean }[] }>(geneva, 'attachment.list', {});
    expect(listed.items.map((a) => [a.id, a.here, a.hasThumbnail])).toEqual([[added.id, true, true]]);
    const thumb = await call<{ mediaType: string; data: string }>(geneva, 'attachment.content', { id: added.id, variant: 'thumbnail' });
    const meta = await sharp(Buffer.from(thumb.data, 'base64')).metadata();
    expect([thumb.mediaType, meta.format]).toEqual(['image/webp', 'webp']);
  });
});
