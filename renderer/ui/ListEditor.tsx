import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A list of short values (tags, beats, languages, countries): each shown with a remove
 * button, new ones typed and added with Enter or the Add button.
 */
export function ListEditor({
  label,
  values,
  onChange,
  normalise = (v) => v.trim(),
  validate,
  hint,
}: {
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  normalise?: (v: string) => string;
  /** Returns a message when the value cannot be added. */
  validate?: (v: string) => string | null;
  hint?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const add = () => {
    const v = normalise(draft);
    if (v === '') return;
    const msg = validate?.(v) ?? null;
    if (msg) {
      setProblem(msg);
      return;
    }
    setProblem(null);
    if (!values.includes(v)) onChange([...values, v]);
    setDraft('');
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      add();
    }
  };

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {values.length > 0 && (
        <ul className="chips" aria-label={label}>
          {values.map((v) => (
            <li key={v} className="chip">
              <span>{v}</span>
              <button type="button" className="chip-remove" aria-label={t('common.removeItem', { item: v })} onClick={() => onChange(values.filter((x) => x !== v))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="inline">
        <input
          id={id}
          dir="auto"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKey}
          aria-describedby={problem ? `${id}-problem` : hint ? `${id}-hint` : undefined}
          aria-invalid={problem ? true : undefined}
        />
        <button type="button" onClick={add} disabled={draft.trim() === ''}>
          {t('common.add')}
        </button>
      </div>
      {hint && !problem && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {problem && (
        <p className="error" id={`${id}-problem`} role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
