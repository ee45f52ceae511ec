// The preload is a pipe: the page gets invoke(method, input) and on(listener), nothing else.
// The main process checks who is calling and the core validates what is asked.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CoreEvent } from '../shared/contract';
import type { Result } from '../shared/errors';

// Same names as INVOKE_CHANNEL and EVENT_CHANNEL in electron/main/ipc.ts; a sandboxed preload
// cannot import the shell's modules, and test/electron/preload.test.ts keeps the two in step.
const INVOKE_CHANNEL = 'dateline:invoke';
const EVENT_CHANNEL = 'dateline:event';

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
});
