// The preload is a pipe: the page gets invoke(method, input), on(listener), syncFile(request)
// (the desktop's save and open dialogs for a sync file), backupFile(request) (the save dialog
// for a backup), restoreFile(request) (the open dialog for a backup to restore), and for a
// contacts file contactFileOpen(request) (the open dialog), contactFileDropped(file) (a file
// dropped on the window) and contactFileRead(request) (a reading of either), nothing else.
// The main process checks who is calling and the core validates what is asked.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { CoreEvent } from '../shared/contract';
import type { Result } from '../shared/errors';
import {
  BACKUP_FILE_CHANNEL,
  CONTACT_FILE_DROP_CHANNEL,
  CONTACT_FILE_OPEN_CHANNEL,
  CONTACT_FILE_READ_CHANNEL,
  EVENT_CHANNEL,
  INVOKE_CHANNEL,
  RESTORE_FILE_CHANNEL,
  SYNC_FILE_CHANNEL,
} from '../shared/ipc-channels';

contextBridge.exposeInMainWorld('dateline', {
  invoke(method: string, input: unknown): Promise<Result<unknown>> {
    return ipcRenderer.invoke(INVOKE_CHANNEL, method, input) as Promise<Result<unknown>>;
  },
  on(listener: (event: CoreEvent) => void): () => void {
    // The page gets the event only: the IPC event object would hand it ipcRenderer's sender.
    const forward = (_ipc: IpcRendererEvent, event: CoreEvent) => listener(event);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
  // The main process checks the request (shared/sync/file-dialog.ts) and shows the dialog.
  syncFile(request: unknown): Promise<unknown> {
    return ipcRenderer.invoke(SYNC_FILE_CHANNEL, request);
  },
  // The main process checks the request (shared/library/backup-dialog.ts) and shows the dialog.
  backupFile(request: unknown): Promise<unknown> {
    return ipcRenderer.invoke(BACKUP_FILE_CHANNEL, request);
  },
  // The main process checks the request (shared/library/restore-dialog.ts), shows the dialog and has the core check the file.
  restoreFile(request: unknown): Promise<unknown> {
    return ipcRenderer.invoke(RESTORE_FILE_CHANNEL, request);
  },
  // The main process checks the request (shared/contacts/file-dialog.ts), shows the dialog and keeps the path; the page gets a handle.
  contactFileOpen(request: unknown): Promise<unknown> {
    return ipcRenderer.invoke(CONTACT_FILE_OPEN_CHANNEL, request);
  },
  // The path of a file dropped on the page goes to the main process from here, never to the page.
  // A file with no path (dragged out of a browser or a mail program) answers null: the page sends its bytes.
  contactFileDropped(file: unknown): Promise<unknown> {
    let path = '';
    try {
      path = webUtils.getPathForFile(file as File);
    } catch {
      // Not a File: no path.
    }
    return path ? ipcRenderer.invoke(CONTACT_FILE_DROP_CHANNEL, { path }) : Promise.resolve({ ok: true, value: null });
  },
  // The main process checks the request (shared/contacts/file-dialog.ts) and starts the core's job on the path behind the handle.
  contactFileRead(request: unknown): Promise<unknown> {
    return ipcRenderer.invoke(CONTACT_FILE_READ_CHANNEL, request);
  },
});
