import { useTranslation } from 'react-i18next';

/**
 * Beats picked from the office's list (the office extends it in Settings); a beat the contact
 * already has that the list lacks (from an import, say) stays offered until it is unticked.
 */
export function BeatChoices({ offered, values, onChange }: { offered: string[]; values: string[]; onChange: (beats: string[]) => void }) {
  const { t } = useTranslation();
  const all = [...new Set([...offered, ...values])].sort((a, b) => a.localeCompare(b));
  return (
    <fieldset>
      <legend>{t('contacts.beats')}</legend>
      {all.length === 0 ? (
        <p className="muted">{t('contactFields.noBeats')}</p>
      ) : (
        <ul className="checks">
          {all.map((b) => (
            <li key={b}>
              <label>
                <input type="checkbox" checked={values.includes(b)} onChange={(e) => onChange(e.target.checked ? [...values, b] : values.filter((x) => x !== b))} />{' '}
                <span dir="auto">{b}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
