import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { attachmentWarnings } from '../../electron/core/kits/photo-warnings';
import type { KitAttachment } from '../../electron/core/kits/model';
import type { KitPreview } from '../../electron/shared/kits/contract';
import { addPhoto, call, dispose, openLibrary, photo } from './fixtures';

/**
 * A kit says, before anyone sends it, which of its photos show people who have not consented
 * (faces not hidden), which are marked sensitive, and which files' usage rights have run out.
 */

const opened: Core[] = [];
afterEach(() => {
  while (opened.length) dispose(opened.pop()!);
});

const credited = { caption: 'A well in Kasese', credit: 'J. Mukasa' };
const consent = (flags: Record<string, boolean> = {}) => ({
  consent: { consentObtained: false, faceRedacted: false, locationRedacted: false, nameRedacted: false, nameChanged: false, sensitive: false, ...flags },
});

describe('photos without consent, sensitive, or with expired rights', () => {
  it('are named in the kit warnings until they are dealt with', async () => {
    const c = await openLibrary();
    opened.push(c);
    const noConsent = await addPhoto(c, 'children.jpg', await photo(800, 600, 1), { ...credited, ...consent({ sensitive: true }) });
    // A photo nobody marked sensitive is asked for no consent: a landscape, a logo, a chart.
    const landscape = await addPhoto(c, 'river.jpg', await photo(800, 600, 7), credited);
    const consented = await addPhoto(c, 'nurse.jpg', await photo(800, 600, 2), { ...credited, ...consent({ consentObtained: true }) });
    const blurred = await addPhoto(c, 'queue.jpg', await photo(800, 600, 3), { ...credited, ...consent({ faceRedacted: true }) });
    const sensitive = await addPhoto(c, 'survivor.jpg', await photo(800, 600, 4), { ...credited, ...consent({ consentObtained: true, sensitive: true }) });
    const expired = await addPhoto(c, 'agency.jpg', await photo(800, 600, 5), { ...credited, ...consent({ consentObtained: true }), usageExpires: '2020-06-30' });
    const current = await addPhoto(c, 'drone.jpg', await photo(800, 600, 6), { ...credited, ...consent({ consentObtained: true }), usageExpires: '2999-12-31' });
    const kit = await call<{ id: string }>(c, 'kit.create', {
      title: 'Photos',
      // The photo without consent twice: said once.
      items: [noConsent, landscape, consented, blurred, sensitive, expired, current, noConsent].map((id) => ({ kind: 'attachment', id })),
    });
    const warned = async () =>
      (await call<KitPreview>(c, 'kit.preview', { id: kit.id })).warnings.filter((w) => w.code !== 'KIT_PHOTO_UNCREDITED').map((w) => [w.code, w.params]);
    expect(await warned()).toEqual([
      ['KIT_PHOTO_NO_CONSENT', { name: 'children.jpg' }],
      ['KIT_PHOTO_SENSITIVE', { name: 'survivor.jpg' }],
      ['KIT_RIGHTS_EXPIRED', { name: 'agency.jpg', date: '2020-06-30' }],
    ]);
    // Consent recorded, the photo still marked sensitive: a second look is still asked for.
    await call(c, 'attachment.update', { id: noConsent, rev: null, fields: consent({ consentObtained: true, sensitive: true }) });
    expect((await warned()).map(([code]) => code)).toEqual(['KIT_PHOTO_SENSITIVE', 'KIT_PHOTO_SENSITIVE', 'KIT_RIGHTS_EXPIRED']);
    await call(c, 'attachment.update', { id: noConsent, rev: null, fields: consent({ consentObtained: true }) });
    await call(c, 'attachment.update', { id: sensitive, rev: null, fields: consent({ consentObtained: true }) });
    await call(c, 'attachment.update', { id: expired, rev: null, fields: { usageExpires: '2999-01-01' } });
    expect(await warned()).toEqual([]);
  });

  it('count the rights as expired from the day they expire on', () => {
    const a = {
      id: 'a',
      originalName: 'agency.jpg',
      isImage: true,
      caption: 'A well',
      credit: 'J. Mukasa',
      usageExpires: '2026-12-07',
      ...consent({ consentObtained: true }),
    } as unknown as KitAttachment;
    expect(attachmentWarnings(a, '2026-12-06')).toEqual([]);
    expect(attachmentWarnings(a, '2026-12-07').map((w) => w.code)).toEqual(['KIT_RIGHTS_EXPIRED']);
  });
});
