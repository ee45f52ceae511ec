import { copyFileSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import type { Core } from '../../electron/core/index';
import { CONTACT_UPLOAD_MAX_BYTES, type ContactImportReport } from '../../electron/shared/contacts/bulk-contract';
import type { ContactFileChosen, ContactFileOpenReply, ContactFileReadReply } from '../../electron/shared/contacts/file-dialog';
import type { Result } from '../../electron/shared/errors';
import { allContacts, fixture } from '../contacts/helpers';
import { library } from '../core-harness';
import { tempDir } from '../helpers';
import { dialogWindow } from './dialog-harness';
import { FakeBrowserWindow, dialog, ipcMain, type FakeFrame } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { createWindow } = await import('../../electron/main/window');
const { CONTACT_FILES_PER_WINDOW, ContactFiles, registerContactFileDialog } = await import('../../electron/main/contact-file-dialog');
const { CONTACT_FILE_DROP_CHANNEL, CONTACT_FILE_OPEN_CHANNEL, CONTACT_FILE_READ_CHANNEL } = await import('../../electron/shared/ipc-channels');

// Importing contacts in the desktop app: the open dialog (or a drop) picks the file, the main
// process keeps its path and gives the window a handle; every reading is the core's
// `contact.importFile` on that path. Electron is the fake; the core is real, on a real library.

const words = { title: 'Import contacts from a file', filter: 'CSV and text files', vcards: 'vCards', allFiles: 'All files' };

type Handler<R> = (event: { sender: unknown; senderFrame: FakeFrame | null }, request: unknown) => Promise<Result<R>>;

function setUp(core: Core) {
  const files = new ContactFiles();
  const t = dialogWindow<ContactFileOpenReply>(core, (c, w, opts) => registerContactFileDialog(c, w, opts, files), CONTACT_FILE_OPEN_CHANNEL);
  const from = (win: FakeBrowserWindow) => ({ sender: win.webContents, senderFrame: win.webContents.mainFrame });
  const read = ipcMain.handlers.get(CONTACT_FILE_READ_CHANNEL) as Handler<ContactFileReadReply>;
  const drop = ipcMain.handlers.get(CONTACT_FILE_DROP_CHANNEL) as Handler<ContactFileChosen>;
  return {
    ...t,
    files,
    read: (request: unknown, win: FakeBrowserWindow = t.win) => read(from(win), request),
    drop: (request: unknown, win: FakeBrowserWindow = t.win) => drop(from(win), request),
    /** The file at `path` chosen in the open dialog: its handle. */
    async choose(path: string, win: FakeBrowserWindow = t.win): Promise<ContactFileChosen> {
      dialog.answers.push({ canceled: false, path });
      const reply = await t.handler(from(win), { words });
      if (!reply.ok || reply.value.cancelled) throw new Error(`no file chosen: ${JSON.stringify(reply)}`);
      const { cancelled: _, ...chosen } = reply.value;
      return chosen;
    },
  };
}

/** A second window of ours, showing the app. */
function secondWindow(): FakeBrowserWindow {
  createWindow({ preload: '/p.cjs' });
  const win = FakeBrowserWindow.created.at(-1)!;
  win.webContents.mainFrame.url = 'app://dateline/index.html';
  return win;
}

async function report(core: Core, reply: Result<ContactFileReadReply>): Promise<ContactImportReport> {
  if (!reply.ok) throw new Error(`no job started: ${JSON.stringify(reply)}`);
  return (await core.jobs.wait(reply.value.jobId)) as ContactImportReport;
}

describe('a contacts file through the open dialog', () => {
  let goma: Core;
  let t: ReturnType<typeof setUp>;
  beforeEach(async () => {
    goma = await library('Goma desk');
    t = setUp(goma);
  });

  it('does nothing when the dialog is cancelled', async () => {
    expect(await t.ask({ words })).toEqual({ ok: true, value: { cancelled: true } });
    const [win, options] = dialog.showOpenDialog.mock.calls[0]!;
    expect(win).toBe(t.win);
    expect(options).toEqual({
      title: 'Import contacts from a file',
      defaultPath: '/home/officer/Documents',
      filters: [
        { name: 'CSV and text files', extensions: ['csv', 'txt', 'tsv'] },
        { name: 'vCards', extensions: ['vcf', 'vcard'] },
        { name: 'All files', extensions: ['*'] },
      ],
      properties: ['openFile'],
    });
    expect(t.invoke).not.toHaveBeenCalled();
    expect(t.files.count(t.win as unknown as BrowserWindow)).toBe(0);
  });

  it('gives the window a handle, the name and the size, not the path; each reading runs the core on the path, and the import stores', async () => {
    const path = join(tempDir(), 'Outlook export.csv');
    copyFileSync(fixture('outlook-fr-1252.csv'), path);
    dialog.answers.push({ canceled: false, path });
    const reply = await t.ask({ words });
    expect(reply).toEqual({ ok: true, value: { cancelled: false, handle: expect.any(String), name: 'Outlook export.csv', size: statSync(path).size } });
    expect(JSON.stringify(reply)).not.toContain(path);
    expect(t.invoke).not.toHaveBeenCalled();
    const { handle } = reply.ok && !reply.value.cancelled ? reply.value : { handle: '' };

    const preview = await report(goma, await t.read({ handle, limit: 500 }));
    expect(t.invoke).toHaveBeenLastCalledWith('contact.importFile', { path, limit: 500, commit: false, takeFileLegalBasis: false });
    expect(preview).toMatchObject({ headerSet: 'outlook-fr', rows: 4, created: 2, merged: 1, refused: 1, committed: false });
    expect(await allContacts(goma)).toEqual([]);

    // Again in the encoding chosen, then the import, with the preview's SHA-256.
    const again = await report(goma, await t.read({ handle, encoding: 'windows-1252' }));
    expect(again.encoding).toBe('windows-1252');
    const stored = await report(goma, await t.read({ handle, commit: true, expectSha256: preview.sha256, decisions: { '3': 'skip' } }));
    expect(stored).toMatchObject({ committed: true, created: 1, merged: 1, skipped: 1 });
    expect((await allContacts(goma)).map((c) => c.name)).toEqual(['Amélie Kaboré']);
    expect(t.invoke).toHaveBeenCalledTimes(3);
  });

  it('reads a file far above the upload limit from where it is', async () => {
    const path = join(tempDir(), 'phone.vcf');
    // 24 MB, nearly all of it a photo the import leaves out as it streams.
    const folded = `${'QUFB'.repeat(19)}\r\n `.repeat(Math.ceil((24 * 1024 * 1024) / 78));
    writeFileSync(path, `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Big Photo\r\nPHOTO;ENCODING=b;TYPE=JPEG:${folded}QUFB\r\nEMAIL:big@photo.example\r\nEND:VCARD\r\n`);
    const chosen = await t.choose(path);
    expect(chosen.size).toBeGreaterThan(CONTACT_UPLOAD_MAX_BYTES);
    const r = await report(goma, await t.read({ handle: chosen.handle, commit: true }));
    expect(r).toMatchObject({ format: 'vcard', created: 1, refused: 0 });
  });

  it('refuses a handle it never gave, one given to another window, and a request that names a path', async () => {
    const path = join(tempDir(), 'press.csv');
    copyFileSync(fixture('outlook-fr-1252.csv'), path);
    const mine = await t.choose(path);
    const other = secondWindow();

    const forgotten = { ok: false, error: { code: 'NOT_FOUND', params: { reason: 'contactFileForgotten' } } };
    expect(await t.read({ handle: 'A'.repeat(24) })).toMatchObject(forgotten);
    expect(await t.read({ handle: mine.handle }, other)).toMatchObject(forgotten);
    for (const bad of [{ handle: mine.handle, path }, { path }, { handle: mine.handle, name: 'press.csv', data: 'TmFtZQ==' }]) {
      expect(await t.read(bad)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(await t.ask({ words: { ...words, vcards: '' } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // A frame that is not our window's top frame is refused before anything is looked up.
    const inner = { ...t.win.webContents.mainFrame, parent: t.win.webContents.mainFrame };
    const readHandler = ipcMain.handlers.get(CONTACT_FILE_READ_CHANNEL) as Handler<ContactFileReadReply>;
    expect(await readHandler({ sender: t.win.webContents, senderFrame: inner }, { handle: mine.handle })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(t.invoke).not.toHaveBeenCalled();

    // The other window's own choice reads in that window only.
    const theirs = await t.choose(path, other);
    expect(await t.read({ handle: theirs.handle })).toMatchObject(forgotten);
    expect(await report(goma, await t.read({ handle: theirs.handle }, other))).toMatchObject({ rows: 4 });
  });

  it('forgets a window’s files when it closes, and the oldest past the bound', async () => {
    const path = join(tempDir(), 'press.csv');
    copyFileSync(fixture('outlook-fr-1252.csv'), path);
    const first = await t.choose(path);
    const handles = [first.handle];
    for (let i = 1; i < CONTACT_FILES_PER_WINDOW; i++) handles.push((await t.choose(path)).handle);
    // The first is read again: the newest now, it is not the one forgotten.
    await report(goma, await t.read({ handle: first.handle }));
    handles.push((await t.choose(path)).handle);
    expect(t.files.count(t.win as unknown as BrowserWindow)).toBe(CONTACT_FILES_PER_WINDOW);
    expect(await t.read({ handle: handles[1] })).toMatchObject({ ok: false, error: { params: { reason: 'contactFileForgotten' } } });
    await report(goma, await t.read({ handle: first.handle }));

    t.win.close();
    expect(t.files.count(t.win as unknown as BrowserWindow)).toBe(0);
    expect(await t.read({ handle: first.handle })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    t.unregister();
    expect([CONTACT_FILE_OPEN_CHANNEL, CONTACT_FILE_READ_CHANNEL, CONTACT_FILE_DROP_CHANNEL].some((c) => ipcMain.handlers.has(c))).toBe(false);
  });
});

describe('a contacts file dropped on the window', () => {
  let goma: Core;
  let t: ReturnType<typeof setUp>;
  beforeEach(async () => {
    goma = await library('Goma desk');
    t = setUp(goma);
  });

  it('is kept by the path the preload names, and read as a chosen one is', async () => {
    const path = join(tempDir(), 'desk.csv');
    copyFileSync(fixture('outlook-fr-1252.csv'), path);
    const reply = await t.drop({ path });
    expect(reply).toEqual({ ok: true, value: { handle: expect.any(String), name: 'desk.csv', size: statSync(path).size } });
    expect(JSON.stringify(reply)).not.toContain(path);
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
    const handle = reply.ok ? reply.value.handle : '';
    expect(await report(goma, await t.read({ handle }))).toMatchObject({ rows: 4 });
    expect(t.invoke).toHaveBeenCalledExactlyOnceWith('contact.importFile', expect.objectContaining({ path }));
  });

  it('refuses a folder, a file gone, and a relative path, without saying the path', async () => {
    const folder = join(tempDir(), 'Contacts');
    mkdirSync(folder);
    const folderReply = await t.drop({ path: folder });
    expect(folderReply).toMatchObject({ ok: false, error: { code: 'NOT_A_FILE' } });
    expect(JSON.stringify(folderReply)).not.toContain(folder);
    const gone = join(tempDir(), 'gone.csv');
    const goneReply = await t.drop({ path: gone });
    expect(goneReply).toMatchObject({ ok: false, error: { code: 'FILE_UNREADABLE' } });
    expect(JSON.stringify(goneReply)).not.toContain(gone);
    expect(await t.drop({ path: 'desk.csv' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(t.files.count(t.win as unknown as BrowserWindow)).toBe(0);
  });
});
