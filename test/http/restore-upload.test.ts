import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../electron/shared/errors';
import type { CheckedBackup, RestoreResult } from '../../electron/shared/library/contract';
import type { ReleaseSummary } from '../../electron/shared/contract';
import { LATEST_VERSION } from '../../electron/core/store/migrations/index';
import { tempDir } from '../helpers';
import { canMount, withSmallDisk } from '../reliability/small-disk';
import { serveFresh, type Serving, serve } from './running';

// Web mode's "Restore from a backup…": the page uploads the backup file, streamed to the
// library's tmp/ behind the token and a size limit; the core checks it and keeps it under an id
// the page confirms and restores by; the file is removed after, whatever happened.

async function start(backupUploadLimit?: number): Promise<Serving> {
  return serveFresh({}, backupUploadLimit === undefined ? {} : { backupUploadLimit });
}

type Answer<T> = { ok: true; value: T } | { ok: false; error: ApiError };

async function post<T = unknown>(r: Serving, method: string, input: unknown): Promise<Answer<T>> {
  const res = await fetch(`${r.server.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dateline-token': r.server.token },
    body: JSON.stringify(input),
  });
  return (await res.json()) as Answer<T>;
}

async function upload(r: Serving, body: Buffer | ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Promise<{ status: number; answer: Answer<CheckedBackup> }> {
  const res = await fetch(`${r.server.origin}/api/upload/backup`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-dateline-token': r.server.token, ...headers },
    body: body instanceof ReadableStream ? body : new Uint8Array(body),
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
  return { status: res.status, answer: (await res.json()) as Answer<CheckedBackup> };
}

/** A backup of the served library, written by the core where the test says. */
async function backupTo(r: Serving, out: string): Promise<Buffer> {
  const started = await r.core.dispatch('library.backup', { out }, { transport: 'test' });
  if (!started.ok) throw new Error(started.error.message);
  await r.core.jobs.wait((started.value as { jobId: string }).jobId);
  return readFileSync(out);
}

async function headlines(r: Serving): Promise<string[]> {
  const listed = await post<{ items: ReleaseSummary[] }>(r, 'release.list', {});
  if (!listed.ok) throw new Error(listed.error.message);
  return listed.value.items.map((i) => i.headline).sort();
}

/** When the backup says it was made (its backup_meta), read from its bytes. */
function recordedAt(bytes: Buffer): string {
  const file = join(tempDir(), 'read.dateline-backup');
  writeFileSync(file, bytes);
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT value FROM backup_meta WHERE key = 'createdAt'").get() as { value: string }).value;
  } finally {
    db.close();
  }
}

const uploads = (r: Serving) => {
  const tmp = join(r.core.ctx.dir, 'tmp');
  return existsSync(tmp) ? readdirSync(tmp).filter((n) => n.startsWith('backup-upload-')) : [];
};

describe('web mode: Restore from a backup', () => {
  it('uploads a backup, says its date and size before anything is replaced, restores it by id and removes the upload', async () => {
    const r = await start();
    await post(r, 'release.create', { headline: 'Cholera vaccination reaches Beira', language: 'en' });
    const bytes = await backupTo(r, join(tempDir(), 'b.dateline-backup'));
    await post(r, 'release.create', { headline: 'Made after the backup', language: 'en' });

    const { status, answer } = await upload(r, bytes);
    expect(status).toBe(200);
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.value).toMatchObject({ bytes: bytes.length, documents: 1, files: 0 });
    expect(answer.value.createdAt).toBe(recordedAt(bytes));
    // Checked, not restored: the library is as it was until the person confirms.
    expect(await headlines(r)).toEqual(['Cholera vaccination reaches Beira', 'Made after the backup']);
    expect(uploads(r)).toHaveLength(1);

    const started = await post<{ jobId: string }>(r, 'library.restoreBackup', { backup: answer.value.backup });
    if (!started.ok) throw new Error(started.error.message);
    const restored = (await r.core.jobs.wait(started.value.jobId)) as RestoreResult;
    expect(restored).toMatchObject({ documents: 1, createdAt: answer.value.createdAt });
    expect(restored.previous).toMatch(/replaced/);
    expect(existsSync(join(restored.previous!, 'library.sqlite'))).toBe(true);
    expect(await headlines(r)).toEqual(['Cholera vaccination reaches Beira']);
    expect(uploads(r)).toEqual([]);

    // Once: the id is spent.
    const again = await post(r, 'library.restoreBackup', { backup: answer.value.backup });
    const gone = again.ok ? await r.core.jobs.wait((again.value as { jobId: string }).jobId).then(() => null, (e: { code: string; params?: unknown }) => e) : again.error;
    expect(gone).toMatchObject({ code: 'NOT_FOUND', params: { reason: 'backupGone' } });
  });

  it('refuses an upload without the token, and keeps nothing of it', async () => {
    const r = await start();
    const res = await fetch(`${r.server.origin}/api/upload/backup`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-dateline-token': 'x'.repeat(43) },
      body: Buffer.from('SQLite format 3\0'),
    });
    expect(res.status).toBe(401);
    expect(uploads(r)).toEqual([]);
  });

  it('refuses a backup over the size limit, said with the limit, whether its size is declared or only found while reading', async () => {
    const r = await start(64 * 1024);
    const big = Buffer.alloc(200 * 1024, 7);
    const declared = await upload(r, big);
    expect(declared.status).toBe(413);
    expect(declared.answer).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE', params: { reason: 'uploadTooLarge', limit: 64 * 1024 } } });
    if (!declared.answer.ok) expect(declared.answer.error.message).toMatch(/desktop app or with `dateline restore FILE`/);

    // Sent in pieces with no length announced: stopped at the limit.
    const pieces = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 50; i++) c.enqueue(new Uint8Array(4096).fill(i));
        c.close();
      },
    });
    const streamed = await upload(r, pieces);
    expect(streamed.status).toBe(413);
    expect(streamed.answer).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE' } });
    expect(uploads(r)).toEqual([]);
  });

  it('refuses a file that is not a backup, a sync file and a newer backup before any confirmation, and removes each', async () => {
    const r = await start();
    const garbage = await upload(r, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(4000, 0x41)]));
    expect(garbage.answer).toMatchObject({ ok: false, error: { code: 'NOT_A_BACKUP' } });

    const empty = await upload(r, Buffer.alloc(0));
    expect(empty.answer).toMatchObject({ ok: false, error: { code: 'NOT_A_BACKUP' } });

    const syncFile = join(tempDir(), 'office.dateline-sync');
    const exported = await r.core.dispatch('sync.export', { out: syncFile }, { transport: 'test' });
    if (!exported.ok) throw new Error(exported.error.message);
    await r.core.jobs.wait((exported.value as { jobId: string }).jobId);
    expect((await upload(r, readFileSync(syncFile))).answer).toMatchObject({ ok: false, error: { code: 'NOT_A_BACKUP', params: { reason: 'syncFile' } } });

    const future = join(tempDir(), 'future.dateline-backup');
    await backupTo(r, future);
    const db = new Database(future);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    expect((await upload(r, readFileSync(future))).answer).toMatchObject({
      ok: false,
      error: { code: 'LIBRARY_NEWER', params: { version: LATEST_VERSION + 1, supported: LATEST_VERSION } },
    });

    const wrongType = await upload(r, Buffer.from('x'), { 'content-type': 'application/json' });
    expect(wrongType.status).toBe(415);
    expect(uploads(r)).toEqual([]);
  });

  it('removes an upload the person did not confirm', async () => {
    const r = await start();
    const { answer } = await upload(r, await backupTo(r, join(tempDir(), 'b.dateline-backup')));
    if (!answer.ok) throw new Error(answer.error.message);
    expect(uploads(r)).toHaveLength(1);
    expect(await post(r, 'library.forgetBackup', { backup: answer.value.backup })).toEqual({ ok: true, value: { forgotten: true } });
    expect(uploads(r)).toEqual([]);
    expect(await post(r, 'library.forgetBackup', { backup: answer.value.backup })).toEqual({ ok: true, value: { forgotten: false } });
  });

  it('keeps checking a path on this computer to the desktop and the CLI', async () => {
    const r = await start();
    expect(await post(r, 'library.checkBackup', { from: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe.runIf(canMount)('web mode: a backup uploaded onto a full disk', () => {
  it('is DISK_FULL in words, and nothing of it is left', async () => {
    await withSmallDisk('2m', async (disk) => {
      const staticDir = join(tempDir(), 'static');
      mkdirSync(staticDir, { recursive: true });
      writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Dateline</title>');
      const r = await serve(join(disk, 'library'), staticDir);
      try {
        const { status, answer } = await upload(r, Buffer.alloc(3 * 1024 * 1024, 9));
        expect(status).toBe(500);
        expect(answer).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
        expect(uploads(r)).toEqual([]);
      } finally {
        await r.server.close();
        r.core.close();
      }
    });
  }, 60_000);
});
