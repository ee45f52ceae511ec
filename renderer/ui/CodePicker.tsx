import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { codeName, findCodes, type CodeKind } from './languages';
import { useCombobox } from './useCombobox';

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
  /** What the last choice or removal did, for screen readers. */
  const [said, setSaid] = useState('');
  /** The list opens above the box: there was not room enough for it below when it opened. */
  const [upward, setUpward] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);

  const ui = i18n.language;
  const nameOf = (code: string) => codeName(kind, code, ui);
  const choices = useMemo(() => (open ? findCodes(kind, query, ui).filter((c) => !values.includes(c.code)) : []), [open, kind, query, ui, values]);
  const shown = open && choices.length > 0;
  const nothingFound = open && query.trim() !== '' && choices.length === 0;

  const choose = (code: string) => {
    onChange(single ? [code] : [...values, code]);
    setSaid(t('codePicker.added', { name: nameOf(code) }));
    setQuery('');
    setOpen(false);
    combo.setActive(0);
  };
  const remove = (code: string) => {
    onChange(values.filter((v) => v !== code));
    setSaid(t('codePicker.removed', { name: nameOf(code) }));
  };

  // Opened by the arrows, the list holds every choice when nothing is typed: Down starts at the first, Up at the last.
  const combo = useCombobox({
    id: `${id}-input`,
    open,
    setOpen,
    count: choices.length,
    shown,
    query,
    wrap: true,
    openAt: 'ends',
    escape: 'clears',
    clear: () => setQuery(''),
    onChoose: (i) => {
      const choice = choices[i];
      if (choice) choose(choice.code);
    },
  });

  // Measured as the list opens (not as it narrows under the typing, which would make it jump):
  // a picker near the bottom of a long form opens its list above it when the room below is too
  // short for it and the room above is larger, so the person need not scroll to see it.
  useLayoutEffect(() => {
    const list = listRef.current;
    const field = box.current;
    if (!shown || !list || !field) {
      setUpward(false);
      return;
    }
    const room = field.getBoundingClientRect();
    const below = window.innerHeight - room.bottom;
    const above = room.top;
    const needed = list.getBoundingClientRect().height;
    setUpward(needed > below && above > below);
  }, [shown]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (combo.onKeyDown(e)) return;
    if (e.key === 'Backspace' && query === '' && values.length > 0) {
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
      <div className="code-picker-box" ref={box}>
        {single && chips}
        <input
          id={`${id}-input`}
          dir="auto"
          {...combo.inputProps}
          spellCheck={false}
          aria-describedby={`${id}-hint`}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(e.target.value.trim() !== '');
            combo.setActive(0);
          }}
          onKeyDown={onKeyDown}
          onClick={() => setOpen(query.trim() !== '')}
          // The box alone takes the focus (the options never do): leaving it closes the list.
          onBlur={combo.rootProps.onBlur}
        />
        <ul
          {...combo.listProps}
          ref={listRef}
          aria-label={label}
          className={upward ? 'code-picker-list upward' : 'code-picker-list'}
          hidden={!shown}
        >
          {shown &&
            choices.map((c, i) => (
              <li key={c.code} {...combo.optionProps(i)} className={i === combo.active ? 'active' : undefined}>
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
