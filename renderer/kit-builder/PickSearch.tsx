import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n/errors';
import { useCombobox } from '../ui/useCombobox';
import type { PagedList } from '../ui/usePagedList';

/** One row of a picker's list: its name, and a line that tells it apart (language, caption, organisation). */
export interface PickRow {
  title: string;
  detail: ReactNode;
}

/**
 * A search box over one of the library's lists, as a combobox with its list popping up under
 * it (focus stays in the box; the row Enter adds is the active descendant). The list is the
 * core's, searched there (accents and case aside) and read a page at a time: the newest first
 * before anything is typed, more as the person scrolls or presses Down past the last row, so
 * that every item of a library of thousands can be reached. Enter or a click adds the active
 * row and closes the list; what the kit holds already stays listed, marked, and cannot be added twice.
 *
 * `query` is what is typed, `list.shownKey` the search the rows shown are for: an Enter pressed
 * before the rows of what is typed now have arrived waits for them and adds the first.
 */
export function PickSearch<T extends { id: string }>({
  id,
  label,
  placeholder,
  hint,
  query,
  setQuery,
  list,
  row,
  inKit,
  onAdd,
  empty,
}: {
  id: string;
  label: string;
  placeholder: string;
  /** The id of the words saying how the box is used (described by). */
  hint: string;
  query: string;
  setQuery: (q: string) => void;
  /** The list, read for the search `shownKey` (the trimmed query). */
  list: PagedList<T>;
  row: (item: T) => PickRow;
  inKit: (item: T) => boolean;
  onAdd: (item: T) => void;
  /** What the list says when it has no row: for a search (`searched`), or for an empty library (null). */
  empty: (searched: string | null) => ReactNode;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const listbox = useRef<HTMLDivElement>(null);
  /** The search an Enter was pressed on before its rows came. */
  const enterOn = useRef<string | null>(null);
  /** The row Down went for past the last one shown, while the next page was on its way. */
  const downTo = useRef<number | null>(null);

  const typed = query.trim();
  const settled = list.shownKey === typed && !(list.loading && list.items.length === 0);
  const addable = list.items.map((it) => !inKit(it));

  // Once added, the list closes (it would cover the fields under it); Down opens it again, on the same row.
  const add = (i: number) => {
    const item = list.items[i];
    if (!item || inKit(item)) return;
    onAdd(item);
    setOpen(false);
  };

  const combo = useCombobox({
    id,
    open,
    setOpen,
    count: list.items.length,
    shown: open,
    query,
    initialActive: -1,
    escape: 'clears',
    clear: () => setQuery(''),
    onChoose: add,
    // Down near the last row reads the next page: every item can be reached from the keyboard.
    // Pressed on the last row itself, the first row of that page is where it lands when it comes.
    onMove: (from, by) => {
      const last = list.items.length - 1;
      if (by > 0 && from >= last - 1 && list.hasMore) {
        list.loadMore();
        if (from + by > last) downTo.current = list.items.length;
      }
    },
    onEnter: (e, active) => {
      e.preventDefault();
      setOpen(true);
      // The rows shown belong to an earlier search until this one's arrive.
      if (!settled) {
        enterOn.current = typed;
        return;
      }
      add(active);
    },
  });
  const { active, setActive } = combo;

  // New rows for a new search: the first that can be added is active, so Enter adds the best match.
  // Only a new search moves the row; rows read by "more", or marked once added, leave it where it is.
  const firstAddable = Math.max(0, addable.indexOf(true));
  const [rowsFor, setRowsFor] = useState<string | null>(null);
  if (rowsFor !== list.shownKey) {
    setRowsFor(list.shownKey);
    setActive(list.items.length > 0 ? firstAddable : -1);
  }

  useEffect(() => {
    if (list.items.length === 0) setActive(-1);
    else if (downTo.current !== null && list.items.length > downTo.current) setActive(downTo.current);
    downTo.current = null;
  }, [list.items.length, setActive]);

  // An Enter pressed on a search whose rows have now come.
  useEffect(() => {
    if (enterOn.current === null || list.shownKey !== enterOn.current || list.loading) return;
    enterOn.current = null;
    const first = list.items.findIndex((it) => !inKit(it));
    if (first < 0) return;
    onAdd(list.items[first]!);
    setOpen(false);
  }, [list.shownKey, list.loading, list.items, inKit, onAdd]);

  const onScroll = () => {
    const el = listbox.current;
    if (el && list.hasMore && !list.loading && el.scrollTop + el.clientHeight >= el.scrollHeight - 48) list.loadMore();
  };

  const message: ReactNode = list.error
    ? <span className="error">{errorText(t, list.error)}</span>
    : !settled
      ? list.items.length === 0 || list.loading ? t('common.loading') : null
      : list.items.length === 0
        ? empty(typed === '' ? null : typed)
        : list.total !== null && list.total > list.items.length
          ? t('kitBuilder.picker.shown', { shown: list.items.length, total: list.total })
          : null;

  return (
    <div className="kit-pick" {...combo.rootProps}>
      <input
        id={id}
        type="search"
        dir="auto"
        {...combo.inputProps}
        aria-describedby={hint}
        placeholder={placeholder}
        value={query}
        onChange={(e) => {
          enterOn.current = null;
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onKeyDown={combo.onKeyDown}
      />
      <div className="kit-pick-panel" hidden={!open}>
        <div {...combo.listProps} ref={listbox} aria-label={label} className="kit-pick-list" tabIndex={-1} onScroll={onScroll}>
          {list.items.map((item, i) => {
            const { title, detail } = row(item);
            const held = !addable[i];
            // Named by its words as shown (spaces between the parts, so that a screen reader says them apart).
            return (
              <div
                key={item.id}
                {...combo.optionProps(i)}
                aria-disabled={held || undefined}
                className={`kit-pick-option${i === active ? ' active' : ''}${held ? ' held' : ''}`}
              >
                <span className="kit-pick-title" dir="auto">
                  {title}
                </span>
                {detail && (
                  <>
                    {' '}
                    <span className="kit-pick-detail" dir="auto">
                      {detail}
                    </span>
                  </>
                )}
                {held && (
                  <>
                    {' '}
                    <span className="badge">{t('kitBuilder.picker.inKit')}</span>
                  </>
                )}
              </div>
            );
          })}
        </div>
        <p className="kit-pick-state muted" role="status">
          {message}
        </p>
        {list.hasMore && settled && (
          <button type="button" className="link-button" tabIndex={-1} disabled={list.loading} onMouseDown={(e) => e.preventDefault()} onClick={list.loadMore}>
            {t('common.loadMore')}
          </button>
        )}
      </div>
    </div>
  );
}
