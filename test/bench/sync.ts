import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { attachmentFiles } from '../../electron/core/attachments/queries';
import { openCore, type Core } from '../../electron/core/index';
import type { AttachmentAdded } from '../../electron/shared/attachments/contract';
import { CouchPeer } from '../../electron/core/sync/couch-peer';
import { FilesPeer } from '../../electron/core/sync/files/files-peer';
import { syncFiles } from '../../electron/core/sync/files/sync-files';
import { replicate } from '../../electron/core/sync/replicate';
import { settleConflicts } from '../../electron/core/sync/session';
import { StorePeer } from '../../electron/core/sync/store-peer';
import { processCpuMs, startCouch, type CouchServer } from '../sync/couch-process';
import { diskDb, pouch, type PouchDb } from '../sync/pouch';
import { buildVocabulary, makeRelease, Writer } from './corpus';
import type { BenchRow } from './kit';
import { benchSyncFiles } from './sync-files';
import { Rng } from './rng';

/**
 * The sync benchmark: pushing and pulling release documents and photos between a library and
 * the same pouchdb-server (a child process, so its CPU is not counted as the client's), next to
 * PouchDB 9 in this process replicating the same documents and photos to and from the same
 * server in the same run, on disk as the library is (LevelDB, its default in Node: an in-memory
 * PouchDB wrote nothing to disk while the library wrote SQLite and files). Dateline's photos travel through the files step (chunks in
 * `<db>-files`), PouchDB's as attachments inside its documents (base64); both rows count
 * releases and photos as documents. Both read 100 changes per step and write 100 documents per
 * request. What differs is the client's doing, stated in the rows: Dateline writes a checkpoint
 * on the server every 5 s and at the end (as CouchDB's replicator does), PouchDB after every
 * batch; Dateline asks a server that answers within 10 ms for plain answers, PouchDB's fetch
 * asks for gzipped ones (the server compresses them: its time counts in documents per second).
 */

/**
 * Changes per step and revisions per request: the app's own (it also bounds a request by 4 MiB)
 * and PouchDB's default batch_size. The rows name both.
 */
const BATCH = Number(process.env.BENCH_SYNC_BATCH ?? 100);
const POUCH_BATCH = 100;

const log = (msg: string): void => {
  process.stderr.write(`[bench sync ${(performance.now() / 1000).toFixed(1)}s] ${msg}\n`);
};

interface Timed {
  ms: number;
  cpuMs: number;
  /** The server process's CPU meanwhile (null where not known): what documents per second are bound by. */
  serverMs: number | null;
}

/**
 * Times `work`; with BENCH_PROFILE=<folder>, Dateline's runs (those given a `profile` name) also
 * write a V8 CPU profile there, for looking into a figure with Chrome's or VS Code's profiler.
 */
async function timed(server: CouchServer, work: () => Promise<unknown>, profile?: string): Promise<Timed> {
  globalThis.gc?.();
  const profiler = profile && process.env.BENCH_PROFILE ? await startProfile() : null;
  const cpu = process.cpuUsage();
  const serverCpu = server.cpuMs();
  const t = performance.now();
  await work();
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const serverNow = server.cpuMs();
  if (profiler) await profiler.stop(join(process.env.BENCH_PROFILE!, `${profile}.cpuprofile`));
  return { ms, cpuMs: (used.user + used.system) / 1000, serverMs: serverNow !== null && serverCpu !== null ? serverNow - serverCpu : null };
}

/** CPU time of this process's main thread (the rest is the thread pool: zlib, hashing, file writes; and V8's helpers: GC). */
const mainThreadCpuMs = () => processCpuMs(process.pid, process.pid);

/** Wall and client CPU time since the last lap (the main thread's part, and the server's CPU, where known), for the log: where a row's time went, documents or photos. */
function split(server: CouchServer): { lap: () => string } {
  let t = performance.now();
  let cpu = process.cpuUsage();
  let main = mainThreadCpuMs();
  let serverCpu = server.cpuMs();
  return {
    lap() {
      const used = process.cpuUsage(cpu);
      const mainNow = mainThreadCpuMs();
      const serverNow = server.cpuMs();
      const mainText = mainNow !== null && main !== null ? `, main thread ${mainNow - main} ms` : '';
      const serverText = serverNow !== null && serverCpu !== null ? `; server CPU ${serverNow - serverCpu} ms` : '';
      const text = `${(performance.now() - t).toFixed(0)} ms (CPU ${((used.user + used.system) / 1000).toFixed(0)} ms${mainText}${serverText})`;
      t = performance.now();
      cpu = process.cpuUsage();
      main = mainThreadCpuMs();
      serverCpu = server.cpuMs();
      return text;
    },
  };
}

/** Wall time spent in each method of a peer, for the log: where a replication waits. */
function traced<T extends object>(peer: T, name: string, into: Map<string, number>): T {
  return new Proxy(peer, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver) as unknown;
      if (typeof v !== 'function' || typeof key !== 'string') return v;
      return async (...args: unknown[]) => {
        const t = performance.now();
        try {
          return await (v as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } finally {
          into.set(`${name}.${key}`, (into.get(`${name}.${key}`) ?? 0) + performance.now() - t);
        }
      };
    },
  });
}

const traceText = (m: Map<string, number>) => [...m].map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');

async function startProfile(): Promise<{ stop: (file: string) => Promise<void> }> {
  const session = new Session();
  session.connect();
  const post = (method: string) =>
    new Promise<unknown>((done, fail) => session.post(method, (err, res) => (err ? fail(err) : done(res))));
  await post('Profiler.enable');
  await post('Profiler.start');
  return {
    async stop(file) {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      session.disconnect();
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(profile));
      log(`profile written to ${file}`);
    },
  };
}

/** Documents, then files (test/bench/sync-files.ts), each against its own pouchdb-server. */
export async function benchSync(scale: number): Promise<BenchRow[]> {
  // BENCH_SYNC=files or BENCH_SYNC=docs runs one half alone (a quicker look).
  const only = process.env.BENCH_SYNC;
  const docs = only === 'files' ? [] : await benchSyncDocs(scale);
  return [...docs, ...(only === 'docs' ? [] : await benchSyncFiles(scale))];
}

/** Photos are incompressible bytes, as JPEG files are; the same ones go to both clients. */
const PHOTO_SIZE = 256 * 1024;

async function benchSyncDocs(scale: number): Promise<BenchRow[]> {
  const count = Math.max(10, Math.round(10_000 * scale));
  const photos = Math.max(2, Math.round(200 * scale));
  const root = mkdtempSync(join(tmpdir(), 'dateline-bench-sync-'));
  const server = await startCouch();
  const cores: Core[] = [];
  const pouches: PouchDb[] = [];
  try {
    log(`seeding ${count} releases and ${photos} photos of ${PHOTO_SIZE / 1024} KB`);
    const seed = async (name: string, releases: number, pictures: number, rng: Rng) => {
      const core = await openCore(join(root, name), { author: 'bench' });
      cores.push(core);
      const writer = new Writer(vocabulary, rng);
      const made = core.library.docs.createMany('release', Array.from({ length: releases }, () => ({ fields: makeRelease(writer) })), { author: 'bench' });
      // PouchDB gets the very same documents, by id, before the clock starts; each photo as the attachment of its document.
      const db = diskDb(join(root, `pouch-${name}`));
      pouches.push(db);
      for (let i = 0; i < made.length; i += 1000) {
        await db.bulkDocs(made.slice(i, i + 1000).map((d) => ({ _id: d.id, ...d.body })));
      }
      const shas: string[] = [];
      let lastPhoto = '';
      for (let i = 0; i < pictures; i++) {
        const data = randomBytes(PHOTO_SIZE).toString('base64');
        const file = `photo-${i}.jpg`;
        const r = await core.dispatch('attachment.add', { name: file, data, mediaType: 'image/jpeg' }, { transport: 'test' });
        if (!r.ok) throw new Error(`attachment.add: ${r.error.message}`);
        const added = r.value as AttachmentAdded;
        shas.push(added.sha256);
        lastPhoto = added.id;
        const doc = core.library.docs.getStored(added.id)!;
        await db.put({ _id: doc.id, ...doc.body, _attachments: { [file]: { content_type: 'image/jpeg', data } } });
      }
      return { core, local: db, shas, lastPhoto };
    };
    const vocabulary = buildVocabulary();
    const { core: source, local, shas, lastPhoto } = await seed('source', count, photos, new Rng(14));
    const total = count + photos;
    const remote = (name: string) => ({ url: `${server.url}/${name}`, batchCount: BATCH });
    const files = (core: Core) => ({ blobs: core.ctx.blobs, list: () => attachmentFiles(core.library.db), policy: 'always' as const });
    await server.createDb('dateline');
    await server.createDb('pouchdb');

    // Both clients first push and pull a small set through scratch databases, so that neither
    // meets a cold server: whichever went first paid the server's JIT warming up (PouchDB's push
    // cost the server 0.83 ms a document going first, 0.63 going second, at BENCH_SCALE=0.2).
    log('warming up the server and both clients');
    const warm = await seed('warm', 200, 4, new Rng(15));
    const warmTarget = await openCore(join(root, 'warm-target'), { author: 'bench' });
    cores.push(warmTarget);
    const warmPulled = diskDb(join(root, 'pouch-warm-target'));
    pouches.push(warmPulled);
    await server.createDb('warm-dateline');
    await server.createDb('warm-pouchdb');
    await replicate(new StorePeer(warm.core.library.replication), new CouchPeer(remote('warm-dateline')), { batchSize: BATCH });
    await syncFiles(new FilesPeer(remote('warm-dateline')), files(warm.core));
    await replicate(new CouchPeer(remote('warm-dateline')), new StorePeer(warmTarget.library.replication), { batchSize: BATCH });
    await syncFiles(new FilesPeer(remote('warm-dateline')), files(warmTarget));
    await pouch().replicate(warm.local, `${server.url}/warm-pouchdb`, { batch_size: POUCH_BATCH });
    await pouch().replicate(`${server.url}/warm-pouchdb`, warmPulled, { batch_size: POUCH_BATCH });

    log('push');
    const dPush = await timed(server, async () => {
      const t = split(server);
      const trace = new Map<string, number>();
      const couch = new CouchPeer(remote('dateline'));
      await replicate(traced(new StorePeer(source.library.replication), 'library', trace), traced(couch, 'server', trace), { batchSize: BATCH });
      const docs = t.lap();
      log(`push waits: ${traceText(trace)}; answers gzipped: ${couch.compresses} (quickest answer ${couch.roundTripMs?.toFixed(2)} ms)`);
      await syncFiles(new FilesPeer(remote('dateline')), files(source));
      log(`Dateline push: documents ${docs}, photos ${t.lap()}`);
    }, 'push');
    const pPush = await timed(server, () => pouch().replicate(local, `${server.url}/pouchdb`, { batch_size: POUCH_BATCH }));
    log('pull');
    const target = await openCore(join(root, 'target'), { author: 'bench' });
    cores.push(target);
    const pulled = diskDb(join(root, 'pouch-target'));
    pouches.push(pulled);
    const dPull = await timed(server, async () => {
      const t = split(server);
      const trace = new Map<string, number>();
      const couch = new CouchPeer(remote('dateline'));
      const got = await replicate(traced(couch, 'server', trace), traced(new StorePeer(target.library.replication), 'library', trace), { batchSize: BATCH });
      log(`pull waits: ${traceText(trace)}; answers gzipped: ${couch.compresses} (quickest answer ${couch.roundTripMs?.toFixed(2)} ms)`);
      // As syncOnce does after every pull: the documents the pull left with two leaves are looked at.
      settleConflicts(target.library.replication, got.touched);
      const docs = t.lap();
      await syncFiles(new FilesPeer(remote('dateline')), files(target));
      log(`Dateline pull: documents ${docs}, photos ${t.lap()}`);
    }, 'pull');
    const pPull = await timed(server, () => pouch().replicate(`${server.url}/pouchdb`, pulled, { batch_size: POUCH_BATCH }));
    const got = target.library.docs.liveCounts();
    if (got.release !== count || got.attachment !== photos) throw new Error(`the pull stored ${got.release} releases and ${got.attachment} photos, not ${count} and ${photos}`);
    const missing = shas.filter((sha) => !target.ctx.blobs.has(sha)).length;
    if (missing > 0) throw new Error(`the pull left ${missing} of ${photos} photo files on the server`);
    const last = await pulled.get(lastPhoto, { attachments: true });
    const attached = Object.values(last._attachments as Record<string, { data: string }>)[0]!;
    if (Buffer.from(attached.data, 'base64').length !== PHOTO_SIZE) throw new Error('PouchDB pulled a photo without its bytes');

    const rate = (t: Timed) => (total / t.ms) * 1000;
    const perDoc = (t: Timed) => t.cpuMs / total;
    const what = `${count.toLocaleString('en-US')} releases + ${photos} photos of ${PHOTO_SIZE / 1024} KB`;
    const sizes = `batches: Dateline ${BATCH} changes a step, ${BATCH} revisions or 4 MiB a request, server checkpoints every 5 s and at the end, answers plain from a near server; PouchDB batch_size ${POUCH_BATCH} on LevelDB, a checkpoint after every batch, answers gzipped; photos as chunks in _bulk_docs of up to 128 KiB, up to 4 at once, plain base64 to this near server, vs base64 in _bulk_docs`;
    const rows: BenchRow[] = [];
    for (const [dir, d, p] of [['push', dPush, pPush], ['pull', dPull, pPull]] as const) {
      const ratio = rate(d) / rate(p);
      rows.push({
        measure: `${dir} ${what} (${sizes}): documents/s`,
        value: Math.round(rate(d)).toLocaleString('en-US'),
        peer: `${Math.round(rate(p)).toLocaleString('en-US')} (PouchDB 9)`,
        ratio: `${ratio.toFixed(2)}x`,
        goal: '>= 1.5x PouchDB',
        pass: ratio >= 1.5,
      });
      rows.push({
        measure: `${dir}: client CPU per document`,
        value: `${perDoc(d).toFixed(3)} ms`,
        peer: `${perDoc(p).toFixed(3)} ms`,
        ratio: `${(perDoc(d) / perDoc(p)).toFixed(2)}x`,
        goal: '<= 0.25 ms',
        pass: perDoc(d) <= 0.25,
      });
      if (d.serverMs !== null && p.serverMs !== null) {
        rows.push({
          measure: `${dir}: the server's CPU per document (what documents/s are bound by)`,
          value: `${(d.serverMs / total).toFixed(3)} ms`,
          peer: `${(p.serverMs / total).toFixed(3)} ms`,
          ratio: `${(d.serverMs / p.serverMs).toFixed(2)}x`,
        });
      }
    }
    return rows;
  } finally {
    for (const c of cores) c.close();
    for (const p of pouches) await p.close();
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
}
