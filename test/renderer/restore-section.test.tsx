// @vitest-environment jsdom
import Database from 'better-sqlite3';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core/index';
import { LATEST_VERSION } from '../../electron/core/store/migrations/index';
import type { CoreEvent, ReleaseSummary } from '../../electron/shared/contract';
import type { RestoreDialogRequest } from '../../electron/shared/library/restore-dialog';
import { RestoreStatus } from '../../renderer/app/RestoreStatus';
import { createHttpClient } from '../../renderer/client/http-client';
import { createIpcClient } from '../../renderer/client/ipc';
import type { DatelineClient, PreloadBridge } from '../../renderer/client/types';
import { RestoreSection } from '../../renderer/settings/RestoreSection';
import { call, core as openLibrary, job } from '../core-harness';
import { tempDir } from '../helpers';
import { serve } from '../http/running';
import { coreClient, renderWithClient } from './with-core';

// Settings → Library, "Restore from a backup…": the file is checked before any question; the
// question names the backup and what is lost, takes focus and keeps it; only a yes restores, and
// the app then says which backup is now the library. Real cores and files; the desktop's open
// dialog is answered as the main process answers it (the core's check of the path chosen).

afterEach(cleanup);

const headlines = async (c: Core) => (await call<{ items: ReleaseSummary[] }>(c, 'release.list', {})).items.map((i) => i.headline).sort();

/** A library with one release, its backup, and a release made after it. */
async function backedUp(): Promise<{ core: Core; file: string }> {
  const core = await openLibrary();
  await call(core, 'release.create', { headline: 'Floods in Uvira', language: 'en' });
  const file = join(tempDir(), 'Dateline backup 2026-12-05.dateline-backup');
  await job(core, 'library.backup', { out: file });
  await call(core, 'release.create', { headline: 'Made after the backup', language: 'en' });
  return { core, file };
}

/** The preload's pipe to `core`, its restoreFile answered with the core's check of each path in turn (or cancelled). */
function desktop(core: Core, paths: string[]): { bridge: PreloadBridge; asked: RestoreDialogRequest[] } {
  const asked: RestoreDialogRequest[] = [];
  const bridge: PreloadBridge = {
    invoke: (method, input) => core.dispatch(method, input, { transport: 'ipc' }),
    on: (listener) => core.jobs.on((e: CoreEvent) => listener(e)),
    restoreFile: async (request) => {
      asked.push(request);
      const path = paths.shift();
      if (!path) return { ok: true, value: { cancelled: true } };
      const checked = await core.dispatch('library.checkBackup', { from: path }, { transport: 'ipc' });
      if (!checked.ok) return checked;
      return { ok: true, value: { cancelled: false, name: path.split('/').pop(), checked: checked.value } };
    },
  };
  return { bridge, asked };
}

function both(onRestored: () => void = () => undefined) {
  return (
    <>
      <RestoreStatus onRestored={onRestored} />
      <RestoreSection />
    </>
  );
}

describe('Restore from a backup in the desktop app', () => {
  it('asks first, naming the backup and what is lost; Escape keeps the library and forgets the backup', async () => {
    const { core, file } = await backedUp();
    const d = desktop(core, [file]);
    renderWithClient(createIpcClient(d.bridge), both(), 'en');
    const button = screen.getByRole('button', { name: 'Restore from a backup…' });
    fireEvent.click(button);
    const question = await screen.findByRole('alertdialog', { name: 'Replace the library with this backup?' });
    expect(d.asked).toEqual([{ words: { title: 'Restore from a backup', filter: 'Dateline backups', allFiles: 'All files' } }]);
    const text = question.textContent ?? '';
    expect(text).toMatch(/The backup of .+, “Dateline backup 2026-12-05\.dateline-backup” \(.+\): 1 documents and 0 files\./);
    expect(text).toContain('that has not been synced is lost; changes already synced come back at the next sync');
    expect(text).toContain('A sync file merges into the library and loses nothing; a backup replaces it.');
    expect(text).toContain('under “replaced”');
    expect(question.getAttribute('aria-modal')).toBe('true');

    // Focus starts on the safe answer and stays among the answers.
    const keep = within(question).getByRole('button', { name: 'Keep the library as it is' });
    const replace = within(question).getByRole('button', { name: 'Replace the library' });
    expect(document.activeElement).toBe(keep);
    fireEvent.keyDown(keep, { key: 'Tab' });
    expect(document.activeElement).toBe(replace);
    fireEvent.keyDown(replace, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(keep);

    fireEvent.keyDown(keep, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(await headlines(core)).toEqual(['Floods in Uvira', 'Made after the backup']);
    expect(core.jobs.list()).toEqual([expect.objectContaining({ method: 'library.backup' })]);
  });

  it('restores on yes, and the app says which backup is now the library', async () => {
    const { core, file } = await backedUp();
    const d = desktop(core, [file]);
    const restored = vi.fn();
    renderWithClient(createIpcClient(d.bridge), both(restored), 'en');
    fireEvent.click(screen.getByRole('button', { name: 'Restore from a backup…' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Replace the library' }));
    const notice = await screen.findByTestId('restored');
    expect(notice.textContent).toMatch(/^Restored the backup of .+\./);
    expect(notice.textContent).toContain('The library it replaced is kept in:');
    expect(notice.querySelector('code')?.textContent).toMatch(/replaced/);
    expect(restored).toHaveBeenCalledOnce();
    expect(await headlines(core)).toEqual(['Floods in Uvira']);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says at the button, with no question, why a file cannot be restored', async () => {
    const { core, file } = await backedUp();
    const garbage = join(tempDir(), 'holiday.jpg');
    writeFileSync(garbage, Buffer.alloc(4000, 0xff));
    const syncFile = join(tempDir(), 'goma.dateline-sync');
    await job(core, 'sync.export', { out: syncFile });
    const future = join(tempDir(), 'future.dateline-backup');
    writeFileSync(future, readFileSync(file));
    const db = new Database(future);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    const d = desktop(core, [garbage, syncFile, future]);
    renderWithClient(createIpcClient(d.bridge), both(), 'en');
    const button = screen.getByRole('button', { name: 'Restore from a backup…' });

    const said: string[] = [];
    for (let i = 0; i < 3; i++) {
      fireEvent.click(button);
      await vi.waitFor(() => expect(d.asked).toHaveLength(i + 1));
      said.push((await screen.findByRole('alert')).textContent ?? '');
      await vi.waitFor(() => expect(button).toHaveProperty('disabled', false));
      expect(screen.queryByRole('alertdialog')).toBeNull();
    }
    expect(said).toEqual([
      'This file is not a Dateline backup; nothing was changed. Choose a file made with “Back up now…” or dateline backup.',
      'This is a sync file, not a backup; nothing was changed. Open it under Settings → Sync file (USB stick): a sync file merges, a backup replaces.',
      `This backup was made by a newer Dateline (library version ${LATEST_VERSION + 1}; this one reads up to ${LATEST_VERSION}). Update Dateline to restore it; nothing was changed.`,
    ]);
    expect(await headlines(core)).toEqual(['Floods in Uvira', 'Made after the backup']);
  });

  it('asks the dialog in the window language (Arabic), and says the question in it', async () => {
    const { core, file } = await backedUp();
    const d = desktop(core, [file]);
    renderWithClient(createIpcClient(d.bridge), both(), 'ar');
    fireEvent.click(screen.getByRole('button', { name: 'الاستعادة من نسخة احتياطية…' }));
    await screen.findByRole('alertdialog', { name: 'أتستبدل المكتبة بهذه النسخة الاحتياطية؟' });
    expect(d.asked).toEqual([{ words: { title: 'الاستعادة من نسخة احتياطية', filter: 'نسخ Dateline الاحتياطية', allFiles: 'كل الملفات' } }]);
  });
});

describe('while a restore runs', () => {
  /** A client of a real core whose screens hear only the events the test sends them. */
  async function sentEventsOnly(): Promise<{ client: DatelineClient; send: (e: CoreEvent) => void }> {
    const core = await openLibrary();
    let heard: (e: CoreEvent) => void = () => undefined;
    const client = coreClient(core, {
      on: (listener) => {
        heard = listener;
        return () => undefined;
      },
    });
    return { client, send: (e) => heard(e) };
  }

  it('covers the window with its progress, keeps focus there, offers Stop until the swap, and lifts once done', async () => {
    const { client, send } = await sentEventsOnly();
    const cancel = vi.spyOn(client, 'call');
    const restored = vi.fn();
    renderWithClient(client, <><RestoreStatus onRestored={restored} /><button type="button">Behind</button></>, 'en');
    const job = { id: 'job-1', method: 'library.restoreBackup', state: 'running' as const, done: 20, total: 40, step: { code: 'RESTORE_FILES' as const, params: { done: 20, total: 40 } }, message: null };
    act(() => send({ type: 'job.progress', job }));
    const cover = screen.getByRole('dialog', { name: 'Restoring the backup…' });
    expect(cover.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(cover);
    expect(cover.textContent).toContain('The library cannot be changed until the restore has finished.');
    expect(cover.textContent).toContain('Checking files (20 of 40)');
    const stop = within(cover).getByRole('button', { name: 'Stop the restore' });
    fireEvent.keyDown(cover, { key: 'Tab' });
    expect(document.activeElement).toBe(stop);
    fireEvent.keyDown(stop, { key: 'Tab' });
    expect(document.activeElement).toBe(cover);
    fireEvent.click(stop);
    expect(cancel).toHaveBeenCalledWith('job.cancel', { id: 'job-1' });

    act(() => send({ type: 'job.progress', job: { ...job, done: 40, step: { code: 'RESTORE_REPLACING', params: {} } } }));
    expect(within(screen.getByRole('dialog')).queryByRole('button')).toBeNull();
    expect(restored).not.toHaveBeenCalled();

    const result = { createdAt: '2026-12-05T10:00:00.000Z', documents: 3, files: 1, leftOut: [], previous: '/lib/replaced/2026-12-06T09-00-00-000Z' };
    act(() => send({ type: 'job.done', job: { ...job, state: 'done' }, result }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(restored).toHaveBeenCalledOnce();
    const notice = screen.getByTestId('restored');
    expect(notice.textContent).toMatch(/^Restored the backup of .*2026.*\./);
    expect(notice.querySelector('code')?.textContent).toBe('/lib/replaced/2026-12-06T09-00-00-000Z');
  });

  it('lifts the cover when the restore fails, with no notice and no fresh screens', async () => {
    const { client, send } = await sentEventsOnly();
    const restored = vi.fn();
    renderWithClient(client, <RestoreStatus onRestored={restored} />, 'en');
    const job = { id: 'job-2', method: 'library.restoreBackup', state: 'running' as const, done: 0, total: null, step: { code: 'RESTORE_CHECKING' as const, params: {} }, message: null };
    act(() => send({ type: 'job.progress', job }));
    screen.getByRole('dialog');
    act(() => send({ type: 'job.failed', job: { ...job, state: 'failed' }, error: { code: 'LIBRARY_DAMAGED', message: 'damaged' } }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByTestId('restored')).toBeNull();
    expect(restored).not.toHaveBeenCalled();
  });
});

function bytesOf(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsArrayBuffer(blob);
  });
}

describe("the desktop client's restore dialog", () => {
  it('is there only when the preload exposes it, and a reply out of shape (a path, say) is an error in words', async () => {
    const { core } = await backedUp();
    const d = desktop(core, []);
    expect(createIpcClient({ invoke: d.bridge.invoke, on: d.bridge.on }).restoreDialog).toBeUndefined();
    const request = { words: { title: 'x', filter: 'y', allFiles: 'z' } };
    const checked = { backup: 'A'.repeat(24), createdAt: null, bytes: 1, documents: 0, files: 0 };
    const withPath = createIpcClient({ ...d.bridge, restoreFile: () => Promise.resolve({ ok: true, value: { cancelled: false, name: 'b', checked: { ...checked, path: '/x' } } }) });
    expect(await withPath.restoreDialog!(request)).toMatchObject({ ok: false, error: { code: 'INTERNAL', params: { reason: 'badReply' } } });
    const good = createIpcClient({ ...d.bridge, restoreFile: () => Promise.resolve({ ok: true, value: { cancelled: false, name: 'b', checked } }) });
    expect(await good.restoreDialog!(request)).toEqual({ ok: true, value: { cancelled: false, name: 'b', checked } });
    const gone = createIpcClient({ ...d.bridge, restoreFile: () => Promise.reject(new Error('window closed')) });
    expect(await gone.restoreDialog!(request)).toMatchObject({ ok: false, error: { code: 'INTERNAL', params: { reason: 'unreachable' } } });
  });
});

describe('Restore from a backup in web mode', () => {
  async function web() {
    const root = tempDir();
    mkdirSync(join(root, 'static'));
    writeFileSync(join(root, 'static', 'index.html'), '<!doctype html>');
    const r = await serve(join(root, 'library'), join(root, 'static'));
    // jsdom's File is not one Node's fetch can send: its bytes are sent instead, as a browser sends a file's.
    const send: typeof fetch = async (input, init) =>
      init?.body instanceof Blob ? fetch(input, { ...init, body: new Uint8Array(await bytesOf(init.body)) }) : fetch(input, init);
    return { r, client: createHttpClient({ token: r.server.token, baseUrl: r.server.origin, fetch: send }) };
  }

  it('uploads the file picked, asks, and restores', async () => {
    const { r, client } = await web();
    await call(r.core, 'release.create', { headline: 'Cholera vaccination reaches Beira', language: 'en' });
    const file = join(tempDir(), 'b.dateline-backup');
    await job(r.core, 'library.backup', { out: file });
    await call(r.core, 'release.create', { headline: 'Made after the backup', language: 'en' });
    renderWithClient(client, both(), 'en');
    screen.getByText(/^In the browser, a backup of up to .+ can be restored/);
    const picker = screen.getByTestId('restore-file');
    fireEvent.change(picker, { target: { files: [new File([readFileSync(file)], 'b.dateline-backup')] } });
    fireEvent.click(await screen.findByRole('button', { name: 'Replace the library' }));
    await screen.findByTestId('restored');
    expect(await headlines(r.core)).toEqual(['Cholera vaccination reaches Beira']);
  });

  it('refuses a file over the limit before sending it, and a file that is not a backup after the server checked it', async () => {
    const { r, client } = await web();
    const upload = vi.spyOn(client, 'uploadBackup' as never);
    renderWithClient(client, both(), 'en');
    const picker = screen.getByTestId('restore-file');
    const huge = new File(['x'], 'huge.dateline-backup');
    Object.defineProperty(huge, 'size', { value: 3 * 1024 ** 3 });
    fireEvent.change(picker, { target: { files: [huge] } });
    expect((await screen.findByRole('alert')).textContent).toMatch(/^This backup is larger than .+, the most the browser can send; nothing was changed\./);
    expect(upload).not.toHaveBeenCalled();

    fireEvent.change(picker, { target: { files: [new File(['not a backup at all'], 'notes.txt')] } });
    await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^This file is not a Dateline backup/));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(r.core.jobs.list()).toEqual([]);
  });
});

