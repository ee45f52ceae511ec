import { z } from 'zod';
import { JobStartedReplySchema, OpenDialogWords, SaveDialogWords } from '../dialog-words';
import { PeerName } from './contract';

/**
 * The sync file in the desktop app. Web mode moves the file base64 inside a call (at most
 * SYNC_FILE_WEB_MAX_BYTES); the desktop app instead asks the main process, over its own IPC
 * channel (SYNC_FILE_CHANNEL), to show the system's save or open dialog and to start the core's
 * `sync.export` or `sync.import` job on the path chosen, so the file is streamed to and from
 * disk whatever its size. The window never names a path: it sends what to do and the dialog's
 * words in the person's language; the main process checks the request with this schema.
 */

export const SyncFileDialogInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('save'), peer: PeerName.nullable().default(null), words: SaveDialogWords }).strict(),
  z.object({ action: z.literal('open'), words: OpenDialogWords }).strict(),
]);
export type SyncFileDialogRequest = z.input<typeof SyncFileDialogInput>;

/**
 * Cancelled in the dialog (nothing runs, nothing is said), or the job now running on the chosen
 * file (`sync.export` for save, `sync.import` for open) and the file's name to show.
 */
export const SyncFileDialogReplySchema = JobStartedReplySchema;
export type SyncFileDialogReply = z.output<typeof SyncFileDialogReplySchema>;
