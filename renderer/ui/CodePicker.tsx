import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { codeName, findCodes, type CodeKind } from './languages';

/** The code beside a name, small and left to right inside Arabic; a space before it, so that its text and name read "Kenya KE". */
const CodeTag = ({ code }: { code: string }) => (
  <>
    {' '}
    <span className="code-tag" dir="ltr">
      {code}
    </span>
  </>
);

/**
 * Countries or languages chosen by name, stored as their codes: the person types part of a name
 * in the interface's language, in English, or the code, and picks from the suggestions (an ARIA
 * combobox: arrows to move, Enter to choose, Escape to close). What is chosen shows as chips
 * with the name and, small beside it, the code; Backspace in the empty box takes the last one
 * off. `single` keeps one value, which a new choice replaces. A stored code the list does not
 * hold still shows, by its name or its code, and can be taken off.
 */
export function CodePicker({
  kind,
  label,
  hint,
  values,
  onChange,
  single = false,
}: {
  kind: CodeKind;
  label: string;
  hint: string;
  values: readonly string[];
  onChange: (codes: string[]) => void;
  single?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  /** What the last choice or removal did, for screen readers. */
  const [said, setSaid] = useState('');

  const ui = i18n.language;
  const nameOf = (code: string) => codeName(kind, code, ui);
  const choices = useMemo(() => (open ? findCodes(kind, query, ui).filter((c) => !values.includes(c.code)) : []), [open, kind, query, ui, values]);
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-opt-${i}`;
  const shown = open && choices.length > 0;
  const nothingFound = open && query.trim() !== '' && choices.length === 0;
  const activeIndex = Math.min(active, choices.length - 1);

  // The option the arrows reach is scrolled into the list's view (jsdom has no scrolling).
  useEffect(() => {
    if (shown) document.getElementById(`${id}-opt-${activeIndex}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [shown, activeIndex, id]);

  const choose = (code: string) => {
    onChange(single ? [code] : [...values, code]);
    setSaid(t('codePicker.added', { name: nameOf(code) }));
    setQuery('');
    setOpen(false);
    setActive(0);
  };
  const remove = (code: string) => {
    onChange(values.filter((v) => v !== code));
    setSaid(t('codePicker.removed', { name: nameOf(code) }));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const last = choices.length - 1;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const down = e.key === 'ArrowDown';
      if (!open) {
        // Opened by the arrows, the list holds every choice when nothing is typed: Down starts at the first, Up at the last.
        setOpen(true);
        setActive(down ? 0 : Number.MAX_SAFE_INTEGER);
      } else if (last >= 0) {
        setActive(down ? (activeIndex >= last ? 0 : activeIndex + 1) : activeIndex <= 0 ? last : activeIndex - 1);
      }
    } else if (e.key === 'Enter') {
      // Never the form's: Enter in this box chooses, it does not save.
      e.preventDefault();
      const choice = choices[activeIndex];
      if (shown && choice) choose(choice.code);
    } else if (e.key === 'Escape') {
      if (open || query !== '') {
        e.preventDefault();
        e.stopPropagation();
        if (open) setOpen(false);
        else setQuery('');
      }
    } else if (e.key === 'Backspace' && query === '' && values.length > 0) {
      e.preventDefault();
      remove(values[values.length - 1]!);
    }
  };

  const chips = values.length > 0 && (
    <ul className="chips" aria-label={label}>
      {values.map((code) => (
        <li key={code} className="chip">
          <span dir="auto">{nameOf(code)}</span>
          {nameOf(code) !== code && <CodeTag code={code} />}
          <button type="button" className="chip-remove" aria-label={t('common.removeItem', { item: nameOf(code) })} onClick={() => remove(code)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );

  return (
    <div className="field code-picker">
      <label htmlFor={`${id}-input`}>{label}</label>
      {!single && chips}
      <div className="code-picker-box">
        {single && chips}
        <input
          id={`${id}-input`}
          dir="auto"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-expanded={shown}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={shown ? optionId(activeIndex) : undefined}
          aria-describedby={`${id}-hint`}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(e.target.value.trim() !== '');
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          onClick={() => setOpen(query.trim() !== '')}
          onBlur={() => setOpen(false)}
        />
        <ul id={listId} role="listbox" aria-label={label} className="code-picker-list" hidden={!shown}>
          {shown &&
            choices.map((c, i) => (
              <li
                key={c.code}
                id={optionId(i)}
                role="option"
                aria-selected={i === activeIndex}
                className={i === activeIndex ? 'active' : undefined}
                // The box keeps the focus: a click chooses without blurring it first.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(c.code)}
              >
                <span dir="auto">{c.name}</span>
                {c.name !== c.code && <CodeTag code={c.code} />}
              </li>
            ))}
        </ul>
      </div>
      <p className="hint" id={`${id}-hint`}>
        {nothingFound ? t(kind === 'country' ? 'codePicker.noCountry' : 'codePicker.noLanguage', { query: query.trim() }) : hint}
      </p>
      <p className="visually-hidden" role="status">
        {said}
      </p>
    </div>
  );
}
