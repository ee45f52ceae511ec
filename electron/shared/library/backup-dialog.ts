import { z } from 'zod';
import { JobStartedReplySchema, SaveDialogWords } from '../dialog-words';

/**
 * "Back up now…" in the desktop app: the window asks the main process, over its own IPC channel
 * (BACKUP_FILE_CHANNEL), to show the system's save dialog and start the core's `library.backup`
 * job on the path chosen. The window never names a path: it sends the dialog's words in the
 * person's language, checked by the main process with this schema.
 */
export const BackupDialogInput = z.object({ words: SaveDialogWords }).strict();
export type BackupDialogRequest = z.input<typeof BackupDialogInput>;

/** Cancelled in the dialog (nothing runs, nothing is said), or the `library.backup` job now writing the file, and its name. */
export const BackupDialogReplySchema = JobStartedReplySchema;
export type BackupDialogReply = z.output<typeof BackupDialogReplySchema>;
