import type { Library } from '../store/library';
import { syncOnce, type SyncOptions, type SyncSummary } from './session';

/**
 * Sync of an open library: the replication through the store's replication API, and each
 * conflict a person must decide recorded once in the library's conflicts inbox (delete against
 * edit is recorded by the store itself as the revisions arrive).
 */
export function syncLibrary(library: Library, opts: Omit<SyncOptions, 'onConflict'>): Promise<SyncSummary> {
  return syncOnce(library.replication, {
    ...opts,
    onConflict: (c) => {
      if (c.reason !== 'delete-vs-edit' && c.revs) {
        library.docs.inbox.recordFields(c.id, c.revs.base, c.revs.ours, c.revs.theirs, c.fields, library.docs.now());
      }
    },
  });
}
