/**
 * Something one screen hands to the screen it goes to, which says it once: the first screen is
 * gone by then, so the value waits here rather than in either screen's state. `note` keeps the
 * latest; `take` gives it once, and a second call (or another visit to that screen) gets null.
 */
export function saidOnce<T>(): { note: (value: T) => void; take: () => T | null } {
  let pending: T | null = null;
  return {
    note: (value) => {
      pending = value;
    },
    take: () => {
      const value = pending;
      pending = null;
      return value;
    },
  };
}
