import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { focusLost } from './pageFocus';
import { nextRowIndex, rowIndexOf } from './listKeys';

export interface RowProps {
  'data-row-index': number;
  tabIndex: number;
}

/**
 * A list that renders only the rows in view, so tens of thousands of releases scroll
 * smoothly; asks for more rows near the end; arrow keys move between rows (one tab stop).
 */
export function VirtualList<T>({
  items,
  total,
  getKey,
  renderRow,
  estimateSize = 64,
  onNearEnd,
  label,
  returnTo,
}: {
  items: T[];
  total: number | null;
  getKey: (item: T) => string;
  renderRow: (item: T, index: number, rowProps: RowProps) => ReactNode;
  estimateSize?: number;
  onNearEnd?: () => void;
  label: string;
  /** The key of the row last opened from this list: focused when the list is shown again with focus on the page. */
  returnTo?: string | null;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const [focusWanted, setFocusWanted] = useState<number | null>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateSize,
    overscan: 8,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems.length > 0 ? virtualItems[virtualItems.length - 1]!.index : -1;

  useEffect(() => {
    if (onNearEnd && lastIndex >= items.length - 10) onNearEnd();
  }, [lastIndex, items.length, onNearEnd]);

  useEffect(() => {
    if (active >= items.length && items.length > 0) setActive(items.length - 1);
  }, [active, items.length]);

  // Back from a row's page: its row, once loaded, takes focus that fell to the page.
  const returning = useRef(returnTo ?? null);
  useLayoutEffect(() => {
    const key = returning.current;
    if (key === null) return;
    const index = items.findIndex((item) => getKey(item) === key);
    if (index < 0) return;
    returning.current = null;
    if (!focusLost()) return;
    setActive(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
    setFocusWanted(index);
  }, [items, getKey, virtualizer]);

  // A layout effect, so focus reaches the row in the commit that draws it.
  useLayoutEffect(() => {
    if (focusWanted === null) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${focusWanted}"]`);
    if (el) {
      el.focus();
      setFocusWanted(null);
    }
  });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const current = rowIndexOf(e.target);
    if (current < 0) return;
    const next = nextRowIndex(e, current, items.length);
    if (next === null) return;
    e.preventDefault();
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    setFocusWanted(next);
  };

  return (
    <div className="vlist" ref={scrollRef} onKeyDown={onKeyDown}>
      <div role="list" aria-label={label} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualItems.map((v) => {
          const item = items[v.index]!;
          return (
            <div
              role="listitem"
              key={getKey(item)}
              data-index={v.index}
              ref={virtualizer.measureElement}
              aria-setsize={total ?? items.length}
              aria-posinset={v.index + 1}
              className="vlist-row"
              style={{ position: 'absolute', insetInlineStart: 0, width: '100%', transform: `translateY(${v.start}px)` }}
            >
              {renderRow(item, v.index, { 'data-row-index': v.index, tabIndex: v.index === active ? 0 : -1 })}
            </div>
          );
        })}
      </div>
    </div>
  );
}
