import type { ReplicationStore } from '../../store/replication-api';

/**
 * Which attachment files, missing on this computer, the server had at the last sync: kept in a
 * `_local` document (this computer's knowledge, never synced). It is what tells "not downloaded
 * yet" (the download policy left it on the server) from a file lost from the library folder.
 */

const ON_SERVER_DOC = '_local/dateline-files-on-server';

export function filesOnServer(store: ReplicationStore): Set<string> {
  const files = store.getLocal(ON_SERVER_DOC)?.files;
  return new Set(Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string') : []);
}

/** Records what one server database was seen to hold, and forgets files that are now here. */
export function noteFilesOnServer(store: ReplicationStore, change: { found?: Iterable<string>; here?: Iterable<string> }): void {
  const files = filesOnServer(store);
  const before = [...files].sort().join();
  for (const sha of change.found ?? []) files.add(sha);
  for (const sha of change.here ?? []) files.delete(sha);
  const after = [...files].sort();
  if (after.join() !== before) store.putLocal({ _id: ON_SERVER_DOC, files: after });
}
