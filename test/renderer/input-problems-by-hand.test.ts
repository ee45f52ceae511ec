import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownToRichText } from '../../electron/core/markdown';
import { DatelineError, INPUT_PROBLEMS, type ApiError } from '../../electron/shared/errors';
import { MAX_JSON_DEPTH } from '../../electron/shared/nesting';
import { setUpI18n } from '../../renderer/i18n';
import { errorText } from '../../renderer/i18n/errors';
import { call, core, fail, jobFails, release } from '../core-harness';
import { tempDir } from '../helpers';

/**
 * The refusals the core words by hand (not by a field's schema) carry their reason, so the
 * window says them in the person's language, never in the core's English; a release is not
 * created withdrawn; a value refused as not one of a list is listed by the interface's names.
 */

const said = (lng: string, error: ApiError) => errorText(setUpI18n(lng).t, error).replace(/[\u2068\u2069]/g, '');
const LANGUAGES = ['en', 'fr', 'es', 'ar'];

function thrown(f: () => unknown): ApiError {
  try {
    f();
  } catch (e) {
    if (e instanceof DatelineError) return e.toApiError();
    throw e;
  }
  throw new Error('expected a refusal');
}

/** The refusals a real core raises for a person's action, by their reason. */
async function raised(): Promise<Map<string, ApiError>> {
  const c = await core();
  const got = new Map<string, ApiError>();
  got.set('createdWithdrawn', await fail(c, 'release.create', release({ status: 'withdrawn' })));
  let deep: unknown = 'x';
  for (let i = 0; i <= MAX_JSON_DEPTH; i++) deep = [deep];
  got.set('nestedTooDeep', await fail(c, 'release.create', release({ tags: deep })));
  got.set('markdownTooDeep', thrown(() => markdownToRichText(`${'> '.repeat(40)}Deep.`)));
  got.set('staleCursor', await fail(c, 'release.list', { limit: 10, cursor: 'bm90IGEgY3Vyc29y' }));
  const made = await call<{ id: string }>(c, 'release.create', release({ headline: 'Kasese water points open' }));
  got.set('notInTrash', await fail(c, 'release.untrash', { id: made.id }));
  got.set('notLinked', await fail(c, 'release.unlink', { id: made.id }));
  const csv = join(tempDir(), 'media.csv');
  writeFileSync(csv, 'Nom,Courriel\nAmina Yusuf,amina@example.org\n');
  got.set('mappingNoColumns', await jobFails(c, 'contact.importFile', { path: csv, commit: false, mapping: { 'Full name': 'name' } }));
  c.close();
  return got;
}

describe('refusals the core words by hand', () => {
  it('are raised with their reason and said in each language without the core’s English', async () => {
    const got = await raised();
    for (const [reason, error] of got) {
      expect(error.code, reason).toBe('INVALID_INPUT');
      expect(error.params?.reason, reason).toBe(reason);
      const en = said('en', error);
      for (const lng of LANGUAGES) {
        const text = said(lng, error);
        expect(text, `${reason} in ${lng}`).not.toContain('{{');
        expect(text, `${reason} in ${lng}`).not.toContain(error.message);
        if (lng !== 'en') expect(text, `${reason} in ${lng}`).not.toBe(en);
      }
    }
    expect(said('fr', got.get('notInTrash')!)).toBe('Le communiqué « Kasese water points open » n’est pas dans la corbeille (il a peut-être été restauré entre-temps) ; rien n’a été modifié.');
    expect(said('es', got.get('mappingNoColumns')!)).toBe('La correspondencia de columnas no nombra ninguna columna del archivo. El archivo tiene: Nom, Courriel.');
    expect(said('ar', got.get('markdownTooDeep')!)).toContain('20');
  });

  it('has words for every reason in every language, filled from what the core sends', () => {
    const params = { headline: 'Kasese', name: '_rev', field: 'headline', headers: ['Nom', 'Courriel'], path: 'exports', n: 2, email: 'amina@', number: '+41 22 abc', phone: 'character', char: 'a', max: 100, line: 3, depth: 40 };
    for (const reason of INPUT_PROBLEMS) {
      const error: ApiError = { code: 'INVALID_INPUT', message: 'ENGLISH DETAIL FROM THE CORE', params: { ...params, reason } };
      const en = said('en', error);
      for (const lng of LANGUAGES) {
        const text = said(lng, error);
        expect(text, `${reason} in ${lng}`).not.toContain('ENGLISH DETAIL');
        expect(text, `${reason} in ${lng}`).not.toContain('{{');
        expect(text, `${reason} in ${lng}`).not.toContain(`inputProblems.${reason}`);
        if (lng !== 'en') expect(text, `${reason} in ${lng}`).not.toBe(en);
      }
    }
    const phone: ApiError = { code: 'INVALID_INPUT', message: 'x', params: { ...params, reason: 'importContactPhone' } };
    expect(said('fr', phone)).toContain('« +41 22 abc » n’est pas un numéro de téléphone : il contient « a »');
  });
});

describe('a release created withdrawn', () => {
  it('is refused, as release.update refuses withdrawing a release that never went out, and nothing is stored', async () => {
    const c = await core();
    const refused = await fail(c, 'release.create', release({ status: 'withdrawn' }));
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', path: ['status'], params: { reason: 'createdWithdrawn' } });
    expect((await call<{ total: number }>(c, 'release.list', { limit: 10 })).total).toBe(0);
    // Approved, then withdrawn: the way a release is withdrawn.
    const out = await call<{ id: string; rev: string }>(c, 'release.create', release({ status: 'approved' }));
    await call(c, 'release.withdraw', { id: out.id, rev: out.rev, reason: 'The figures were wrong.' });
    expect(await call(c, 'release.get', { id: out.id })).toMatchObject({ status: 'withdrawn' });
    c.close();
  });
});

describe('a value that is not one of a list', () => {
  it('is refused with the values as the interface names them, not as they are stored', async () => {
    const c = await core();
    const made = await call<{ id: string; rev: string }>(c, 'release.create', release());
    const error = await fail(c, 'release.update', { id: made.id, rev: made.rev, fields: { status: 'in_review' } });
    expect(error.params).toMatchObject({ issue: 'notOneOf' });
    expect(said('en', error)).toContain('Draft, In review, Approved, Released, Withdrawn');
    for (const lng of ['fr', 'es', 'ar']) {
      const t = setUpI18n(lng).t;
      const text = said(lng, error);
      expect(text, lng).toContain(t('status.in-review'));
      expect(text, lng).not.toContain('in-review');
    }
    const contact = await fail(c, 'contact.create', { kind: 'reporter', name: 'Amina Yusuf' });
    expect(said('fr', contact)).toContain(`${setUpI18n('fr').t('contacts.kind.spokesperson')}`);
    expect(said('fr', contact)).not.toContain('spokesperson');
    c.close();
  });
});
