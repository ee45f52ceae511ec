import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../electron/shared/errors';
import type { BackupDownload, LastBackup } from '../../electron/shared/library/contract';
import { cli } from '../cli/run';
import { tempDir } from '../helpers';
import { serveFresh, type Serving } from './running';

// Web mode's "Back up now…": the core makes the backup in the library's tmp/, the browser fetches
// it once, streamed, behind the token, and it is gone after. What it holds restores with the CLI.

async function start(): Promise<Serving> {
  return serveFresh();
}

function post(r: Serving, method: string, input: unknown): Promise<Response> {
  return fetch(`${r.server.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dateline-token': r.server.token },
    body: JSON.stringify(input),
  });
}

async function backupFile(r: Serving): Promise<BackupDownload> {
  const res = (await (await post(r, 'library.backupFile', {})).json()) as { ok: true; value: { jobId: string } } | { ok: false; error: ApiError };
  if (!res.ok) throw new Error(res.error.message);
  return (await r.core.jobs.wait(res.value.jobId)) as BackupDownload;
}

const download = (r: Serving, id: string, token = r.server.token) => fetch(`${r.server.origin}/api/download/${id}`, { headers: { 'x-dateline-token': token } });

function backupFolders(r: Serving): string[] {
  const tmp = join(r.core.ctx.dir, 'tmp');
  return existsSync(tmp) ? readdirSync(tmp).filter((n) => n.startsWith('backup-file-')) : [];
}

describe('web mode: Back up now', () => {
  it('downloads a backup once, records when it was made, and dateline restore puts the same documents back', async () => {
    const r = await start();
    await post(r, 'release.create', { headline: 'Cholera vaccination reaches Beira', language: 'en' });
    await post(r, 'attachment.add', { name: 'fact-sheet.txt', data: Buffer.from('Water points: 12').toString('base64') });
    expect(await (await post(r, 'library.lastBackup', {})).json()).toEqual({ ok: true, value: null });

    const made = await backupFile(r);
    expect(made.name).toMatch(/^Dateline backup \d{4}-\d{2}-\d{2}\.dateline-backup$/);
    expect(made).toMatchObject({ documents: 2, files: 1, leftOut: [] });
    expect(backupFolders(r)).toHaveLength(1);

    const res = await download(r, made.download);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent(made.name)}`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.length).toBe(made.bytes);
    expect(bytes.subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    // Sent once, then removed.
    await expect.poll(() => backupFolders(r)).toEqual([]);
    const again = await download(r, made.download);
    expect(again.status).toBe(404);
    expect(((await again.json()) as { ok: false; error: ApiError }).error.code).toBe('NOT_FOUND');

    const last = (await (await post(r, 'library.lastBackup', {})).json()) as { ok: true; value: LastBackup };
    expect(last.value.bytes).toBe(made.bytes);
    expect(made.name).toContain(last.value.at.slice(0, 10));

    // What the browser saved restores with the command line and holds the same documents.
    const file = join(tempDir(), made.name);
    writeFileSync(file, bytes);
    const other = join(tempDir(), 'restored');
    const restored = await cli(['restore', file, '--library', other, '--json']);
    expect(restored.err).toBe('');
    expect(JSON.parse(restored.out)).toMatchObject({ documents: 2, files: 1 });
    const listed = await cli(['release', 'list', '--library', other, '--json']);
    expect((JSON.parse(listed.out) as { items: { headline: string }[] }).items.map((i) => i.headline)).toEqual(['Cholera vaccination reaches Beira']);
  });

  it('refuses the download without the token, and keeps the file for the one who has it', async () => {
    const r = await start();
    const made = await backupFile(r);
    const refused = await download(r, made.download, 'x'.repeat(43));
    expect(refused.status).toBe(401);
    expect(backupFolders(r)).toHaveLength(1);
    expect((await download(r, made.download)).status).toBe(200);
  });

  it('answers a download id it never made with NOT_FOUND, and a POST with 405', async () => {
    const r = await start();
    expect((await download(r, 'no-such-download')).status).toBe(404);
    const posted = await fetch(`${r.server.origin}/api/download/x`, { method: 'POST', headers: { 'x-dateline-token': r.server.token, 'content-type': 'application/json' }, body: '{}' });
    expect(posted.status).toBe(405);
  });
});
