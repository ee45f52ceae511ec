import { z } from 'zod';
import type { ApiError } from '../errors';
import { Empty, method } from '../methods';

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

/** What is waiting to go to the server, counted per kind, with the bytes of its files. */
export interface SyncWaiting {
  releases: number;
  contacts: number;
  photos: number;
  /** Other attachments (documents, logos that are not photos, video). */
  files: number;
  /** Kits, offices, outlets. */
  others: number;
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
  offices: { office: string; error: ApiError | null; files: OfficeFiles | null }[];
}

/**
 * What became of an office's attachment files in a sync (null when its documents did not sync):
 * sent and received (by this computer's download policy), or held back because the office's
 * files database is not on the server and this account may not create it, or may not use it.
 */
export type OfficeFiles =
  | { state: 'synced'; uploaded: number; downloaded: number; notHere: number; failed: number }
  | { state: 'no-database' | 'refused'; database: string };

export const SYNC_APP_API = {
  'sync.settings': method<SyncSettings>()(Empty),
  /** Saves where and what this library syncs; a changed server or account forgets the password. */
  'sync.configure': method<SyncStatus>()(SyncSettingsSchema),
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
} as const;
