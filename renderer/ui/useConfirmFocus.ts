import { useEffect, useRef, type KeyboardEvent } from 'react';

/**
 * Focus for a question asked in place of the button that asked it (empty the trash, erase a
 * person): on open, focus goes to the safe answer, so a keyboard user is not left on a button
 * that has just gone; Escape gives the safe answer; on close, focus goes back to the button
 * that asked, rendered again. `close` is the safe answer (Cancel).
 */
export function useConfirmFocus(open: boolean, close: () => void) {
  const safe = useRef<HTMLButtonElement | null>(null);
  const asker = useRef<HTMLButtonElement | null>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) safe.current?.focus();
    else if (wasOpen.current) asker.current?.focus();
    wasOpen.current = open;
  }, [open]);
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    close();
  };
  return { safe, asker, onKeyDown };
}
