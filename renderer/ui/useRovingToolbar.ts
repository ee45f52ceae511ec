import { useLayoutEffect, useRef, type FocusEvent, type KeyboardEvent } from 'react';

/**
 * A toolbar as one tab stop (role="toolbar" with a label on the element given `ref`): Tab
 * enters it on the button last used, Left and Right arrows move between its buttons (the
 * other way round in a right-to-left toolbar, where the next button is on the left), Home and
 * End go to the first and last; a disabled button is passed over. The buttons need no props:
 * their tabindex is set here after every render, so one that became disabled hands the stop on.
 */
export function useRovingToolbar<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const stop = useRef<HTMLElement | null>(null);

  const buttons = (): HTMLButtonElement[] => [...(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
  const usable = (): HTMLButtonElement[] => buttons().filter((b) => !b.disabled);

  const place = () => {
    const enabled = usable();
    if (!stop.current || !enabled.includes(stop.current as HTMLButtonElement)) stop.current = enabled[0] ?? null;
    for (const b of buttons()) b.tabIndex = b === stop.current ? 0 : -1;
  };

  useLayoutEffect(place);

  const onFocus = (e: FocusEvent<T>) => {
    if (!(e.target instanceof HTMLButtonElement) || !buttons().includes(e.target)) return;
    stop.current = e.target;
    place();
  };

  const onKeyDown = (e: KeyboardEvent<T>) => {
    const enabled = usable();
    const at = enabled.indexOf(e.target as HTMLButtonElement);
    if (at < 0 || enabled.length === 0) return;
    const rtl = getComputedStyle(e.currentTarget).direction === 'rtl';
    const step = (by: number) => (at + by + enabled.length) % enabled.length;
    let next: number;
    if (e.key === 'ArrowRight') next = step(rtl ? -1 : 1);
    else if (e.key === 'ArrowLeft') next = step(rtl ? 1 : -1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = enabled.length - 1;
    else return;
    e.preventDefault();
    enabled[next]!.focus();
  };

  return { ref, onFocus, onKeyDown };
}
