import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutletSummary } from '../../electron/shared/contacts/organise-contract';
import { useClient } from '../client/context';
import { useCombobox } from '../ui/useCombobox';
import { useDebounced } from '../ui/useDebounced';

/** Outlets offered at once: an office has thousands; the person types to find the one they mean. */
export const OUTLETS_SHOWN = 50;

/**
 * One outlet chosen by searching the library's outlets as the person types (outlet.list with
 * the text typed and a limit), not from a list read once: an office with thousands of outlets
 * finds every one of them. The list says when it shows only some of the outlets that match.
 * `none` is the first choice ("Any", "None"), which stands for no outlet (null).
 */
export function OutletSearch({
  id,
  label,
  value,
  none,
  onChange,
}: {
  id: string;
  label: string;
  value: string | null;
  none: string;
  onChange: (outlet: string | null) => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim(), 200);
  const [found, setFound] = useState<{ items: OutletSummary[]; total: number } | null>(null);
  /** The chosen outlet's name (the value is its id); null while it is read, or when it is gone. */
  const [chosen, setChosen] = useState<{ id: string; name: string | null } | null>(null);

  useEffect(() => {
    if (value === null || chosen?.id === value) return;
    let live = true;
    void client.call('outlet.get', { id: value }).then((r) => {
      if (live) setChosen({ id: value, name: r.ok ? r.value.name : null });
    });
    return () => {
      live = false;
    };
  }, [client, value, chosen]);

  useEffect(() => {
    if (!open) return;
    let live = true;
    void client.call('outlet.list', { limit: OUTLETS_SHOWN, ...(q ? { query: q } : {}) }).then((r) => {
      if (live) setFound(r.ok ? { items: r.value.items, total: r.value.total } : { items: [], total: 0 });
    });
    return () => {
      live = false;
    };
  }, [client, open, q]);

  const items = open && found ? found.items : [];
  // "None" first, then the outlets found.
  const count = open ? items.length + 1 : 0;
  const choose = (outlet: OutletSummary | null) => {
    if (outlet) setChosen({ id: outlet.id, name: outlet.name });
    onChange(outlet?.id ?? null);
    setQuery('');
    setOpen(false);
  };
  const combo = useCombobox({
    id,
    open,
    // Closed, the box shows the outlet chosen again, and the next search starts afresh.
    setOpen: (o) => {
      setOpen(o);
      if (!o) setQuery('');
    },
    count,
    shown: open,
    query,
    openAt: 'ends',
    escape: 'close',
    onChoose: (i) => choose(i === 0 ? null : (items[i - 1] ?? null)),
    initialActive: 0,
  });

  const name = value === null ? none : chosen?.id === value ? (chosen.name ?? t('contactFields.outletGone')) : '…';
  const more = open && found !== null && found.total > found.items.length;
  return (
    <div className="field code-picker outlet-search" {...combo.rootProps}>
      <label htmlFor={id}>{label}</label>
      <div className="code-picker-box">
        <input
          id={id}
          dir="auto"
          {...combo.inputProps}
          spellCheck={false}
          // Closed, the box shows the outlet chosen; typing searches.
          value={open ? query : name}
          placeholder={open ? name : undefined}
          aria-describedby={`${id}-hint`}
          onFocus={(e) => e.currentTarget.select()}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
            combo.setActive(e.target.value.trim() === '' ? 0 : 1);
          }}
          onKeyDown={(e) => {
            combo.onKeyDown(e);
          }}
          onClick={() => setOpen(true)}
        />
        <ul {...combo.listProps} aria-label={label} className="code-picker-list" hidden={!open}>
          {open && (
            <li {...combo.optionProps(0)} className={combo.active === 0 ? 'active' : undefined}>
              {none}
            </li>
          )}
          {items.map((o, i) => (
            <li key={o.id} {...combo.optionProps(i + 1)} className={combo.active === i + 1 ? 'active' : undefined}>
              <span dir="auto">{o.name}</span>
            </li>
          ))}
        </ul>
      </div>
      <p className="hint" id={`${id}-hint`} role="status">
        {open && found !== null && found.total === 0 && q !== ''
          ? t('outletSearch.noneFound', { query: q })
          : more
            ? t(q === '' ? 'outletSearch.moreAll' : 'outletSearch.moreFound', { shown: found.items.length, total: found.total, query: q })
            : ''}
      </p>
    </div>
  );
}
