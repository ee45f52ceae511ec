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
  /** A line of text of the record; left blank, it is not set. */
  const textField = (field: 'purpose' | 'consentSource', id: string, label: string) => (
    <div className="field grow">
      <label htmlFor={`${idPrefix}-${id}`}>{label}</label>
      <input id={`${idPrefix}-${id}`} dir="auto" value={value[field] ?? ''} onChange={(e) => put({ [field]: e.target.value.trim() === '' ? null : e.target.value })} />
    </div>
  );
  const dateField = (field: 'consentDate' | 'lastVerified', id: string, label: string) => (
    <div className="field">
      <label htmlFor={`${idPrefix}-${id}`}>{label}</label>
      <DateField id={`${idPrefix}-${id}`} value={value[field] ?? null} onChange={(date) => put({ [field]: date })} />
    </div>
  );
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
        {textField('purpose', 'purpose', t('contactFields.purpose'))}
      </div>
      <div className="row">
        {dateField('consentDate', 'cdate', t('contactFields.consentDate'))}
        {textField('consentSource', 'csource', t('contactFields.consentSource'))}
      </div>
      <div className="row">
        {dateField('lastVerified', 'verified', t('contactFields.lastVerified'))}
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
