// @vitest-environment jsdom
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core/index';
import { CONTACT_UPLOAD_MAX_BYTES } from '../../electron/shared/contacts/bulk-contract';
import type { ContactFileOpenRequest, ContactFileReadRequest } from '../../electron/shared/contacts/file-dialog';
import type { CoreEvent } from '../../electron/shared/contract';
import { createIpcClient } from '../../renderer/client/ipc';
import type { PreloadBridge } from '../../renderer/client/types';
import { ContactImportScreen } from '../../renderer/contacts/ContactImportScreen';
import { allContacts, core, fixture } from '../contacts/helpers';
import { coreClient, renderWithClient } from './with-core';

// Importing contacts in the desktop app: "Choose a file…" is the system's open dialog and a file
// dropped on the window is read from its folder; the main process keeps the path and the screen
// reads the file by a handle (the core's contact.importFile), never holding its bytes, so the
// upload limit of web mode is neither applied nor said. The bridge below answers as the main
// process does (electron/main/contact-file-dialog.ts), on a real core.

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

const wait = { timeout: 15_000 };
const MB = 1024 * 1024;

/** A file the dialog answers, and the size the main process reports for it (its own by default). */
interface Answer {
  path: string;
  size?: number;
}

/** The preload's pipe to `c`, its contacts file kept by handle as the main process keeps it; every `invoke` is recorded. */
function desktop(c: Core, answers: Answer[], dropped: Record<string, Answer> = {}) {
  const kept = new Map<string, string>();
  const asked: ContactFileOpenRequest[] = [];
  const reads: ContactFileReadRequest[] = [];
  const invoked: string[] = [];
  const keep = (a: Answer) => {
    const handle = `handle-${kept.size + 1}-${'x'.repeat(16)}`;
    kept.set(handle, a.path);
    return { handle, name: basename(a.path), size: a.size ?? statSync(a.path).size };
  };
  const bridge: PreloadBridge = {
    invoke: (method, input) => {
      invoked.push(method);
      return c.dispatch(method, input, { transport: 'ipc' });
    },
    on: (listener) => c.jobs.on((e: CoreEvent) => listener(e)),
    contactFileOpen: (request) => {
      asked.push(request);
      const a = answers.shift();
      return Promise.resolve({ ok: true, value: a ? { cancelled: false, ...keep(a) } : { cancelled: true } });
    },
    contactFileDropped: (file) => {
      const a = dropped[file.name];
      return Promise.resolve({ ok: true, value: a ? keep(a) : null });
    },
    contactFileRead: async (request) => {
      reads.push(request);
      const { handle, ...options } = request;
      const path = kept.get(handle);
      if (path === undefined) return { ok: false, error: { code: 'NOT_FOUND', message: 'forgotten', params: { reason: 'contactFileForgotten' } } };
      return c.dispatch('contact.importFile', { ...options, path }, { transport: 'ipc' });
    },
  };
  return { bridge, asked, reads, invoked, forget: () => kept.clear() };
}

/** A file dropped anywhere on the window, as the browser sends it. */
function drop(file: File) {
  const e = new Event('drop', { bubbles: true, cancelable: true });
  Object.defineProperty(e, 'dataTransfer', { value: { types: ['Files'], files: [file], dropEffect: 'none' } });
  act(() => {
    window.dispatchEvent(e);
  });
}

/** A file whose size the browser reports as `size`, whatever its bytes. */
function sized(file: File, size: number): File {
  Object.defineProperty(file, 'size', { value: size });
  return file;
}

const outlook = () => fixture('outlook-fr-1252.csv');
const noUploadLimit = () => expect(document.body.textContent).not.toMatch(/20 MB|dateline contacts import|desktop app or the command line/);

describe('importing contacts in the desktop app', () => {
  it('chooses the file in the open dialog and reads it by handle, a file reported at 60 MB included, then imports and saves the refused rows', async () => {
    const c = await core();
    const d = desktop(c, [{ path: outlook(), size: 60 * MB }]);
    renderWithClient(createIpcClient(d.bridge), <ContactImportScreen />, 'en');
    // No file input reads the file into the window; the hint says no upload limit.
    expect(document.querySelector('input[type=file]')).toBeNull();
    expect(screen.getByRole('group', { name: 'CSV or vCard file' })).toBeTruthy();
    expect(screen.getByText(/of any size: Dateline reads the file where it is\./)).toBeTruthy();
    noUploadLimit();

    fireEvent.click(screen.getByRole('button', { name: 'Choose a file…' }));
    await screen.findByText('Columns recognised: Outlook (French).', {}, wait);
    expect(d.asked).toEqual([{ words: { title: 'Import contacts from a file', filter: 'CSV and text files', vcards: 'vCards', allFiles: 'All files' } }]);
    expect(screen.getByText('outlook-fr-1252.csv')).toBeTruthy();
    expect(screen.getByText('60 MB')).toBeTruthy();
    noUploadLimit();

    fireEvent.change(screen.getByLabelText('What happens to row 3'), { target: { value: 'skip' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText('Imported in one go: 1 created, 1 merged, 1 refused, 1 skipped.', {}, wait);
    expect((await allContacts(c)).map((p) => p.name)).toEqual(['Amélie Kaboré']);
    // Every reading went by the handle; the window never sent the file's bytes.
    expect(d.invoked).not.toContain('contact.import');
    expect(d.reads).toHaveLength(2);
    expect(d.reads[0]).toEqual({ handle: expect.stringMatching(/^handle-1-/), limit: 500, commit: false });
    expect(d.reads[1]).toMatchObject({ handle: d.reads[0]!.handle, commit: true, decisions: { '3': 'skip' }, expectSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const saved: Blob[] = [];
    Object.assign(URL, { createObjectURL: (b: Blob) => (saved.push(b), 'blob:refused'), revokeObjectURL: () => undefined });
    fireEvent.click(within(screen.getByRole('region', { name: 'Rows refused' })).getByRole('button', { name: 'Save refused rows as CSV' }));
    expect(await saved[0]!.text()).toContain('helene.dubois@');
  });

  it('reads the file again by its handle in the encoding chosen', async () => {
    const c = await core();
    const d = desktop(c, [{ path: fixture('tunis-fr-ar-1256.csv') }]);
    renderWithClient(createIpcClient(d.bridge), <ContactImportScreen />, 'en');
    fireEvent.click(screen.getByRole('button', { name: 'Choose a file…' }));
    await screen.findByText(/These columns are not from an Outlook or Google export/, {}, wait);
    fireEvent.change(screen.getByLabelText('Encoding'), { target: { value: 'windows-1256' } });
    await screen.findByText(/^4 read: 4 to create/, {}, wait);
    expect(screen.getByText('ليلى بن علي')).toBeTruthy();
    expect(d.reads.at(-1)).toMatchObject({ handle: d.reads[0]!.handle, encoding: 'windows-1256', mapping: expect.any(Object) });
    expect(d.invoked).not.toContain('contact.import');
  });

  it('keeps the file before when the dialog is cancelled, and says so when the main process has forgotten it', async () => {
    const c = await core();
    const d = desktop(c, [{ path: outlook() }]);
    renderWithClient(createIpcClient(d.bridge), <ContactImportScreen />, 'en');
    fireEvent.click(screen.getByRole('button', { name: 'Choose a file…' }));
    await screen.findByText('Columns recognised: Outlook (French).', {}, wait);
    fireEvent.click(screen.getByRole('button', { name: 'Choose a file…' }));
    await vi.waitFor(() => expect(d.asked).toHaveLength(2));
    expect(screen.getByText('Columns recognised: Outlook (French).')).toBeTruthy();
    expect(d.reads).toHaveLength(1);

    d.forget();
    fireEvent.change(screen.getByLabelText('Encoding'), { target: { value: 'utf-8' } });
    const said = await screen.findByRole('alert', {}, wait);
    expect(said.textContent).toBe('Dateline no longer has this file open. Choose it again with “Choose a file…”.');
  });

  it('reads a file dropped from a folder by its path, and one with no path as bytes, never saying the upload limit', async () => {
    const c = await core();
    const bytes = readFileSync(outlook());
    const d = desktop(c, [], { 'desk.csv': { path: outlook(), size: 45 * MB } });
    renderWithClient(createIpcClient(d.bridge), <ContactImportScreen />, 'en');

    drop(sized(new File([bytes], 'desk.csv'), 45 * MB));
    await screen.findByText('Columns recognised: Outlook (French).', {}, wait);
    expect(d.reads).toHaveLength(1);
    expect(d.invoked).not.toContain('contact.import');
    expect(screen.getByText('45 MB')).toBeTruthy();

    // Dragged out of a mail program: no path, so its bytes are sent, as web mode sends them.
    drop(new File([bytes], 'from-mail.csv'));
    await vi.waitFor(() => expect(d.invoked).toContain('contact.import'), wait);
    await screen.findByText('Columns recognised: Outlook (French).', {}, wait);
    expect(screen.getByText('from-mail.csv')).toBeTruthy();

    // Too large to send, it is said in the desktop's words: save it in a folder and choose it.
    drop(sized(new File([bytes], 'big-from-mail.csv'), CONTACT_UPLOAD_MAX_BYTES + 1));
    const said = await screen.findByRole('alert', {}, wait);
    expect(said.textContent).toBe(
      '“big-from-mail.csv” (21 MB) was dropped from another application, not from a folder, and is too large to be read that way. Save it in a folder first, then choose it with “Choose a file…” or drop it from the folder.',
    );
    noUploadLimit();
  });
});

describe('importing contacts in web mode', () => {
  it('keeps the file input and its upload limit, and reads a dropped file as bytes', async () => {
    const c = await core();
    renderWithClient(coreClient(c), <ContactImportScreen />, 'en');
    expect(screen.queryByRole('button', { name: 'Choose a file…' })).toBeNull();
    expect(screen.getByText(/up to 20 MB here\. Larger files import with “dateline contacts import”\./)).toBeTruthy();
    drop(new File([readFileSync(outlook())], 'desk.csv'));
    await screen.findByText('Columns recognised: Outlook (French).', {}, wait);

    fireEvent.change(screen.getByLabelText('CSV or vCard file'), { target: { files: [sized(new File(['Name\r\n'], 'huge.csv'), 30 * MB)] } });
    const said = await screen.findByRole('alert', {}, wait);
    expect(said.textContent).toContain('“huge.csv” is 30 MB; files up to 20 MB import here. Use “dateline contacts import” for larger ones.');
  });
});

describe("the desktop client's contacts file", () => {
  it('is there only when the preload offers it, and a reply out of shape (a path, say) is an error in words', async () => {
    const c = await core();
    const d = desktop(c, []);
    const bare = createIpcClient({ invoke: d.bridge.invoke, on: d.bridge.on });
    expect([bare.contactFileDialog, bare.contactFileRead, bare.contactFileFromDrop]).toEqual([undefined, undefined, undefined]);
    const request = { words: { title: 'x', filter: 'y', vcards: 'v', allFiles: 'z' } };
    const chosen = { cancelled: false, handle: 'h'.repeat(24), name: 'desk.csv', size: 1 };
    const withPath = createIpcClient({ ...d.bridge, contactFileOpen: () => Promise.resolve({ ok: true, value: { ...chosen, path: '/home/officer/desk.csv' } }) });
    expect(await withPath.contactFileDialog!(request)).toMatchObject({ ok: false, error: { code: 'INTERNAL', params: { reason: 'badReply' } } });
    const good = createIpcClient({ ...d.bridge, contactFileOpen: () => Promise.resolve({ ok: true, value: chosen }) });
    expect(await good.contactFileDialog!(request)).toEqual({ ok: true, value: chosen });
    const noPath = createIpcClient({ ...d.bridge, contactFileDropped: () => Promise.resolve({ ok: true, value: null }) });
    expect(await noPath.contactFileFromDrop!(new File(['x'], 'x.csv'))).toEqual({ ok: true, value: null });
  });
});
