import type { EraseResult } from '../../electron/shared/contacts/person-contract';

/**
 * What an erase removed, handed from the person's page (which closes with the person) to the
 * contacts list it goes to, which says it once. The page is gone by then, so the result waits
 * here rather than in either screen's state.
 */
let pending: EraseResult | null = null;

export function noteErased(result: EraseResult): void {
  pending = result;
}

/** The erase to report, once: a second call (or another visit to the list) gets null. */
export function takeErased(): EraseResult | null {
  const r = pending;
  pending = null;
  return r;
}
