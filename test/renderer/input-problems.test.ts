import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index';
import { DB_FILE } from '../../electron/core/store/open';
import { INPUT_PROBLEMS, type ApiError } from '../../electron/shared/errors';
import { setUpI18n } from '../../renderer/i18n';
import { errorText } from '../../renderer/i18n/errors';
import { call, fail, jobFails, release } from '../core-harness';
import { tempDir } from '../helpers';

/**
 * Refusals no field's check words (sync set up without an office, an office logo that is no
 * image, a journalist as an office's press contact, a version in the release's own language, a
 * backup over the open library, a withdrawal of a release that never went out or already was):
 * raised by a real core, said in each interface language by their
 * reason, never in the core's English.
 */

const opened: Core[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

async function refusals(): Promise<Map<string, ApiError>> {
  const dir = tempDir();
  const c = await openCore(dir, { author: 'Amman laptop', sync: { retry: { attempts: 1 } } });
  opened.push(c);
  await c.ctx.sync!.whenReady();
  const got = new Map<string, ApiError>();
  const office = (await call<{ id: string }>(c, 'office.create', { name: 'Amman' })).id;
  got.set('syncNoOffice', await fail(c, 'sync.configure', { server: 'http://127.0.0.1:9', user: '', offices: [] }));
  got.set('syncNotSetUp', await fail(c, 'sync.now', {}));
  got.set('syncOfficeNotSynced', await fail(c, 'sync.createDatabase', { office }));
  const notes = (await call<{ id: string }>(c, 'attachment.add', { name: 'notes.txt', data: Buffer.from('Media list, October').toString('base64'), fields: {} })).id;
  got.set('logoNotImage', await fail(c, 'office.update', { id: office, rev: null, fields: { logo: notes } }));
  const journalist = (await call<{ id: string }>(c, 'contact.create', { kind: 'journalist', name: 'Peter Okoth' })).id;
  got.set('notSpokesperson', await fail(c, 'office.create', { name: 'Kampala', contacts: [journalist] }));
  const made = await call<{ id: string }>(c, 'release.create', release());
  got.set('alreadyInLanguage', await fail(c, 'release.translate', { id: made.id, language: 'en' }));
  got.set('withdrawDraft', await fail(c, 'release.withdraw', { id: made.id, rev: null, reason: 'Not needed.' }));
  const inReview = await call<{ id: string }>(c, 'release.create', release({ status: 'in-review' }));
  got.set('withdrawInReview', await fail(c, 'release.withdraw', { id: inReview.id, rev: null, reason: 'Not needed.' }));
  const out = await call<{ id: string }>(c, 'release.create', release({ status: 'released' }));
  await call(c, 'release.withdraw', { id: out.id, rev: null, reason: 'The figures were wrong.' });
  got.set('alreadyWithdrawn', await fail(c, 'release.withdraw', { id: out.id, rev: null, reason: 'Again.' }));
  got.set('backupOntoLibrary', await jobFails(c, 'library.backup', { out: join(dir, DB_FILE) }));
  return got;
}

describe('input refused for a reason of its own', () => {
  it('is raised with its reason and said in each language without the core’s English', async () => {
    const got = await refusals();
    // The refusals the core words by hand are raised in input-problems-by-hand.test.ts.
    expect(INPUT_PROBLEMS).toEqual(expect.arrayContaining([...got.keys()]));
    for (const [reason, error] of got) {
      expect(error.code, reason).toBe('INVALID_INPUT');
      expect(error.params?.reason, reason).toBe(reason);
      for (const lng of ['en', 'fr', 'es', 'ar']) {
        const said = errorText(setUpI18n(lng).t, error).replace(/[\u2068\u2069]/g, '');
        expect(said, `${reason} in ${lng}`).not.toContain('{{');
        if (lng !== 'en') {
          expect(said, `${reason} in ${lng}`).not.toContain(error.message);
          expect(said, `${reason} in ${lng}`).not.toBe(errorText(setUpI18n('en').t, error).replace(/[\u2068\u2069]/g, ''));
        }
      }
    }
    const fr = setUpI18n('fr').t;
    expect(errorText(fr, got.get('notSpokesperson')!).replace(/[\u2068\u2069]/g, '')).toContain('Peter Okoth est un journaliste');
    expect(errorText(fr, got.get('logoNotImage')!).replace(/[\u2068\u2069]/g, '')).toContain('« notes.txt » ne peut pas servir de logo : un dossier imprime son logo à partir d’une image PNG, JPEG ou WebP');
  });
});
