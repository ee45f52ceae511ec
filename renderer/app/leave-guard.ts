import { useEffect, useRef, useSyncExternalStore } from 'react';

/**
 * Leaving a form with unsaved changes asks first ("Discard changes?"), as a desktop app does.
 * A form says whether it holds unsaved changes with `useUnsavedChanges`; the route (router.ts)
 * asks `mayLeaveFor` before it changes, whether by a link (the sidebar, a crumb) or by the
 * address changing (Back in a browser); LeaveQuestion asks the person. Closing or reloading
 * the page is held by the page's beforeunload: a browser asks in its own words, the desktop
 * app asks in ours (electron/main/unsaved.ts). One question at a time, for the whole window,
 * as the address is the window's.
 */

const forms = new Set<{ current: () => boolean }>();
const listeners = new Set<() => void>();
/** The address the person tried to go to while the question is open. */
let pending: string | null = null;
/** The address the person chose to go to anyway: the next change of route to it goes ahead. */
let discarding: string | null = null;

function setPending(to: string | null): void {
  pending = to;
  for (const l of listeners) l();
}

/**
 * Registers the form while it is mounted. `isDirty` is read when the person leaves (it may
 * compare the whole form with what was loaded or saved: it runs then, not on every render).
 */
export function useUnsavedChanges(isDirty: () => boolean): void {
  const ref = useRef(isDirty);
  ref.current = isDirty;
  useEffect(() => {
    const form = { current: () => ref.current() };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (form.current()) e.preventDefault();
    };
    forms.add(form);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      forms.delete(form);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, []);
}

export function hasUnsavedChanges(): boolean {
  for (const form of forms) if (form.current()) return true;
  return false;
}

/** Whether the route may change to `to` now; if not, the question is asked and the route stays. */
export function mayLeaveFor(to: string): boolean {
  if (to === discarding) {
    discarding = null;
    return true;
  }
  if (!hasUnsavedChanges()) return true;
  setPending(to);
  return false;
}

/** The person's answers. */
export function keepEditing(): void {
  setPending(null);
}

export function discardAndLeave(): void {
  const to = pending;
  setPending(null);
  if (to !== null) leaveDiscarding(to);
}

/** Goes to `to` without asking: what the form held is gone anyway (the outlet was deleted). */
export function leaveDiscarding(to: string): void {
  if (window.location.hash === to) return;
  discarding = to;
  window.location.hash = to;
}

/** The address waiting on the question, or null when none is asked. */
export function usePendingLeave(): string | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => pending,
  );
}
