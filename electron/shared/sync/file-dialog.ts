import { z } from 'zod';
import { PeerName } from './contract';

/**
 * The sync file in the desktop app. Web mode moves the file base64 inside a call (at most
 * SYNC_FILE_WEB_MAX_BYTES); the desktop app instead asks the main process, over its own IPC
 * channel (SYNC_FILE_CHANNEL), to show the system's save or open dialog and to start the core's
 * `sync.export` or `sync.import` job on the path chosen, so the file is streamed to and from
 * disk whatever its size. The window never names a path: it sends what to do and the dialog's
 * words in the person's language; the main process checks the request with this schema.
 */

const Words = z
  .object({
    /** The dialog's title. */
    title: z.string().trim().min(1).max(200),
    /** The name of the file type in the dialog's list of types ("Dateline sync files"). */
    filter: z.string().trim().min(1).max(200),
  })
  .strict();

export const SyncFileDialogInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('save'), peer: PeerName.nullable().default(null), words: Words }).strict(),
  /** `allFiles` names the open dialog's second list, every file: a sync file saved without its extension still opens. */
  z.object({ action: z.literal('open'), words: Words.extend({ allFiles: z.string().trim().min(1).max(200) }).strict() }).strict(),
]);
export type SyncFileDialogRequest = z.input<typeof SyncFileDialogInput>;

/**
 * Cancelled in the dialog (nothing runs, nothing is said), or the job now running on the chosen
 * file (`sync.export` for save, `sync.import` for open) and the file's name to show.
 */
export const SyncFileDialogReplySchema = z.discriminatedUnion('cancelled', [
  z.object({ cancelled: z.literal(true) }).strict(),
  z.object({ cancelled: z.literal(false), jobId: z.string().min(1).max(200), name: z.string().min(1).max(1000) }).strict(),
]);
export type SyncFileDialogReply = z.output<typeof SyncFileDialogReplySchema>;
