import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { ZodError } from 'zod';
import type { CoreEvent } from '../shared/contract';
import { invalidInput, type Result } from '../shared/errors';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../shared/ipc-channels';
import { isAppUrl } from './urls';

export interface CoreInvoker {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: CoreEvent) => void): () => void;
}

/** The answer to a caller that is not one of our own windows' top frames. */
export const REFUSED: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This page is not part of Dateline and may not use its library.', params: { reason: 'otherPage' } },
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

/** A request schema, as zod's schemas offer it (the caller's own schema, checked here). */
interface RequestSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: ZodError };
}

/**
 * Registers the handler of one of the desktop's own channels (the file dialogs): the caller must
 * be the top frame of one of our windows, its request must pass `schema` (refused in words
 * otherwise, `context` naming what was asked), and `work` gets the parsed request and the
 * window that asked, over which a dialog is shown. Answers REFUSED to anyone else. Returns the
 * function that removes the handler.
 */
export function handleFromOurWindow<T, R>(
  channel: string,
  schema: RequestSchema<T>,
  context: string,
  windows: () => readonly BrowserWindow[],
  work: (request: T, win: BrowserWindow) => Promise<Result<R>>,
): () => void {
  ipcMain.handle(channel, async (event: IpcMainInvokeEvent, request: unknown): Promise<Result<R>> => {
    const open = windows();
    if (!isTrustedSender(event, open)) return REFUSED;
    const parsed = schema.safeParse(request);
    if (!parsed.success) return { ok: false, error: invalidInput(parsed.error, { context }).toApiError() };
    const win = open.find((w) => !w.isDestroyed() && w.webContents === event.sender);
    if (!win) return REFUSED;
    return work(parsed.data, win);
  });
  return () => ipcMain.removeHandler(channel);
}

/** The id of the job a core call started, or an error in words when it started none. */
export function startedJob(started: Result<unknown>, what: string): Result<{ jobId: string }> {
  if (!started.ok) return started;
  const jobId = (started.value as { jobId?: unknown } | null)?.jobId;
  if (typeof jobId !== 'string') return { ok: false, error: { code: 'INTERNAL', message: `Dateline started no job for ${what}.`, params: { reason: 'noJob' } } };
  return { ok: true, value: { jobId } };
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
