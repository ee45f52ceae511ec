import { z } from 'zod';
import { OpenDialogWords } from '../dialog-words';

/**
 * "Restore from a backup…" in the desktop app: the window asks the main process, over its own
 * IPC channel (RESTORE_FILE_CHANNEL), to show the system's open dialog; the main process hands
 * the path chosen to the core's `library.checkBackup` and answers the CheckedBackup (date, size,
 * contents, and the id `library.restoreBackup` takes once the person confirms). The window never
 * names a path: it sends the dialog's words in the person's language, checked with this schema.
 */
export const RestoreDialogInput = z.object({ words: OpenDialogWords }).strict();
export type RestoreDialogRequest = z.input<typeof RestoreDialogInput>;

const CheckedBackupSchema = z
  .object({
    backup: z.string().min(1).max(100),
    createdAt: z.string().max(100).nullable(),
    bytes: z.number().int().min(0),
    documents: z.number().int().min(0),
    files: z.number().int().min(0),
  })
  .strict();

/** Cancelled in the dialog (nothing is said), or the backup chosen, checked, and its file's name. */
export const RestoreDialogReplySchema = z.discriminatedUnion('cancelled', [
  z.object({ cancelled: z.literal(true) }).strict(),
  z.object({ cancelled: z.literal(false), name: z.string().min(1).max(1000), checked: CheckedBackupSchema }).strict(),
]);
export type RestoreDialogReply = z.output<typeof RestoreDialogReplySchema>;
