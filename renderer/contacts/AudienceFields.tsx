import { useTranslation } from 'react-i18next';
import { CountrySchema, LanguageSchema } from '../../electron/shared/documents';
import { countryName, languageName } from '../ui/languages';
import { ListEditor } from '../ui/ListEditor';

/**
 * The languages a contact or an outlet works in, as codes, with their names shown in the
 * interface's language under the list (contacts and outlets edit them the same way).
 */
export function LanguagesField({ values, onChange }: { values: string[]; onChange: (languages: string[]) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <ListEditor
        label={t('contacts.languages')}
        hint={t('contacts.languagesHint')}
        values={values}
        onChange={onChange}
        normalise={(v) => v.trim()}
        validate={(v) => (LanguageSchema.safeParse(v).success ? null : t('contacts.languageInvalid', { value: v }))}
      />
      {values.length > 0 && <p className="hint">{values.map((l) => languageName(l, i18n.language)).join(t('common.listSeparator'))}</p>}
    </>
  );
}

/** The countries a contact or an outlet covers, as ISO codes, with their names under the list. */
export function CountriesField({ values, onChange }: { values: string[]; onChange: (countries: string[]) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <ListEditor
        label={t('contacts.countries')}
        hint={t('contacts.countriesHint')}
        values={values}
        onChange={onChange}
        normalise={(v) => v.trim().toUpperCase()}
        validate={(v) => (CountrySchema.safeParse(v).success ? null : t('contacts.countryInvalid', { value: v }))}
      />
      {values.length > 0 && <p className="hint">{values.map((c) => countryName(c, i18n.language)).join(t('common.listSeparator'))}</p>}
    </>
  );
}
