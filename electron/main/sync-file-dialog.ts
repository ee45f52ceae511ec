import { basename, join } from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import type { Result } from '../shared/errors';
import { SYNC_FILE_CHANNEL } from '../shared/ipc-channels';
import { SYNC_FILE_EXTENSION, syncFileName } from '../shared/sync/contract';
import { SyncFileDialogInput, type SyncFileDialogReply } from '../shared/sync/file-dialog';
import { handleFromOurWindow, startedJob, type CoreInvoker } from './ipc';

export interface SyncFileDialogOptions {
  /** The folder the save dialog opens in (the person's documents). */
  folder(): string;
  /** Today, for the file's default name. */
  today?(): Date;
}

/**
 * The sync file in the desktop app: shows the system's save or open dialog over the window that
 * asked and hands the chosen path to the core's `sync.export` or `sync.import` job, which streams
 * the file to or from disk (no size limit but the disk's). The job's progress and result reach
 * the window as any job's do. Cancelled in the dialog, nothing runs. All else is the core's: the
 * job checks the file, and its errors come back as they are.
 */
export function registerSyncFileDialog(core: Pick<CoreInvoker, 'invoke'>, windows: () => readonly BrowserWindow[], opts: SyncFileDialogOptions): () => void {
  return handleFromOurWindow(SYNC_FILE_CHANNEL, SyncFileDialogInput, 'sync file', windows, async (r, win): Promise<Result<SyncFileDialogReply>> => {
    const filters = [{ name: r.words.filter, extensions: [SYNC_FILE_EXTENSION] }];
    let path: string | undefined;
    if (r.action === 'save') {
      const day = (opts.today?.() ?? new Date()).toISOString().slice(0, 10);
      const chosen = await dialog.showSaveDialog(win, {
        title: r.words.title,
        defaultPath: join(opts.folder(), syncFileName(null, r.peer, day)),
        filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      path = chosen.canceled ? undefined : chosen.filePath;
    } else {
      // A sync file renamed by a mail program may end in .gz; one saved without an extension
      // (Linux's dialog adds none) is found under every file.
      const chosen = await dialog.showOpenDialog(win, {
        title: r.words.title,
        filters: [
          { name: r.words.filter, extensions: [SYNC_FILE_EXTENSION, 'gz'] },
          { name: r.words.allFiles, extensions: ['*'] },
        ],
        properties: ['openFile'],
      });
      path = chosen.canceled ? undefined : chosen.filePaths[0];
    }
    if (!path) return { ok: true, value: { cancelled: true } };
    const started = r.action === 'save' ? await core.invoke('sync.export', { out: path, peer: r.peer }) : await core.invoke('sync.import', { from: path });
    const job = startedJob(started, 'the sync file');
    if (!job.ok) return job;
    return { ok: true, value: { cancelled: false, jobId: job.value.jobId, name: basename(path) } };
  });
}
