import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { CoreEvent } from '../shared/contract';
import type { Result } from '../shared/errors';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../shared/ipc-channels';
import { isAppUrl } from './urls';

export interface CoreInvoker {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: CoreEvent) => void): () => void;
}

/** The answer to a caller that is not one of our own windows' top frames. */
export const REFUSED: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This page is not part of Dateline and may not use its library.' },
};

/**
 * Only the top frame of one of our own windows, showing an app://dateline/ page, may call the
 * core. An iframe, a page that somehow navigated elsewhere, or a web contents the factory did
 * not make (a devtools extension, say) is refused.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, windows: readonly BrowserWindow[]): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return false;
  if (!isAppUrl(frame.url)) return false;
  return windows.some((win) => {
    if (win.isDestroyed()) return false;
    const contents = win.webContents;
    const main = contents.mainFrame;
    return contents === event.sender && main.processId === frame.processId && main.routingId === frame.routingId;
  });
}

/**
 * The whole IPC surface: one invoke channel that forwards {method, input} to the core (which
 * allow-lists the method and validates the input), and core events pushed to our windows.
 */
export function registerIpc(core: CoreInvoker, windows: () => readonly BrowserWindow[]): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event, windows())) return Promise.resolve(REFUSED);
    if (typeof method !== 'string' || method.length === 0 || method.length > 100) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_METHOD', message: 'The call names no method.' } });
    }
    return core.invoke(method, input);
  });
  const stopEvents = core.onEvent((event) => broadcast(event, windows()));
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    stopEvents();
  };
}

/** Sends a core event to every window still showing the app's own page. */
export function broadcast(event: CoreEvent, windows: readonly BrowserWindow[]): void {
  for (const win of windows) {
    if (win.isDestroyed()) continue;
    const contents = win.webContents;
    if (contents.isDestroyed() || !isAppUrl(contents.mainFrame.url)) continue;
    contents.send(EVENT_CHANNEL, event);
  }
}
