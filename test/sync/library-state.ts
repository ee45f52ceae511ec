import type { Core } from '../../electron/core/index';
import type { DocState } from './couch-state';

/** What a library holds, in the same shape as couchState: each document's winner and every leaf. */
export function libraryState(core: Pick<Core, 'library'>): Record<string, DocState> {
  const rep = core.library.replication;
  const out: Record<string, DocState> = {};
  const ids = rep.changes(0, 1_000_000).results.map((r) => r.id).sort();
  for (const id of ids) {
    const stored = core.library.docs.getStored(id)!;
    const leaves = rep.openRevs(id, 'all').flatMap((r) => ('ok' in r ? [r.ok._rev] : [])).sort();
    out[id] = { winner: stored.deleted ? 'deleted' : stored.rev, leaves };
  }
  return out;
}

/** Calls the core the way every transport does, and fails the test on an error result. */
export { call } from '../core-harness';
