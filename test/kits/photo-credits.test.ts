import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { KitPreview } from '../../electron/shared/kits/contract';
import { addPhoto, call, dispose, openLibrary, photo } from './fixtures';

/**
 * A press kit's photos are published by the press only with a caption and a credit: a kit that
 * holds a photo without both says so before anyone sends it.
 */

const opened: Core[] = [];
afterEach(() => {
  while (opened.length) dispose(opened.pop()!);
});

describe('photos without a caption or a credit', () => {
  it('are named in the kit warnings until both are written', async () => {
    const c = await openLibrary();
    opened.push(c);
    const bare = await addPhoto(c, 'camp.jpg', await photo(800, 600, 1));
    const captioned = await addPhoto(c, 'clinic.jpg', await photo(800, 600, 2), { caption: 'The mobile clinic in Bwera' });
    const whole = await addPhoto(c, 'well.jpg', await photo(800, 600, 3), { caption: 'A well in Kasese', credit: 'J. Mukasa' });
    const kit = await call<{ id: string }>(c, 'kit.create', {
      title: 'Photos',
      items: [bare, captioned, whole].map((id) => ({ kind: 'attachment', id })),
    });
    const warned = async () => (await call<KitPreview>(c, 'kit.preview', { id: kit.id })).warnings.filter((w) => w.code === 'KIT_PHOTO_UNCREDITED').map((w) => w.params?.name);
    expect(await warned()).toEqual(['camp.jpg', 'clinic.jpg']);
    await call(c, 'attachment.update', { id: bare, rev: null, fields: { caption: 'Shelters in the camp', credit: 'A. Rahman' } });
    await call(c, 'attachment.update', { id: captioned, rev: null, fields: { credit: 'A. Rahman' } });
    expect(await warned()).toEqual([]);
  });
});
