import { z } from 'zod';

/**
 * "Back up now…" in the desktop app: the window asks the main process, over its own IPC channel
 * (BACKUP_FILE_CHANNEL), to show the system's save dialog and start the core's `library.backup`
 * job on the path chosen. The window never names a path: it sends the dialog's words in the
 * person's language, checked by the main process with this schema.
 */
export const BackupDialogInput = z
  .object({
    words: z
      .object({
        /** The dialog's title. */
        title: z.string().trim().min(1).max(200),
        /** The name of the file type in the dialog's list of types ("Dateline backups"). */
        filter: z.string().trim().min(1).max(200),
      })
      .strict(),
  })
  .strict();
export type BackupDialogRequest = z.input<typeof BackupDialogInput>;

/** Cancelled in the dialog (nothing runs, nothing is said), or the `library.backup` job now writing the file, and its name. */
export const BackupDialogReplySchema = z.discriminatedUnion('cancelled', [
  z.object({ cancelled: z.literal(true) }).strict(),
  z.object({ cancelled: z.literal(false), jobId: z.string().min(1).max(200), name: z.string().min(1).max(1000) }).strict(),
]);
export type BackupDialogReply = z.output<typeof BackupDialogReplySchema>;
