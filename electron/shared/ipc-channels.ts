/**
 * The desktop app's IPC channels, named once for the main process and the preload (the
 * preload's build inlines them, so the sandboxed preload still loads nothing at run time).
 */
export const INVOKE_CHANNEL = 'dateline:invoke';
export const EVENT_CHANNEL = 'dateline:event';
/** The desktop app's sync file: the main process shows the save or open dialog (sync/file-dialog.ts). */
export const SYNC_FILE_CHANNEL = 'dateline:sync-file';
/** The desktop app's "Back up now…": the main process shows the save dialog (library/backup-dialog.ts). */
export const BACKUP_FILE_CHANNEL = 'dateline:backup-file';
/** The desktop app's "Restore from a backup…": the main process shows the open dialog (library/restore-dialog.ts). */
export const RESTORE_FILE_CHANNEL = 'dateline:restore-file';
/** A contacts file in the desktop app: the main process shows the open dialog and keeps the path (contacts/file-dialog.ts). */
export const CONTACT_FILE_OPEN_CHANNEL = 'dateline:contact-file-open';
/** A contacts file dropped on the window: the preload names its path, the main process keeps it (contacts/file-dialog.ts). */
export const CONTACT_FILE_DROP_CHANNEL = 'dateline:contact-file-drop';
/** A reading of a contacts file the main process keeps: the core's `contact.importFile` job on its path (contacts/file-dialog.ts). */
export const CONTACT_FILE_READ_CHANNEL = 'dateline:contact-file-read';
