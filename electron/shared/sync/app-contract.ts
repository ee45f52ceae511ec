import { z } from 'zod';
import { ApiErrorSchema, type ApiError } from '../errors';
import { Empty, method } from '../methods';
import { addressWithoutAccount } from './server-address';

/**
 * Contract methods of sync in the app: where and what this library syncs, its password, the
 * schedule (online, on a timer, after local changes), "Sync now", pause, and a status a person
 * can read. Merged into API in contract.ts; the status also arrives as `sync.status` events.
 */

/** A server address: the server itself, not one of its databases (each office has its own). */
const ServerAddress = z
  .string()
  .trim()
  .max(2000)
  .refine((s) => s === '' || /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/i.test(s), 'must be an http:// or https:// address of a sync server, e.g. https://sync.example.org');

/**
 * "https://ana:secret@sync.example.org": settings are stored as they are, so a password in the
 * address would be kept in the library in clear; the account and its password have fields of
 * their own, and the password is kept in the system's keychain. Refused when settings are saved;
 * a record saved before this rule still reads (its address was never sent with them).
 */
const ServerAddressToSave = ServerAddress.refine((s) => addressWithoutAccount(s) === null, {
  message: 'must not hold an account or a password: write the address alone, and the account and its password in their own fields',
  params: { reason: 'credentialsInAddress' },
});

/** What a CouchDB database name allows after the prefix; office ids are made of these. */
export const SyncOfficeSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,199}$/, 'an office synced by database is named by its id: lower-case letters, digits, "-" and "_"');

export const SyncSettingsSchema = z
  .object({
    server: ServerAddress.default(''),
    user: z.string().trim().max(200).default(''),
    /** Databases are named `<prefix>-<office id>` on the server. */
    prefix: z
      .string()
      .regex(/^[a-z][a-z0-9_-]{0,63}$/, 'a database prefix starts with a lower-case letter, then letters, digits, "-" or "_"')
      .default('dateline'),
    /** The offices this library syncs; the first also carries documents that name no office. */
    offices: z.array(SyncOfficeSchema).max(50).default([]),
    /** Minutes between two syncs while nothing else starts one. */
    intervalMinutes: z.number().int().min(1).max(24 * 60).default(5),
  })
  .strict();
export type SyncSettings = z.output<typeof SyncSettingsSchema>;

/** The settings as a person saves them: the same, with no account or password in the address. */
export const SyncSettingsToSaveSchema = SyncSettingsSchema.extend({ server: ServerAddressToSave.default('') }).strict();

/** What is waiting to go to the server, counted per kind, with the bytes of its files. */
export interface SyncWaiting {
  releases: number;
  contacts: number;
  photos: number;
  /** Other attachments (documents, logos that are not photos, video). */
  files: number;
  /** Offices: an office's name, logo, colours and boilerplates (its settings, as Settings edits them). */
  offices: number;
  /** Kits and outlets. */
  others: number;
  /** Documents of any kind deleted here (a release put in the trash, an erased person): counted here only. */
  deletions: number;
  bytes: number;
}

export type SyncState =
  /** No server or no office chosen yet. */
  | 'not-set-up'
  | 'idle'
  | 'syncing'
  | 'paused'
  /** The machine is offline, or the server could not be reached. */
  | 'offline'
  /** The server asked for a password this computer does not have (or refused it). */
  | 'needs-password'
  /** The last sync failed for another reason (see `error`). */
  | 'failed';

export interface SyncStatus {
  /**
   * The order in which the core produced this status (counting from 1 in each run of the core,
   * named by `run`). A reply and an event can reach the window out of order (web mode sends them
   * on different connections), so of two statuses of one run the window keeps the higher; a
   * status from another run (the core restarted under the same window) replaces the one held.
   */
  seq: number;
  run: string;
  state: SyncState;
  paused: boolean;
  online: boolean;
  /** Where the password stands: kept in the system keychain, only for this session, or none. */
  password: 'kept' | 'session' | 'none';
  /** Whether this computer has a keychain the password may be kept in. */
  keychain: boolean;
  waiting: SyncWaiting;
  lastSyncedAt: string | null;
  /** When the next sync is planned, if one is. */
  nextAt: string | null;
  error: ApiError | null;
  clockSkewMs: number | null;
  clockWarning: boolean;
  /** What the last successful sync did, all offices together. */
  last: { sent: number; received: number; merged: number; conflicts: number; denied: number } | null;
  /** Each office's outcome in the last sync this session (one office failing does not stop the others). */
  offices: { office: string; error: ApiError | null; files: OfficeFiles | null; missing?: MissingDatabase }[];
}

/**
 * An office whose database the server does not have (the office failed with NOT_FOUND): its
 * name, and whether this account may create it (the server names it an administrator), in which
 * case Settings offers to (`sync.createDatabase`).
 */
export interface MissingDatabase {
  database: string;
  mayCreate: boolean;
}

/**
 * Why one attachment file did not come down, as a code and its parameters (the UI says it in the
 * person's language): the server's list of its chunks is damaged, the server's copy has another
 * size, one of its chunks is missing from the server or does not match its hash, the file put
 * together does not match its hash, or the office has no files database this account may create.
 * `chunk` counts from 1. A lost connection or a refused account is not here: it stops the sync.
 */
export const FileFailureSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('list-damaged') }).strict(),
  z.object({ code: z.literal('size-mismatch'), serverSize: z.number().int().min(0), size: z.number().int().min(0) }).strict(),
  z.object({ code: z.literal('chunk-missing'), chunk: z.number().int().min(1) }).strict(),
  z.object({ code: z.literal('chunk-damaged'), chunk: z.number().int().min(1) }).strict(),
  z.object({ code: z.literal('file-damaged') }).strict(),
  z.object({ code: z.literal('no-database') }).strict(),
]);
export type FileFailure = z.output<typeof FileFailureSchema>;
export type FileFailureCode = FileFailure['code'];

/** A failed file as the status shows it: the name of an attachment that holds it (its hash when none is here), and why. */
export const FailedFileSchema = z
  .object({ name: z.string().max(1000), sha256: z.string().regex(/^([0-9a-f]{64})?$/), why: FileFailureSchema })
  .strict();
export type FailedFile = z.output<typeof FailedFileSchema>;

/** How many failed files an office's status names (the count says how many there were in all). */
export const FAILED_FILES_SHOWN = 5;

/**
 * What became of an office's attachment files in a sync (null when its documents did not sync):
 * sent and received (by this computer's download policy), or held back because the office's
 * files database is not on the server and this account may not create it, or may not use it.
 */
export type OfficeFiles =
  | { state: 'synced'; uploaded: number; downloaded: number; notHere: number; failed: number; failedFiles: FailedFile[] }
  | { state: 'no-database' | 'refused'; database: string };

const Count = z.number().int().min(0);

const OfficeFilesSchema: z.ZodType<OfficeFiles> = z.discriminatedUnion('state', [
  z.object({ state: z.literal('synced'), uploaded: Count, downloaded: Count, notHere: Count, failed: Count, failedFiles: z.array(FailedFileSchema).max(FAILED_FILES_SHOWN) }),
  z.object({ state: z.enum(['no-database', 'refused']), database: z.string() }),
]);

/**
 * The status as it crosses from the core to a window (a reply or a `sync.status` event): the
 * window checks it once where it arrives (renderer/client), so a status it cannot read is an
 * error in words, never a crash in the settings screen.
 */
export const SyncStatusSchema: z.ZodType<SyncStatus> = z.object({
  seq: z.number().int().positive(),
  run: z.string().min(1),
  state: z.enum(['not-set-up', 'idle', 'syncing', 'paused', 'offline', 'needs-password', 'failed']),
  paused: z.boolean(),
  online: z.boolean(),
  password: z.enum(['kept', 'session', 'none']),
  keychain: z.boolean(),
  waiting: z.object({ releases: Count, contacts: Count, photos: Count, files: Count, offices: Count, others: Count, deletions: Count, bytes: Count }),
  lastSyncedAt: z.string().nullable(),
  nextAt: z.string().nullable(),
  error: ApiErrorSchema.nullable(),
  clockSkewMs: z.number().nullable(),
  clockWarning: z.boolean(),
  last: z.object({ sent: Count, received: Count, merged: Count, conflicts: Count, denied: Count }).nullable(),
  offices: z.array(
    z.object({
      office: z.string(),
      error: ApiErrorSchema.nullable(),
      files: OfficeFilesSchema.nullable(),
      missing: z.object({ database: z.string(), mayCreate: z.boolean() }).optional(),
    }),
  ),
});

export const SYNC_APP_API = {
  'sync.settings': method<SyncSettings>()(Empty),
  /** Saves where and what this library syncs; a changed server or account forgets the password. */
  'sync.configure': method<SyncStatus>()(SyncSettingsToSaveSchema),
  /**
   * The account's password for this session; `remember` keeps it in the system keychain where
   * there is one (never in plain text). Null forgets it, here and in the keychain.
   */
  'sync.password': method<SyncStatus>()(
    z.object({ password: z.string().min(1).max(1000).nullable(), remember: z.boolean().default(false) }).strict(),
  ),
  'sync.status': method<SyncStatus>()(Empty),
  /** Starts a sync now (unless one runs); the status follows as events. */
  'sync.now': method<SyncStatus>()(Empty),
  'sync.pause': method<SyncStatus>()(z.object({ paused: z.boolean() }).strict()),
  /** The window says whether the machine is online (its `online` and `offline` events). */
  'sync.online': method<SyncStatus>()(z.object({ online: z.boolean() }).strict()),
  /**
   * Creates an office's database on the server (one of the offices this library syncs, whose
   * database the server said it does not have), then syncs. Only a server administrator may:
   * anyone else is told so plainly (FORBIDDEN, reason `mayNotCreate`) and nothing is asked of the server.
   */
  'sync.createDatabase': method<SyncStatus>()(z.object({ office: SyncOfficeSchema }).strict()),
} as const;
