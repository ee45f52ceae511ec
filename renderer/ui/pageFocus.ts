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
 * A layout effect: focus moves in the commit that shows the heading.
 */
export function useArrivalFocus<T extends HTMLElement>() {
  const heading = useRef<T>(null);
  useLayoutEffect(() => {
    if (focusLost()) heading.current?.focus();
  }, []);
  return heading;
}
