import { z } from 'zod';
import { DocIdSchema, RevSchema, type DocType } from '../documents';
import { BaseRev, Empty, jobMethod, Limit, method, type Created } from '../methods';
import type { JobStep } from './job-steps';
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

export interface LibraryInfo {
  path: string;
  author: string;
  schemaVersion: number;
  lastSeq: number;
  counts: Record<DocType, number>;
  attachmentLimitBytes: number;
}

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
}

export interface BackupResult {
  path: string;
  bytes: number;
  documents: number;
  files: number;
}

export interface RestoreResult {
  documents: number;
  files: number;
  /** Where the library that was replaced went (kept, never deleted). */
  previous: string | null;
}

export const LIBRARY_API = {
  'library.info': method<LibraryInfo>()(Empty),
  'library.check': jobMethod<{ problems: LibraryProblem[] }>()(Empty),
  'library.changes': method<{ lastSeq: number; changes: { seq: number; id: string; rev: string; deleted: boolean }[] }>()(
    z.object({ since: z.number().int().min(0), limit: Limit }).strict(),
  ),
  'library.backup': jobMethod<BackupResult>()(z.object({ out: z.string().min(1).max(4096) }).strict(), { access: 'local' }),
  'library.restore': jobMethod<RestoreResult>()(z.object({ from: z.string().min(1).max(4096) }).strict(), { access: 'local' }),

  'doc.delete': method<Created>()(z.object({ id: DocIdSchema, rev: BaseRev }).strict()),
  'doc.history': method<RevisionSummary[]>()(z.object({ id: DocIdSchema }).strict()),
  'doc.revision': method<Record<string, unknown> & { id: string; rev: string; deleted: boolean }>()(
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
