import type { z } from 'zod';
import type { ApiError, Result } from './errors';
import type { MethodDef } from './methods';
import { ATTACHMENT_API } from './attachments/contract';
import { CONFLICT_API } from './conflicts/contract';
import { CONTACT_API } from './contacts/contract';
import { IMPORT_API } from './import/contract';
import { KIT_API } from './kits/contract';
import { LIBRARY_API, type JobInfo } from './library/contract';
import type { LibraryProblem } from './library/problems';
import { OFFICE_API } from './offices/contract';
import { RELEASE_API } from './releases/contract';
import { SEARCH_API } from './search/contract';
import { SYNC_API } from './sync/contract';
import { TRASH_API } from './library/trash-contract';
import { SYNC_APP_API, type SyncStatus } from './sync/app-contract';
import { UI_API } from './ui/contract';
import type { UiLanguageCode } from './ui/languages';

/**
 * The contract: every method Dateline's core answers, with its input schema and result type.
 * The desktop IPC bridge, web mode's HTTP transport, the CLI and the tests all call these.
 * Each domain declares its methods in its own folder (shared/<domain>/contract.ts); this is the
 * one door that joins them, so the dispatcher and every client see a single API.
 */

export type { Access, Created, Meanwhile, MethodDef, NamedSummary, Page, Saved } from './methods';
export type { AttachmentAdded, AttachmentDownload, AttachmentLocation, AttachmentReferences, AttachmentSummary } from './attachments/contract';
export type { ConflictCase, ConflictChoice } from './conflicts/contract';
export type { ContactSummary } from './contacts/contract';
export type { KitSummary } from './kits/contract';
export type { BackupResult, CompactResult, Draft, JobInfo, LibraryInfo, RestoreResult, HistoryRevision, RevisionSummary, ShownRevision } from './library/contract';
export type { JobStep } from './library/job-steps';
export type { DocVersion, VersionChange } from './library/version-changes';
export type { LibraryProblem } from './library/problems';
export type { DeletedItem, TrashRestored } from './library/trash-contract';
export type { ReleaseSummary } from './releases/contract';
export type { SearchHit } from './search/contract';
export type { ConflictNote, SyncFileExport, SyncFileImport, SyncSummary } from './sync/contract';
export type { FailedFile, FileFailure, MissingDatabase, OfficeFiles, SyncSettings, SyncState, SyncStatus, SyncWaiting } from './sync/app-contract';

export const API = {
  ...LIBRARY_API,
  ...TRASH_API,
  ...RELEASE_API,
  ...CONTACT_API,
  ...OFFICE_API,
  ...KIT_API,
  ...ATTACHMENT_API,
  ...SEARCH_API,
  ...IMPORT_API,
  ...CONFLICT_API,
  ...SYNC_API,
  ...SYNC_APP_API,
  ...UI_API,
} as const;

export type Api = typeof API;
export type MethodName = keyof Api;
export type InputOf<M extends MethodName> = z.input<Api[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Api[M]['input']>;
export type OutputOf<M extends MethodName> = Api[M] extends MethodDef<z.ZodType, infer O, boolean> ? O : never;
/** The long-running methods: they answer with a job id; the result comes with job.done. */
export type JobMethodName = { [M in MethodName]: Api[M] extends MethodDef<z.ZodType, unknown, true> ? M : never }[MethodName];
/** What a call returns: the value, or for a job method its id. */
export type CallResult<M extends MethodName> = Api[M] extends MethodDef<z.ZodType, unknown, true> ? { jobId: string } : OutputOf<M>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(API, name);
}

/** Events the core pushes to a window or page. */
export type CoreEvent =
  | { type: 'job.progress'; job: JobInfo }
  | { type: 'job.done'; job: JobInfo; result: unknown }
  | { type: 'job.failed'; job: JobInfo; error: { code: string; message: string; params?: ApiError['params'] } }
  | { type: 'library.changed'; lastSeq: number }
  /** The background check of a big library found damage: offer to restore a backup. */
  | { type: 'library.problem'; problems: LibraryProblem[] }
  /** The person chose another interface language (the desktop shell rewords its menu). */
  | { type: 'ui.language'; language: UiLanguageCode }
  /** Sync in the app moved on (started, finished, failed, paused, went offline, has new work waiting). */
  | { type: 'sync.status'; status: SyncStatus };

/** What the desktop preload exposes as `window.dateline`: a pipe to the dispatcher, nothing else. */
export interface DatelineBridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  on(listener: (event: CoreEvent) => void): () => void;
}
