import { useTranslation } from 'react-i18next';
import { CountrySchema, LanguageSchema } from '../../electron/shared/documents';
import { countryName, languageName } from '../ui/languages';
import { ListEditor } from '../ui/ListEditor';

/** The lists of codes a contact or an outlet has: the words of each, how a typed value is read and checked, and how a code is named. */
const CODE_LISTS = {
  languages: {
    label: 'contacts.languages',
    hint: 'contacts.languagesHint',
    invalid: 'contacts.languageInvalid',
    normalise: (v: string) => v.trim(),
    schema: LanguageSchema,
    nameOf: languageName,
  },
  countries: {
    label: 'contacts.countries',
    hint: 'contacts.countriesHint',
    invalid: 'contacts.countryInvalid',
    normalise: (v: string) => v.trim().toUpperCase(),
    schema: CountrySchema,
    nameOf: countryName,
  },
} as const;

type CodesProps = { values: string[]; onChange: (codes: string[]) => void };

/** A list of codes, each checked before it is added, with their names in the interface's language shown under the list. */
function CodesField({ list, values, onChange }: CodesProps & { list: keyof typeof CODE_LISTS }) {
  const { t, i18n } = useTranslation();
  const { label, hint, invalid, normalise, schema, nameOf } = CODE_LISTS[list];
  return (
    <>
      <ListEditor label={t(label)} hint={t(hint)} values={values} onChange={onChange} normalise={normalise} validate={(v) => (schema.safeParse(v).success ? null : t(invalid, { value: v }))} />
      {values.length > 0 && <p className="hint">{values.map((c) => nameOf(c, i18n.language)).join(t('common.listSeparator'))}</p>}
    </>
  );
}

/**
 * The languages a contact or an outlet works in, as codes, with their names shown in the
 * interface's language under the list (contacts and outlets edit them the same way).
 */
export const LanguagesField = (props: CodesProps) => <CodesField list="languages" {...props} />;

/** The countries a contact or an outlet covers, as ISO codes, with their names under the list. */
export const CountriesField = (props: CodesProps) => <CodesField list="countries" {...props} />;
