import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeFieldsT } from '../../electron/shared/documents';
import { CodePicker } from '../ui/CodePicker';
import { ListEditor } from '../ui/ListEditor';

export type OfficeMedia = Pick<OfficeFieldsT, 'country' | 'beats' | 'outdatedAfterMonths'>;

/**
 * An office's settings for its media list: its country (phone numbers typed without a country
 * code are read as this country's), the beats its contacts are filed under, and after how many
 * months an unverified contact is shown as outdated.
 */
export function OfficeMediaFields({ value, onChange }: { value: OfficeMedia; onChange: (v: OfficeMedia) => void }) {
  const { t } = useTranslation();
  const uid = useId();
  return (
    <fieldset>
      <legend>{t('officeMedia.legend')}</legend>
      {/* Aligned by their tops: the country has a line under its box, the months none. */}
      <div className="row row-top">
        <CodePicker
          kind="country"
          single
          label={t('officeMedia.country')}
          hint={t('officeMedia.countryHint')}
          values={value.country ? [value.country] : []}
          onChange={([country]) => onChange({ ...value, country: country ?? null })}
        />
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
