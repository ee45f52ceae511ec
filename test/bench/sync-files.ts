import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openCore, type Core } from '../../electron/core/index';
import { chunkSizeFor } from '../../electron/core/sync/files/chunks';
import { MAX_REQUEST_BYTES } from '../../electron/core/sync/files/pace';
import { setFilePolicy } from '../../electron/core/sync/files/policy';
import { syncLibrary } from '../../electron/core/sync/library-sync';
import type { SyncSummary } from '../../electron/shared/sync/contract';
import { startCouch, type CouchServer } from '../sync/couch-process';
import { FaultProxy } from '../sync/fault-proxy';
import { memoryDb, pouch } from '../sync/pouch';
import { buildVocabulary, makeRelease, Writer } from './corpus';
import type { BenchRow } from './kit';
import { Rng } from './rng';

/**
 * Files on the wire: every byte counted by the fault proxy between the client and the same
 * pouchdb-server. A photo (50 MB at full scale) uploaded by Dateline (64 KiB chunks, several to
 * a gzipped _bulk_docs) and by PouchDB 9 (the attachment inside _bulk_docs, as base64), then each upload cut at 60% and
 * resumed; and a field link: 10 releases and 5 photos of 200 KB pushed at 64 kbit/s with every
 * connection dropped every 30 s, against the same push over a clean link.
 */

const log = (msg: string): void => {
  process.stderr.write(`[bench sync files ${(performance.now() / 1000).toFixed(1)}s] ${msg}\n`);
};

const MB = 1024 * 1024;
const mb = (n: number) => `${(n / MB).toFixed(n < 10 * MB ? 2 : 1)} MB`;
const kb = (n: number) => `${Math.round(n / 1024).toLocaleString('en-US')} KB`;

export async function benchSyncFiles(scale: number): Promise<BenchRow[]> {
  const root = mkdtempSync(join(tmpdir(), 'dateline-bench-files-'));
  const server = await startCouch();
  const proxy = await FaultProxy.start(server.url);
  const cores: Core[] = [];
  const library = async (name: string) => {
    const core = await openCore(join(root, name), { author: 'bench' });
    cores.push(core);
    return core;
  };
  try {
    return [...(await photoRows(scale, server, proxy, library)), ...(await fieldLinkRows(scale, server, proxy, library))];
  } finally {
    for (const c of cores) c.close();
    await proxy.close();
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * `speedUp` shortens the retry waits as the field link's scale shortens its drops. The server is
 * taken as far (`nearMs: 0`), as an office's link is, where the bytes are what these rows
 * count: chunks go gzipped. The proxy on this machine answers within 10 ms, which the app takes
 * for a near server and sends plain base64 (1.33x), sparing both machines the gzip.
 */
const sync = (core: Core, url: string, attempts = 8, speedUp = 1): Promise<SyncSummary> =>
  syncLibrary(core.library, { remote: { url, retry: { attempts, baseMs: 250 / speedUp, capMs: 30_000 / speedUp }, nearMs: 0 } }, core.ctx.blobs);

async function attach(core: Core, bytes: Buffer, name: string): Promise<void> {
  const r = await core.dispatch('attachment.add', { name, data: bytes.toString('base64') }, { transport: 'test' });
  if (!r.ok) throw new Error(`attachment.add: ${r.error.message}`);
}

/** Bytes the client sent through the proxy while `work` ran. */
async function sent(proxy: FaultProxy, work: () => Promise<unknown>): Promise<number> {
  const before = proxy.stats.bytesUp;
  await work();
  return proxy.stats.bytesUp - before;
}

async function photoRows(scale: number, server: CouchServer, proxy: FaultProxy, library: (n: string) => Promise<Core>): Promise<BenchRow[]> {
  const size = Math.max(4 * MB, Math.round(50 * MB * scale));
  const chunkSize = chunkSizeFor(size);
  const chunks = Math.ceil(size / chunkSize);
  const bytes = randomBytes(size);
  log(`a photo of ${mb(size)} (${chunks} chunks of ${chunkSize / 1024} KiB)`);
  const core = await library('photo');
  await attach(core, bytes, 'photo.jpg');
  setFilePolicy(core.library.replication, 'opened');
  for (const db of ['clean', 'cut', 'pouch-clean', 'pouch-cut']) await server.createDb(db);

  const clean = await sent(proxy, () => sync(core, proxy.db('clean')));
  // Cut halfway through the request that carries about the 60% mark (chunks go up to 128 KiB a
  // request once the link has shown its speed); the run ends there, the next resumes.
  const cutRequest = Math.floor((0.6 * size) / Math.max(chunkSize, MAX_REQUEST_BYTES));
  proxy.add({ method: 'POST', path: /-files\/_bulk_docs/, skip: cutRequest, fault: { kind: 'cut-upload', fraction: 0.5 } });
  const cut = await sent(proxy, async () => {
    await sync(core, proxy.db('cut'), 1).then(
      () => {
        throw new Error('the cut upload did not fail');
      },
      () => undefined,
    );
    await sync(core, proxy.db('cut'), 1);
  });
  proxy.clear();

  const local = memoryDb();
  await local.put({ _id: 'photo', type: 'attachment', _attachments: { 'photo.jpg': { content_type: 'image/jpeg', data: bytes.toString('base64') } } });
  const pouchClean = await sent(proxy, () => pouch().replicate(local, proxy.db('pouch-clean')));
  proxy.add({ method: 'POST', path: /^\/pouch-cut\/_bulk_docs/, fault: { kind: 'cut-upload', fraction: 0.6 } });
  const pouchCut = await sent(proxy, async () => {
    await pouch().replicate(local, proxy.db('pouch-cut')).catch(() => undefined);
    await pouch().replicate(local, proxy.db('pouch-cut'));
  });
  proxy.clear();
  await local.destroy();

  const again = cut - clean;
  const pouchAgain = pouchCut - pouchClean;
  return [
    {
      measure: `upload a ${mb(size)} photo: bytes on the wire / photo size (Dateline chunks of ${chunkSize / 1024} KiB, base64 in gzipped _bulk_docs as to a far server; PouchDB base64 in _bulk_docs)`,
      value: `${(clean / size).toFixed(3)}x (${mb(clean)})`,
      peer: `${(pouchClean / size).toFixed(3)}x (${mb(pouchClean)})`,
      ratio: `${(clean / pouchClean).toFixed(2)}x`,
      goal: '<= 1.05x its size',
      pass: clean / size <= 1.05,
    },
    {
      measure: `same upload cut at 60% then resumed: bytes sent again`,
      value: kb(again),
      peer: kb(pouchAgain),
      ratio: `${(again / pouchAgain).toFixed(2)}x`,
      goal: '<= 1 MiB',
      pass: again <= MB,
    },
  ];
}

async function fieldLinkRows(scale: number, server: CouchServer, proxy: FaultProxy, library: (n: string) => Promise<Core>): Promise<BenchRow[]> {
  // Below full scale the link is faster and drops sooner by the same factor: the bytes carried between drops stay the same.
  const speedUp = scale >= 1 ? 1 : Math.min(20, 1 / scale);
  const bytesPerSecond = (64_000 / 8) * speedUp;
  const dropEveryMs = 30_000 / speedUp;
  const core = await library('field');
  setFilePolicy(core.library.replication, 'opened');
  const writer = new Writer(buildVocabulary(), new Rng(30));
  core.library.docs.createMany('release', Array.from({ length: 10 }, () => ({ fields: makeRelease(writer) })), { author: 'bench' });
  for (let i = 0; i < 5; i++) await attach(core, randomBytes(200 * 1024), `field-${i}.jpg`);
  await server.createDb('field-clean');
  await server.createDb('field-link');
  const clean = await sent(proxy, () => sync(core, proxy.db('field-clean')));

  log(`field link: ${(bytesPerSecond * 8) / 1000} kbit/s, dropped every ${(dropEveryMs / 1000).toFixed(1)} s`);
  proxy.link({ bytesPerSecond, dropEveryMs });
  let runs = 0;
  let done: SyncSummary | null = null;
  const started = performance.now();
  const total = await sent(proxy, async () => {
    while (!done && runs < 30) {
      runs++;
      done = await sync(core, proxy.db('field-link'), 8, speedUp).catch(() => null);
    }
  });
  const seconds = (performance.now() - started) / 1000;
  const drops = proxy.drops;
  proxy.link({});
  const summary = done as SyncSummary | null;
  const complete = summary !== null && summary.files?.failed.length === 0;
  const ratio = total / clean;
  return [
    {
      measure: `field link (${(bytesPerSecond * 8) / 1000} kbit/s, drop every ${(dropEveryMs / 1000).toFixed(1)} s${speedUp > 1 ? `, scaled x${speedUp.toFixed(0)} from 64 kbit/s and 30 s` : ''}): 10 releases + 5 photos of 200 KB, bytes sent / clean push`,
      value: `${ratio.toFixed(2)}x (${kb(total)}, ${complete ? 'complete' : 'NOT complete'}, ${runs} run${runs === 1 ? '' : 's'}, ${drops} drops, ${seconds.toFixed(0)} s)`,
      peer: `${kb(clean)} clean`,
      ratio: `${ratio.toFixed(2)}x`,
      goal: 'completes, <= 1.1x clean',
      pass: complete && ratio <= 1.1,
    },
  ];
}
