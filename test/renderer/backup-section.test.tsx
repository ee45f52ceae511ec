// @vitest-environment jsdom
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { CoreEvent } from '../../electron/shared/contract';
import type { BackupDialogRequest } from '../../electron/shared/library/backup-dialog';
import { createHttpClient } from '../../renderer/client/http-client';
import { createIpcClient } from '../../renderer/client/ipc';
import type { PreloadBridge } from '../../renderer/client/types';
import { BackupSection } from '../../renderer/settings/BackupSection';
import { core as openLibrary } from '../core-harness';
import { tempDir } from '../helpers';
import { serve } from '../http/running';
import { renderWithClient } from './with-core';

// Settings → Library, "Back up now…": through the save dialog in the desktop app (the core's job
// on the path chosen), through a download in web mode (a real server, a one-time link). The
// core is real; "Last backup" follows what the library recorded.

afterEach(cleanup);

/** The preload's pipe to a real core with its backupFile answered as the main process would: the job on `path`, or cancelled. */
async function desktop(answers: ({ path: string } | { cancel: true })[]): Promise<{ core: Core; bridge: PreloadBridge; asked: BackupDialogRequest[] }> {
  const core = await openLibrary();
  const asked: BackupDialogRequest[] = [];
  const bridge: PreloadBridge = {
    invoke: (method, input) => core.dispatch(method, input, { transport: 'ipc' }),
    on: (listener) => core.jobs.on((e: CoreEvent) => listener(e)),
    backupFile: async (request) => {
      asked.push(request);
      const answer = answers.shift() ?? { cancel: true };
      if ('cancel' in answer) return { ok: true, value: { cancelled: true } };
      const started = await core.dispatch('library.backup', { out: answer.path }, { transport: 'ipc' });
      if (!started.ok) return started;
      return { ok: true, value: { cancelled: false, jobId: (started.value as { jobId: string }).jobId, name: answer.path.split('/').pop() } };
    },
  };
  return { core, bridge, asked };
}

describe('Back up now in the desktop app', () => {
  it('says no backup yet, backs up through the save dialog, says where and how big, and shows the last backup', async () => {
    const out = join(tempDir(), 'Dateline backup 2026-12-05.dateline-backup');
    const t = await desktop([{ path: out }]);
    await t.core.dispatch('release.create', { headline: 'Floods in Uvira', language: 'en' }, { transport: 'test' });
    renderWithClient(createIpcClient(t.bridge), <BackupSection />, 'en');
    await screen.findByText('No backup of this library has been made from this computer yet.');
    fireEvent.click(screen.getByRole('button', { name: 'Back up now…' }));
    await screen.findByText(/^Backup written \(.+\) to:$/);
    expect(screen.getByText(out)).toBeTruthy();
    screen.getByText('It holds 1 documents and 0 files.');
    expect(t.asked).toEqual([{ words: { title: 'Back up the library', filter: 'Dateline backups' } }]);
    expect(existsSync(out)).toBe(true);
    await vi.waitFor(() => expect(screen.getByTestId('last-backup').textContent).toMatch(/^Last backup: .+ \(.+\)$/));
    expect(screen.getByRole('button', { name: 'Back up now…' })).not.toHaveProperty('disabled', true);
  });

  it('says nothing and runs nothing when the dialog is cancelled', async () => {
    const t = await desktop([{ cancel: true }]);
    renderWithClient(createIpcClient(t.bridge), <BackupSection />, 'en');
    fireEvent.click(await screen.findByRole('button', { name: 'Back up now…' }));
    await vi.waitFor(() => expect(t.asked).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
    expect(t.core.jobs.list()).toEqual([]);
  });

  it('says in words why a backup could not be written (a folder that is gone), at the button', async () => {
    const t = await desktop([{ path: join(tempDir(), 'unplugged', 'b.dateline-backup') }]);
    renderWithClient(createIpcClient(t.bridge), <BackupSection />, 'en');
    fireEvent.click(await screen.findByRole('button', { name: 'Back up now…' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/unplugged.* does not exist/);
    screen.getByText('No backup of this library has been made from this computer yet.');
  });

  it('asks the dialog in the window language (Arabic)', async () => {
    const t = await desktop([{ cancel: true }]);
    renderWithClient(createIpcClient(t.bridge), <BackupSection />, 'ar');
    fireEvent.click(await screen.findByRole('button', { name: 'نسخ احتياطي الآن…' }));
    await vi.waitFor(() => expect(t.asked).toEqual([{ words: { title: 'نسخ المكتبة احتياطيًا', filter: 'نسخ Dateline الاحتياطية' } }]));
  });
});

describe('Back up now in web mode', () => {
  it('downloads the backup the server made, names it, and shows the last backup', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'static'));
    writeFileSync(join(root, 'static', 'index.html'), '<!doctype html>');
    const r = await serve(join(root, 'library'), join(root, 'static'));
    const client = createHttpClient({ token: r.server.token, baseUrl: r.server.origin });
    const created: Blob[] = [];
    let named = '';
    let followed = '';
    // jsdom has no downloads: stand-ins keep the link the page follows and the name it gives.
    Object.assign(URL, { createObjectURL: (b: Blob) => (created.push(b), 'blob:backup'), revokeObjectURL: () => undefined });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      named = this.download;
      followed = this.href;
    });
    renderWithClient(client, <BackupSection />, 'en');
    fireEvent.click(await screen.findByRole('button', { name: 'Back up now…' }));
    await screen.findByText(/^Backup made \(.+\): your browser saved it as “Dateline backup \d{4}-\d{2}-\d{2}\.dateline-backup” in its downloads\.$/);
    click.mockRestore();
    expect(named).toMatch(/^Dateline backup \d{4}-\d{2}-\d{2}\.dateline-backup$/);
    // The page held no copy of the backup: it followed a one-time link, which the browser fetches without the token.
    expect(created).toHaveLength(0);
    expect(followed.startsWith(`${r.server.origin}/download/`)).toBe(true);
    const res = await fetch(followed);
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    await vi.waitFor(() => expect(screen.getByTestId('last-backup').textContent).toMatch(/^Last backup: /));
  });
});
