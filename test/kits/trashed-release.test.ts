import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KitExportResult } from '../../electron/shared/kits/contract';
import { setUpI18n } from '../../renderer/i18n';
import { errorText } from '../../renderer/i18n/errors';
import { core, fail, release } from '../core-harness';
import { tempDir } from '../helpers';
import { call, job, jobError } from './fixtures';

/**
 * A release moved to the trash after a kit took it: the kit keeps the item (the trash can be
 * undone), but neither its preview nor an export lets the release go out; both name it and say
 * how to go on. Restored from the trash, it goes out again.
 */

describe('a kit holding a release that is now in the trash', () => {
  it('is refused for preview and export, naming the release, until it is restored', async () => {
    const c = await core();
    const kept = await call<{ id: string }>(c, 'release.create', release({ headline: 'Schools reopen in Goma' }));
    const gone = await call<{ id: string }>(c, 'release.create', release());
    const kit = await call<{ id: string }>(c, 'kit.create', {
      title: 'Kasese water kit',
      language: 'en',
      items: [
        { kind: 'release', id: kept.id },
        { kind: 'release', id: gone.id },
      ],
    });
    await call(c, 'release.trash', { id: gone.id, rev: null });

    const previewed = await fail(c, 'kit.preview', { id: kit.id });
    expect(previewed).toMatchObject({ code: 'RELEASE_UNAVAILABLE', path: ['items', 1], params: { id: gone.id, reason: 'trashed', inKit: true } });
    expect(previewed.message).toContain('"Clean water reaches 40,000 people in Kasese"');

    const out = tempDir();
    const e = await jobError(c, 'kit.export', { id: kit.id, formats: ['docx'], outDir: out });
    expect(e).toMatchObject({ code: 'RELEASE_UNAVAILABLE', params: { id: gone.id, reason: 'trashed', inKit: true } });
    expect(readdirSync(out)).toEqual([]);
    expect(errorText(setUpI18n('en').t, e)).toBe(
      '“Clean water reaches 40,000 people in Kasese” is in the trash, so this kit cannot go out with it: restore it from the trash, or take it out of the kit.',
    );
    for (const lng of ['fr', 'es', 'ar']) {
      const text = errorText(setUpI18n(lng).t, e);
      expect(text, lng).toContain('Clean water reaches 40,000 people in Kasese');
      expect(text, lng).not.toBe(errorText(setUpI18n('en').t, e));
    }

    await call(c, 'release.untrash', { id: gone.id });
    const done = await job<KitExportResult>(c, 'kit.export', { id: kit.id, formats: ['docx'], outDir: join(out, 'again') });
    expect(done.files.map((f) => f.format)).toEqual(['docx']);
  });

  it('refuses a trashed language version ticked in the kit', async () => {
    const c = await core();
    const en = await call<{ id: string }>(c, 'release.create', release());
    const fr = await call<{ id: string }>(c, 'release.translate', { id: en.id, language: 'fr' });
    await call(c, 'release.update', { id: fr.id, fields: { headline: "L'eau potable arrive à Kasese" } });
    const kit = await call<{ id: string }>(c, 'kit.create', { title: 'K', language: 'en', items: [{ kind: 'release', id: en.id, languages: ['en', 'fr'] }] });
    await call(c, 'release.trash', { id: fr.id, rev: null });
    const e = await fail(c, 'kit.preview', { id: kit.id });
    expect(e).toMatchObject({ code: 'RELEASE_UNAVAILABLE', params: { id: fr.id, reason: 'trashed', inKit: true } });
    expect(e.message).toContain("L'eau potable arrive à Kasese");
  });
});
