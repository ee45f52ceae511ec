import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackupResult, RestoreResult } from '../../electron/shared/contract';
import type { Result } from '../../electron/shared/errors';
import type { BackupDialogReply } from '../../electron/shared/library/backup-dialog';
import type { LastBackup } from '../../electron/shared/library/contract';
import type { Core } from '../../electron/core/index';
import { library } from '../core-harness';
import { tempDir } from '../helpers';
import { dialogWindow } from './dialog-harness';
import { dialog, ipcMain } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { registerBackupDialog } = await import('../../electron/main/backup-dialog');
const { BACKUP_FILE_CHANNEL } = await import('../../electron/shared/ipc-channels');

// "Back up now…" in the desktop app: the main process shows the save dialog and starts the core's
// library.backup job on the path chosen. Electron is the fake; the core is real, on a real library.

const words = { title: 'Back up the library', filter: 'Dateline backups' };

const setUp = (core: Core) => dialogWindow<BackupDialogReply>(core, registerBackupDialog, BACKUP_FILE_CHANNEL);

describe('Back up now through the save dialog', () => {
  let goma: Core;
  let t: ReturnType<typeof setUp>;
  beforeEach(async () => {
    goma = await library('Goma desk');
    t = setUp(goma);
  });

  it('writes the backup where the dialog says, and it restores into another library with the same documents', async () => {
    await goma.dispatch('release.create', { headline: 'Floods in Uvira', language: 'en' }, { transport: 'test' });
    const path = join(tempDir(), 'Dateline backup 2026-12-05.dateline-backup');
    dialog.answers.push({ canceled: false, path });

    const reply = await t.ask({ words });
    expect(reply).toEqual({ ok: true, value: { cancelled: false, jobId: expect.any(String), name: 'Dateline backup 2026-12-05.dateline-backup' } });
    const [win, options] = dialog.showSaveDialog.mock.calls[0]!;
    expect(win).toBe(t.win);
    expect(options).toEqual({
      title: 'Back up the library',
      defaultPath: '/home/officer/Documents/Dateline backup 2026-12-05.dateline-backup',
      filters: [{ name: 'Dateline backups', extensions: ['dateline-backup'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    expect(t.invoke).toHaveBeenCalledExactlyOnceWith('library.backup', { out: path });
    if (!reply.ok || reply.value.cancelled) throw new Error('no job');
    const made = (await goma.jobs.wait(reply.value.jobId)) as BackupResult;
    expect(made).toMatchObject({ path, documents: 1 });
    expect((await goma.dispatch('library.lastBackup', {}, { transport: 'test' })) as Result<LastBackup>).toMatchObject({ ok: true, value: { bytes: made.bytes } });

    const other = await library('Goma desk');
    const r = await other.dispatch('library.restore', { from: path }, { transport: 'test' });
    if (!r.ok) throw new Error(r.error.message);
    expect(((await other.jobs.wait((r.value as { jobId: string }).jobId)) as RestoreResult).documents).toBe(1);
  });

  it('does nothing when the dialog is cancelled: no job, no error', async () => {
    expect(await t.ask({ words })).toEqual({ ok: true, value: { cancelled: true } });
    expect(t.invoke).not.toHaveBeenCalled();
  });

  it("passes the core's refusal of the place back in words: a folder that is gone", async () => {
    const folder = join(tempDir(), 'stick');
    mkdirSync(folder);
    const gone = join(folder, 'removed', 'b.dateline-backup');
    dialog.answers.push({ canceled: false, path: gone });
    const reply = await t.ask({ words });
    if (!reply.ok || reply.value.cancelled) throw new Error('no job');
    await expect(goma.jobs.wait(reply.value.jobId)).rejects.toMatchObject({ code: 'FILE_UNWRITABLE', params: { reason: 'folderMissing' } });
    expect(readdirSync(folder)).toEqual([]);
    expect(existsSync(gone)).toBe(false);
  });

  it('refuses a request that names a path or lacks words, and a caller that is not our top frame', async () => {
    for (const bad of [{}, { words, out: '/tmp/x' }, { words: { title: '', filter: 'x' } }]) {
      expect(await t.ask(bad)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    const foreign = { ...t.win.webContents.mainFrame, url: 'https://evil.example/' };
    expect(await t.handler({ sender: t.win.webContents, senderFrame: foreign }, { words })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    t.unregister();
    expect(ipcMain.handlers.has(BACKUP_FILE_CHANNEL)).toBe(false);
  });
});
