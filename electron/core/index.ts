import { BlobStore } from './attachments/blobs';
import type { CoreContext } from './context';
import { createDispatcher, type Dispatch, type Handlers } from './dispatcher';
import { JobManager } from './jobs';
import { Library, type LibraryOptions } from './store/library';
import { attachmentHandlers } from './attachments/handlers';
import { attachmentLifecycleHandlers } from './attachments/lifecycle';
import { historyHandlers } from './library/history';
import { trashHandlers } from './library/trash';
import { conflictHandlers } from './library/conflicts';
import { libraryHandlers } from './library/handlers';
import { officeHandlers } from './offices/handlers';
import { contactHandlers } from './contacts/handlers';
import { contactBulkHandlers } from './contacts/bulk-handlers';
import { contactPersonHandlers } from './contacts/person-handlers';
import { releaseHandlers } from './releases/handlers';
import { lifecycleHandlers } from './releases/lifecycle';
import { searchHandlers } from './search/handlers';
import { uiHandlers } from './ui/handlers';
import { importHandlers } from './import/handlers';
import { kitHandlers } from './kits/handlers';
import { syncHandlers } from './sync/handlers';
import { syncAppHandlers } from './sync/app-handlers';
import { SyncService, type SyncServiceOptions } from './sync/service';
import { sweepPending } from './litter';
import { sweepDownloads } from './library/downloads';
import { closePdfPrinter } from './kits/pdf';
import { ListGrowth } from './search/list-growth';

export const DEFAULT_ATTACHMENT_LIMIT = 200 * 1024 * 1024;

export interface CoreOptions extends LibraryOptions {
  attachmentLimit?: number;
  /** Check a big library's whole file in a worker after opening (long-running hosts only). */
  backgroundCheck?: boolean;
  /**
   * Every this many milliseconds, look for writes by another process (the CLI) and announce
   * them as `library.changed`, so open lists refresh. Web mode's event stream does this itself.
   */
  watchOutsideWrites?: number;
  /** Sync in the app: automatic sync (long-running hosts), its clock and the keychain. */
  sync?: SyncServiceOptions;
  /** List words grown frequent in the background after writes (long-running hosts only; see search/grow-lists.ts). */
  searchUpkeep?: boolean;
}

export interface Core {
  readonly ctx: CoreContext;
  readonly dispatch: Dispatch;
  readonly jobs: JobManager;
  readonly library: Library;
  /** The background job that lists words grown frequent (runs with `searchUpkeep`). */
  readonly listGrowth: ListGrowth;
  close(): void;
}

export const handlers: Handlers = {
  ...libraryHandlers,
  ...releaseHandlers,
  ...lifecycleHandlers,
  ...contactHandlers,
  ...officeHandlers,
  ...attachmentHandlers,
  ...attachmentLifecycleHandlers,
  ...historyHandlers,
  ...trashHandlers,
  ...conflictHandlers,
  ...searchHandlers,
  ...uiHandlers,
  ...importHandlers,
  ...kitHandlers,
  ...contactBulkHandlers,
  ...contactPersonHandlers,
  ...syncHandlers,
  ...syncAppHandlers,
};

/**
 * Opens a library folder and returns the dispatcher every transport (IPC, HTTP, CLI, tests)
 * calls. Runs the same in the desktop app's utility process, web mode, the CLI and tests.
 */
export async function openCore(dir: string, opts: CoreOptions = {}): Promise<Core> {
  let library = await Library.open(dir, opts);
  // Hidden .part files of exports and backups a killed process left in the person's folders,
  // and the backups it made for a browser to download.
  if (!library.readOnly) {
    sweepPending(dir);
    sweepDownloads(dir);
  }
  const blobs = new BlobStore(dir);
  const jobs = new JobManager();
  let closed = false;
  const sync = new SyncService(() => library, (e) => jobs.emit(e), opts.sync, blobs);
  const listGrowth = new ListGrowth(() => (closed || library.readOnly ? null : library.db));
  const noteWrites = (): void => {
    if (opts.searchUpkeep) listGrowth.noteWrites();
  };
  // Local changes (a job's, another process's) are sent shortly after the last of them.
  jobs.on((e) => {
    if (e.type === 'job.done' || e.type === 'library.changed') {
      sync.noteWrites();
      noteWrites();
    }
  });
  const ctx: CoreContext = {
    get library() {
      return library;
    },
    blobs,
    jobs,
    sync,
    dir,
    attachmentLimit: opts.attachmentLimit ?? DEFAULT_ATTACHMENT_LIMIT,
    async withLibraryClosed(work) {
      library.close();
      try {
        return await work(dir);
      } finally {
        library = await Library.open(dir, opts);
      }
    },
  };
  const dispatchCall = createDispatcher(ctx, handlers);
  // While a restore runs, the library it is about to replace takes no call but the jobs' (so the
  // restore can be followed and cancelled): a write there would be lost with it, and for the
  // moment of the swap there is no library to read. The app says why (reason "restoring").
  let restoring: string | null = null;
  jobs.on((e) => {
    if ((e.type !== 'job.done' && e.type !== 'job.failed') || e.job.id !== restoring) return;
    restoring = null;
    // Open lists (in every window) read the restored library; told once they may call again.
    if (e.type === 'job.done') jobs.emit({ type: 'library.changed', lastSeq: library.docs.lastSeq() });
  });
  const dispatch: Dispatch = async (method, input, caller) => {
    if (restoring !== null && !(typeof method === 'string' && method.startsWith('job.'))) {
      return {
        ok: false,
        error: { code: 'LIBRARY_BUSY', message: 'A backup is being restored into this library; try again once it has finished.', params: { reason: 'restoring' } },
      };
    }
    const result = await dispatchCall(method, input, caller);
    if (result.ok && (method === 'library.restore' || method === 'library.restoreBackup')) {
      const { jobId } = result.value as { jobId: string };
      // A restore refused at once (a file that is not there) may have ended before its id came back.
      restoring = jobs.get(jobId).state === 'running' ? jobId : null;
    }
    if (result.ok && typeof method === 'string' && !method.startsWith('sync.')) sync.noteWrites();
    if (result.ok) noteWrites();
    return result;
  };
  // A build a restart cut short goes on; a library grown since its last scan is scanned.
  noteWrites();
  if (opts.watchOutsideWrites) {
    const timer = setInterval(() => {
      if (closed) return clearInterval(timer);
      try {
        if (library.changedOutside()) jobs.emit({ type: 'library.changed', lastSeq: library.docs.lastSeq() });
      } catch {
        // The library is being swapped by a restore; the next tick looks again.
      }
    }, opts.watchOutsideWrites);
    timer.unref();
  }
  if (opts.backgroundCheck) {
    void library.checkInBackground().then((problems) => {
      if (problems.length > 0 && !closed) jobs.emit({ type: 'library.problem', problems });
    });
  }
  return {
    ctx,
    dispatch,
    jobs,
    get library() {
      return library;
    },
    listGrowth,
    close() {
      if (closed) return;
      closed = true;
      listGrowth.close();
      void sync.close();
      library.close();
      // A warm Chromium kept for PDF printing must not outlive the core.
      void closePdfPrinter();
    },
  };
}
