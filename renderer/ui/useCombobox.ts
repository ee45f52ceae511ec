import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';

/** How far PageDown and PageUp move: about a list's height of rows. */
const PAGE = 10;

export interface ComboboxOptions {
  /** The input's id: the list is `${id}-list`, its options `${id}-opt-0`, `${id}-opt-1`… */
  id: string;
  /** Whether the list is open (the caller's: what it lists may depend on it); `shown` says whether it shows. */
  open: boolean;
  setOpen: (open: boolean) => void;
  /** How many options the list holds now (0 while it holds none, or while it is closed and not built). */
  count: number;
  /** Whether the list shows (aria-expanded): open, and with something in it when that is what the box wants. */
  shown: boolean;
  /** What is typed: Home and End move in the list only when the box is empty (otherwise they move the cursor in the text). */
  query: string;
  /** Chooses option `index` (Enter, or a click). */
  onChoose: (index: number) => void;
  /** Down past the last option comes back to the first, Up past the first to the last; otherwise they stop there. */
  wrap?: boolean;
  /**
   * Where the arrows put the active option when they open the list: `keep` leaves it where it
   * was; `ends` puts it on the first (Down) or the last (Up), as a drop-down does.
   */
  openAt?: 'keep' | 'ends';
  /** Escape closes the list; `clears` also empties the box on a second Escape (the list closed). */
  escape?: 'close' | 'clears';
  /** Empties the box (with `escape: 'clears'`). */
  clear?: () => void;
  /** Called as the keys move the active option from `from` by `by` (a list read a page at a time reads more here). */
  onMove?: (from: number, by: number) => void;
  /** Enter in the box, instead of choosing the active option (a list whose options are still on their way waits for them). */
  onEnter?: (e: KeyboardEvent<HTMLInputElement>, active: number) => void;
  /** The active option when the list opens first: -1 for none. */
  initialActive?: number;
}

/**
 * The one combobox of the app: a text box whose suggestions pop up in a list (ARIA 1.2's
 * combobox with a listbox popup). The focus stays in the box; the option the keys reach is the
 * box's active descendant. Down and Up (Alt+Down and Alt+Up to open and close), PageDown and
 * PageUp, Home and End in an empty box, Enter to choose, Escape to close (and, where the box
 * says so, a second Escape to empty it). The list closes when the focus leaves the box and its
 * list (a click elsewhere); the pointer moving over an option makes it the active one.
 *
 * What the options are, how they are shown, and what choosing does are the caller's: it spreads
 * `inputProps` on its input, `listProps` on the listbox, `optionProps(i)` on each option, and
 * `rootProps` on the element holding the box and its list.
 */
export function useCombobox(o: ComboboxOptions) {
  const { open, setOpen } = o;
  const [stored, setActive] = useState(o.initialActive ?? 0);
  const root = useRef<HTMLDivElement>(null);
  /** The pointer's last place over the list: a move that did not move it (the list scrolled under it) moves nothing. */
  const pointer = useRef<{ x: number; y: number } | null>(null);
  /** The active option was set by the pointer: it is where the person looks, and is not scrolled to. */
  const byPointer = useRef(false);

  const last = o.count - 1;
  const active = o.count === 0 ? -1 : Math.min(stored, last);
  const listId = `${o.id}-list`;
  const optionId = (i: number) => `${o.id}-opt-${i}`;

  // The option the keys reach is scrolled into the list's view (jsdom has no scrolling).
  useEffect(() => {
    if (byPointer.current) byPointer.current = false;
    else if (o.shown && active >= 0) document.getElementById(`${o.id}-opt-${active}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [o.id, o.shown, active]);

  const move = (by: number) => {
    if (!open) {
      setOpen(true);
      if (o.openAt === 'ends') setActive(by > 0 ? 0 : Number.MAX_SAFE_INTEGER);
      return;
    }
    if (last < 0) return;
    o.onMove?.(active, by);
    const to = active + by;
    if (o.wrap && Math.abs(by) === 1) setActive(to > last ? 0 : to < 0 ? last : to);
    else setActive(Math.max(0, Math.min(last, to)));
  };

  /** The box's keys; true when the key was the combobox's (the caller may handle others, e.g. Backspace). */
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): boolean => {
    const { key } = e;
    if ((key === 'ArrowDown' || key === 'ArrowUp') && e.altKey) {
      e.preventDefault();
      setOpen(key === 'ArrowDown');
    } else if (key === 'ArrowDown' || key === 'ArrowUp' || key === 'PageDown' || key === 'PageUp') {
      e.preventDefault();
      move({ ArrowDown: 1, ArrowUp: -1, PageDown: PAGE, PageUp: -PAGE }[key]);
    } else if ((key === 'Home' || key === 'End') && o.shown && o.query === '' && last >= 0) {
      e.preventDefault();
      setActive(key === 'Home' ? 0 : last);
    } else if (key === 'Enter') {
      if (o.onEnter) o.onEnter(e, active);
      else {
        // Never the form's: Enter in the box chooses, it does not submit.
        e.preventDefault();
        if (o.shown && active >= 0) o.onChoose(active);
      }
    } else if (key === 'Escape') {
      if (o.escape !== 'clears') {
        // The search field's own Escape (emptying it) is left to the browser.
        setOpen(false);
        return true;
      }
      if (open) setOpen(false);
      else if (o.query !== '') o.clear?.();
      else return false;
      e.preventDefault();
      e.stopPropagation();
    } else {
      return false;
    }
    return true;
  };

  const onBlur = (e: FocusEvent) => {
    const to = e.relatedTarget;
    if (!(to instanceof Node && root.current?.contains(to))) setOpen(false);
  };

  return {
    /** The active option, within the list (-1 for none). */
    active,
    setActive,
    listId,
    optionId,
    onKeyDown,
    /** On the element holding the box and its list; a box without one passes `onBlur` to its input. */
    rootProps: { ref: root, onBlur },
    inputProps: {
      role: 'combobox',
      'aria-expanded': o.shown,
      'aria-controls': listId,
      'aria-autocomplete': 'list',
      'aria-activedescendant': o.shown && active >= 0 ? optionId(active) : undefined,
      autoComplete: 'off',
    } as const,
    listProps: { id: listId, role: 'listbox' } as const,
    optionProps: (i: number) => ({
      id: optionId(i),
      role: 'option' as const,
      'aria-selected': i === active,
      // The box keeps the focus (and the keyboard) while an option is clicked.
      onMouseDown: (e: MouseEvent) => e.preventDefault(),
      onMouseMove: (e: MouseEvent) => {
        const at = pointer.current;
        if (at && at.x === e.clientX && at.y === e.clientY) return;
        pointer.current = { x: e.clientX, y: e.clientY };
        if (i !== active) {
          byPointer.current = true;
          setActive(i);
        }
      },
      onClick: () => {
        setActive(i);
        o.onChoose(i);
      },
    }),
  };
}
