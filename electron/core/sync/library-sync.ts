import { BlobStore } from '../attachments/blobs';
import { removeFile } from '../attachments/images';
import { attachmentFiles } from '../attachments/queries';
import type { Library } from '../store/library';
import { filePolicy } from './files/policy';
import type { ConflictNote } from '../../shared/sync/contract';
import { syncOnce, type SyncOptions, type SyncSummary } from './session';
import { joinOfficeSuppression } from '../contacts/suppression';

/**
 * Sync of an open library: the replication through the store's replication API, and each
 * conflict a person must decide recorded once in the library's conflicts inbox (delete against
 * edit is recorded by the store itself as the revisions arrive). Given the library's files,
 * attachment files follow the documents as chunks, by this computer's download policy.
 */
export function syncLibrary(
  library: Library,
  opts: Omit<SyncOptions, 'onConflict' | 'files' | 'onForgotten' | 'onReceived'>,
  blobs?: BlobStore,
  /** The app syncs an office's files with its database: those of its attachments (and, for the home office, of attachments of no office). */
  office?: { office: string; home: string },
  /** The caller has already seen the office's files database on the server (see FilesStep.opened). */
  filesOpened = false,
): Promise<SyncSummary> {
  const list = () => attachmentFiles(library.db, office && { office: office.office, home: office.office === office.home });
  // Attachments of no office go up to the home office only, but may come down from any office.
  const alsoDownload = office && office.office !== office.home ? { alsoDownload: () => attachmentFiles(library.db, { office: office.office, home: true }) } : {};
  return syncOnce(library.replication, {
    ...opts,
    ...(blobs ? { files: { blobs, list, ...alsoDownload, policy: filePolicy(library.replication), store: library.replication, opened: filesOpened } } : {}),
    onConflict: (c) => recordConflict(library, c),
    // A list of erased people kept here before the library had an office joins the office that arrived.
    onReceived: () => void joinOfficeSuppression(library),
    // An erased person's photo leaves this library's files even when this sync moves no files.
    onForgotten: (files) => {
      if (files.length === 0) return;
      const here = blobs ?? new BlobStore(library.dir);
      for (const sha of files) removeFile(here, sha);
    },
  });
}

/** A conflict a person must decide, into the conflicts inbox (a delete against an edit the store records itself). */
export function recordConflict(library: Library, c: ConflictNote): void {
  if (c.reason !== 'delete-vs-edit' && c.revs) {
    library.docs.inbox.recordFields(c.id, c.revs.base, c.revs.ours, c.revs.theirs, c.fields, library.docs.now());
  }
}
