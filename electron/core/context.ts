import type { Library } from './store/library';
import type { JobManager } from './jobs';
import type { BlobStore } from './attachments/blobs';

/** Everything a handler needs: the open library, its files, the job runner. */
export interface CoreContext {
  library: Library;
  blobs: BlobStore;
  jobs: JobManager;
  /** Largest attachment accepted, in bytes. */
  attachmentLimit: number;
  /** Replaces the open library (after a restore); handlers always read `library` afresh. */
  reopen(): Promise<void>;
}
