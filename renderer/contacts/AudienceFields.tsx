import { useTranslation } from 'react-i18next';
import { CodePicker } from '../ui/CodePicker';

type CodesProps = { values: string[]; onChange: (codes: string[]) => void };

/**
 * The languages a contact or an outlet works in, chosen by name and stored as their codes
 * (contacts and outlets edit them the same way).
 */
export function LanguagesField(props: CodesProps) {
  const { t } = useTranslation();
  return <CodePicker kind="language" label={t('contacts.languages')} hint={t('contacts.languagesHint')} {...props} />;
}

/** The countries a contact or an outlet covers, chosen by name and stored as ISO codes. */
export function CountriesField(props: CodesProps) {
  const { t } = useTranslation();
  return <CodePicker kind="country" label={t('contacts.countries')} hint={t('contacts.countriesHint')} {...props} />;
}
