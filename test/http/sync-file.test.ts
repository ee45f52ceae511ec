import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { CoreOptions } from '../../electron/core/index';
import { exportSyncFile } from '../../electron/core/sync/sync-file';
import type { ApiError } from '../../electron/shared/errors';
import { SYNC_FILE_WEB_MAX_BYTES, type SyncFileBytes, type SyncFileImport } from '../../electron/shared/sync/contract';
import { tempDir } from '../helpers';
import { serveFresh, type Serving } from './running';

// Web mode's sync file: the browser names no path. Saving answers the file's bytes; opening
// takes an upload's bytes, and every refusal says what is wrong and stores nothing.

type Running = Serving;

async function start(core: CoreOptions = {}): Promise<Running> {
  return serveFresh(core);
}

function post(r: Running, method: string, input: unknown, token = r.server.token): Promise<Response> {
  return fetch(`${r.server.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dateline-token': token },
    body: JSON.stringify(input),
  });
}

/** Starts a job over HTTP and waits for its end: its value, or the error it failed with. */
async function job<T>(r: Running, method: string, input: unknown): Promise<{ ok: true; value: T } | { ok: false; error: ApiError }> {
  const res = (await (await post(r, method, input)).json()) as { ok: true; value: { jobId: string } } | { ok: false; error: ApiError };
  if (!res.ok) return res;
  try {
    return { ok: true, value: (await r.core.jobs.wait(res.value.jobId)) as T };
  } catch (e) {
    const err = e as ApiError;
    return { ok: false, error: { code: err.code, message: err.message, ...(err.params ? { params: err.params } : {}) } };
  }
}

async function headlines(r: Running): Promise<string[]> {
  const res = (await (await post(r, 'release.list', {})).json()) as { ok: true; value: { items: { headline: string }[] } };
  return res.value.items.map((i) => i.headline).sort();
}

/** A library's releases with these headlines, saved as a sync file over HTTP; throws when saving fails. */
async function saveWith(r: Running, headlines: string[]): Promise<SyncFileBytes> {
  for (const headline of headlines) await post(r, 'release.create', { headline, language: 'en' });
  const saved = await job<SyncFileBytes>(r, 'sync.exportFile', { peer: null });
  if (!saved.ok) throw new Error(saved.error.message);
  return saved.value;
}

/** The library's tmp/ holds nothing of a sync file once the call has ended. */
function leftovers(r: Running): string[] {
  const tmp = join(r.core.ctx.dir, 'tmp');
  return existsSync(tmp) ? readdirSync(tmp).filter((n) => n.startsWith('sync-file-')) : [];
}

describe('web mode: saving a sync file', () => {
  it('answers the file for download; opened in another library over HTTP, the release arrives', async () => {
    const [a, b] = [await start(), await start()];
    const saved = await saveWith(a, ['Cholera vaccination reaches Beira']);
    expect(saved).toMatchObject({ docs: 1, files: 0 });
    expect(saved.name).toMatch(/^dateline-sync-.*\.dateline-sync$/);
    expect(Buffer.from(saved.data, 'base64').length).toBe(saved.bytes);
    expect(leftovers(a)).toEqual([]);

    const merged = await job<SyncFileImport>(b, 'sync.importFile', { name: saved.name, data: saved.data });
    expect(merged).toMatchObject({ ok: true, value: { written: 1, skipped: 0, files: 0, denied: [] } });
    expect(await headlines(b)).toEqual(['Cholera vaccination reaches Beira']);
    // Opened twice, it changes nothing: it merges.
    expect(await job<SyncFileImport>(b, 'sync.importFile', { name: saved.name, data: saved.data })).toMatchObject({ ok: true, value: { written: 0, skipped: 1 } });
    expect(leftovers(b)).toEqual([]);
  });

  it('for a named office, the next file carries only what is new since the last', async () => {
    const a = await start();
    await post(a, 'release.create', { headline: 'First', language: 'en' });
    expect(await job<SyncFileBytes>(a, 'sync.exportFile', { peer: 'goma' })).toMatchObject({ ok: true, value: { docs: 1 } });
    expect(await job<SyncFileBytes>(a, 'sync.exportFile', { peer: 'goma' })).toMatchObject({ ok: true, value: { docs: 0 } });
    expect(await job<SyncFileBytes>(a, 'sync.exportFile', { peer: null })).toMatchObject({ ok: true, value: { docs: 1 } });
  });

  it('refuses a file too large for a browser before the office is recorded as sent it', async () => {
    const a = await start();
    await post(a, 'release.create', { headline: 'Kept for the next file', language: 'en' });
    const out = join(tempDir(), 'big.dateline-sync');
    const store = a.core.ctx.library.replication;
    await expect(exportSyncFile(store, a.core.ctx.blobs, out, 'goma', { maxBytes: 10 })).rejects.toMatchObject({
      code: 'FILE_TOO_LARGE',
      message: expect.stringContaining('more than the 10 bytes a browser can download'),
      params: { reason: 'syncFileTooLarge', limit: 10 },
    });
    expect(existsSync(out) || existsSync(`${out}.part`)).toBe(false);
    expect((await exportSyncFile(store, a.core.ctx.blobs, out, 'goma')).docs).toBe(1);
  });

  it('refuses a bad peer name, saying what a name may hold', async () => {
    const a = await start();
    const res = (await (await post(a, 'sync.exportFile', { peer: '../goma' })).json()) as { ok: false; error: ApiError };
    expect(res.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('letters, digits, dots, dashes and underscores') });
  });
});

describe('web mode: opening a sync file', () => {
  it('refuses a call without the session token and stores nothing', async () => {
    const [a, b] = [await start(), await start()];
    const saved = await saveWith(a, ['Not for strangers']);
    const res = await post(b, 'sync.importFile', { name: 'x.dateline-sync', data: saved.data }, 'A'.repeat(43));
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await headlines(b)).toEqual([]);
  });

  it('refuses an upload larger than the request limit, naming the limit', async () => {
    const b = await start({ attachmentLimit: 64 * 1024 });
    const res = await post(b, 'sync.importFile', { name: 'big.dateline-sync', data: 'A'.repeat(2 * 1024 * 1024) });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { ok: false; error: ApiError };
    expect(body.error.code).toBe('FILE_TOO_LARGE');
    expect(body.error.message).toContain(`larger than ${String(body.error.params?.limit)} bytes`);
    expect(leftovers(b)).toEqual([]);
  });

  it('states the sync file limit for an upload the request limit lets through', async () => {
    const b = await start();
    // Valid base64, a few characters over the limit.
    const data = 'A'.repeat(Math.ceil((Math.ceil((SYNC_FILE_WEB_MAX_BYTES * 4) / 3) + 8) / 4) * 4);
    const r = await b.core.dispatch('sync.importFile', { name: 'big.dateline-sync', data }, { transport: 'http' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining(`at most ${SYNC_FILE_WEB_MAX_BYTES / 1024 / 1024} MB`) } });
  });

  it('refuses what is not a sync file (a backup, a photo), naming the upload, and stores nothing', async () => {
    const b = await start();
    await post(b, 'release.create', { headline: 'Already here', language: 'en' });
    const notGzip = await job(b, 'sync.importFile', { name: 'photo.jpg', data: Buffer.from('\xff\xd8\xff\xe0 not a sync file').toString('base64') });
    expect(notGzip).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('photo.jpg'), params: { reason: 'notSyncFile', path: 'photo.jpg' } } });
    const otherJson = gzipSync('{"kind":"backup"}\n{"end":{"docs":0,"files":0}}\n').toString('base64');
    const wrongHeader = await job(b, 'sync.importFile', { name: 'backup.json.gz', data: otherJson });
    expect(wrongHeader).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', params: { reason: 'notSyncFile', line: 1 } } });
    expect((wrongHeader as { error: ApiError }).error.message).not.toContain(b.core.ctx.dir);
    expect(await headlines(b)).toEqual(['Already here']);
    expect(leftovers(b)).toEqual([]);
  });

  it('refuses a sync file cut short and stores none of it', async () => {
    const [a, b] = [await start(), await start()];
    const saved = await saveWith(a, ['One', 'Two', 'Three']);
    const bytes = Buffer.from(saved.data, 'base64');
    const cut = await job(b, 'sync.importFile', { name: 'stick.dateline-sync', data: bytes.subarray(0, bytes.length - 20).toString('base64') });
    expect(cut).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', params: { reason: 'syncFileCutShort' } } });
    expect(await headlines(b)).toEqual([]);
    expect(leftovers(b)).toEqual([]);
  });

  it('still refuses the path-taking methods over HTTP', async () => {
    const b = await start();
    const res = (await (await post(b, 'sync.import', { from: '/etc/passwd' })).json()) as { ok: false; error: ApiError };
    expect(res.error.code).toBe('FORBIDDEN');
  });
});
