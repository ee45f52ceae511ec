import { describe, expect, it, vi } from 'vitest';
import type { CoreEvent } from '../../electron/shared/contract';
import { contextBridge, ipcRenderer, webUtils } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

await import('../../electron/preload/index');
const { INVOKE_CHANNEL, EVENT_CHANNEL, SYNC_FILE_CHANNEL, BACKUP_FILE_CHANNEL, RESTORE_FILE_CHANNEL, CONTACT_FILE_OPEN_CHANNEL, CONTACT_FILE_DROP_CHANNEL, CONTACT_FILE_READ_CHANNEL } =
  await import('../../electron/shared/ipc-channels');

interface Bridge {
  invoke(method: string, input: unknown): Promise<unknown>;
  on(listener: (event: CoreEvent) => void): () => void;
  syncFile(request: unknown): Promise<unknown>;
  backupFile(request: unknown): Promise<unknown>;
  restoreFile(request: unknown): Promise<unknown>;
  contactFileOpen(request: unknown): Promise<unknown>;
  contactFileDropped(file: unknown): Promise<unknown>;
  contactFileRead(request: unknown): Promise<unknown>;
}

function exposed(): { name: string; bridge: Bridge } {
  expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  const [name, bridge] = contextBridge.exposeInMainWorld.mock.calls[0] as [string, Bridge];
  return { name, bridge };
}

describe('the preload bridge', () => {
  it('exposes window.dateline with invoke, on, the sync file dialog, the backup and restore dialogs and the contacts file, and nothing else', () => {
    const { name, bridge } = exposed();
    expect(name).toBe('dateline');
    expect(Object.keys(bridge).sort()).toEqual(['backupFile', 'contactFileDropped', 'contactFileOpen', 'contactFileRead', 'invoke', 'on', 'restoreFile', 'syncFile']);
  });

  it('contactFileOpen and contactFileRead go over their own channels with the request as given (the main process checks it)', async () => {
    const { bridge } = exposed();
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { cancelled: true } });
    const request = { words: { title: 'Import contacts from a file', filter: 'CSV and text files', vcards: 'vCards', allFiles: 'All files' } };
    await expect(bridge.contactFileOpen(request)).resolves.toEqual({ ok: true, value: { cancelled: true } });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(CONTACT_FILE_OPEN_CHANNEL, request);
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { jobId: 'job-1' } });
    await expect(bridge.contactFileRead({ handle: 'h'.repeat(24), commit: true })).resolves.toEqual({ ok: true, value: { jobId: 'job-1' } });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(CONTACT_FILE_READ_CHANNEL, { handle: 'h'.repeat(24), commit: true });
  });

  it('contactFileDropped sends the path of a file on disk to the main process, never to the page; a file with none answers null', async () => {
    const { bridge } = exposed();
    ipcRenderer.invoke.mockClear();
    const chosen = { handle: 'h'.repeat(24), name: 'desk.csv', size: 1234 };
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: chosen });
    const onDisk = { name: 'desk.csv', path: '/home/officer/Documents/desk.csv' };
    await expect(bridge.contactFileDropped(onDisk)).resolves.toEqual({ ok: true, value: chosen });
    expect(webUtils.getPathForFile).toHaveBeenLastCalledWith(onDisk);
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(CONTACT_FILE_DROP_CHANNEL, { path: '/home/officer/Documents/desk.csv' });

    // Dragged out of a browser: no path; not a file at all: no path either. The main process is not asked.
    await expect(bridge.contactFileDropped({ name: 'from-mail.csv' })).resolves.toEqual({ ok: true, value: null });
    await expect(bridge.contactFileDropped('/etc/passwd')).resolves.toEqual({ ok: true, value: null });
    expect(ipcRenderer.invoke).toHaveBeenCalledOnce();
  });

  it('restoreFile goes over its own channel with the request as given (the main process checks it)', async () => {
    const { bridge } = exposed();
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { cancelled: true } });
    const request = { words: { title: 'Restore from a backup', filter: 'Dateline backups', allFiles: 'All files' } };
    await expect(bridge.restoreFile(request)).resolves.toEqual({ ok: true, value: { cancelled: true } });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(RESTORE_FILE_CHANNEL, request);
  });

  it('syncFile goes over its own channel with the request as given (the main process checks it)', async () => {
    const { bridge } = exposed();
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { cancelled: true } });
    const request = { action: 'open', words: { title: 'Open a sync file', filter: 'Dateline sync files' } };
    await expect(bridge.syncFile(request)).resolves.toEqual({ ok: true, value: { cancelled: true } });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(SYNC_FILE_CHANNEL, request);
  });

  it('backupFile goes over its own channel with the request as given (the main process checks it)', async () => {
    const { bridge } = exposed();
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { cancelled: true } });
    const request = { words: { title: 'Back up the library', filter: 'Dateline backups' } };
    await expect(bridge.backupFile(request)).resolves.toEqual({ ok: true, value: { cancelled: true } });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(BACKUP_FILE_CHANNEL, request);
  });

  it("invoke goes over the main process's invoke channel with the method and input as given", async () => {
    const { bridge } = exposed();
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { lastSeq: 4 } });
    await expect(bridge.invoke('library.info', {})).resolves.toEqual({ ok: true, value: { lastSeq: 4 } });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(INVOKE_CHANNEL, 'library.info', {});
  });

  it('on delivers the event without the IPC event object, and its return value unsubscribes', () => {
    const { bridge } = exposed();
    const listener = vi.fn();
    const off = bridge.on(listener);
    const [channel, forward] = ipcRenderer.on.mock.calls.at(-1) as [string, (ipc: unknown, e: CoreEvent) => void];
    expect(channel).toBe(EVENT_CHANNEL);
    const event: CoreEvent = { type: 'library.changed', lastSeq: 9 };
    forward({ sender: ipcRenderer, senderId: 0 }, event);
    expect(listener).toHaveBeenCalledExactlyOnceWith(event);
    off();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(EVENT_CHANNEL, forward);
  });
});
