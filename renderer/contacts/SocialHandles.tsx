import { useTranslation } from 'react-i18next';
import type { ContactFieldsT } from '../../electron/shared/documents';

type Handle = NonNullable<ContactFieldsT['socialHandles']>[number];

/** Social media handles: a network and a handle per row. */
export function SocialHandles({ idPrefix, values, onChange }: { idPrefix: string; values: Handle[]; onChange: (v: Handle[]) => void }) {
  const { t } = useTranslation();
  const put = (i: number, patch: Partial<Handle>) => onChange(values.map((h, j) => (j === i ? { ...h, ...patch } : h)));
  return (
    <fieldset>
      <legend>{t('contactFields.social')}</legend>
      {values.map((h, i) => (
        <div className="row" key={i}>
          <div className="field">
            <label htmlFor={`${idPrefix}-${i}-net`}>{t('contactFields.network', { n: i + 1 })}</label>
            <input id={`${idPrefix}-${i}-net`} value={h.network} onChange={(e) => put(i, { network: e.target.value })} />
          </div>
          <div className="field grow">
            <label htmlFor={`${idPrefix}-${i}-handle`}>{t('contactFields.handle', { n: i + 1 })}</label>
            <input id={`${idPrefix}-${i}-handle`} dir="ltr" value={h.handle} onChange={(e) => put(i, { handle: e.target.value })} />
          </div>
          <button type="button" className="link-button" onClick={() => onChange(values.filter((_, j) => j !== i))}>
            {t('contactFields.removeHandle', { n: i + 1 })}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...values, { network: '', handle: '' }])}>
        {t('contactFields.addHandle')}
      </button>
    </fieldset>
  );
}
