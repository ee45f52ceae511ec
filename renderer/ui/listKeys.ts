import type { KeyboardEvent } from 'react';

/**
 * Arrow keys, Home and End move focus between a list's rows (each row carries
 * data-row-index); Enter on a row is the row's own link or button.
 * Returns the index to focus, or null when the key is not ours.
 */
export function nextRowIndex(e: KeyboardEvent, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (e.key) {
    case 'ArrowDown':
      return Math.min(count - 1, current + 1);
    case 'ArrowUp':
      return Math.max(0, current - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageDown':
      return Math.min(count - 1, current + 10);
    case 'PageUp':
      return Math.max(0, current - 10);
    default:
      return null;
  }
}

export function rowIndexOf(target: EventTarget | null): number {
  const el = target instanceof HTMLElement ? target.closest<HTMLElement>('[data-row-index]') : null;
  return el ? Number(el.dataset.rowIndex) : -1;
}
