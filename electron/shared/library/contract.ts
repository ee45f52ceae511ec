import { z } from 'zod';
import { DocIdSchema, RevSchema, type Doc, type DocType } from '../documents';
import { BaseRev, Empty, jobMethod, Limit, localPath, method, type Created } from '../methods';
import type { ExportFormat } from '../kits/layout';
import type { JobStep } from './job-steps';
import type { DocVersion } from './version-changes';
import { NoticeIdSchema, type LibraryNotice } from './notices';
import type { LibraryProblem } from './problems';

/**
 * Contract methods of the library as a whole: its facts, check, changes, backup and restore,
 * every document's history and draft journal, and the jobs long work runs as. Merged into API in contract.ts.
 */

export interface RevisionSummary {
  rev: string;
  parent: string | null;
  deleted: boolean;
  leaf: boolean;
  winner: boolean;
  author: string;
  at: string;
  /** False when the body was compacted away; the revision is still part of the tree. */
  available: boolean;
}

/** A revision as `doc.history` gives it: with the editing session that committed it, when this library knows it (history-versions.ts). */
export interface HistoryRevision extends RevisionSummary {
  session: string | null;
}

export interface LibraryInfo {
  path: string;
  author: string;
  schemaVersion: number;
  lastSeq: number;
  counts: Record<DocType, number>;
  attachmentLimitBytes: number;
}

/**
 * One revision for reading (history, the conflicts inbox): the document decoded by its type, or
 * as stored when a newer Dateline wrote it; a deletion is its tombstone.
 */
export type ShownRevision<T extends DocType = DocType> = (Doc<T> & { deleted: false }) | { id: string; rev: string; deleted: true; [field: string]: unknown };

export interface Draft {
  id: string;
  baseRev: string | null;
  fields: Record<string, unknown>;
  session: string;
  author: string;
  startedAt: string;
  updatedAt: string;
}

export interface JobInfo {
  id: string;
  method: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  done: number;
  total: number | null;
  /** What the job is doing, for the UI to word; null before its first step. */
  step: JobStep | null;
  /** The step, or the failure, in English: the CLI's words and the UI's fallback. */
  message: string | null;
  /** What the job works on, as the person knows it: a kit's title and the format made of it. */
  subject?: JobSubject | null;
}

export interface JobSubject {
  title: string;
  /** The one format a kit export makes ("pdf"), worded by the window; absent for several. */
  format?: ExportFormat;
}

export interface BackupResult {
  path: string;
  bytes: number;
  documents: number;
  files: number;
  /** SHA-256 of each attachment file left out because its bytes no longer match (damaged on disk). */
  leftOut: string[];
}

/** A backup's file name ends so; the CLI's and the app's alike. */
export const BACKUP_EXTENSION = 'dateline-backup';

/** The name the app offers for a backup made on `day` (YYYY-MM-DD). */
export function backupFileName(day: string): string {
  return `Dateline backup ${day}.${BACKUP_EXTENSION}`;
}

/**
 * Web mode's backup: made by the core in the library's tmp/ and fetched once, streamed, from
 * `GET /api/download/<download>` (with the token), which removes it after. Unfetched, it is removed
 * after BACKUP_DOWNLOAD_TTL_MS.
 */
export interface BackupDownload {
  download: string;
  name: string;
  bytes: number;
  documents: number;
  files: number;
  leftOut: string[];
}

export const BACKUP_DOWNLOAD_TTL_MS = 10 * 60 * 1000;

/** The last backup this library made (a `_local` record: this computer's, never replicated). */
export interface LastBackup {
  at: string;
  bytes: number;
}

export interface RestoreResult {
  /** When the backup was made, as it records it (null for a backup that does not say). */
  createdAt: string | null;
  documents: number;
  files: number;
  /** The files the backup was made without (damaged in the library it was made from). */
  leftOut: string[];
  /** Where the library that was replaced went (kept, never deleted). */
  previous: string | null;
}

/**
 * A backup checked by the core (readable, a Dateline backup, not from a newer Dateline) and
 * waiting for the person to confirm the restore: `library.restoreBackup` is given its id, so
 * the window never names a file. The desktop's open dialog makes one from the path chosen
 * (`library.checkBackup`, called by the main process), web mode's upload from the file sent.
 */
export interface CheckedBackup {
  backup: string;
  /** When the backup was made (its own record), or null for a backup that does not say. */
  createdAt: string | null;
  bytes: number;
  documents: number;
  files: number;
}

/** How long a checked backup waits for the confirmation; an uploaded one is removed then. */
export const CHECKED_BACKUP_TTL_MS = 30 * 60 * 1000;

/** Web mode: the largest backup a browser may upload for a restore (larger ones: the desktop app or `dateline restore`). */
export const BACKUP_UPLOAD_MAX_BYTES = 2 * 1024 * 1024 * 1024;

const CheckedBackupId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'not the id of a checked backup');

export interface CompactResult {
  /** Bodies of old revisions removed; their places in each history stay. */
  removed: number;
}

export const LIBRARY_API = {
  'library.info': method<LibraryInfo>()(Empty),
  /** What the person has not been told yet about this library (a damaged one moved aside), or null. */
  'library.notice': method<LibraryNotice | null>()(Empty),
  /** Records that the person saw the notice, so no later start shows it again. */
  'library.noticeSeen': method<{ seen: boolean }>()(z.object({ id: NoticeIdSchema }).strict()),
  /** Problems found, and apart from them (not damage) the attachment files the server holds that are not downloaded here yet. */
  'library.check': jobMethod<{ problems: LibraryProblem[]; notDownloaded: { files: number; bytes: number } }>()(Empty),
  'library.changes': method<{ lastSeq: number; changes: { seq: number; id: string; rev: string; deleted: boolean }[] }>()(
    z.object({ since: z.number().int().min(0), limit: Limit }).strict(),
  ),
  'library.backup': jobMethod<BackupResult>()(z.object({ out: localPath() }).strict(), { access: 'local' }),
  /** Web mode: a backup for the browser to download (BackupDownload). */
  'library.backupFile': jobMethod<BackupDownload>()(Empty),
  'library.lastBackup': method<LastBackup | null>()(Empty),
  'library.restore': jobMethod<RestoreResult>()(z.object({ from: localPath() }).strict(), { access: 'local' }),
  /** Checks a backup before the person confirms a restore (the desktop's open dialog; see CheckedBackup). */
  'library.checkBackup': method<CheckedBackup>()(z.object({ from: localPath() }).strict(), { access: 'local' }),
  /** Replaces the library with a checked backup (the library replaced is kept under replaced/). */
  'library.restoreBackup': jobMethod<RestoreResult>()(z.object({ backup: CheckedBackupId }).strict()),
  /** The person did not confirm: the checked backup is forgotten (an uploaded one removed now). */
  'library.forgetBackup': method<{ forgotten: boolean }>()(z.object({ backup: CheckedBackupId }).strict()),
  /** Removes old revision bodies, of one document or (without `id`) of the whole library. */
  'library.compact': jobMethod<CompactResult>()(z.object({ id: DocIdSchema.optional() }).strict()),

  'doc.delete': method<Created>()(z.object({ id: DocIdSchema, rev: BaseRev }).strict()),
  'doc.history': method<HistoryRevision[]>()(z.object({ id: DocIdSchema }).strict()),
  /** The versions a person reads in the history panel (history-versions.ts), newest first, deletions included, each with what it changed (version-changes.ts). */
  'doc.versions': method<DocVersion[]>()(z.object({ id: DocIdSchema }).strict()),
  'doc.revision': method<ShownRevision>()(
    z.object({ id: DocIdSchema, rev: RevSchema }).strict(),
  ),
  'doc.restore': method<Created>()(z.object({ id: DocIdSchema, rev: RevSchema }).strict()),

  'draft.save': method<{ updatedAt: string }>()(
    z
      .object({
        id: DocIdSchema,
        baseRev: BaseRev,
        session: z.string().min(1).max(100),
        fields: z.record(z.string(), z.unknown()),
      })
      .strict(),
  ),
  'draft.get': method<Draft | null>()(z.object({ id: DocIdSchema }).strict()),
  'draft.commit': method<Created | null>()(z.object({ id: DocIdSchema }).strict()),
  'draft.discard': method<{ discarded: boolean }>()(z.object({ id: DocIdSchema }).strict()),

  'job.get': method<JobInfo>()(z.object({ id: z.string().max(100) }).strict()),
  'job.list': method<JobInfo[]>()(Empty),
  'job.cancel': method<JobInfo>()(z.object({ id: z.string().max(100) }).strict()),
} as const;
