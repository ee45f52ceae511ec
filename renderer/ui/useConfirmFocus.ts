import { useLayoutEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

/**
 * Focus for a question asked in place (empty the trash, erase a person, export a kit under
 * embargo): on open, focus goes to the safe answer, so a keyboard user is not left on a button
 * that has just gone or been disabled; Escape gives the safe answer; on close, focus goes back
 * to the button that asked. `asking` names the asker while the question is open (null when it
 * is closed); each asker gives its element with `ref={asker(key)}`, so a question asked from
 * several buttons (one per export format) returns to the one that asked, and a button rendered
 * again after the question (it stood in its place) is the one focused. `close` is the safe
 * answer (Cancel), given back as `cancel` for the question's Cancel button (ConfirmQuestion).
 */
export function useConfirmFocus<K extends string>(asking: K | null, close: () => void) {
  const safe = useRef<HTMLButtonElement | null>(null);
  const askers = useRef(new Map<K, HTMLElement>());
  const askedBy = useRef<K | null>(null);
  // A layout effect: focus moves in the same commit that shows or removes the question, even
  // when that commit comes from an answer of the core rather than a click (never a frame with
  // focus on a button that has gone).
  useLayoutEffect(() => {
    if (asking !== null) {
      askedBy.current = asking;
      safe.current?.focus();
      return;
    }
    if (askedBy.current !== null) askers.current.get(askedBy.current)?.focus();
    askedBy.current = null;
  }, [asking]);
  const asker = (key: K) => (el: HTMLElement | null) => {
    if (el) askers.current.set(key, el);
    else askers.current.delete(key);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    close();
  };
  return { safe, asker, onKeyDown, cancel: close };
}

/** What a question asked in place (ConfirmQuestion) takes of useConfirmFocus. */
export type ConfirmFocus = Pick<ReturnType<typeof useConfirmFocus>, 'safe' | 'onKeyDown' | 'cancel'>;

/**
 * Keys of a modal question with two answers (leave with unsaved changes, replace the library):
 * Escape gives the safe answer; Tab and Shift+Tab go between the two answers, never behind the
 * question.
 */
export function twoAnswerKeys(safe: RefObject<HTMLButtonElement | null>, other: RefObject<HTMLButtonElement | null>, cancel: () => void) {
  return (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      cancel();
    } else if (e.key === 'Tab') {
      e.preventDefault();
      (document.activeElement === safe.current ? other : safe).current?.focus();
    }
  };
}
