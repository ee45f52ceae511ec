import { useLayoutEffect, useRef } from 'react';

/**
 * True when nothing has focus but the page itself: the link or button that had it has gone
 * with the screen it was on. Only then does a screen just shown take focus, so a person already
 * in the sidebar, the search box or a field keeps their place.
 */
export function focusLost(): boolean {
  return document.activeElement === null || document.activeElement === document.body;
}

/**
 * The heading of a screen just opened takes focus once it is shown (give it tabIndex -1), so a
 * keyboard or screen reader user starts from the top of the new screen, not from the page.
 * A layout effect: focus moves in the commit that shows the heading (`shown`, once it is).
 */
export function useArrivalFocus<T extends HTMLElement>(shown = true) {
  const heading = useRef<T>(null);
  // A screen that loads first (a kit read from the library) shows its heading later: focus then, once.
  const arrived = useRef(false);
  useLayoutEffect(() => {
    if (!shown || arrived.current) return;
    arrived.current = true;
    if (focusLost()) heading.current?.focus();
  }, [shown]);
  return heading;
}

/**
 * For a button disabled while the work it started runs ("Sync now", "Back up now…"): the browser
 * moves the focus off a disabled button to the page, so a keyboard user would start again from
 * the top of the window. Once the work ends, the focus goes back to the button that had it, unless
 * the person has put it somewhere else meanwhile. A layout effect: the focus is still on the
 * button in the commit that disables it, and is back in the commit that enables it.
 */
export function useFocusBack<T extends HTMLElement>(busy: boolean) {
  const button = useRef<T>(null);
  const had = useRef(false);
  useLayoutEffect(() => {
    if (busy) {
      had.current = had.current || document.activeElement === button.current;
      return;
    }
    if (had.current && focusLost()) button.current?.focus();
    had.current = false;
  }, [busy]);
  return button;
}
