import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import type { ApiError, Result } from '../shared/errors';
import { CONTACT_FILE_DROP_CHANNEL, CONTACT_FILE_OPEN_CHANNEL, CONTACT_FILE_READ_CHANNEL } from '../shared/ipc-channels';
import {
  CONTACT_FILE_FORGOTTEN,
  ContactFileDropInput,
  ContactFileOpenInput,
  ContactFileReadInput,
  type ContactFileChosen,
  type ContactFileOpenReply,
  type ContactFileReadReply,
} from '../shared/contacts/file-dialog';
import { handleFromOurWindow, startedJob, type CoreInvoker } from './ipc';

export interface ContactFileDialogOptions {
  /** The folder the open dialog starts in (the person's documents). */
  folder(): string;
}

/**
 * Files a window keeps at once. A person reads one file at a time; a few more let them go back
 * to the one before. Past this the oldest is forgotten (reading it asks to choose it again).
 */
export const CONTACT_FILES_PER_WINDOW = 8;

interface Kept {
  path: string;
  name: string;
  size: number;
}

/**
 * The paths of the contacts files each window chose, by the handles the window was given. A
 * handle is good only for the window it was given to, and is forgotten when that window closes.
 */
export class ContactFiles {
  private readonly byWindow = new Map<BrowserWindow, Map<string, Kept>>();

  keep(win: BrowserWindow, path: string, size: number): ContactFileChosen {
    let kept = this.byWindow.get(win);
    if (!kept) {
      kept = new Map();
      this.byWindow.set(win, kept);
      win.once('closed', () => this.byWindow.delete(win));
    }
    const handle = randomBytes(18).toString('base64url');
    const file = { path, name: basename(path), size };
    kept.set(handle, file);
    for (const oldest of kept.keys()) {
      if (kept.size <= CONTACT_FILES_PER_WINDOW) break;
      kept.delete(oldest);
    }
    return { handle, name: file.name, size };
  }

  /** The path behind `handle` for `win`; undefined for a handle unknown, forgotten, or given to another window. */
  path(win: BrowserWindow, handle: string): string | undefined {
    const kept = this.byWindow.get(win);
    const file = kept?.get(handle);
    if (!kept || !file) return undefined;
    // Read again, it is the newest: the file being worked on is not the one the bound forgets.
    kept.delete(handle);
    kept.set(handle, file);
    return file.path;
  }

  /** How many files `win` keeps: none once it has closed. */
  count(win: BrowserWindow): number {
    return this.byWindow.get(win)?.size ?? 0;
  }
}

const forgotten: ApiError = {
  code: 'NOT_FOUND',
  message: 'This window no longer has that contacts file open; choose it again.',
  params: { reason: CONTACT_FILE_FORGOTTEN },
};

/** The file at `path`, kept for `win`, or why it cannot be: a folder, or gone since it was chosen. The path is not said to the window. */
async function keepFile(files: ContactFiles, win: BrowserWindow, path: string): Promise<Result<ContactFileChosen>> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, error: { code: 'NOT_A_FILE', message: `${basename(path)} is not a file (perhaps a folder).` } };
    return { ok: true, value: files.keep(win, path, info.size) };
  } catch {
    return { ok: false, error: { code: 'FILE_UNREADABLE', message: `${basename(path)} could not be opened.`, params: { name: basename(path), reason: 'cannotOpen' } } };
  }
}

/**
 * Importing contacts from a file in the desktop app: "Choose a file…" shows the system's open
 * dialog over the window that asked, and a file dropped on the window comes with its path from
 * the preload. Either way the main process keeps the path and gives the window a handle, the
 * file's name and its size. Each reading names the handle; the main process starts the core's
 * `contact.importFile` job on the path (streamed, no upload limit), whose progress and result
 * reach the window as any job's do. A handle unknown, forgotten, or another window's starts
 * nothing. Returns the function that removes the three handlers.
 */
export function registerContactFileDialog(
  core: Pick<CoreInvoker, 'invoke'>,
  windows: () => readonly BrowserWindow[],
  opts: ContactFileDialogOptions,
  files = new ContactFiles(),
): () => void {
  const stopOpen = handleFromOurWindow(CONTACT_FILE_OPEN_CHANNEL, ContactFileOpenInput, 'contacts file', windows, async (r, win): Promise<Result<ContactFileOpenReply>> => {
    // A file saved without an extension, or a tab-separated export named .tab, is under every file.
    const chosen = await dialog.showOpenDialog(win, {
      title: r.words.title,
      defaultPath: opts.folder(),
      filters: [
        { name: r.words.filter, extensions: ['csv', 'txt', 'tsv'] },
        { name: r.words.vcards, extensions: ['vcf', 'vcard'] },
        { name: r.words.allFiles, extensions: ['*'] },
      ],
      properties: ['openFile'],
    });
    const path = chosen.canceled ? undefined : chosen.filePaths[0];
    if (!path) return { ok: true, value: { cancelled: true } };
    const kept = await keepFile(files, win, path);
    return kept.ok ? { ok: true, value: { cancelled: false, ...kept.value } } : kept;
  });
  const stopDrop = handleFromOurWindow(CONTACT_FILE_DROP_CHANNEL, ContactFileDropInput, 'dropped contacts file', windows, (r, win) => keepFile(files, win, r.path));
  const stopRead = handleFromOurWindow(CONTACT_FILE_READ_CHANNEL, ContactFileReadInput, 'contacts file', windows, async (r, win): Promise<Result<ContactFileReadReply>> => {
    const { handle, ...options } = r;
    const path = files.path(win, handle);
    if (path === undefined) return { ok: false, error: forgotten };
    return startedJob(await core.invoke('contact.importFile', { ...options, path }), 'the contacts file');
  });
  return () => {
    stopOpen();
    stopDrop();
    stopRead();
  };
}
