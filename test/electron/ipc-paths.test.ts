import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import type { Result } from '../../electron/shared/errors';
import { FakeBrowserWindow, ipcMain, type FakeFrame } from './fake-electron';
import { closedAfterTest } from '../core-harness';
import { tempDir } from '../helpers';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { createWindow } = await import('../../electron/main/window');
const { registerIpc } = await import('../../electron/main/ipc');
const { INVOKE_CHANNEL } = await import('../../electron/shared/ipc-channels');
const { openCore } = await import('../../electron/core/index');

/**
 * Every method that reads or writes a path on this computer, called from the window over IPC
 * with a relative path: refused before anything runs, with the field named. The core runs in a
 * process of its own, whose working folder nobody chose, so a relative path would land anywhere.
 */

type InvokeHandler = (event: { sender: unknown; senderFrame: FakeFrame | null }, method: unknown, input: unknown) => Promise<Result<unknown>>;

describe('a relative path over IPC', () => {
  it('is refused by each method that takes a path, naming the field, and nothing is written', async () => {
    const core = await openCore(tempDir(), { author: 'amina' });
    closedAfterTest(core);
    ipcMain.handlers.clear();
    FakeBrowserWindow.created = [];
    createWindow();
    const win = FakeBrowserWindow.created[0]!;
    registerIpc({ invoke: (method, input) => core.dispatch(method, input, { transport: 'ipc' }), onEvent: () => () => undefined }, () => FakeBrowserWindow.created as unknown as BrowserWindow[]);
    const invoke = ipcMain.handlers.get(INVOKE_CHANNEL) as InvokeHandler;
    const from = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    const kit = await core.dispatch('kit.create', { title: 'Kasese kit', items: [] }, { transport: 'test' });
    const kitId = kit.ok ? (kit.value as { id: string }).id : '';

    const calls: [string, Record<string, unknown>, string][] = [
      ['sync.export', { out: 'stick.dateline-sync' }, 'out'],
      ['sync.import', { from: 'stick.dateline-sync' }, 'from'],
      ['kit.export', { id: kitId, formats: ['docx'], outDir: 'exports' }, 'outDir'],
      ['library.backup', { out: 'backup.dateline-backup' }, 'out'],
      ['library.restore', { from: '../backup.dateline-backup' }, 'from'],
      ['contact.importFile', { path: 'contacts.csv' }, 'path'],
      ['contact.exportFile', { format: 'csv', out: 'contacts.csv' }, 'out'],
    ];
    for (const [method, input, field] of calls) {
      const r = await invoke(from, method, input);
      expect(r.ok ? `${method} accepted` : r.error).toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringContaining(`${field}: not an absolute path: give the full path`),
      });
    }
    expect(core.jobs.list()).toEqual([]);
  });
});
