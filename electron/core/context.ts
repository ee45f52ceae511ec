import type { Library } from './store/library';
import type { JobManager } from './jobs';
import type { BlobStore } from './attachments/blobs';
import type { SyncService } from './sync/service';

/** Everything a handler needs: the open library, its files, the job runner. */
export interface CoreContext {
  /** The open library. Read it afresh on every use: a restore replaces it. */
  readonly library: Library;
  readonly blobs: BlobStore;
  readonly jobs: JobManager;
  /** The library folder. */
  readonly dir: string;
  /** Sync in the app: settings, password, schedule and status (openCore makes it; a bare context has none). */
  readonly sync?: SyncService;
  /** Largest attachment accepted, in bytes. */
  readonly attachmentLimit: number;
  /**
   * Closes the library, runs `work` on the folder while nothing has it open (a restore swaps
   * the database file), then opens it again, even if `work` failed.
   */
  withLibraryClosed<T>(work: (dir: string) => Promise<T>): Promise<T>;
}
