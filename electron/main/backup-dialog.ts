import { basename, join } from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import type { Result } from '../shared/errors';
import { BACKUP_FILE_CHANNEL } from '../shared/ipc-channels';
import { BackupDialogInput, type BackupDialogReply } from '../shared/library/backup-dialog';
import { BACKUP_EXTENSION, backupFileName } from '../shared/library/contract';
import { handleFromOurWindow, startedJob, type CoreInvoker } from './ipc';

export interface BackupDialogOptions {
  /** The folder the save dialog opens in (the person's documents). */
  folder(): string;
  /** Today, for the file's default name. */
  today?(): Date;
}

/**
 * "Back up now…" in the desktop app: shows the system's save dialog over the window that asked
 * and hands the chosen path to the core's `library.backup` job, whose progress and result reach
 * the window as any job's do. Cancelled in the dialog, nothing runs. The job checks the place
 * (a folder that is gone, one it may not write, a full disk) and its errors come back as they are.
 */
export function registerBackupDialog(core: Pick<CoreInvoker, 'invoke'>, windows: () => readonly BrowserWindow[], opts: BackupDialogOptions): () => void {
  return handleFromOurWindow(BACKUP_FILE_CHANNEL, BackupDialogInput, 'backup', windows, async (request, win): Promise<Result<BackupDialogReply>> => {
    const day = (opts.today?.() ?? new Date()).toISOString().slice(0, 10);
    const chosen = await dialog.showSaveDialog(win, {
      title: request.words.title,
      defaultPath: join(opts.folder(), backupFileName(day)),
      filters: [{ name: request.words.filter, extensions: [BACKUP_EXTENSION] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    const path = chosen.canceled ? undefined : chosen.filePath;
    if (!path) return { ok: true, value: { cancelled: true } };
    const started = startedJob(await core.invoke('library.backup', { out: path }), 'the backup');
    if (!started.ok) return started;
    return { ok: true, value: { cancelled: false, jobId: started.value.jobId, name: basename(path) } };
  });
}
