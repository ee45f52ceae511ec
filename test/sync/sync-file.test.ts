import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BlobStore } from '../../electron/core/attachments/blobs';
import { openCore, type Core } from '../../electron/core/index';
import { LEGACY_CHUNK_SIZE as CHUNK_SIZE } from '../../electron/core/sync/files/chunks';
import { exportSyncFile } from '../../electron/core/sync/sync-file';
import type { SyncFileExport, SyncFileImport } from '../../electron/shared/sync/contract';
import { nextRev } from '../../electron/core/store/revisions';
import { DOC_SCHEMA_VERSION } from '../../electron/shared/documents';
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

  it('carries a large file as 1 MiB chunks, each once; a damaged chunk imports nothing', async () => {
    const [a, b] = [await library(), await library()];
    const bytes = Buffer.from(Array.from({ length: 2 * CHUNK_SIZE + 10 }, (_, i) => (i * 7 + (i >> 12)) % 253));
    const added = await call<{ sha256: string }>(a, 'attachment.add', { name: 'market.jpg', data: bytes.toString('base64') });
    const file = join(tempDir(), 'stick.dateline-sync');
    await job<SyncFileExport>(a, 'sync.export', { out: file, peer: null });
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ version: 2 });
    expect(lines.filter((l) => 'chunk' in l).map((l) => Buffer.from(l.data as string, 'base64').length)).toEqual([CHUNK_SIZE, CHUNK_SIZE, 10]);
    expect(lines.find((l) => l.file === added.sha256)).toMatchObject({ size: bytes.length, chunks: expect.any(Array) });

    const damaged = join(tempDir(), 'damaged.dateline-sync');
    const bad = lines.map((l) => ('chunk' in l && l === lines.find((x) => 'chunk' in x) ? { ...l, data: Buffer.alloc(CHUNK_SIZE, 1).toString('base64') } : l));
    writeFileSync(damaged, gzipSync(bad.map((l) => JSON.stringify(l)).join('\n') + '\n'));
    const refused = await b.dispatch('sync.import', { from: damaged }, { transport: 'test' });
    const { jobId } = refused.ok ? (refused.value as { jobId: string }) : { jobId: '' };
    await expect(b.jobs.wait(jobId)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/line 2: a chunk .* is damaged/) });
    expect(new BlobStore(b.ctx.dir).has(added.sha256)).toBe(false);
    expect(libraryState(b)).toEqual({});

    const r = await job<SyncFileImport>(b, 'sync.import', { from: file });
    expect(r.files).toBe(1);
    expect(readFileSync(new BlobStore(b.ctx.dir).path(added.sha256)).equals(bytes)).toBe(true);
  });

  it('checks each file put together from its chunks; a copy damaged on disk is replaced; nothing is left in tmp/', async () => {
    const [a, b] = [await library(), await library()];
    const bytes = Buffer.from(Array.from({ length: 2 * CHUNK_SIZE + 10 }, (_, i) => (i * 13 + (i >> 10)) % 251));
    const added = await call<{ sha256: string }>(a, 'attachment.add', { name: 'clinic.jpg', data: bytes.toString('base64') });
    const file = join(tempDir(), 'stick.dateline-sync');
    await job<SyncFileExport>(a, 'sync.export', { out: file, peer: null });
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    // Every chunk whole, but listed in another order: the file they make is not the one named.
    const swapped = lines.map((l) => (l.file === added.sha256 ? { ...l, chunks: [(l.chunks as string[])[1], (l.chunks as string[])[0], (l.chunks as string[])[2]] } : l));
    const damaged = join(tempDir(), 'swapped.dateline-sync');
    writeFileSync(damaged, gzipSync(swapped.map((l) => JSON.stringify(l)).join('\n') + '\n'));
    const { jobId } = await call<{ jobId: string }>(b, 'sync.import', { from: damaged });
    await expect(b.jobs.wait(jobId)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/the file .* is damaged/) });
    const blobs = new BlobStore(b.ctx.dir);
    expect([blobs.has(added.sha256), libraryState(b)]).toEqual([false, {}]);
    const leftInTmp = () => readdirSync(join(b.ctx.dir, 'tmp')).filter((n) => n.startsWith('sync-import-'));
    expect(leftInTmp()).toEqual([]);

    expect((await job<SyncFileImport>(b, 'sync.import', { from: file })).files).toBe(1);
    // Damaged on disk later (same size, other bytes): opening the file again puts it right.
    writeFileSync(blobs.path(added.sha256), Buffer.alloc(bytes.length, 7));
    const again = await job<SyncFileImport>(b, 'sync.import', { from: file });
    expect([again.written, again.files]).toEqual([0, 1]);
    expect(readFileSync(blobs.path(added.sha256)).equals(bytes)).toBe(true);
    expect(leftInTmp()).toEqual([]);
  });

  it('still reads a version 1 sync file (a whole file per line)', async () => {
    const [a, b] = [await library(), await library()];
    const bytes = Buffer.from('a small logo, written by an older Dateline');
    const added = await call<{ id: string; sha256: string }>(a, 'attachment.add', { name: 'logo.png', data: bytes.toString('base64') });
    const doc = a.library.replication.openRevs(added.id, 'all').flatMap((r) => ('ok' in r ? [r.ok] : []))[0]!;
    const v1 = [
      { dateline: 'dateline-sync-file', version: 1, library: 'older', peer: null, createdAt: '2026-11-01T00:00:00.000Z' },
      { file: added.sha256, data: bytes.toString('base64') },
      { doc },
      { end: { docs: 1, files: 1 } },
    ];
    const file = join(tempDir(), 'old.dateline-sync');
    writeFileSync(file, gzipSync(v1.map((l) => JSON.stringify(l)).join('\n') + '\n'));
    expect(await job<SyncFileImport>(b, 'sync.import', { from: file })).toMatchObject({ written: 1, files: 1 });
    expect(readFileSync(new BlobStore(b.ctx.dir).path(added.sha256)).equals(bytes)).toBe(true);
  });

  it('refuses a sync file through web mode: it names paths on this computer', async () => {
    const a = await library();
    const r = await a.dispatch('sync.export', { out: '/tmp/x' }, { transport: 'http' });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses a path that is missing, a folder, an empty file or a newer format, each in its own words, as a failed job (the core goes on)', async () => {
    const a = await library();
    const dir = tempDir();
    const refusal = async (from: string) => {
      const { jobId } = await call<{ jobId: string }>(a, 'sync.import', { from });
      return a.jobs.wait(jobId).then(
        () => null,
        (e: unknown) => e,
      );
    };
    const missing = join(dir, 'pulled-out.dateline-sync');
    expect(await refusal(missing)).toMatchObject({ code: 'FILE_UNREADABLE', message: `Cannot read ${missing}: it does not exist.` });
    expect(await refusal(dir)).toMatchObject({ code: 'NOT_A_FILE', message: `${dir} is a folder; choose the sync file itself.` });
    const empty = join(dir, 'empty.dateline-sync');
    writeFileSync(empty, '');
    expect(await refusal(empty)).toMatchObject({ code: 'EMPTY_FILE', message: `${empty} is empty (0 bytes); nothing was imported.` });
    const newer = join(dir, 'newer.dateline-sync');
    writeFileSync(newer, gzipSync(`${JSON.stringify({ dateline: 'dateline-sync-file', version: 3, library: 'x', peer: null, createdAt: '2027-01-01T00:00:00.000Z' })}\n`));
    expect(await refusal(newer)).toMatchObject({
      code: 'INVALID_INPUT',
      message: `${newer}, line 1: this sync file was written by a newer version of Dateline (sync file version 3; this one reads up to 2); update Dateline to open it; nothing was imported.`,
      params: { reason: 'syncFileNewer' },
    });
    expect((await call<{ lastSeq: number }>(a, 'library.info', {})).lastSeq).toBe(0);
  });

  it('refuses a folder as the sync file to write, naming it, and leaves nothing beside it', async () => {
    const a = await library();
    const parent = tempDir();
    const folder = join(parent, 'USB');
    mkdirSync(folder);
    const { jobId } = await call<{ jobId: string }>(a, 'sync.export', { out: folder });
    await expect(a.jobs.wait(jobId)).rejects.toMatchObject({ code: 'NOT_A_FILE', message: `${folder} is a folder; give a file name, such as ${join(folder, 'office.dateline-sync')}.` });
    expect(readdirSync(parent)).toEqual(['USB']);
  });

  it('replaces a .part left by an export that was stopped, and never opens a .part as a finished sync file', async () => {
    const [a, b] = [await library(), await library()];
    await call(a, 'release.create', { headline: 'Floods in the north', language: 'en' });
    const dir = tempDir();
    const file = join(dir, 'stick.dateline-sync');
    // What an export killed mid-way leaves: the first bytes of a sync file under the .part name.
    const whole = join(tempDir(), 'whole.dateline-sync');
    await job(a, 'sync.export', { out: whole, peer: null });
    writeFileSync(`${file}.part`, readFileSync(whole).subarray(0, 40));
    const { jobId } = await call<{ jobId: string }>(b, 'sync.import', { from: `${file}.part` });
    await expect(b.jobs.wait(jobId)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: `${file}.part is a sync file an export had not finished writing (it is renamed without .part once complete); nothing was imported. Save the sync file again.`,
      params: { path: `${file}.part`, reason: 'syncFileUnfinished' },
    });
    // Even a whole one: only the export that wrote it knows it is done.
    writeFileSync(`${file}.part`, readFileSync(whole));
    const again = await call<{ jobId: string }>(b, 'sync.import', { from: `${file}.part` });
    await expect(b.jobs.wait(again.jobId)).rejects.toMatchObject({ params: { reason: 'syncFileUnfinished' } });
    expect((await call<{ lastSeq: number }>(b, 'library.info', {})).lastSeq).toBe(0);

    // While it writes, an export's file is a hidden .part of its own, noted in the library so the
    // next start removes it if the export is killed; a .part left beside the target by an earlier
    // export that was stopped (or a link by that name) goes with the next export to that place.
    const elsewhere = join(tempDir(), 'minutes.txt');
    writeFileSync(elsewhere, 'meeting notes');
    symlinkSync(elsewhere, join(dir, 'linked.dateline-sync.part'));
    let noted: string[] = [];
    await exportSyncFile(a.library.replication, a.ctx.blobs, join(dir, 'linked.dateline-sync'), null, {
      libraryDir: a.ctx.dir,
      onDocs: () => {
        noted = readdirSync(join(a.ctx.dir, 'tmp', 'pending')).map((n) => (JSON.parse(readFileSync(join(a.ctx.dir, 'tmp', 'pending', n), 'utf8')) as { path: string }).path);
      },
    });
    expect(noted).toHaveLength(1);
    expect(noted[0]!.slice(dir.length + 1)).toMatch(/^\.linked\.dateline-sync\.[0-9a-f]{12}\.part$/);
    expect(readdirSync(join(a.ctx.dir, 'tmp', 'pending'))).toEqual([]);
    expect(readFileSync(elsewhere, 'utf8')).toBe('meeting notes');

    writeFileSync(`${file}.part`, 'left by an export that was stopped');
    expect(await job<SyncFileExport>(a, 'sync.export', { out: file, peer: null })).toMatchObject({ docs: 1 });
    expect(readdirSync(dir).sort()).toEqual(['linked.dateline-sync', 'stick.dateline-sync']);
    expect(await job<SyncFileImport>(b, 'sync.import', { from: file })).toMatchObject({ written: 1 });
  });

  it('merges as a sync does: different fields by themselves, the same field to the conflicts inbox, once', async () => {
    const [a, b] = [await library(), await library()];
    const r = await call<{ id: string; rev: string }>(a, 'release.create', { headline: 'Floods in the north', language: 'en' });
    const s = await call<{ id: string; rev: string }>(a, 'release.create', { headline: 'Cholera in the east', language: 'en' });
    const first = join(tempDir(), 'first.dateline-sync');
    await job(a, 'sync.export', { out: first, peer: null });
    await job(b, 'sync.import', { from: first });
    await call(a, 'release.update', { id: r.id, rev: r.rev, fields: { headline: 'Floods in the north: 40,000 reached' } });
    await call(b, 'release.update', { id: r.id, rev: r.rev, fields: { tags: ['floods', 'water'] } });
    await call(a, 'release.update', { id: s.id, rev: s.rev, fields: { headline: 'Cholera in Kasese' } });
    await call(b, 'release.update', { id: s.id, rev: s.rev, fields: { headline: 'Cholera in Bundibugyo' } });
    const back = join(tempDir(), 'back.dateline-sync');
    await job(a, 'sync.export', { out: back, peer: null });

    const got = await job<SyncFileImport>(b, 'sync.import', { from: back });
    expect(got.merged).toBe(1);
    expect(got.conflicts).toEqual([expect.objectContaining({ id: s.id, reason: 'same-field', fields: ['headline'] })]);
    expect(await call(b, 'release.get', { id: r.id })).toMatchObject({ headline: 'Floods in the north: 40,000 reached', tags: ['floods', 'water'] });
    expect((await call<{ docId: string }[]>(b, 'conflict.list', {})).map((c) => c.docId)).toEqual([s.id]);
    // Opened again, it brings nothing and asks nothing again.
    expect(await job<SyncFileImport>(b, 'sync.import', { from: back })).toMatchObject({ written: 0, merged: 0, conflicts: [] });
    expect(await call<unknown[]>(b, 'conflict.list', {})).toHaveLength(1);
  });

  it('leaves a document edited here and by a newer Dateline in conflict, says so, and merges and asks nothing, opened once or twice', async () => {
    const [a, b] = [await library(), await library()];
    const r = await call<{ id: string; rev: string }>(a, 'release.create', { headline: 'Floods in the north', language: 'en' });
    const first = join(tempDir(), 'first.dateline-sync');
    await job(a, 'sync.export', { out: first, peer: null });
    await job(b, 'sync.import', { from: first });
    // A newer Dateline's revision reached A (its version's mark, a field this app does not know); B edits the tags.
    const [parent] = a.library.replication.openRevs(r.id, [r.rev]).flatMap((x) => ('ok' in x ? [x.ok] : []));
    const { _id, _rev, _revisions, ...body } = parent!;
    const upgraded = { ...body, schema: DOC_SCHEMA_VERSION + 1, headline: 'Floods in the north: 40,000 reached', audience: 'donors' };
    const rev = nextRev(r.rev, false, upgraded);
    a.library.replication.bulkInsertRemote([{ ...upgraded, _id, _rev: rev, _revisions: { start: 2, ids: [rev.slice(2), ..._revisions.ids] } }]);
    await call(b, 'release.update', { id: r.id, rev: r.rev, fields: { tags: ['floods', 'water'] } });
    const back = join(tempDir(), 'back.dateline-sync');
    await job(a, 'sync.export', { out: back, peer: null });

    const got = await job<SyncFileImport>(b, 'sync.import', { from: back });
    expect(got).toMatchObject({ written: 1, merged: 0, conflicts: [], newer: [r.id] });
    expect(b.library.docs.revisions(r.id).filter((x) => x.leaf && !x.deleted)).toHaveLength(2);
    expect(b.library.docs.getStored(r.id)!.conflicted).toBe(true);
    expect(await call<unknown[]>(b, 'conflict.list', {})).toEqual([]);
    const seq = b.library.replication.lastSeq();
    expect(await job<SyncFileImport>(b, 'sync.import', { from: back })).toMatchObject({ written: 0, merged: 0, conflicts: [] });
    expect(b.library.replication.lastSeq()).toBe(seq);
  });
});
