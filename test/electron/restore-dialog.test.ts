import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReleaseSummary, RestoreResult } from '../../electron/shared/contract';
import type { RestoreDialogReply } from '../../electron/shared/library/restore-dialog';
import type { Core } from '../../electron/core/index';
import { call, job, library } from '../core-harness';
import { tempDir } from '../helpers';
import { dialogWindow } from './dialog-harness';
import { dialog, ipcMain } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { registerRestoreDialog } = await import('../../electron/main/restore-dialog');
const { RESTORE_FILE_CHANNEL } = await import('../../electron/shared/ipc-channels');

// "Restore from a backup…" in the desktop app: the main process shows the open dialog and hands
// the path chosen to the core's check; the window gets the check and an id, never the path.
// Electron is the fake; the core is real, on real libraries.

const words = { title: 'Restore from a backup', filter: 'Dateline backups', allFiles: 'All files' };

const setUp = (core: Core) => dialogWindow<RestoreDialogReply>(core, registerRestoreDialog, RESTORE_FILE_CHANNEL);

const headlines = async (c: Core) => (await call<{ items: ReleaseSummary[] }>(c, 'release.list', {})).items.map((i) => i.headline).sort();

describe('Restore from a backup through the open dialog', () => {
  let goma: Core;
  let t: ReturnType<typeof setUp>;
  beforeEach(async () => {
    goma = await library('Goma desk');
    t = setUp(goma);
  });

  it('checks the file chosen and answers its date, size and id, not its path; the id restores it', async () => {
    await call(goma, 'release.create', { headline: 'Floods in Uvira', language: 'en' });
    const path = join(tempDir(), 'Dateline backup 2026-12-05.dateline-backup');
    await job(goma, 'library.backup', { out: path });
    await call(goma, 'release.create', { headline: 'After the backup', language: 'en' });
    dialog.answers.push({ canceled: false, path });

    const reply = await t.ask({ words });
    if (!reply.ok || reply.value.cancelled) throw new Error(`no backup checked: ${JSON.stringify(reply)}`);
    expect(reply.value).toEqual({
      cancelled: false,
      name: 'Dateline backup 2026-12-05.dateline-backup',
      checked: { backup: expect.any(String), createdAt: expect.any(String), bytes: expect.any(Number), documents: 1, files: 0 },
    });
    expect(JSON.stringify(reply)).not.toContain(path);
    const [win, options] = dialog.showOpenDialog.mock.calls[0]!;
    expect(win).toBe(t.win);
    expect(options).toEqual({
      title: 'Restore from a backup',
      defaultPath: '/home/officer/Documents',
      filters: [
        { name: 'Dateline backups', extensions: ['dateline-backup', 'backup'] },
        { name: 'All files', extensions: ['*'] },
      ],
      properties: ['openFile'],
    });
    expect(t.invoke).toHaveBeenCalledExactlyOnceWith('library.checkBackup', { from: path });
    // Checked only: nothing was replaced yet.
    expect(await headlines(goma)).toEqual(['After the backup', 'Floods in Uvira']);

    const restored = await job<RestoreResult>(goma, 'library.restoreBackup', { backup: reply.value.checked.backup });
    expect(restored.createdAt).toBe(reply.value.checked.createdAt);
    expect(await headlines(goma)).toEqual(['Floods in Uvira']);
  });

  it('passes the core’s refusal back before any confirmation: not a backup, a sync file', async () => {
    const garbage = join(tempDir(), 'holiday.jpg');
    writeFileSync(garbage, Buffer.alloc(4000, 0xff));
    dialog.answers.push({ canceled: false, path: garbage });
    expect(await t.ask({ words })).toMatchObject({ ok: false, error: { code: 'NOT_A_BACKUP' } });

    const syncFile = join(tempDir(), 'goma.dateline-sync');
    await job(goma, 'sync.export', { out: syncFile });
    dialog.answers.push({ canceled: false, path: syncFile });
    expect(await t.ask({ words })).toMatchObject({ ok: false, error: { code: 'NOT_A_BACKUP', params: { reason: 'syncFile' } } });
  });

  it('does nothing when the dialog is cancelled', async () => {
    expect(await t.ask({ words })).toEqual({ ok: true, value: { cancelled: true } });
    expect(t.invoke).not.toHaveBeenCalled();
  });

  it('refuses a request that names a path or lacks words, and a caller that is not our top frame', async () => {
    for (const bad of [{}, { words, from: '/tmp/x.dateline-backup' }, { words: { ...words, allFiles: '' } }]) {
      expect(await t.ask(bad)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    const foreign = { ...t.win.webContents.mainFrame, url: 'https://evil.example/' };
    expect(await t.handler({ sender: t.win.webContents, senderFrame: foreign }, { words })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const inner = { ...t.win.webContents.mainFrame, parent: t.win.webContents.mainFrame };
    expect(await t.handler({ sender: t.win.webContents, senderFrame: inner }, { words })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
    t.unregister();
    expect(ipcMain.handlers.has(RESTORE_FILE_CHANNEL)).toBe(false);
  });
});
