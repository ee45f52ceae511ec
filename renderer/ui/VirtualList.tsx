import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
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
}: {
  items: T[];
  total: number | null;
  getKey: (item: T) => string;
  renderRow: (item: T, index: number, rowProps: RowProps) => ReactNode;
  estimateSize?: number;
  onNearEnd?: () => void;
  label: string;
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

  useEffect(() => {
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
