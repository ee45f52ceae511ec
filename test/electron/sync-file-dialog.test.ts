import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoreEvent } from '../../electron/shared/contract';
import type { Result } from '../../electron/shared/errors';
import type { SyncFileExport, SyncFileImport } from '../../electron/shared/sync/contract';
import type { SyncFileDialogReply } from '../../electron/shared/sync/file-dialog';
import { BlobStore } from '../../electron/core/attachments/blobs';
import type { Core } from '../../electron/core/index';
import { library } from '../core-harness';
import { tempDir } from '../helpers';
import { dialog, ipcMain } from './fake-electron';
import { dialogWindow } from './dialog-harness';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { registerSyncFileDialog } = await import('../../electron/main/sync-file-dialog');
const { SYNC_FILE_CHANNEL } = await import('../../electron/shared/ipc-channels');

// The desktop app's sync file: the main process shows the system's save or open dialog and
// starts the core's job on the path chosen. Electron is the fake (no binary here); the core
// behind it is a real one on real library folders, so the file is really written and read.

const words = { title: 'Save a sync file', filter: 'Dateline sync files' };
const openWords = { title: 'Open a sync file', filter: 'Dateline sync files', allFiles: 'All files' };

/** The channel's handler over a window of ours, with `core` behind it as the utility process would be. */
const setUp = (core: Core) => dialogWindow<SyncFileDialogReply>(core, registerSyncFileDialog, SYNC_FILE_CHANNEL);

/** Waits for the job the dialog started, as the window does, and keeps its progress events. */
async function finished<T>(core: Core, reply: Result<SyncFileDialogReply>): Promise<{ result: T; steps: string[] }> {
  if (!reply.ok || reply.value.cancelled) throw new Error(`no job started: ${JSON.stringify(reply)}`);
  const steps: string[] = [];
  const off = core.jobs.on((e: CoreEvent) => {
    if (e.type === 'job.progress' && reply.value.cancelled === false && e.job.id === reply.value.jobId && e.job.step) steps.push(e.job.step.code);
  });
  try {
    return { result: (await core.jobs.wait(reply.value.jobId)) as T, steps };
  } finally {
    off();
  }
}

describe('the sync file through the system dialogs', () => {
  let goma: Core;
  let t: ReturnType<typeof setUp>;
  beforeEach(async () => {
    goma = await library('Goma desk');
    t = setUp(goma);
  });

  it('saves where the save dialog says, streamed by the core, and another library opens it through the open dialog', async () => {
    const bytes = Buffer.from(Array.from({ length: 90_000 }, (_, i) => (i * 17) % 241));
    const photo = await goma.dispatch('attachment.add', { name: 'borehole.jpg', data: bytes.toString('base64') }, { transport: 'test' });
    await goma.dispatch('release.create', { headline: 'Floods in Uvira', language: 'en' }, { transport: 'test' });
    const stick = tempDir();
    const path = join(stick, 'for-bukavu.dateline-sync');
    dialog.answers.push({ canceled: false, path });

    const reply = await t.ask({ action: 'save', peer: 'bukavu', words });
    expect(reply).toEqual({ ok: true, value: { cancelled: false, jobId: expect.any(String), name: 'for-bukavu.dateline-sync' } });
    // The dialog is over our window, offers a name with the office and the day in the documents folder, and asks before overwriting.
    const [win, options] = dialog.showSaveDialog.mock.calls[0]!;
    expect(win).toBe(t.win);
    expect(options).toEqual({
      title: 'Save a sync file',
      defaultPath: '/home/officer/Documents/dateline-sync-for-bukavu-2026-12-05.dateline-sync',
      filters: [{ name: 'Dateline sync files', extensions: ['dateline-sync'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    expect(t.invoke).toHaveBeenCalledExactlyOnceWith('sync.export', { out: path, peer: 'bukavu' });
    const saved = await finished<SyncFileExport>(goma, reply);
    expect([saved.result.docs, saved.result.files]).toEqual([2, 1]);
    expect(saved.steps).toContain('SYNC_FILE_WRITING');
    expect(readFileSync(path).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(existsSync(`${path}.part`)).toBe(false);

    // Bukavu opens it: the open dialog lists sync files, and the import job runs on that path.
    const bukavu = await library('Bukavu desk');
    const b = setUp(bukavu);
    dialog.answers.push({ canceled: false, path });
    const openReply = await b.ask({ action: 'open', words: openWords });
    expect(openReply).toMatchObject({ ok: true, value: { cancelled: false, name: 'for-bukavu.dateline-sync' } });
    expect(dialog.showOpenDialog.mock.calls[0]![1]).toEqual({
      title: 'Open a sync file',
      filters: [
        { name: 'Dateline sync files', extensions: ['dateline-sync', 'gz'] },
        { name: 'All files', extensions: ['*'] },
      ],
      properties: ['openFile'],
    });
    expect(b.invoke).toHaveBeenCalledExactlyOnceWith('sync.import', { from: path });
    const merged = await finished<SyncFileImport>(bukavu, openReply);
    expect([merged.result.written, merged.result.files, merged.result.conflicts]).toEqual([2, 1, []]);
    expect(merged.steps).toContain('SYNC_FILE_MERGING');
    const sha256 = photo.ok ? (photo.value as { sha256: string }).sha256 : '';
    expect(readFileSync(new BlobStore(bukavu.ctx.dir).path(sha256))).toEqual(bytes);
  });

  it('does nothing when the dialog is cancelled: no job, no error', async () => {
    expect(await t.ask({ action: 'save', peer: null, words })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await t.ask({ action: 'open', words: openWords })).toEqual({ ok: true, value: { cancelled: true } });
    expect(dialog.showSaveDialog).toHaveBeenCalledOnce();
    expect(dialog.showOpenDialog).toHaveBeenCalledOnce();
    expect(t.invoke).not.toHaveBeenCalled();
    expect(goma.jobs.list()).toEqual([]);
  });

  it("passes the core's refusal of the chosen file back as it is", async () => {
    const notes = join(tempDir(), 'notes.txt');
    writeFileSync(notes, 'Meeting notes, not a sync file');
    dialog.answers.push({ canceled: false, path: notes });
    const reply = await t.ask({ action: 'open', words: openWords });
    await expect(finished(goma, reply)).rejects.toMatchObject({ message: expect.stringContaining('not a Dateline sync file') });
  });

  it('refuses a request that does not say what to do, or names a path, before any dialog shows', async () => {
    for (const request of [undefined, {}, { action: 'delete', words }, { action: 'save', peer: '../etc', words }, { action: 'open', words: openWords, from: '/etc/passwd' }, { action: 'open', words }, { action: 'open', words: { ...openWords, title: '' } }]) {
      const reply = await t.ask(request);
      expect(reply.ok ? null : reply.error.code).toBe('INVALID_INPUT');
    }
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(t.invoke).not.toHaveBeenCalled();
  });

  it('refuses a caller that is not the top frame of our window, and stops answering once unregistered', async () => {
    const { handler } = t;
    const iframe = { url: 'app://dateline/frame.html', processId: 9, routingId: 7, parent: t.win.webContents.mainFrame };
    const foreign = { ...t.win.webContents.mainFrame, url: 'https://evil.example/' };
    for (const senderFrame of [iframe, foreign]) {
      const reply = await handler({ sender: t.win.webContents, senderFrame }, { action: 'open', words: openWords });
      expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
    t.unregister();
    expect(ipcMain.handlers.has(SYNC_FILE_CHANNEL)).toBe(false);
  });
});
