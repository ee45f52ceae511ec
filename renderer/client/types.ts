import type { CallResult, CoreEvent, InputOf, MethodName } from '../../electron/shared/contract';
import type { ApiError, Result } from '../../electron/shared/errors';
import { LibraryProblemSchema } from '../../electron/shared/library/problems';
import { SyncStatusSchema } from '../../electron/shared/sync/app-contract';
import type { SyncFileDialogReply, SyncFileDialogRequest } from '../../electron/shared/sync/file-dialog';
import type { BackupDialogReply, BackupDialogRequest } from '../../electron/shared/library/backup-dialog';
import type { CheckedBackup } from '../../electron/shared/library/contract';
import type { RestoreDialogReply, RestoreDialogRequest } from '../../electron/shared/library/restore-dialog';
import type { ContactFileChosen, ContactFileOpenReply, ContactFileOpenRequest, ContactFileReadReply, ContactFileReadRequest } from '../../electron/shared/contacts/file-dialog';

/** What the Electron preload exposes on window.dateline: a pipe and nothing else. */
export interface PreloadBridge {
  invoke(method: string, input: unknown): Promise<unknown>;
  on(listener: (event: unknown) => void): () => void;
  /** The desktop's save and open dialogs for a sync file (absent in a preload older than them). */
  syncFile?(request: SyncFileDialogRequest): Promise<unknown>;
  /** The desktop's save dialog for a backup (absent in a preload older than it). */
  backupFile?(request: BackupDialogRequest): Promise<unknown>;
  /** The desktop's open dialog for a backup to restore (absent in a preload older than it). */
  restoreFile?(request: RestoreDialogRequest): Promise<unknown>;
  /** The desktop's open dialog for a contacts file, kept by the main process (absent in a preload older than it). */
  contactFileOpen?(request: ContactFileOpenRequest): Promise<unknown>;
  /** A contacts file dropped on the window: its path goes from the preload to the main process, never to the page. */
  contactFileDropped?(file: File): Promise<unknown>;
  /** A reading of a contacts file the main process keeps. */
  contactFileRead?(request: ContactFileReadRequest): Promise<unknown>;
}

declare global {
  interface Window {
    dateline?: PreloadBridge;
  }
}

export type CoreListener = (event: CoreEvent) => void;

/**
 * The one way the UI talks to Dateline's core, whatever carries the call (IPC in the desktop
 * app, HTTP in web mode). Components get it from context, never build one themselves.
 */
export interface DatelineClient {
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<Result<CallResult<M>>>;
  on(listener: CoreListener): () => void;
  /** Called when the core refuses who we are (web mode without a valid token). */
  onUnauthorized(listener: () => void): () => void;
  /**
   * The desktop app only: the system's dialog picks the sync file and the core's job runs on it
   * (shared/sync/file-dialog.ts). Web mode has none and moves the file's bytes in a call instead.
   */
  syncFileDialog?(request: SyncFileDialogRequest): Promise<Result<SyncFileDialogReply>>;
  /**
   * Web mode only: a link to a file a call made for the browser (`library.backupFile`'s or
   * `kit.exportDownload`'s download), good once and for a minute, for the browser to save as it
   * arrives (app/download.ts `downloadFromLink`), never through the page's memory.
   */
  downloadLink?(id: string): Promise<Result<string>>;
  /**
   * The desktop app only: the system's save dialog picks where the backup goes and the core's
   * `library.backup` job writes it there (shared/library/backup-dialog.ts).
   */
  backupDialog?(request: BackupDialogRequest): Promise<Result<BackupDialogReply>>;
  /**
   * The desktop app only: the system's open dialog picks the backup and the core checks it
   * (shared/library/restore-dialog.ts); the window gets the check and its id, never the path.
   */
  restoreDialog?(request: RestoreDialogRequest): Promise<Result<RestoreDialogReply>>;
  /**
   * The desktop app only: the system's open dialog picks a contacts file, which the main process
   * keeps (shared/contacts/file-dialog.ts); the window gets a handle, the file's name and size, never the path.
   */
  contactFileDialog?(request: ContactFileOpenRequest): Promise<Result<ContactFileOpenReply>>;
  /**
   * The desktop app only: a contacts file dropped on the window, kept by the main process as a
   * chosen one is; null when the file has no path on this computer (dragged out of a browser or a
   * mail program), whose bytes are then sent as web mode sends them.
   */
  contactFileFromDrop?(file: File): Promise<Result<ContactFileChosen | null>>;
  /** The desktop app only: the core's `contact.importFile` job on a file the main process keeps, named by its handle. */
  contactFileRead?(request: ContactFileReadRequest): Promise<Result<ContactFileReadReply>>;
  /** Web mode only: sends a backup file for a restore (streamed to the library, checked there; see CheckedBackup). */
  uploadBackup?(file: Blob): Promise<Result<CheckedBackup>>;
}

const ERROR_CODE_LIKE = /^[A-Z_]{2,40}$/;

function isApiError(x: unknown): x is ApiError {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as Record<string, unknown>;
  return typeof e.code === 'string' && ERROR_CODE_LIKE.test(e.code) && typeof e.message === 'string';
}

/**
 * Replies whose value is checked here too: the sync status, which the settings screen reads
 * deep (each office, each failed file and why) and which also arrives as events.
 */
const CHECKED_REPLIES: Partial<Record<MethodName, typeof SyncStatusSchema>> = {
  'sync.configure': SyncStatusSchema,
  'sync.password': SyncStatusSchema,
  'sync.status': SyncStatusSchema,
  'sync.now': SyncStatusSchema,
  'sync.pause': SyncStatusSchema,
  'sync.online': SyncStatusSchema,
  'sync.createDatabase': SyncStatusSchema,
};

/**
 * Checks that what came over the wire is a Result. The value's inner shape is the core's
 * promise (the contract's result types), checked only for the methods above; the envelope is
 * checked here so a broken reply becomes an error in words rather than a crash somewhere in a
 * component.
 */
export function asResult<T>(raw: unknown, method?: MethodName): Result<T> {
  if (typeof raw === 'object' && raw !== null) {
    const r = raw as Record<string, unknown>;
    if (r.ok === true && 'value' in r) {
      const schema = method === undefined ? undefined : CHECKED_REPLIES[method];
      if (!schema) return { ok: true, value: r.value as T };
      const checked = schema.safeParse(r.value);
      return checked.success ? { ok: true, value: checked.data as T } : brokenReply();
    }
    if (r.ok === false && isApiError(r.error)) return { ok: false, error: r.error };
  }
  return brokenReply();
}

export function brokenReply<T>(): Result<T> {
  return {
    ok: false,
    error: { code: 'INTERNAL', message: 'Dateline sent a reply this window cannot read.', params: { reason: 'badReply' } },
  };
}

export function unreachable<T>(detail: string): Result<T> {
  return {
    ok: false,
    error: { code: 'INTERNAL', message: `Dateline is not answering (${detail}).`, params: { reason: 'unreachable' } },
  };
}

const EVENT_TYPES = new Set(['job.progress', 'job.done', 'job.failed', 'library.changed', 'library.problem', 'sync.status']);

/** Accepts an event only if it has the envelope the contract promises. */
export function asCoreEvent(raw: unknown): CoreEvent | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const e = raw as Record<string, unknown>;
  if (typeof e.type !== 'string' || !EVENT_TYPES.has(e.type)) return null;
  if (e.type === 'library.changed') return typeof e.lastSeq === 'number' ? (raw as CoreEvent) : null;
  if (e.type === 'library.problem') {
    return Array.isArray(e.problems) && e.problems.every((p) => LibraryProblemSchema.safeParse(p).success) ? (raw as CoreEvent) : null;
  }
  if (e.type === 'sync.status') {
    const status = SyncStatusSchema.safeParse(e.status);
    return status.success ? { type: 'sync.status', status: status.data } : null;
  }
  const job = e.job as Record<string, unknown> | undefined;
  if (typeof job !== 'object' || job === null || typeof job.id !== 'string') return null;
  return raw as CoreEvent;
}
