import { describe, expect, it, vi } from 'vitest';
import type { CoreEvent } from '../../electron/shared/contract';
import { contextBridge, ipcRenderer } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

await import('../../electron/preload/index');
const { INVOKE_CHANNEL, EVENT_CHANNEL, SYNC_FILE_CHANNEL, BACKUP_FILE_CHANNEL, RESTORE_FILE_CHANNEL } = await import('../../electron/shared/ipc-channels');

interface Bridge {
  invoke(method: string, input: unknown): Promise<unknown>;
  on(listener: (event: CoreEvent) => void): () => void;
  syncFile(request: unknown): Promise<unknown>;
  backupFile(request: unknown): Promise<unknown>;
  restoreFile(request: unknown): Promise<unknown>;
}

function exposed(): { name: string; bridge: Bridge } {
  expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  const [name, bridge] = contextBridge.exposeInMainWorld.mock.calls[0] as [string, Bridge];
  return { name, bridge };
}

describe('the preload bridge', () => {
  it('exposes window.dateline with invoke, on, the sync file dialog and the backup and restore dialogs, and nothing else', () => {
    const { name, bridge } = exposed();
    expect(name).toBe('dateline');
    expect(Object.keys(bridge).sort()).toEqual(['backupFile', 'invoke', 'on', 'restoreFile', 'syncFile']);
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
