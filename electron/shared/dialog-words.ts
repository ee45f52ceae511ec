import { z } from 'zod';

/**
 * The desktop window's requests to the main process for a system file dialog (backup, restore,
 * sync file) carry the dialog's words in the person's language and never a path; the main
 * process checks them with these schemas.
 */

const word = z.string().trim().min(1).max(200);

/** A save dialog's words. */
export const SaveDialogWords = z
  .object({
    /** The dialog's title. */
    title: word,
    /** The name of the file type in the dialog's list of types ("Dateline backups"). */
    filter: word,
  })
  .strict();

/** An open dialog's words: those of a save dialog, and the second choice in its list of types, every file (a file renamed without its extension still opens). */
export const OpenDialogWords = SaveDialogWords.extend({ allFiles: word }).strict();

/** Cancelled in the dialog (nothing runs, nothing is said), or the core's job now running on the file chosen, and the file's name to show. */
export const JobStartedReplySchema = z.discriminatedUnion('cancelled', [
  z.object({ cancelled: z.literal(true) }).strict(),
  z.object({ cancelled: z.literal(false), jobId: z.string().min(1).max(200), name: z.string().min(1).max(1000) }).strict(),
]);
