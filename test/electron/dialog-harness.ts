import { vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import type { Core } from '../../electron/core/index';
import type { Result } from '../../electron/shared/errors';
import type { CoreInvoker } from '../../electron/main/ipc';
import { createWindow } from '../../electron/main/window';
import { FakeBrowserWindow, dialog, ipcMain, type FakeFrame } from './fake-electron';

// The desktop app's file dialogs (sync file, backup) over the fake Electron: the test file mocks
// `electron` with fake-electron before importing this, so the window and ipcMain here are fakes.

type Register = (core: Pick<CoreInvoker, 'invoke'>, windows: () => readonly BrowserWindow[], opts: { folder: () => string; today: () => Date }) => () => void;
type Handler<R> = (event: { sender: unknown; senderFrame: FakeFrame | null }, request: unknown) => Promise<Result<R>>;

/**
 * One window of ours and the channel's handler registered by `register`, with `core` behind it as
 * the utility process would be: the dialogs' folder is the officer's Documents, today 5 December.
 */
export function dialogWindow<R>(core: Core, register: Register, channel: string) {
  ipcMain.handlers.clear();
  FakeBrowserWindow.created = [];
  dialog.answers = [];
  dialog.showSaveDialog.mockClear();
  dialog.showOpenDialog.mockClear();
  createWindow({ preload: '/p.cjs' });
  const win = FakeBrowserWindow.created[0]!;
  win.webContents.mainFrame.url = 'app://dateline/index.html';
  const invoke = vi.fn((method: string, input: unknown) => core.dispatch(method, input, { transport: 'ipc' }));
  const unregister = register({ invoke }, () => FakeBrowserWindow.created as unknown as BrowserWindow[], {
    folder: () => '/home/officer/Documents',
    today: () => new Date('2026-12-05T10:00:00Z'),
  });
  const handler = ipcMain.handlers.get(channel) as Handler<R>;
  const ask = (request: unknown) => handler({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, request);
  return { win, invoke, ask, unregister, handler };
}
