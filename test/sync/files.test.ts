import { randomBytes, createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index';
import { chunkRev, chunkSizeFor } from '../../electron/core/sync/files/chunks';
import { chunkCacheDir, downloadFiles } from '../../electron/core/sync/files/download';
import { FilesPeer } from '../../electron/core/sync/files/files-peer';
import { setFilePolicy } from '../../electron/core/sync/files/policy';
import { syncLibrary } from '../../electron/core/sync/library-sync';
import type { FilePolicy } from '../../electron/shared/sync/contract';
import { tempDir } from '../helpers';
import { useCouchWithProxy } from './couch-server';
import { couchState } from './couch-state';
import { call } from './library-state';

// Attachment files as chunks in `<db>-files`: two real libraries, a real pouchdb-server,
// every request through the fault proxy, which counts the bytes the link would carry.

const couch = useCouchWithProxy();
const open: Core[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

async function library(author: string, policy: FilePolicy = 'opened'): Promise<Core> {
  const core = await openCore(tempDir(), { author });
  open.push(core);
  setFilePolicy(core.library.replication, policy);
  return core;
}

/**
 * One sync with files; `attempts: 1` makes a cut connection end the run, as a dropped link does.
 * The server is taken as far (`nearMs: 0`), as an office's link is: chunks go gzipped. A server
 * answering within `nearMs` is sent them plain (its own test below).
 */
const sync = (core: Core, db: string, attempts = 8, nearMs = 0) =>
  syncLibrary(core.library, { remote: { url: couch.proxy.db(db), retry: { attempts, baseMs: 1, capMs: 5 }, timeoutMs: 20_000, nearMs } }, core.ctx.blobs);

/** 2 MiB and a few bytes, incompressible like a photo: 32 chunks of 64 KiB and a short 33rd. */
const PHOTO_SIZE = 2 * 1024 * 1024 + 7;
const CHUNK = chunkSizeFor(PHOTO_SIZE);
const CHUNKS = Math.ceil(PHOTO_SIZE / CHUNK);
const photo = (seed = 0) => Buffer.concat([randomBytes(PHOTO_SIZE - 7), Buffer.from(`photo ${seed}`)]);

async function attach(core: Core, bytes: Buffer, name = 'photo.jpg'): Promise<string> {
  const r = await call<{ sha256: string }>(core, 'attachment.add', { name, data: bytes.toString('base64') });
  return r.sha256;
}

/** A fresh database, Kampala's library holding a photo, and Geneva's, which downloads every file. */
async function photoInKampala(seed: number) {
  const db = await couch.freshDb();
  const kampala = await library('kampala');
  const geneva = await library('geneva', 'always');
  const bytes = photo(seed);
  const hash = await attach(kampala, bytes);
  return { ...db, kampala, geneva, bytes, hash };
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
/** Writes to the files database (chunks, file documents) and reads of chunks, as the proxy saw them. */
const chunkPuts = () => couch.proxy.log.filter((l) => l.method === 'POST' && /-files\/_bulk_docs/.test(l.path));
const chunkGets = () => couch.proxy.log.filter((l) => /-files\/(_bulk_get|chunk-)/.test(l.path));

// Each test moves several 2 MiB files through a real server; on a busy machine that takes a while.
describe('attachment files as chunks', { timeout: 120_000 }, () => {
  it('uploads each chunk once, several to a request; a second library downloads the file by policy and it is the same bytes', async () => {
    expect([CHUNK, CHUNKS]).toEqual([64 * 1024, 33]);
    const { name, direct } = await couch.freshDb();
    const kampala = await library('kampala');
    const geneva = await library('geneva', 'opened');
    // The policy is this computer's setting, through the contract.
    expect(await call(geneva, 'sync.setFilesPolicy', { policy: 'always' })).toBe('always');
    expect(await call(geneva, 'sync.filesPolicy', {})).toBe('always');
    const bytes = photo();
    const hash = await attach(kampala, bytes);
    const before = couch.proxy.stats.bytesUp;
    couch.proxy.log.length = 0;
    const up = await sync(kampala, name);
    expect(up.files).toMatchObject({ uploaded: { files: 1, chunks: CHUNKS, bytes: bytes.length }, failed: [] });
    // Fewer requests than chunks (the last one carries the file document).
    expect(chunkPuts().length).toBeLessThan(CHUNKS);
    // Base64 gzipped back to its size: the whole sync (documents included) within 5% of the photo.
    expect(couch.proxy.stats.bytesUp - before).toBeLessThan(bytes.length * 1.05);
    const files = await couchState(`${direct}-files`);
    expect(Object.keys(files).filter((id) => id.startsWith('chunk-'))).toHaveLength(CHUNKS);
    expect(files[`file-${hash}`]?.leaves).toHaveLength(1);

    couch.proxy.log.length = 0;
    const down = await sync(geneva, name);
    expect(down.files).toMatchObject({ downloaded: { files: 1, chunks: CHUNKS, bytes: bytes.length }, notHere: { files: 0 }, failed: [] });
    expect(chunkGets().length).toBeLessThan(CHUNKS);
    // The first request, before the link has shown its speed, is one chunk: a GET of its raw bytes.
    expect(chunkGets()[0]).toMatchObject({ method: 'GET', path: expect.stringMatching(/-files\/chunk-[0-9a-f]{64}\/data$/) });
    expect(chunkGets().some((l) => l.method === 'POST' && l.path.includes('/_bulk_get'))).toBe(true);
    expect(geneva.ctx.blobs.read(hash).equals(bytes)).toBe(true);
    // Syncing again moves no chunk either way.
    couch.proxy.log.length = 0;
    const again = await sync(geneva, name);
    expect(again.files).toMatchObject({ uploaded: { chunks: 0 }, downloaded: { chunks: 0 } });
    expect(chunkPuts()).toHaveLength(0);
    expect(chunkGets()).toHaveLength(0);
  });

  it('a near server is sent the chunks as plain base64, and they come down as the same bytes', async () => {
    const { name, kampala, geneva, bytes, hash } = await photoInKampala(3);
    const before = couch.proxy.stats.bytesUp;
    // Any answer within a minute counts as near: no gzip for either machine, a third more bytes.
    const up = await sync(kampala, name, 8, 60_000);
    expect(up.files).toMatchObject({ uploaded: { files: 1, chunks: CHUNKS }, failed: [] });
    expect(couch.proxy.stats.bytesUp - before).toBeGreaterThan(bytes.length * 1.3);
    const down = await sync(geneva, name);
    expect(down.files).toMatchObject({ downloaded: { files: 1, chunks: CHUNKS }, failed: [] });
    expect(geneva.ctx.blobs.read(hash).equals(bytes)).toBe(true);
  });

  it('an upload cut partway resumes there: no chunk that arrived is sent again', async () => {
    const { name, direct } = await couch.freshDb();
    const kampala = await library('kampala');
    const bytes = photo(1);
    await attach(kampala, bytes);
    couch.proxy.log.length = 0;
    // Three requests of chunks arrive, then the link drops during the fourth.
    couch.proxy.add({ method: 'POST', path: /-files\/_bulk_docs/, skip: 3, fault: { kind: 'cut-upload' } });
    const start = couch.proxy.stats.bytesUp;
    await expect(sync(kampala, name, 1)).rejects.toMatchObject({ code: 'OFFLINE' });
    const arrived = Object.keys(await couchState(`${direct}-files`)).filter((id) => id.startsWith('chunk-'));
    expect(arrived.length).toBeGreaterThanOrEqual(3);
    expect(arrived.length).toBeLessThan(CHUNKS);
    couch.proxy.log.length = 0;
    const resumed = await sync(kampala, name, 1);
    // Exactly the chunks the server lacked, then the file document.
    expect(resumed.files).toMatchObject({ uploaded: { files: 1, chunks: CHUNKS - arrived.length } });
    // What went twice is at most what was in flight when the link dropped: a few requests of at most 128 KiB.
    const sentTwice = couch.proxy.stats.bytesUp - start - bytes.length;
    expect(sentTwice).toBeLessThanOrEqual(4 * 128 * 1024);
  });

  it('a download cut partway resumes there, checks every chunk and stores the whole file only', async () => {
    const { name, kampala, geneva, hash } = await photoInKampala(2);
    await sync(kampala, name);
    couch.proxy.log.length = 0;
    couch.proxy.add({ method: 'POST', path: /-files\/_bulk_get/, skip: 3, fault: { kind: 'cut-download', fraction: 0.6 } });
    await expect(sync(geneva, name, 1)).rejects.toMatchObject({ code: 'OFFLINE' });
    expect(geneva.ctx.blobs.has(hash)).toBe(false);
    // Every chunk that arrived whole was checked and kept; the cut answer left nothing.
    const kept = readdirSync(chunkCacheDir(geneva.ctx.blobs));
    expect(kept.length).toBeGreaterThanOrEqual(3);
    expect(kept.length).toBeLessThan(CHUNKS);
    for (const k of kept) expect(sha(readFileSync(join(chunkCacheDir(geneva.ctx.blobs), k)))).toBe(k);
    const resumed = await sync(geneva, name, 1);
    expect(resumed.files).toMatchObject({ downloaded: { files: 1, chunks: CHUNKS - kept.length } });
    expect(sha(geneva.ctx.blobs.read(hash))).toBe(hash);
    expect(readdirSync(chunkCacheDir(geneva.ctx.blobs))).toEqual([]);
  });

  it('a file too large to put together in memory comes through tmp/chunks, and resumes from there', async () => {
    const { name, proxied } = await couch.freshDb();
    const kampala = await library('kampala');
    const geneva = await library('geneva');
    const bytes = photo(6);
    const hash = await attach(kampala, bytes);
    await sync(kampala, name);
    const peer = new FilesPeer({ url: proxied, retry: { attempts: 1 } });
    // Cut after three requests: the chunks that arrived wait on disk, checked.
    couch.proxy.add({ method: 'POST', path: /-files\/_bulk_get/, skip: 3, fault: { kind: 'cut-download', fraction: 0.5 } });
    await expect(downloadFiles(peer, geneva.ctx.blobs, [{ sha256: hash, size: bytes.length }], { holdBytes: 0 })).rejects.toMatchObject({ code: 'OFFLINE' });
    const kept = readdirSync(chunkCacheDir(geneva.ctx.blobs));
    expect(kept.length).toBeGreaterThanOrEqual(3);
    // Which chunks those are is not fixed: up to four requests run side by side, the proxy cuts
    // the fourth _bulk_get to reach it, and requests already on their way finish and are kept.
    // The short last chunk may be among them, so each kept chunk counts its own length.
    const lengths = new Map<string, number>();
    for (let at = 0; at < bytes.length; at += CHUNK) lengths.set(sha(bytes.subarray(at, at + CHUNK)), Math.min(CHUNK, bytes.length - at));
    expect(kept.every((k) => lengths.has(k))).toBe(true);
    const keptBytes = kept.reduce((n, k) => n + lengths.get(k)!, 0);
    const stats = { chunks: 0, bytes: 0 };
    const progress: number[] = [];
    const got = await downloadFiles(new FilesPeer({ url: proxied }), geneva.ctx.blobs, [{ sha256: hash, size: bytes.length }], { holdBytes: 0, stats, onBytes: (_sha, n) => progress.push(n) });
    expect(got.get(hash)).toBe('stored');
    expect(stats).toEqual({ chunks: CHUNKS - kept.length, bytes: bytes.length - keptBytes });
    expect([progress[0], progress.at(-1)]).toEqual([keptBytes, bytes.length]);
    expect(geneva.ctx.blobs.read(hash).equals(bytes)).toBe(true);
    expect(readdirSync(chunkCacheDir(geneva.ctx.blobs))).toEqual([]);
  });

  it('a short last chunk kept by an earlier try counts its own length when the download resumes', async () => {
    const { name, proxied } = await couch.freshDb();
    const kampala = await library('kampala');
    const geneva = await library('geneva');
    const bytes = photo(7);
    const hash = await attach(kampala, bytes);
    await sync(kampala, name);
    // What a cut download may leave (see the test above): the first chunk and the 7-byte last one.
    const first = bytes.subarray(0, CHUNK);
    const last = bytes.subarray((CHUNKS - 1) * CHUNK);
    expect(last.length).toBe(7);
    mkdirSync(chunkCacheDir(geneva.ctx.blobs), { recursive: true });
    for (const piece of [first, last]) writeFileSync(join(chunkCacheDir(geneva.ctx.blobs), sha(piece)), piece);
    const stats = { chunks: 0, bytes: 0 };
    const progress: number[] = [];
    const got = await downloadFiles(new FilesPeer({ url: proxied }), geneva.ctx.blobs, [{ sha256: hash, size: bytes.length }], { holdBytes: 0, stats, onBytes: (_sha, n) => progress.push(n) });
    expect(got.get(hash)).toBe('stored');
    expect(stats).toEqual({ chunks: CHUNKS - 2, bytes: bytes.length - CHUNK - 7 });
    expect([progress[0], progress.at(-1)]).toEqual([CHUNK + 7, bytes.length]);
    expect(geneva.ctx.blobs.read(hash).equals(bytes)).toBe(true);
    expect(readdirSync(chunkCacheDir(geneva.ctx.blobs))).toEqual([]);
  });

  it('refuses a chunk that does not match its hash and stores nothing of that file', async () => {
    const { name, direct, kampala, geneva, bytes, hash } = await photoInKampala(3);
    await sync(kampala, name);
    // Someone (a broken disk, a hostile server) replaces chunk 2 with other bytes of the same length.
    const second = sha(bytes.subarray(CHUNK, 2 * CHUNK));
    const bad = randomBytes(CHUNK);
    const prior = chunkRev(second).slice(2);
    const doc = { _id: `chunk-${second}`, _rev: `2-${'e'.repeat(32)}`, _revisions: { start: 2, ids: ['e'.repeat(32), prior] }, _attachments: { data: { content_type: 'application/octet-stream', data: bad.toString('base64') } } };
    const put = await fetch(`${direct}-files/${doc._id}?new_edits=false`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(doc) });
    expect(put.status).toBe(201);

    const r = await sync(geneva, name);
    expect(r.files?.failed).toEqual([{ sha256: hash, why: { code: 'chunk-damaged', chunk: 2 }, reason: expect.stringMatching(/Chunk 2 of the file .* does not match its hash; it was refused/) }]);
    expect(r.files?.notHere).toEqual({ files: 1, bytes: bytes.length });
    expect(geneva.ctx.blobs.has(hash)).toBe(false);
    // The good first chunk may wait for a later try; the bad one is nowhere on disk.
    expect(existsSync(`${chunkCacheDir(geneva.ctx.blobs)}/${second}`)).toBe(false);
    // The documents still came: the release of the photo is not held back by its file.
    expect(r.pulled.docs).toBeGreaterThan(0);
  });

  it('a second library with the same photo uploads no chunk, and both write the same file document', async () => {
    const { name, direct } = await couch.freshDb();
    const kampala = await library('kampala');
    const nairobi = await library('nairobi');
    const bytes = photo(4);
    await attach(kampala, bytes, 'market.jpg');
    await attach(nairobi, bytes, 'IMG_0042.JPG');
    await sync(kampala, name);
    const files = await couchState(`${direct}-files`);
    couch.proxy.log.length = 0;
    const r = await sync(nairobi, name);
    expect(r.files).toMatchObject({ uploaded: { files: 0, chunks: 0, bytes: 0 } });
    expect(chunkPuts()).toEqual([]);
    expect(await couchState(`${direct}-files`)).toEqual(files);
  });

  it('with "when opened" a file stays on the server and is counted as not here', async () => {
    const { name } = await couch.freshDb();
    const kampala = await library('kampala');
    const geneva = await library('geneva', 'opened');
    const bytes = photo(5);
    const hash = await attach(kampala, bytes);
    await sync(kampala, name);
    couch.proxy.log.length = 0;
    const r = await sync(geneva, name);
    expect(r.files).toMatchObject({ policy: 'opened', downloaded: { files: 0 }, notHere: { files: 1, bytes: bytes.length } });
    expect(chunkGets()).toEqual([]);
    expect(geneva.ctx.blobs.has(hash)).toBe(false);
    // Listed as on the server, not as damage; opening it says where it is.
    const listed = await call<{ items: { sha256: string; here: boolean; size: number }[] }>(geneva, 'attachment.list', {});
    expect(listed.items).toEqual([expect.objectContaining({ sha256: hash, here: false, size: bytes.length })]);
    const opened = await geneva.dispatch('attachment.content', { id: (await call<{ items: { id: string }[] }>(geneva, 'attachment.list', {})).items[0]!.id }, { transport: 'test' });
    expect(opened).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', params: { notHere: true, size: bytes.length } } });
    expect(!opened.ok && opened.error.message).toMatch(/is not on this computer yet: it is on the server \(2 MB\)/);
    // Fetched on demand: checked, stored, then it opens.
    const id = (await call<{ items: { id: string }[] }>(geneva, 'attachment.list', {})).items[0]!.id;
    const job = await call<{ jobId: string }>(geneva, 'attachment.fetch', { id, remote: couch.proxy.db(name) });
    expect(await geneva.jobs.wait(job.jobId)).toEqual({ outcome: 'stored', bytes: bytes.length });
    expect(sha(geneva.ctx.blobs.read(hash))).toBe(hash);
    expect(await call<{ size: number }>(geneva, 'attachment.content', { id })).toMatchObject({ size: bytes.length });
  });

  it('files that repeat a chunk, or share chunks with each other, come down whole, each chunk fetched once', async () => {
    const { name } = await couch.freshDb();
    const kampala = await library('kampala');
    const geneva = await library('geneva', 'always');
    // 8 KiB chunks: a block twice in one file, and blocks the two files share.
    const [a, b, c] = [randomBytes(8192), randomBytes(8192), randomBytes(8192)];
    const first = Buffer.concat([a, b, a, c, Buffer.from('first')]);
    const second = Buffer.concat([c, b, randomBytes(8192), Buffer.from('second')]);
    const hashes = [await attach(kampala, first, 'first.jpg'), await attach(kampala, second, 'second.jpg')];
    await sync(kampala, name);
    const down = await sync(geneva, name);
    // a, b, c, the third block of the second file and the two short tails.
    expect(down.files).toMatchObject({ downloaded: { files: 2, chunks: 6 }, failed: [] });
    expect(geneva.ctx.blobs.read(hashes[0]!).equals(first)).toBe(true);
    expect(geneva.ctx.blobs.read(hashes[1]!).equals(second)).toBe(true);
  });
});

describe('chunk lists written before chunk sizes followed the file', { timeout: 120_000 }, () => {
  it('a file listed as 1 MiB chunks (no chunkSize) is not uploaded again and downloads whole', async () => {
    const { name, direct } = await couch.freshDb();
    const kampala = await library('kampala');
    const geneva = await library('geneva', 'always');
    const bytes = Buffer.concat([randomBytes(1024 * 1024), Buffer.from('legacy photo')]);
    const hash = sha(bytes);
    // What an earlier version left on the server: two 1 MiB-cut chunks and their list, with no chunk size.
    await fetch(`${direct}-files`, { method: 'PUT' });
    const pieces = [bytes.subarray(0, 1024 * 1024), bytes.subarray(1024 * 1024)];
    for (const piece of pieces) {
      const id = sha(piece);
      const rev = chunkRev(id);
      const doc = { _id: `chunk-${id}`, _rev: rev, _revisions: { start: 1, ids: [rev.slice(2)] }, _attachments: { data: { content_type: 'application/octet-stream', data: piece.toString('base64') } } };
      expect((await fetch(`${direct}-files/${doc._id}?new_edits=false`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(doc) })).status).toBe(201);
    }
    const listing = { _id: `file-${hash}`, _rev: `1-${'a'.repeat(32)}`, sha256: hash, size: bytes.length, chunks: pieces.map(sha) };
    expect((await fetch(`${direct}-files/${listing._id}?new_edits=false`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(listing) })).status).toBe(201);
    const before = await couchState(`${direct}-files`);

    await attach(kampala, bytes);
    couch.proxy.log.length = 0;
    const up = await sync(kampala, name);
    expect(up.files).toMatchObject({ uploaded: { files: 0, chunks: 0 }, failed: [] });
    expect(chunkPuts()).toEqual([]);
    expect(await couchState(`${direct}-files`)).toEqual(before);

    const down = await sync(geneva, name);
    expect(down.files).toMatchObject({ downloaded: { files: 1, chunks: 2, bytes: bytes.length }, failed: [] });
    expect(geneva.ctx.blobs.read(hash).equals(bytes)).toBe(true);
  });

  it('cuts a file by its size alone: 8 KiB up to 512 KiB, doubling to 64 KiB above 2 MiB', () => {
    expect([0, 1, 200 * 1024, 512 * 1024].map(chunkSizeFor)).toEqual([8192, 8192, 8192, 8192]);
    expect([512 * 1024 + 1, 1024 * 1024].map(chunkSizeFor)).toEqual([16384, 16384]);
    expect([1024 * 1024 + 1, 2 * 1024 * 1024].map(chunkSizeFor)).toEqual([32768, 32768]);
    expect([2 * 1024 * 1024 + 1, 50 * 1024 * 1024, 4 * 1024 ** 3].map(chunkSizeFor)).toEqual([65536, 65536, 65536]);
  });
});
