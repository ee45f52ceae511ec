import { basename, join } from 'node:path';
import { dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { invalidInput, type Result } from '../shared/errors';
import { BACKUP_FILE_CHANNEL } from '../shared/ipc-channels';
import { BackupDialogInput, type BackupDialogReply } from '../shared/library/backup-dialog';
import { BACKUP_EXTENSION, backupFileName } from '../shared/library/contract';
import { REFUSED, isTrustedSender, type CoreInvoker } from './ipc';

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
  ipcMain.handle(BACKUP_FILE_CHANNEL, async (event: IpcMainInvokeEvent, request: unknown): Promise<Result<BackupDialogReply>> => {
    const open = windows();
    if (!isTrustedSender(event, open)) return REFUSED;
    const parsed = BackupDialogInput.safeParse(request);
    if (!parsed.success) return { ok: false, error: invalidInput(parsed.error, { context: 'backup' }).toApiError() };
    const win = open.find((w) => !w.isDestroyed() && w.webContents === event.sender);
    if (!win) return REFUSED;
    const day = (opts.today?.() ?? new Date()).toISOString().slice(0, 10);
    const chosen = await dialog.showSaveDialog(win, {
      title: parsed.data.words.title,
      defaultPath: join(opts.folder(), backupFileName(day)),
      filters: [{ name: parsed.data.words.filter, extensions: [BACKUP_EXTENSION] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    const path = chosen.canceled ? undefined : chosen.filePath;
    if (!path) return { ok: true, value: { cancelled: true } };
    const started = await core.invoke('library.backup', { out: path });
    if (!started.ok) return started;
    const jobId = (started.value as { jobId?: unknown } | null)?.jobId;
    if (typeof jobId !== 'string') return { ok: false, error: { code: 'INTERNAL', message: 'Dateline started no job for the backup.' } };
    return { ok: true, value: { cancelled: false, jobId, name: basename(path) } };
  });
  return () => ipcMain.removeHandler(BACKUP_FILE_CHANNEL);
}
