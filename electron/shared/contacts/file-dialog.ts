import { z } from 'zod';
import { OpenDialogWords } from '../dialog-words';
import { isAbsolutePath } from '../methods';
import { ContactImportFileInput } from './bulk-contract';

/**
 * A contacts file in the desktop app. Web mode sends the file's bytes in `contact.import` (at
 * most CONTACT_UPLOAD_MAX_BYTES); the desktop app instead has the main process show the system's
 * open dialog (CONTACT_FILE_OPEN_CHANNEL), or take the path of a file dropped on the window from
 * the preload (CONTACT_FILE_DROP_CHANNEL), and keep that path. The window gets an opaque handle,
 * the file's name and its size, never the path; each reading of the file (the preview, again in
 * another encoding or with a mapping, then the import) names the handle
 * (CONTACT_FILE_READ_CHANNEL) and the main process starts the core's `contact.importFile` job on
 * the path, which streams the file whatever its size. The main process checks each request with
 * these schemas.
 */

/** The open dialog's words: its title, and the names of its three lists of files (CSV and text files, vCards, every file). */
export const ContactFileDialogWords = OpenDialogWords.extend({ vcards: z.string().trim().min(1).max(200) }).strict();

export const ContactFileOpenInput = z.object({ words: ContactFileDialogWords }).strict();
export type ContactFileOpenRequest = z.input<typeof ContactFileOpenInput>;

/** A file dropped on the window, as the preload names it (webUtils.getPathForFile): never the page. */
export const ContactFileDropInput = z
  .object({
    path: z.string().min(1).max(4096).refine(isAbsolutePath, 'not an absolute path'),
  })
  .strict();

/** What the main process hands the window for a file it keeps: random, unguessable, good only for the window it was given to. */
export const ContactFileHandle = z.string().min(16).max(64);

/** A file the main process keeps for the window: the handle to read it by, its name and size to show. */
export const ContactFileChosenSchema = z
  .object({
    handle: ContactFileHandle,
    name: z.string().min(1).max(1000),
    size: z.number().int().min(0),
  })
  .strict();
export type ContactFileChosen = z.output<typeof ContactFileChosenSchema>;

/** Cancelled in the dialog (nothing is said), or the file chosen. */
export const ContactFileOpenReplySchema = z.discriminatedUnion('cancelled', [
  z.object({ cancelled: z.literal(true) }).strict(),
  ContactFileChosenSchema.extend({ cancelled: z.literal(false) }).strict(),
]);
export type ContactFileOpenReply = z.output<typeof ContactFileOpenReplySchema>;

/**
 * A reading of a file the main process keeps: `contact.importFile`'s options, with the handle in
 * place of the path.
 */
export const ContactFileReadInput = ContactImportFileInput.omit({ path: true }).extend({ handle: ContactFileHandle }).strict();
export type ContactFileReadRequest = z.input<typeof ContactFileReadInput>;

/** The `contact.importFile` job now reading the file. */
export const ContactFileReadReplySchema = z.object({ jobId: z.string().min(1).max(200) }).strict();
export type ContactFileReadReply = z.output<typeof ContactFileReadReplySchema>;

/** Why a reading names no file the main process keeps for this window (closed and opened again, or too many chosen since). */
export const CONTACT_FILE_FORGOTTEN = 'contactFileForgotten';
