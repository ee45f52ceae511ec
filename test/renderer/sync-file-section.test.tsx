// @vitest-environment jsdom
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { CoreEvent } from '../../electron/shared/contract';
import type { SyncFileDialogRequest } from '../../electron/shared/sync/file-dialog';
import { createIpcClient } from '../../renderer/client/ipc';
import type { DatelineClient, PreloadBridge } from '../../renderer/client/types';
import { SyncFileSection } from '../../renderer/sync/SyncFileSection';
import { JobTray } from '../../renderer/app/JobTray';
import { ClientProvider } from '../../renderer/client/context';
import { setUpI18n } from '../../renderer/i18n';
import { core as openLibrary } from '../core-harness';
import { tempDir } from '../helpers';
import { renderWithClient } from './with-core';

// Settings → Sync file picks its route by what the preload exposes: with the desktop's sync file
// dialog, Save and Open go through it (the main process's dialog and the core's job on a path),
// with no size limit shown; without it (web mode), the file's bytes travel in the call and the
// limit is stated. The core is real; the "main process" here starts its job on a temporary path.

afterEach(cleanup);

type DialogAnswer = { cancel: true } | { path: string };

/** The preload's pipe to a real core; with `dialogs`, also its syncFile, answered as the main process would. */
async function bridge(dialogs?: DialogAnswer[]): Promise<{ core: Core; bridge: PreloadBridge; asked: SyncFileDialogRequest[]; calls: string[] }> {
  const core = await openLibrary();
  const asked: SyncFileDialogRequest[] = [];
  const calls: string[] = [];
  const b: PreloadBridge = {
    invoke: (method, input) => {
      calls.push(method);
      return core.dispatch(method, input, { transport: 'ipc' });
    },
    on: (listener) => core.jobs.on((e: CoreEvent) => listener(e)),
  };
  if (dialogs) {
    b.syncFile = async (request) => {
      asked.push(request);
      const answer = dialogs.shift() ?? { cancel: true };
      if ('cancel' in answer) return { ok: true, value: { cancelled: true } };
      const started = request.action === 'save'
        ? await core.dispatch('sync.export', { out: answer.path, peer: request.peer ?? null }, { transport: 'ipc' })
        : await core.dispatch('sync.import', { from: answer.path }, { transport: 'ipc' });
      if (!started.ok) return started;
      return { ok: true, value: { cancelled: false, jobId: (started.value as { jobId: string }).jobId, name: answer.path.split('/').pop() } };
    };
  }
  return { core, bridge: b, asked, calls };
}

function show(client: DatelineClient, lng = 'en') {
  renderWithClient(client, <SyncFileSection />, lng);
  return within(screen.getByRole('region', { name: lng === 'en' ? 'Sync file (USB stick)' : /.+/ }));
}

describe('the sync file section in the desktop app', () => {
  it('saves through the save dialog with the words in the window language, and says where it went', async () => {
    const out = join(tempDir(), 'stick.dateline-sync');
    const t = await bridge([{ path: out }]);
    await t.core.dispatch('release.create', { headline: 'Floods in Uvira', language: 'en' }, { transport: 'test' });
    const section = show(createIpcClient(t.bridge));
    expect(section.queryByText(/Here a sync file can be up to 100 MB/)).toBeNull();
    expect(section.queryByLabelText('Open a sync file…', { selector: 'input' })).toBeNull();

    fireEvent.change(section.getByLabelText('For office (optional)'), { target: { value: 'bukavu' } });
    fireEvent.click(section.getByRole('button', { name: 'Save a sync file…' }));
    await section.findByText('stick.dateline-sync is saved. Documents: 1; files: 0.');
    expect(t.asked).toEqual([{ action: 'save', peer: 'bukavu', words: { title: 'Save a sync file', filter: 'Dateline sync files' } }]);
    expect(existsSync(out)).toBe(true);
    // Web mode's route is not taken: nothing travels in a call.
    expect(t.calls).not.toContain('sync.exportFile');

    // Another library opens it through the open dialog and says what it merged.
    const again = await bridge([{ path: out }]);
    cleanup();
    const other = show(createIpcClient(again.bridge));
    fireEvent.click(other.getByRole('button', { name: 'Open a sync file…' }));
    await other.findByText('stick.dateline-sync is merged into this library. New document versions: 1; already here: 0; files: 0.');
    expect(again.asked).toEqual([{ action: 'open', words: { title: 'Open a sync file', filter: 'Dateline sync files', allFiles: 'All files' } }]);
    expect(again.calls).not.toContain('sync.importFile');
  });

  it('says nothing and runs nothing when the dialog is cancelled', async () => {
    const t = await bridge([{ cancel: true }, { cancel: true }]);
    const section = show(createIpcClient(t.bridge));
    fireEvent.click(section.getByRole('button', { name: 'Save a sync file…' }));
    fireEvent.click(section.getByRole('button', { name: 'Open a sync file…' }));
    await vi.waitFor(() => expect(t.asked).toHaveLength(2));
    await new Promise((r) => setTimeout(r, 0));
    expect(section.queryByRole('alert')).toBeNull();
    expect(section.queryByRole('status')).toBeNull();
    expect(t.core.jobs.list()).toEqual([]);
    expect(section.getByRole('button', { name: 'Save a sync file…' })).not.toHaveProperty('disabled', true);
  });

  it("shows the core's refusal of the chosen file in words", async () => {
    const t = await bridge([{ path: join(tempDir(), 'missing.dateline-sync') }]);
    const section = show(createIpcClient(t.bridge));
    fireEvent.click(section.getByRole('button', { name: 'Open a sync file…' }));
    expect((await section.findByRole('alert')).textContent).toMatch(/missing\.dateline-sync/);
  });

  it('says a failed merge once, on the section: the job tray keeps the job and its state, not the same words', async () => {
    const bad = join(tempDir(), 'damaged.dateline-sync');
    writeFileSync(bad, 'not a sync file at all, only words where gzip was expected');
    const t = await bridge([{ path: bad }]);
    render(
      <I18nextProvider i18n={setUpI18n('en')}>
        <ClientProvider client={createIpcClient(t.bridge)}>
          <SyncFileSection />
          <JobTray />
        </ClientProvider>
      </I18nextProvider>,
    );
    const section = within(screen.getByRole('region', { name: 'Sync file (USB stick)' }));
    fireEvent.click(section.getByRole('button', { name: 'Open a sync file…' }));
    const alert = await section.findByRole('alert', {}, { timeout: 15_000 });
    const words = alert.textContent!;
    expect(words.length).toBeGreaterThan(10);
    const tray = await screen.findByRole('region', { name: 'Tasks' }, { timeout: 15_000 });
    await within(tray).findByText('Failed', {}, { timeout: 15_000 });
    expect(tray.textContent).not.toContain(words);
  });

  it('asks the dialog in the window language (Arabic)', async () => {
    const t = await bridge([{ cancel: true }]);
    show(createIpcClient(t.bridge), 'ar');
    fireEvent.click(screen.getByRole('button', { name: 'حفظ ملف مزامنة…' }));
    await vi.waitFor(() => expect(t.asked).toEqual([{ action: 'save', peer: null, words: { title: 'حفظ ملف مزامنة', filter: 'ملفات مزامنة Dateline' } }]));
  });
});

describe("the desktop client's sync file dialog", () => {
  it('is there only when the preload exposes it, and a reply it cannot read is an error in words', async () => {
    const t = await bridge();
    expect(createIpcClient(t.bridge).syncFileDialog).toBeUndefined();
    const odd = createIpcClient({ ...t.bridge, syncFile: () => Promise.resolve({ ok: true, value: { cancelled: false, jobId: 7 } }) });
    expect(await odd.syncFileDialog!({ action: 'open', words: { title: 'x', filter: 'y', allFiles: 'z' } })).toMatchObject({ ok: false, error: { code: 'INTERNAL', params: { reason: 'badReply' } } });
    const gone = createIpcClient({ ...t.bridge, syncFile: () => Promise.reject(new Error('window closed')) });
    expect(await gone.syncFileDialog!({ action: 'open', words: { title: 'x', filter: 'y', allFiles: 'z' } })).toMatchObject({ ok: false, error: { code: 'INTERNAL', params: { reason: 'unreachable' } } });
  });
});

describe('the sync file section in web mode', () => {
  it('states the limit, and saves by downloading the bytes the core answered', async () => {
    const t = await bridge();
    const created: Blob[] = [];
    // jsdom has no object URLs: the download gets a stand-in that keeps the file's bytes.
    Object.assign(URL, { createObjectURL: (b: Blob) => (created.push(b), 'blob:sync-file'), revokeObjectURL: () => undefined });
    const section = show(createIpcClient(t.bridge));
    section.getByText(/Here a sync file can be up to 100 MB/);
    expect(section.getByLabelText('Open a sync file…', { selector: 'input' })).toBeTruthy();
    fireEvent.click(section.getByRole('button', { name: 'Save a sync file…' }));
    await section.findByText(/is ready in your downloads\. Documents: 0; files: 0\./);
    expect(t.calls).toContain('sync.exportFile');
    expect(created).toHaveLength(1);
  });
});
