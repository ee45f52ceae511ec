// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { CONTACT_LIMITS } from '../../electron/shared/documents';
import { INPUT_ISSUES, type ApiError } from '../../electron/shared/errors';
import { setUpI18n } from '../../renderer/i18n';
import { errorText } from '../../renderer/i18n/errors';
import { ErrorMessage } from '../../renderer/ui/ErrorMessage';
import { call, core, fail, jobFails, release } from '../core-harness';
import { tempDir } from '../helpers';

/**
 * Input the core refused, said in the person's language with the field's label: the French
 * read « Vérifiez le champ « Nom » : String must contain at most 200 character(s) ».
 */

const said = (lng: string, error: ApiError) => errorText(setUpI18n(lng).t, error);
/** Words of zod's English (and the core's) that must not reach a French, Spanish or Arabic reader. */
const ENGLISH = /\b(too|big|expected|string|characters?|invalid|input|must|received|contain)\b/i;

function shown(lng: string, error: ApiError): string {
  const i18n = setUpI18n(lng);
  const { unmount } = render(
    <I18nextProvider i18n={i18n}>
      <ErrorMessage error={error} />
    </I18nextProvider>,
  );
  const text = screen.getByRole('alert').textContent ?? '';
  unmount();
  return text;
}

describe('a refused field in the person’s language', () => {
  it('says a contact’s name too long in French and Arabic with the form’s label and the limit, no English', async () => {
    const c = await core();
    const error = await fail(c, 'contact.create', { kind: 'journalist', name: 'x'.repeat(CONTACT_LIMITS.name + 1) });
    expect(error.code).toBe('INVALID_INPUT');
    const limit = CONTACT_LIMITS.name;
    expect(shown('en', error)).toBe(`Check the field “Name”: it can hold at most ${limit} characters.`);
    const fr = shown('fr', error);
    expect(fr).toBe(`Vérifiez le champ « Nom » : il peut contenir au plus ${limit.toLocaleString('fr')} caractères.`);
    const ar = shown('ar', error);
    expect(ar).toContain('راجع الحقل «');
    expect(ar).toContain(setUpI18n('ar').t('contacts.name'));
    expect(ar).toContain('لا يتسع لأكثر من');
    for (const text of [fr, ar]) {
      expect(text).not.toContain(error.message);
      expect(text).not.toMatch(ENGLISH);
      expect(text).not.toContain('name');
    }
  });

  it('names another document’s field by its editor’s label: a release’s headline too long, its date not a date', async () => {
    const c = await core();
    const long = await fail(c, 'release.create', release({ headline: 'x'.repeat(1001) }));
    expect(said('fr', long)).toMatch(/^Vérifiez le champ « Titre » : il peut contenir au plus .+ caractères\.$/u);
    const date = await fail(c, 'release.create', release({ releaseDate: '3 December' }));
    expect(said('fr', date)).toBe(`Vérifiez le champ « ${setUpI18n('fr').t('releases.releaseDate')} » : ce n’est pas une date.`);
    expect(said('es', date)).toBe(`Revise el campo «${setUpI18n('es').t('releases.releaseDate')}»: no es una fecha.`);
  });

  it('says a phone number refused by what is wrong with it, as the contact import does', async () => {
    const c = await core();
    const error = await fail(c, 'contact.create', { kind: 'journalist', name: 'Amina', phones: [{ type: 'work', number: '+41 22 abc', visibility: 'public' }] });
    const fr = said('fr', error);
    expect(fr).toContain('ce n’est pas un numéro de téléphone : il contient « a »');
    expect(fr).not.toMatch(ENGLISH);
  });

  it('has words for every issue the core can send, in every language', () => {
    for (const issue of INPUT_ISSUES) {
      const error: ApiError = {
        code: 'INVALID_INPUT',
        message: 'ENGLISH DETAIL FROM THE CORE',
        params: { method: 'release.update', field: 'fields.headline', issue, limit: 3, values: ['draft', 'approved'], keys: ['hedline'], phone: 'noDigits' },
      };
      const en = said('en', error);
      for (const lng of ['en', 'fr', 'es', 'ar']) {
        const text = said(lng, error);
        expect(text, `${lng} ${issue}`).not.toContain('ENGLISH DETAIL');
        expect(text, `${lng} ${issue}`).not.toContain('{{');
        expect(text, `${lng} ${issue}`).not.toContain('errors.');
        if (lng !== 'en') expect(text, `${lng} ${issue}`).not.toBe(en);
      }
    }
  });

  it('says a kit that cannot be exported as it is (empty, too long, with a withdrawn release) in every language', async () => {
    const c = await core();
    const { id } = await call<{ id: string }>(c, 'kit.create', { title: 'Empty kit' });
    const empty = await jobFails(c, 'kit.export', { id, formats: ['docx'], outDir: tempDir() });
    expect(empty).toMatchObject({ code: 'INVALID_INPUT', params: { reason: 'kitEmpty', title: 'Empty kit' } });
    expect(said('fr', empty)).toBe('Le dossier de presse « Empty kit » n’a encore aucun élément : ajoutez un communiqué, une photo, un contact ou une section avant de l’exporter.');
    for (const reason of ['kitEmpty', 'kitTooLong', 'kitWithdrawn']) {
      const error: ApiError = { code: 'INVALID_INPUT', message: 'ENGLISH DETAIL FROM THE CORE', params: { reason, title: 'Kasese', headline: 'Boreholes', blocks: 20500, limit: 20000 } };
      for (const lng of ['fr', 'es', 'ar']) {
        const text = said(lng, error);
        expect(text, `${lng} ${reason}`).not.toContain('ENGLISH DETAIL');
        expect(text, `${lng} ${reason}`).not.toContain('{{');
      }
    }
  });

  it('keeps the core’s English, said to be English, only for an issue this window does not know', () => {
    const error: ApiError = { code: 'INVALID_INPUT', message: 'headline: something new', params: { method: 'release.update', field: 'fields.headline', issue: 'fromANewerDateline' } };
    expect(said('fr', error)).toBe('Vérifiez le champ « Titre » (détail en anglais : headline: something new)');
  });
});
