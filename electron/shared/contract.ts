import { z } from 'zod';
import {
  AttachmentEditableFields,
  ContactFields,
  DocIdSchema,
  DocTypeSchema,
  KitFields,
  LanguageSchema,
  OfficeFields,
  OutletFields,
  ReleaseFields,
  ReleaseStatusSchema,
  RevSchema,
  type Doc,
  type DocType,
} from './documents';

/**
 * The contract: every method Dateline's core answers, with its input schema and result type.
 * The desktop IPC bridge, web mode's HTTP transport, the CLI and the tests all call these.
 */

import type { Result } from './errors';
import { jobMethod, method, type MethodDef } from './methods';
export type { Access, MethodDef } from './methods';
import { IMPORT_API } from './import-contract';
import { KIT_API } from './kit-contract';
import { CONFLICT_API } from './conflict-contract';

const Empty = z.object({}).strict();
const Limit = z.number().int().min(1).max(500).default(50);
const Cursor = z.string().max(200).nullable().default(null);
const Query = z.string().max(500);
const BaseRev = RevSchema.nullable().default(null);

export interface Created {
  id: string;
  rev: string;
}

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  total: number;
}

export interface ReleaseSummary {
  id: string;
  rev: string;
  headline: string;
  language: string;
  status: string;
  office: string | null;
  releaseDate: string | null;
  embargoAt: string | null;
  translationGroup: string | null;
  updatedAt: string;
  tags: string[];
}

export interface ContactSummary {
  id: string;
  rev: string;
  kind: 'spokesperson' | 'journalist';
  name: string;
  organisation: string | null;
  outlet: string | null;
  updatedAt: string;
}

export interface NamedSummary {
  id: string;
  rev: string;
  name: string;
  updatedAt: string;
}

export interface AttachmentSummary {
  id: string;
  rev: string;
  sha256: string;
  originalName: string;
  mediaType: string;
  size: number;
  updatedAt: string;
  hasThumbnail: boolean;
}

export interface KitSummary {
  id: string;
  rev: string;
  title: string;
  language: string;
  itemCount: number;
  updatedAt: string;
}

export interface SearchHit {
  id: string;
  type: DocType;
  title: string;
  detail: string | null;
}

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
  message: string | null;
}

export interface AttachmentAdded extends Created {
  sha256: string;
  /** True when the same bytes were already in the library (no second copy was written). */
  deduped: boolean;
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

/**
 * A change to some fields: each field optional and, unlike `.partial()` in zod 4, without its
 * default, so a field left out stays as it is instead of being reset.
 */
export function changeOf<T extends z.ZodObject>(fields: T) {
  const shape: Record<string, z.ZodType> = {};
  for (const [k, v] of Object.entries(fields.shape as Record<string, z.ZodType>)) {
    shape[k] = (v instanceof z.ZodDefault ? (v.unwrap() as z.ZodType) : v).optional();
  }
  return z.object(shape).strict() as unknown as z.ZodType<Partial<z.output<T>>, Partial<z.input<T>>>;
}

const fieldsUpdate = <T extends z.ZodObject>(fields: T) =>
  z
    .object({
      id: DocIdSchema,
      rev: BaseRev,
      fields: changeOf(fields),
    })
    .strict();

const pageInput = <T extends z.ZodRawShape>(shape: T) =>
  z.object({ limit: Limit, cursor: Cursor, query: Query.optional(), ...shape }).strict();

export const ReleaseCreateInput = ReleaseFields;
export const ContactCreateInput = ContactFields;

export const API = {
  'library.info': method<LibraryInfo>()(Empty),
  'library.check': jobMethod<{ problems: string[] }>()(Empty),
  'library.changes': method<{ lastSeq: number; changes: { seq: number; id: string; rev: string; deleted: boolean }[] }>()(
    z.object({ since: z.number().int().min(0), limit: Limit }).strict(),
  ),
  'library.backup': jobMethod<BackupResult>()(z.object({ out: z.string().min(1).max(4096) }).strict(), { access: 'local' }),
  'library.restore': jobMethod<RestoreResult>()(z.object({ from: z.string().min(1).max(4096) }).strict(), { access: 'local' }),

  'release.create': method<Created>()(ReleaseCreateInput),
  'release.update': method<Created>()(fieldsUpdate(ReleaseFields)),
  'release.get': method<Doc<'release'>>()(z.object({ id: DocIdSchema }).strict()),
  'release.list': method<Page<ReleaseSummary>>()(
    pageInput({
      status: ReleaseStatusSchema.optional(),
      language: LanguageSchema.optional(),
      office: DocIdSchema.optional(),
      tag: z.string().max(60).optional(),
    }),
  ),
  'release.translate': method<Created>()(z.object({ id: DocIdSchema, language: LanguageSchema }).strict()),
  'release.versions': method<ReleaseSummary[]>()(z.object({ id: DocIdSchema }).strict()),

  'contact.create': method<Created>()(ContactCreateInput),
  'contact.update': method<Created>()(fieldsUpdate(ContactFields)),
  'contact.get': method<Doc<'contact'>>()(z.object({ id: DocIdSchema }).strict()),
  'contact.list': method<Page<ContactSummary>>()(pageInput({ kind: z.enum(['spokesperson', 'journalist']).optional() })),
  'contact.match': method<ContactSummary[]>()(
    z.object({ emails: z.array(z.string().max(320)).max(20).default([]), phones: z.array(z.string().max(40)).max(20).default([]) }).strict(),
  ),

  'outlet.create': method<Created>()(OutletFields),
  'outlet.update': method<Created>()(fieldsUpdate(OutletFields)),
  'outlet.get': method<Doc<'outlet'>>()(z.object({ id: DocIdSchema }).strict()),
  'outlet.list': method<Page<NamedSummary>>()(pageInput({})),

  'office.create': method<Created>()(OfficeFields),
  'office.update': method<Created>()(fieldsUpdate(OfficeFields)),
  'office.get': method<Doc<'office'>>()(z.object({ id: DocIdSchema }).strict()),
  'office.list': method<Page<NamedSummary>>()(pageInput({})),

  'kit.create': method<Created>()(KitFields),
  'kit.update': method<Created>()(fieldsUpdate(KitFields)),
  'kit.get': method<Doc<'kit'>>()(z.object({ id: DocIdSchema }).strict()),
  'kit.list': method<Page<KitSummary>>()(pageInput({})),

  'attachment.add': method<AttachmentAdded>()(
    z
      .object({
        name: z.string().min(1, 'the file needs a name').max(1000),
        /** The file's bytes, base64-encoded. */
        data: z.base64({ message: 'file data must be base64' }),
        mediaType: z.string().max(255).optional(),
        fields: changeOf(AttachmentEditableFields).optional(),
      })
      .strict(),
  ),
  'attachment.update': method<Created>()(fieldsUpdate(AttachmentEditableFields)),
  'attachment.get': method<Doc<'attachment'>>()(z.object({ id: DocIdSchema }).strict()),
  'attachment.list': method<Page<AttachmentSummary>>()(pageInput({ release: DocIdSchema.optional() })),
  'attachment.content': method<{ mediaType: string; data: string; size: number }>()(
    z.object({ id: DocIdSchema, variant: z.enum(['original', 'thumbnail']).default('original') }).strict(),
  ),

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

  search: method<SearchHit[]>()(
    z
      .object({
        query: Query,
        types: z.array(DocTypeSchema).max(6).optional(),
        limit: z.number().int().min(1).max(200).default(20),
      })
      .strict(),
  ),

  'job.get': method<JobInfo>()(z.object({ id: z.string().max(100) }).strict()),
  'job.list': method<JobInfo[]>()(Empty),
  'job.cancel': method<JobInfo>()(z.object({ id: z.string().max(100) }).strict()),
  ...IMPORT_API,
  ...KIT_API,
  ...CONFLICT_API,
} as const;

export type Api = typeof API;
export type MethodName = keyof Api;
export type InputOf<M extends MethodName> = z.input<Api[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Api[M]['input']>;
export type OutputOf<M extends MethodName> = Api[M] extends MethodDef<z.ZodType, infer O, boolean> ? O : never;
/** What a call returns: the value, or for a job method its id. */
export type CallResult<M extends MethodName> = Api[M] extends MethodDef<z.ZodType, unknown, true> ? { jobId: string } : OutputOf<M>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(API, name);
}

/** Events the core pushes to a window or page. */
export type CoreEvent =
  | { type: 'job.progress'; job: JobInfo }
  | { type: 'job.done'; job: JobInfo; result: unknown }
  | { type: 'job.failed'; job: JobInfo; error: { code: string; message: string } }
  | { type: 'library.changed'; lastSeq: number }
  /** The background check of a big library found damage: offer to restore a backup. */
  | { type: 'library.problem'; problems: string[] };

/** What the desktop preload exposes as `window.dateline`: a pipe to the dispatcher, nothing else. */
export interface DatelineBridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  on(listener: (event: CoreEvent) => void): () => void;
}
