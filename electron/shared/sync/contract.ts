import { z } from 'zod';
import { DocIdSchema } from '../documents';
import { Empty, jobMethod, localPath, method } from '../methods';
import type { FileFailure } from './app-contract';

/** Contract methods of sync: with a CouchDB-protocol server, and through a sync file. Merged into API in contract.ts. */

export interface ConflictNote {
  id: string;
  reason: 'same-field' | 'delete-vs-edit' | 'no-ancestor' | 'many-branches';
  fields: string[];
  /** The two leaves and their common revision, where there are exactly two. */
  revs?: { base: string | null; ours: string; theirs: string };
}

export interface DeniedNote {
  id: string;
  rev: string;
  reason: string;
  direction: 'pull' | 'push';
}

export interface SyncSummary {
  remote: string;
  /** Documents that received revisions, the revisions they received (a document's leaves each count: a merge and the branch it closes are two), and bytes on the wire. */
  pulled: { docs: number; revisions: number; bytes: number };
  pushed: { docs: number; revisions: number; bytes: number };
  /** Conflicts settled by themselves (different fields changed). */
  merged: number;
  /** Conflicts waiting for a person on the Conflicts screen. */
  conflicts: ConflictNote[];
  /** Documents left in conflict for a newer Dateline to merge (a branch of a newer schema version); absent when none. */
  newer?: string[];
  /** Documents one side refused; the rest went through. */
  denied: DeniedNote[];
  /** Server clock minus this computer's, when the server said. */
  clockSkewMs: number | null;
  clockWarning: boolean;
  finishedAt: string;
  /** Attachment files, sent and received as chunks after the documents; absent when files were not synced. */
  files?: FilesSummary;
}

/** When this computer downloads attachment files: at every sync, when one is opened or exported, or only by hand. */
export const FILE_POLICIES = ['always', 'opened', 'never'] as const;
export type FilePolicy = (typeof FILE_POLICIES)[number];

export interface AttachmentFetched {
  /** `stored`: downloaded and checked now; `here`: it already was; `not-on-server`: its library has not uploaded it yet. */
  outcome: 'stored' | 'here' | 'not-on-server';
  bytes: number;
}

export interface FilesSummary {
  policy: FilePolicy;
  uploaded: { files: number; chunks: number; bytes: number };
  downloaded: { files: number; chunks: number; bytes: number };
  /** Attachment files still not on this computer (on the server, or not yet uploaded by their library). */
  notHere: { files: number; bytes: number };
  /** Files refused (a chunk that does not match its hash) or missing a chunk; the rest went through. */
  failed: { sha256: string; reason: string; why: FileFailure }[];
}

export interface SyncFileExport {
  docs: number;
  files: number;
  /** Where this peer's next export starts (recorded only with a peer name). */
  lastSeq: number;
}

export interface SyncFileImport {
  written: number;
  skipped: number;
  files: number;
  denied: { id: string; rev: string; reason: string }[];
  /** Conflicts settled by themselves (different fields changed), as after a sync. */
  merged: number;
  /** Conflicts waiting for a person on the Conflicts screen. */
  conflicts: ConflictNote[];
  /** Documents left in conflict for a newer Dateline to merge, as after a sync; absent when none. */
  newer?: string[];
}

/**
 * The largest sync file web mode moves through the browser (its bytes travel base64 inside the
 * JSON of a call, as a kit export's do). The desktop app and the CLI write and read a file on
 * this computer and have no such limit.
 */
export const SYNC_FILE_WEB_MAX_BYTES = 100 * 1024 * 1024;

/** The sync file's extension (without the dot): what the save dialog adds and the open dialog lists. */
export const SYNC_FILE_EXTENSION = 'dateline-sync';

/**
 * The name a new sync file is offered under: the library (when known) and the office it is for,
 * then the day, so two files from one office sort by date.
 */
export function syncFileName(libraryId: string | null, peer: string | null, day: string): string {
  const lib = libraryId === null ? '' : `-${libraryId.replace(/[^A-Za-z0-9-]/g, '').slice(0, 12) || 'library'}`;
  return `dateline-sync${lib}${peer ? `-for-${peer}` : ''}-${day}.${SYNC_FILE_EXTENSION}`;
}

/** A sync file made for the browser to download: its name and bytes, and what it carries. */
export interface SyncFileBytes extends SyncFileExport {
  name: string;
  /** The file's bytes, base64-encoded. */
  data: string;
  bytes: number;
}

const ServerUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((s) => /^https?:\/\/[^\s]+$/i.test(s), 'must be an http:// or https:// address of a database, e.g. https://sync.example.org/office-kampala');

export const SyncRunInput = z
  .object({
    remote: ServerUrl,
    user: z.string().max(200).optional(),
    password: z.string().max(1000).optional(),
    /** Create the database on the server when it is missing. */
    create: z.boolean().default(false),
  })
  .strict();

export const PeerName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'a peer name is letters, digits, dots, dashes and underscores (up to 64)');

export const SYNC_API = {
  'sync.run': jobMethod<SyncSummary>()(SyncRunInput),
  'sync.export': jobMethod<SyncFileExport>()(z.object({ out: localPath(), peer: PeerName.nullable().default(null) }).strict(), { access: 'local' }),
  'sync.import': jobMethod<SyncFileImport>()(z.object({ from: localPath() }).strict(), { access: 'local' }),
  /**
   * The same two for web mode, where the browser chooses no path: the file is made in the
   * library's own tmp/ folder and its bytes answered for download; an upload's bytes are
   * written there, imported exactly as `sync.import` does, and removed.
   */
  'sync.exportFile': jobMethod<SyncFileBytes>()(z.object({ peer: PeerName.nullable().default(null) }).strict()),
  'sync.importFile': jobMethod<SyncFileImport>()(
    z
      .object({
        name: z.string().trim().min(1).max(1000),
        data: z
          .base64({ message: 'file data must be base64' })
          .max(Math.ceil((SYNC_FILE_WEB_MAX_BYTES * 4) / 3) + 4, `a sync file opened in the browser is at most ${SYNC_FILE_WEB_MAX_BYTES / 1024 / 1024} MB; larger ones open in the desktop app or with \`dateline sync import\``),
      })
      .strict(),
  ),
  /**
   * Brings one attachment's file down from the server now (someone opened or exported it):
   * from `remote` (a documents database; its files database is beside it), or without it from
   * the offices sync in the app is set up for, with its password.
   */
  'attachment.fetch': jobMethod<AttachmentFetched>()(SyncRunInput.omit({ create: true }).extend({ id: DocIdSchema, remote: ServerUrl.optional() }).strict()),
  'sync.filesPolicy': method<FilePolicy>()(Empty),
  'sync.setFilesPolicy': method<FilePolicy>()(z.object({ policy: z.enum(FILE_POLICIES) }).strict()),
} as const;
