import { basename } from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import type { Result } from '../shared/errors';
import { RESTORE_FILE_CHANNEL } from '../shared/ipc-channels';
import { BACKUP_EXTENSION, type CheckedBackup } from '../shared/library/contract';
import { RestoreDialogInput, type RestoreDialogReply } from '../shared/library/restore-dialog';
import { handleFromOurWindow, type CoreInvoker } from './ipc';

export interface RestoreDialogOptions {
  /** The folder the open dialog starts in (the person's documents, where "Back up now…" offers to save). */
  folder(): string;
}

/**
 * "Restore from a backup…" in the desktop app: shows the system's open dialog over the window
 * that asked and hands the chosen path to the core's `library.checkBackup`, so a file that is not
 * a backup, or is from a newer Dateline, is refused before the window asks for any confirmation.
 * The window gets the check (date, size, contents and an id), never the path: once the person
 * confirms, it asks the core to restore that id. Cancelled in the dialog, nothing is checked.
 */
export function registerRestoreDialog(core: Pick<CoreInvoker, 'invoke'>, windows: () => readonly BrowserWindow[], opts: RestoreDialogOptions): () => void {
  return handleFromOurWindow(RESTORE_FILE_CHANNEL, RestoreDialogInput, 'restore', windows, async (request, win): Promise<Result<RestoreDialogReply>> => {
    // A backup sent by mail or renamed may have lost its extension: every file is the second choice.
    const chosen = await dialog.showOpenDialog(win, {
      title: request.words.title,
      defaultPath: opts.folder(),
      filters: [
        { name: request.words.filter, extensions: [BACKUP_EXTENSION, 'backup'] },
        { name: request.words.allFiles, extensions: ['*'] },
      ],
      properties: ['openFile'],
    });
    const path = chosen.canceled ? undefined : chosen.filePaths[0];
    if (!path) return { ok: true, value: { cancelled: true } };
    const checked = await core.invoke('library.checkBackup', { from: path });
    if (!checked.ok) return checked;
    return { ok: true, value: { cancelled: false, name: basename(path), checked: checked.value as CheckedBackup } };
  });
}
