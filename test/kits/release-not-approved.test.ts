import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { KitPreview } from '../../electron/shared/kits/contract';
import { setUpI18n } from '../../renderer/i18n';
import { warningText } from '../../renderer/i18n/warnings';
import { body, call, dispose, openLibrary } from './fixtures';

/**
 * A kit holding a release nobody has approved yet (a draft, or one still in review) says so
 * before anyone sends it, once a release; its page says it is a draft not for publication
 * (draft-line.test.ts).
 */

const opened: Core[] = [];
afterEach(() => {
  while (opened.length) dispose(opened.pop()!);
});

const release = (c: Core, headline: string, status: string) =>
  call<{ id: string }>(c, 'release.create', { headline, language: 'en', datelinePlace: 'Kampala', releaseDate: '2026-11-30', status, body: body(['Twelve boreholes.']) });

describe('a kit with releases not approved yet', () => {
  it('names each draft and each release in review in its warnings until they are approved', async () => {
    const c = await openLibrary();
    opened.push(c);
    const draft = await release(c, 'Boreholes in Kasese', 'draft');
    const review = await release(c, 'Clinics in Bwera', 'in-review');
    const approved = await release(c, 'Schools in Kisoro', 'approved');
    const released = await release(c, 'Roads in Kabale', 'released');
    const kit = await call<{ id: string }>(c, 'kit.create', {
      title: 'Kasese',
      // The draft twice: said once.
      items: [draft, review, approved, released, draft].map((r) => ({ kind: 'release', id: r.id })),
    });
    const warned = async () =>
      (await call<KitPreview>(c, 'kit.preview', { id: kit.id })).warnings.filter((w) => w.code === 'KIT_RELEASE_DRAFT' || w.code === 'KIT_RELEASE_IN_REVIEW').map((w) => [w.code, w.params?.headline]);
    expect(await warned()).toEqual([
      ['KIT_RELEASE_DRAFT', 'Boreholes in Kasese'],
      ['KIT_RELEASE_IN_REVIEW', 'Clinics in Bwera'],
    ]);
    await call(c, 'release.update', { id: draft.id, rev: null, fields: { status: 'approved' } });
    await call(c, 'release.update', { id: review.id, rev: null, fields: { status: 'approved' } });
    expect(await warned()).toEqual([]);
  });

  it('is said in each interface language', () => {
    for (const lng of ['en', 'fr', 'es', 'ar']) {
      const t = setUpI18n(lng).t;
      for (const code of ['KIT_RELEASE_DRAFT', 'KIT_RELEASE_IN_REVIEW'] as const) {
        const said = warningText(t, { code, message: 'English', params: { headline: 'Boreholes in Kasese' } });
        expect(said).toContain('Boreholes in Kasese');
        expect(said).not.toBe('English');
      }
    }
  });
});
