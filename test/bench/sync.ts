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
import { NEAR_PAGE, PAGE } from '../../electron/core/sync/peer';
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
 * Changes per step and revisions per request: the app's own unless BENCH_SYNC_BATCH gives one
 * (PAGE, NEAR_PAGE to a near server, as this one is; it also bounds a request by 4 MiB), and
 * PouchDB's default batch_size. The rows name both.
 */
const BATCH = process.env.BENCH_SYNC_BATCH ? Number(process.env.BENCH_SYNC_BATCH) : undefined;
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
 * write V8 CPU profiles there, one per part of the run (`<name>-documents.cpuprofile`,
 * `<name>-photos.cpuprofile`), for looking into a figure with Chrome's or VS Code's profiler.
 */
async function timed(server: CouchServer, work: (parts: Profiles | null) => Promise<unknown>, profile?: string): Promise<Timed> {
  globalThis.gc?.();
  const profiles = profile && process.env.BENCH_PROFILE ? new Profiles(join(process.env.BENCH_PROFILE, profile)) : null;
  await profiles?.start();
  const cpu = process.cpuUsage();
  const serverCpu = server.cpuMs();
  const t = performance.now();
  await work(profiles);
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const serverNow = server.cpuMs();
  await profiles?.stop();
  return { ms, cpuMs: (used.user + used.system) / 1000, serverMs: serverNow !== null && serverCpu !== null ? serverNow - serverCpu : null };
}

/** CPU time of this process's main thread (the rest is the thread pool: zlib, hashing, file writes; and V8's helpers: GC). */
const mainThreadCpuMs = () => processCpuMs(process.pid, process.pid);

/** Two runs of the same work as one: the mean of their times. */
function both(a: Timed, b: Timed): Timed {
  return { ms: (a.ms + b.ms) / 2, cpuMs: (a.cpuMs + b.cpuMs) / 2, serverMs: a.serverMs !== null && b.serverMs !== null ? (a.serverMs + b.serverMs) / 2 : null };
}

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

/**
 * CPU profiles of one run, a file per part: `next(part)` keeps what was sampled since the last
 * part under this one's name and samples again; the files are written once the run is timed.
 * Sampling costs CPU, so a profiled run's figures are a little high.
 */
class Profiles {
  private session: Session | null = null;
  private readonly held: { part: string; profile: unknown }[] = [];

  constructor(private readonly prefix: string) {}

  private post(method: string): Promise<unknown> {
    return new Promise<unknown>((done, fail) => this.session!.post(method, (err, res) => (err ? fail(err) : done(res))));
  }

  async start(): Promise<void> {
    this.session = new Session();
    this.session.connect();
    await this.post('Profiler.enable');
    await this.post('Profiler.start');
  }

  /** Ends the part sampled so far under this name, and samples the next. */
  async next(part: string): Promise<void> {
    const { profile } = (await this.post('Profiler.stop')) as { profile: unknown };
    this.held.push({ part, profile });
    await this.post('Profiler.start');
  }

  /** Stops sampling and writes every part's profile (what followed the last part is dropped). */
  async stop(): Promise<void> {
    await this.post('Profiler.stop');
    this.session!.disconnect();
    this.session = null;
    for (const { part, profile } of this.held) {
      const file = `${this.prefix}-${part}.cpuprofile`;
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(profile));
      log(`profile written to ${file}`);
    }
  }
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
    const remote = (name: string) => ({ url: `${server.url}/${name}`, ...(BATCH ? { batchCount: BATCH } : {}) });
    const files = (core: Core) => ({ blobs: core.ctx.blobs, list: () => attachmentFiles(core.library.db), policy: 'always' as const });

    // Both clients first push and pull a set of their own through scratch databases, so that
    // neither meets a cold server or runs cold itself: after 200 releases, the first push of
    // 2,000 still cost the server 1,410 ms of CPU for its documents and the same push later 560.
    log('warming up the server and both clients');
    const warm = await seed('warm', Math.min(count, 2_000), Math.min(photos, 40), new Rng(15));
    const warmTarget = await openCore(join(root, 'warm-target'), { author: 'bench' });
    cores.push(warmTarget);
    const warmPulled = diskDb(join(root, 'pouch-warm-target'));
    pouches.push(warmPulled);
    await server.createDb('warm-dateline');
    await server.createDb('warm-pouchdb');
    await replicate(new StorePeer(warm.core.library.replication), new CouchPeer(remote('warm-dateline')), { ...(BATCH ? { batchSize: BATCH } : {}) });
    await syncFiles(new FilesPeer(remote('warm-dateline')), files(warm.core));
    await replicate(new CouchPeer(remote('warm-dateline')), new StorePeer(warmTarget.library.replication), { ...(BATCH ? { batchSize: BATCH } : {}) });
    await syncFiles(new FilesPeer(remote('warm-dateline')), files(warmTarget));
    await pouch().replicate(warm.local, `${server.url}/warm-pouchdb`, { batch_size: POUCH_BATCH });
    await pouch().replicate(`${server.url}/warm-pouchdb`, warmPulled, { batch_size: POUCH_BATCH });

    const datelinePush = (db: string, profile?: string) =>
      timed(server, async (parts) => {
        const t = split(server);
        const trace = new Map<string, number>();
        const couch = new CouchPeer(remote(db));
        await replicate(traced(new StorePeer(source.library.replication), 'library', trace), traced(couch, 'server', trace), { ...(BATCH ? { batchSize: BATCH } : {}) });
        const docs = t.lap();
        await parts?.next('documents');
        log(`push waits: ${traceText(trace)}; near: ${couch.near} (quickest answer ${couch.roundTripMs?.toFixed(2)} ms)`);
        await syncFiles(new FilesPeer(remote(db)), files(source));
        log(`Dateline push: documents ${docs}, photos ${t.lap()}`);
        await parts?.next('photos');
      }, profile);
    const pouchPush = (db: string) => timed(server, () => pouch().replicate(local, `${server.url}/${db}`, { batch_size: POUCH_BATCH }));
    const datelinePull = async (db: string, profile?: string) => {
      const target = await openCore(join(root, `target-${db}`), { author: 'bench' });
      cores.push(target);
      const time = await timed(server, async (parts) => {
        const t = split(server);
        const trace = new Map<string, number>();
        const couch = new CouchPeer(remote(db));
        const got = await replicate(traced(couch, 'server', trace), traced(new StorePeer(target.library.replication), 'library', trace), { ...(BATCH ? { batchSize: BATCH } : {}) });
        log(`pull waits: ${traceText(trace)}; near: ${couch.near} (quickest answer ${couch.roundTripMs?.toFixed(2)} ms)`);
        // As syncOnce does after every pull: the documents the pull left with two leaves are looked at.
        settleConflicts(target.library.replication, got.touched);
        const docs = t.lap();
        await parts?.next('documents');
        await syncFiles(new FilesPeer(remote(db)), files(target));
        log(`Dateline pull: documents ${docs}, photos ${t.lap()}`);
        await parts?.next('photos');
      }, profile);
      const got = target.library.docs.liveCounts();
      if (got.release !== count || got.attachment !== photos) throw new Error(`the pull stored ${got.release} releases and ${got.attachment} photos, not ${count} and ${photos}`);
      const missing = shas.filter((sha) => !target.ctx.blobs.has(sha)).length;
      if (missing > 0) throw new Error(`the pull left ${missing} of ${photos} photo files on the server`);
      return time;
    };
    const pouchPull = async (db: string) => {
      const pulled = diskDb(join(root, `pouch-target-${db}`));
      pouches.push(pulled);
      const time = await timed(server, () => pouch().replicate(`${server.url}/${db}`, pulled, { batch_size: POUCH_BATCH }));
      const last = await pulled.get(lastPhoto, { attachments: true });
      const attached = Object.values(last._attachments as Record<string, { data: string }>)[0]!;
      if (Buffer.from(attached.data, 'base64').length !== PHOTO_SIZE) throw new Error('PouchDB pulled a photo without its bytes');
      return time;
    };
    // Each client pushes twice and pulls twice, in the order Dateline, PouchDB, PouchDB, Dateline:
    // the server costs more the earlier a run comes (a push of 2,000 releases cost it 1,200,
    // 930 and 670 ms of CPU in three runs in a row), so neither client always goes first.
    for (const db of ['dateline-1', 'pouchdb-1', 'pouchdb-2', 'dateline-2']) await server.createDb(db);
    log('push');
    const dPush1 = await datelinePush('dateline-1', 'push');
    const pPush1 = await pouchPush('pouchdb-1');
    const pPush2 = await pouchPush('pouchdb-2');
    const dPush2 = await datelinePush('dateline-2');
    log('pull');
    const dPull1 = await datelinePull('dateline-1', 'pull');
    const pPull1 = await pouchPull('pouchdb-1');
    const pPull2 = await pouchPull('pouchdb-2');
    const dPull2 = await datelinePull('dateline-2');
    for (const [what, d1, d2, p1, p2] of [['push', dPush1, dPush2, pPush1, pPush2], ['pull', dPull1, dPull2, pPull1, pPull2]] as const) {
      const each = (t: Timed) => `${Math.round((total / t.ms) * 1000)}/s`;
      log(`${what}, documents/s of each run in order: Dateline ${each(d1)}, PouchDB ${each(p1)}, PouchDB ${each(p2)}, Dateline ${each(d2)}`);
    }
    const dPush = both(dPush1, dPush2);
    const pPush = both(pPush1, pPush2);
    const dPull = both(dPull1, dPull2);
    const pPull = both(pPull1, pPull2);

    const rate = (t: Timed) => (total / t.ms) * 1000;
    const perDoc = (t: Timed) => t.cpuMs / total;
    const what = `${count.toLocaleString('en-US')} releases + ${photos} photos of ${PHOTO_SIZE / 1024} KB`;
    const dateline = BATCH ? `${BATCH} changes a step, ${BATCH} revisions or 4 MiB a request` : `${PAGE} changes a step, ${PAGE} revisions or 4 MiB a request (${NEAR_PAGE} of each to a near server, which the log says this one was)`;
    const sizes = `batches: Dateline ${dateline}, server checkpoints every 5 s and at the end, answers plain from a near server; PouchDB batch_size ${POUCH_BATCH} on LevelDB, a checkpoint after every batch, answers gzipped; photos as chunks in _bulk_docs of up to 512 KiB to this near server (128 KiB to a far one), up to 4 at once, plain base64, vs base64 in _bulk_docs`;
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
