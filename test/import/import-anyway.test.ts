import { afterAll, describe, expect, it } from 'vitest';
import { parseSource } from '../../electron/core/import/parse';
import { closeImportWorkers } from '../../electron/core/import/run';
import type { ImportPreview } from '../../electron/shared/import/contract';
import { call, core, fail } from '../core-harness';
import { ROUNDUP } from './helpers';

/**
 * "Import it anyway": a release the importer takes for a list of stories (or for no release at
 * all) is read when the person says so, with `allowNotARelease`. Without it the refusal stands;
 * with it, only that judgement is skipped: an empty, binary or unreadable source is still refused.
 */

const WHO_WE_ARE = [
  'What we do',
  'Clean water and safe latrines keep children in school and out of the clinics. In the districts where our engineers work, one family in three still walks for more than an hour to fetch water.',
  'We build and repair water points with the villages that use them, and train a committee in each village to keep them running long after the engineers have gone.',
].join('\n\n');

afterAll(async () => {
  await closeImportWorkers();
});

describe('reading a refused page anyway', () => {
  it('refuses a release laid out like a list of stories, and reads it when the person says it is a release', async () => {
    await expect(parseSource({ name: 'roundup.txt', text: ROUNDUP })).rejects.toMatchObject({ code: 'NOT_A_RELEASE' });
    const read = await parseSource({ name: 'roundup.txt', text: ROUNDUP, allowNotARelease: true });
    expect(read.release.headline).toBe('What the winter appeal paid for in the valley');
    expect(read.release.body.join('\n')).toContain('two boats now carry the health teams');
    expect(read.release.body.join('\n')).toContain('seen within a day rather than a week');
  });

  it('reads a page that looks like one a site keeps about itself, and a title standing alone, when asked', async () => {
    await expect(parseSource({ name: 'work.txt', text: WHO_WE_ARE })).rejects.toMatchObject({ code: 'NOT_A_RELEASE', params: { reason: 'standing' } });
    const work = await parseSource({ name: 'work.txt', text: WHO_WE_ARE, allowNotARelease: true });
    expect(work.release.body.join('\n')).toContain('train a committee in each village');

    const title = 'Vaccination rates fall across the region as clinics close for the winter';
    await expect(parseSource({ name: 'title.txt', text: title })).rejects.toMatchObject({ code: 'NOT_A_RELEASE', params: { reason: 'noText' } });
    expect((await parseSource({ name: 'title.txt', text: title, allowNotARelease: true })).release.headline).toBe(title);
  });

  it('skips nothing else: an empty text, an empty file and a binary file are still refused', async () => {
    await expect(parseSource({ name: 'blank.txt', text: '   \n  ', allowNotARelease: true })).rejects.toMatchObject({ code: 'EMPTY_FILE' });
    await expect(parseSource({ name: 'empty.txt', bytes: new Uint8Array(), allowNotARelease: true })).rejects.toMatchObject({ code: 'EMPTY_FILE' });
    const binary = new Uint8Array(2048).map((_, i) => (i * 7) % 9);
    await expect(parseSource({ name: 'photo.txt', bytes: binary, allowNotARelease: true })).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
  });
});

describe('import.preview with allowNotARelease, through the dispatcher and the worker', () => {
  it('refuses without the flag, reads with it, and the reviewed draft stores like any other', async () => {
    const c = await core();
    const refused = await fail(c, 'import.preview', { name: 'roundup.txt', text: ROUNDUP });
    expect(refused.code).toBe('NOT_A_RELEASE');
    expect((await fail(c, 'import.preview', { name: 'roundup.txt', text: ROUNDUP, allowNotARelease: false })).code).toBe('NOT_A_RELEASE');

    const preview = await call<ImportPreview>(c, 'import.preview', { name: 'roundup.txt', text: ROUNDUP, allowNotARelease: true });
    expect(preview.release.headline).toBe('What the winter appeal paid for in the valley');
    const stored = await call<{ id: string }>(c, 'import.commit', {
      release: { ...preview.release, releaseDate: '2026-04-02' },
      contacts: [],
      source: { name: 'roundup.txt', text: ROUNDUP },
    });
    const release = await call<{ headline: string }>(c, 'release.get', { id: stored.id });
    expect(release.headline).toBe('What the winter appeal paid for in the valley');
  });

  it('takes the flag only as a boolean, and only on import.preview', async () => {
    const c = await core();
    const wrong = await fail(c, 'import.preview', { name: 'roundup.txt', text: ROUNDUP, allowNotARelease: 'yes' });
    expect(wrong.code).toBe('INVALID_INPUT');
    expect(wrong.message).toMatch(/allowNotARelease/u);
    // The original kept with a release is a source, not a request: the flag has no place in it.
    const commit = await fail(c, 'import.commit', {
      release: { headline: 'x', subheadline: null, datelinePlace: null, releaseDate: null, embargo: null, language: 'en', body: [], quotes: [], notesToEditors: null, boilerplate: null, endMark: null },
      source: { name: 'roundup.txt', text: ROUNDUP, allowNotARelease: true },
    });
    expect(commit.code).toBe('INVALID_INPUT');
  });
});
