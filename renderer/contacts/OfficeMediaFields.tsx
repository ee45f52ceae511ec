import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CountrySchema, type OfficeFieldsT } from '../../electron/shared/documents';
import { countryName } from '../ui/languages';
import { ListEditor } from '../ui/ListEditor';

export type OfficeMedia = Pick<OfficeFieldsT, 'country' | 'beats' | 'outdatedAfterMonths'>;

/**
 * An office's settings for its media list: its country (phone numbers typed without a country
 * code are read as this country's), the beats its contacts are filed under, and after how many
 * months an unverified contact is shown as outdated.
 */
export function OfficeMediaFields({ value, onChange }: { value: OfficeMedia; onChange: (v: OfficeMedia) => void }) {
  const { t, i18n } = useTranslation();
  const uid = useId();
  const country = value.country ?? '';
  const countryOk = country === '' || CountrySchema.safeParse(country).success;
  return (
    <fieldset>
      <legend>{t('officeMedia.legend')}</legend>
      <div className="row">
        <div className="field">
          <label htmlFor={`${uid}-country`}>{t('officeMedia.country')}</label>
          <input
            id={`${uid}-country`}
            dir="ltr"
            maxLength={2}
            value={country}
            aria-invalid={countryOk ? undefined : true}
            aria-describedby={`${uid}-country-hint`}
            onChange={(e) => onChange({ ...value, country: e.target.value.trim().toUpperCase() || null })}
          />
          <p className="hint" id={`${uid}-country-hint`}>
            {countryOk ? (country ? countryName(country, i18n.language) : t('officeMedia.countryHint')) : t('contacts.countryInvalid', { value: country })}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${uid}-months`}>{t('officeMedia.outdatedAfter')}</label>
          <input
            id={`${uid}-months`}
            type="number"
            min={1}
            max={120}
            value={value.outdatedAfterMonths ?? ''}
            onChange={(e) => onChange({ ...value, outdatedAfterMonths: e.target.value === '' ? null : Math.max(1, Math.min(120, Math.round(Number(e.target.value)))) })}
          />
        </div>
      </div>
      <ListEditor label={t('officeMedia.beats')} hint={t('officeMedia.beatsHint')} values={value.beats ?? []} onChange={(beats) => onChange({ ...value, beats })} />
    </fieldset>
  );
}
