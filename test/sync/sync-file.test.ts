import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BlobStore } from '../../electron/core/attachments/blobs';
import { openCore, type Core } from '../../electron/core/index';
import type { SyncFileExport, SyncFileImport } from '../../electron/shared/sync/contract';
import { tempDir } from '../helpers';
import { call, libraryState } from './library-state';

// A sync file carries attachments' files with their documents, and merges into a library with
// its own changes kept.

const open: Core[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

async function library(): Promise<Core> {
  const c = await openCore(tempDir(), { author: 'test' });
  open.push(c);
  return c;
}

async function job<T>(core: Core, method: string, input: unknown): Promise<T> {
  const { jobId } = await call<{ jobId: string }>(core, method, input);
  return (await core.jobs.wait(jobId)) as T;
}

describe('the sync file', () => {
  it('carries a photo with its document; the file arrives byte for byte', async () => {
    const [a, b] = [await library(), await library()];
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 31) % 251));
    const added = await call<{ id: string; sha256: string }>(a, 'attachment.add', { name: 'borehole.jpg', data: bytes.toString('base64') });
    const own = await call<{ id: string }>(b, 'release.create', { headline: 'Written in Beira', language: 'en' });
    const file = join(tempDir(), 'stick.dateline-sync');
    const out = await job<SyncFileExport>(a, 'sync.export', { out: file, peer: null });
    expect([out.docs, out.files]).toEqual([1, 1]);
    const r = await job<SyncFileImport>(b, 'sync.import', { from: file });
    expect([r.written, r.files, r.denied]).toEqual([1, 1, []]);
    expect(readFileSync(new BlobStore(b.ctx.dir).path(added.sha256))).toEqual(bytes);
    expect(libraryState(b)[added.id]).toEqual(libraryState(a)[added.id]);
    expect(libraryState(b)[own.id]).toBeDefined();
  });

  it('refuses a sync file through web mode: it names paths on this computer', async () => {
    const a = await library();
    const r = await a.dispatch('sync.export', { out: '/tmp/x' }, { transport: 'http' });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
