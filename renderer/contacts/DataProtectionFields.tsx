import { useTranslation } from 'react-i18next';
import { LEGAL_BASES, type DataProtection } from '../../electron/shared/documents';
import { DateField } from '../ui/DateField';
import { SelectField } from '../ui/SelectField';

export const NO_DATA_PROTECTION: DataProtection = {
  legalBasis: null,
  purpose: null,
  consentDate: null,
  consentSource: null,
  doNotContact: false,
  lastVerified: null,
};

/**
 * Why the office may hold the person's data: legal basis, purpose, consent (date and source),
 * do-not-contact, and when the details were last checked with the person.
 */
export function DataProtectionFields({ idPrefix, value, outdated, today, onChange }: { idPrefix: string; value: DataProtection; outdated: boolean; today: string; onChange: (v: DataProtection) => void }) {
  const { t } = useTranslation();
  const put = (patch: Partial<DataProtection>) => onChange({ ...value, ...patch });
  const text = (v: string) => (v.trim() === '' ? null : v);
  return (
    <fieldset>
      <legend>{t('contactFields.dataProtection')}</legend>
      {outdated && (
        <p className="warning" role="status">
          {t('contactFields.outdated')}
        </p>
      )}
      <div className="row">
        <SelectField
          id={`${idPrefix}-basis`}
          label={t('contactFields.legalBasis')}
          value={value.legalBasis ?? ''}
          choices={LEGAL_BASES.map((b) => ({ value: b, label: t(`contactFields.basis.${b}`) }))}
          none={t('contactFields.basisUnset')}
          onChange={(b) => put({ legalBasis: (b || null) as DataProtection['legalBasis'] })}
        />
        <div className="field grow">
          <label htmlFor={`${idPrefix}-purpose`}>{t('contactFields.purpose')}</label>
          <input id={`${idPrefix}-purpose`} dir="auto" value={value.purpose ?? ''} onChange={(e) => put({ purpose: text(e.target.value) })} />
        </div>
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor={`${idPrefix}-cdate`}>{t('contactFields.consentDate')}</label>
          <DateField id={`${idPrefix}-cdate`} value={value.consentDate ?? null} onChange={(consentDate) => put({ consentDate })} />
        </div>
        <div className="field grow">
          <label htmlFor={`${idPrefix}-csource`}>{t('contactFields.consentSource')}</label>
          <input id={`${idPrefix}-csource`} dir="auto" value={value.consentSource ?? ''} onChange={(e) => put({ consentSource: text(e.target.value) })} />
        </div>
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor={`${idPrefix}-verified`}>{t('contactFields.lastVerified')}</label>
          <DateField id={`${idPrefix}-verified`} value={value.lastVerified ?? null} onChange={(lastVerified) => put({ lastVerified })} />
        </div>
        <button type="button" onClick={() => put({ lastVerified: today })}>
          {t('contactFields.verifiedToday')}
        </button>
      </div>
      <label>
        <input type="checkbox" checked={value.doNotContact} onChange={(e) => put({ doNotContact: e.target.checked })} /> {t('contactFields.doNotContact')}
      </label>
      <p className="hint">{t('contactFields.doNotContactHint')}</p>
    </fieldset>
  );
}
