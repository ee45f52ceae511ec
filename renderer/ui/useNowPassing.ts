import { useEffect, useState } from 'react';

/** The longest wait setTimeout keeps (2^31 − 1 ms, about 24 days); a later moment is waited for in steps. */
const LONGEST_WAIT = 2_147_483_647;

/**
 * The time now (ms since the epoch), read again when the soonest of `moments` still ahead
 * arrives: a list that shows an embargo while it is in force drops it as it lifts, without a
 * reload, and no timer runs while nothing is ahead.
 */
export function useNowPassing(moments: readonly (string | null)[]): number {
  const [now, setNow] = useState(() => Date.now());
  let next: number | null = null;
  for (const m of moments) {
    const at = m === null ? Number.NaN : Date.parse(m);
    if (at > now && (next === null || at < next)) next = at;
  }
  useEffect(() => {
    if (next === null) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(Math.max(next - Date.now(), 0), LONGEST_WAIT));
    return () => clearTimeout(timer);
  }, [next]);
  return now;
}
