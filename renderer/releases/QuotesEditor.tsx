import { useTranslation } from 'react-i18next';
import type { Quote } from '../../electron/shared/documents';

/** Quotes with their speakers; a quote is saved once it has text. */
export function QuotesEditor({ quotes, dir, onChange }: { quotes: Quote[]; dir: 'ltr' | 'rtl'; onChange: (q: Quote[]) => void }) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<Quote>) => onChange(quotes.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  return (
    <fieldset className="quotes">
      <legend>{t('releases.quotes')}</legend>
      {quotes.length === 0 && <p className="muted">{t('releases.noQuotes')}</p>}
      {quotes.map((q, i) => (
        <div className="quote" key={i}>
          <div className="field">
            <label htmlFor={`quote-${i}-text`}>{t('releases.quoteText', { n: i + 1 })}</label>
            <textarea id={`quote-${i}-text`} dir={dir} rows={3} value={q.text} onChange={(e) => set(i, { text: e.target.value })} />
          </div>
          <div className="row">
            <div className="field">
              <label htmlFor={`quote-${i}-speaker`}>{t('releases.speaker')}</label>
              <input id={`quote-${i}-speaker`} dir="auto" value={q.speaker ?? ''} onChange={(e) => set(i, { speaker: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`quote-${i}-role`}>{t('releases.speakerRole')}</label>
              <input id={`quote-${i}-role`} dir="auto" value={q.role ?? ''} onChange={(e) => set(i, { role: e.target.value })} />
            </div>
          </div>
          <button type="button" className="link-button" onClick={() => onChange(quotes.filter((_, j) => j !== i))}>
            {t('releases.removeQuote', { n: i + 1 })}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...quotes, { text: '', speaker: null, role: null }])}>
        {t('releases.addQuote')}
      </button>
    </fieldset>
  );
}
