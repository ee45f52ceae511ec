import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { constants, performance, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
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

/** What the timing needs of the server: its process's CPU so far (a child pulling reads it from /proc by the server's pid). */
type ServerCpu = Pick<CouchServer, 'cpuMs'> & { pid?: number | undefined };

interface Timed {
  ms: number;
  cpuMs: number;
  /** The server process's CPU meanwhile (null where not known): what documents per second are bound by. */
  serverMs: number | null;
  /** The process's heap in use when the work started (after a full collection), MB. */
  heapMb: number;
  /** Full (mark-compact) collections V8 made during the work, and their time on the main thread. */
  majorGcs: number;
  majorGcMs: number;
}

/**
 * Times `work`; with BENCH_PROFILE=<folder>, Dateline's runs (those given a `profile` name) also
 * write V8 CPU profiles there, one per part of the run (`<name>-documents.cpuprofile`,
 * `<name>-photos.cpuprofile`), for looking into a figure with Chrome's or VS Code's profiler.
 */
async function timed(server: ServerCpu, work: (parts: Profiles | null) => Promise<unknown>, profile?: string): Promise<Timed> {
  globalThis.gc?.();
  const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
  const profiles = profile && process.env.BENCH_PROFILE ? new Profiles(join(process.env.BENCH_PROFILE, profile)) : null;
  await profiles?.start();
  fullGcs.start();
  const cpu = process.cpuUsage();
  const serverCpu = server.cpuMs();
  const t = performance.now();
  await work(profiles);
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const serverNow = server.cpuMs();
  const gcs = fullGcs.stop();
  await profiles?.stop();
  return { ms, cpuMs: (used.user + used.system) / 1000, serverMs: serverNow !== null && serverCpu !== null ? serverNow - serverCpu : null, heapMb, majorGcs: gcs.count, majorGcMs: gcs.ms };
}

/**
 * V8's full (mark-compact) collections while a run is timed, for the log: how many a pull's
 * documents and photos cost decides much of its client CPU (see the README's sync part).
 */
class FullGcs {
  private observer: PerformanceObserver | null = null;
  private count = 0;
  private ms = 0;

  private add(entries: readonly PerformanceEntry[]): void {
    for (const e of entries) {
      if ((e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind !== constants.NODE_PERFORMANCE_GC_MAJOR) continue;
      this.count++;
      this.ms += e.duration;
    }
  }

  start(): void {
    this.count = 0;
    this.ms = 0;
    this.observer = new PerformanceObserver((list) => this.add(list.getEntries()));
    this.observer.observe({ entryTypes: ['gc'] });
  }

  /** Collections since start (those not yet delivered included). */
  read(): { count: number; ms: number } {
    if (this.observer) this.add(this.observer.takeRecords());
    return { count: this.count, ms: this.ms };
  }

  stop(): { count: number; ms: number } {
    const got = this.read();
    this.observer?.disconnect();
    this.observer = null;
    return got;
  }
}

const fullGcs = new FullGcs();

/** CPU time of this process's main thread (the rest is the thread pool: zlib, hashing, file writes; and V8's helpers: GC). */
const mainThreadCpuMs = () => processCpuMs(process.pid, process.pid);

/**
 * A process's main thread from /proc (Linux): time it ran and time it waited for a core, in ms;
 * null where that cannot be read.
 */
function threadTimes(pid: number | undefined): { ran: number; waited: number } | null {
  if (pid === undefined) return null;
  try {
    const [ran, waited] = readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').trim().split(' ').map(Number);
    return ran === undefined || waited === undefined ? null : { ran: ran / 1e6, waited: waited / 1e6 };
  } catch {
    return null;
  }
}

/** Two runs of the same work as one: the mean of their times. */
function both(a: Timed, b: Timed): Timed {
  const mean = (x: number, y: number) => (x + y) / 2;
  return {
    ms: mean(a.ms, b.ms),
    cpuMs: mean(a.cpuMs, b.cpuMs),
    serverMs: a.serverMs !== null && b.serverMs !== null ? mean(a.serverMs, b.serverMs) : null,
    heapMb: mean(a.heapMb, b.heapMb),
    majorGcs: mean(a.majorGcs, b.majorGcs),
    majorGcMs: mean(a.majorGcMs, b.majorGcMs),
  };
}

/** Wall and client CPU time since the last lap (the main thread's part, and the server's CPU, where known), for the log: where a row's time went, documents or photos. */
function split(server: ServerCpu): { lap: () => string } {
  let t = performance.now();
  let cpu = process.cpuUsage();
  let main = mainThreadCpuMs();
  let serverCpu = server.cpuMs();
  // The server's JavaScript thread: what it ran, and how long it was idle (neither running nor
  // waiting for a core): idle, it waited on this client, which then sets the pace.
  const serverMain = () => threadTimes(server.pid);
  let serverMainCpu = serverMain();
  let gcs = fullGcs.read().count;
  return {
    lap() {
      const used = process.cpuUsage(cpu);
      const mainNow = mainThreadCpuMs();
      const serverNow = server.cpuMs();
      const serverMainNow = serverMain();
      const gcsNow = fullGcs.read().count;
      const mainText = mainNow !== null && main !== null ? `, main thread ${mainNow - main} ms` : '';
      const wall = performance.now() - t;
      const serverMainText =
        serverMainNow !== null && serverMainCpu !== null
          ? `, its main thread ran ${(serverMainNow.ran - serverMainCpu.ran).toFixed(0)} ms and was idle ${(wall - (serverMainNow.ran - serverMainCpu.ran) - (serverMainNow.waited - serverMainCpu.waited)).toFixed(0)} ms`
          : '';
      const serverText = serverNow !== null && serverCpu !== null ? `; server CPU ${serverNow - serverCpu} ms${serverMainText}` : '';
      const text = `${(performance.now() - t).toFixed(0)} ms (CPU ${((used.user + used.system) / 1000).toFixed(0)} ms${mainText}, ${gcsNow - gcs} full collections${serverText})`;
      t = performance.now();
      cpu = process.cpuUsage();
      main = mainThreadCpuMs();
      serverCpu = server.cpuMs();
      serverMainCpu = serverMainNow;
      gcs = gcsNow;
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

/** A database of the bench's server, as Dateline's replicator is given it. */
const remoteOf = (url: string, name: string) => ({ url: `${url}/${name}`, ...(BATCH ? { batchCount: BATCH } : {}) });
/** A library's files step, downloading every file (the per-device policy "always"). */
const files = (core: Core) => ({ blobs: core.ctx.blobs, list: () => attachmentFiles(core.library.db), policy: 'always' as const });

/** Child process mode of out/cli/bench.js: one client's pull (`syncPullChild`). */
export const SYNC_PULL_CHILD = '--sync-pull';
/** How the child's line of stdout that carries its timing begins. */
const RESULT_LINE = 'sync-pull-timed ';

/** One client's pull of a server database into a fresh target, and what the target must hold after it. */
interface PullJob {
  side: 'dateline' | 'pouchdb';
  url: string;
  /** The server's process, whose CPU is read from /proc while the pull runs. */
  serverPid: number | null;
  db: string;
  /** This side's warm-up database on the server, pulled first when the pull runs in a process of its own. */
  warmDb: string;
  /** The target: a library folder (Dateline) or a LevelDB folder (PouchDB). */
  dir: string;
  /** With BENCH_PROFILE, Dateline's pull writes its CPU profiles under this name. */
  profile?: string;
  expect: { releases: number; photos: number; shas: string[]; lastPhoto: string };
}

/**
 * One timed pull into a fresh target, then the check that everything arrived (after the clock).
 * Dateline's includes what a sync does after its pull: the look at the documents left with two
 * leaves, and the files step (photos downloaded, policy "always").
 */
async function pullOnce(job: PullJob, server: ServerCpu): Promise<Timed> {
  const { releases, photos, shas, lastPhoto } = job.expect;
  if (job.side === 'pouchdb') {
    const pulled = diskDb(job.dir);
    try {
      const time = await timed(server, () => pouch().replicate(`${job.url}/${job.db}`, pulled, { batch_size: POUCH_BATCH }));
      logRun('PouchDB', job, time);
      const last = await pulled.get(lastPhoto, { attachments: true });
      const attached = Object.values(last._attachments as Record<string, { data: string }>)[0]!;
      if (Buffer.from(attached.data, 'base64').length !== PHOTO_SIZE) throw new Error('PouchDB pulled a photo without its bytes');
      return time;
    } finally {
      await pulled.close();
    }
  }
  const target = await openCore(job.dir, { author: 'bench' });
  try {
    const time = await timed(
      server,
      async (parts) => {
        mark('documents');
        const t = split(server);
        const trace = new Map<string, number>();
        const couch = new CouchPeer(remoteOf(job.url, job.db));
        // As syncOnce does before its pull: the database is asked for first (its answer also tells
        // the peer how near the server is, with the checkpoint's read after it).
        await couch.open(false);
        const got = await replicate(traced(couch, 'server', trace), traced(new StorePeer(target.library.replication), 'library', trace), { ...(BATCH ? { batchSize: BATCH } : {}) });
        log(`pull waits: ${traceText(trace)}; near: ${couch.near} (quickest answer ${couch.roundTripMs?.toFixed(2)} ms)`);
        // As syncOnce does after every pull: the documents the pull left with two leaves are looked at.
        settleConflicts(target.library.replication, got.touched);
        const docs = t.lap();
        mark('photos');
        await parts?.next('documents');
        await syncFiles(new FilesPeer(remoteOf(job.url, job.db)), files(target));
        mark('end');
        const copies = target.library.walCopier.stats();
        log(`Dateline pull: documents ${docs}, photos ${t.lap()}; WAL copies: ${copies.workerCopies} on the copier's worker (CPU ${copies.workerCpuMs?.toFixed(0) ?? '?'} ms), ${copies.writerCopies} by the writer`);
        await parts?.next('photos');
      },
      job.profile,
    );
    logRun('Dateline', job, time);
    const got = target.library.docs.liveCounts();
    if (got.release !== releases || got.attachment !== photos) throw new Error(`the pull stored ${got.release} releases and ${got.attachment} photos, not ${releases} and ${photos}`);
    const missing = shas.filter((sha) => !target.ctx.blobs.has(sha)).length;
    if (missing > 0) throw new Error(`the pull left ${missing} of ${photos} photo files on the server`);
    return time;
  } finally {
    target.close();
  }
}

/** With BENCH_SYNC_CHILD_LOG, a line on stdout where a part of a pull begins, so that V8's traces there can be split by part. */
function mark(part: string): void {
  if (process.env.BENCH_SYNC_CHILD_LOG) process.stdout.write(`\nbench-sync-part ${part} at ${performance.now().toFixed(0)} ms ${JSON.stringify(process.memoryUsage())}\n`);
}

function logRun(who: string, job: PullJob, t: Timed): void {
  log(`${who} pull of ${job.db} (pid ${process.pid}): CPU ${t.cpuMs.toFixed(0)} ms, ${t.ms.toFixed(0)} ms; heap used at its start ${t.heapMb.toFixed(1)} MB; full collections ${t.majorGcs} (${t.majorGcMs.toFixed(0)} ms on the main thread)`);
}

/**
 * A pull in a child process of this script (`SYNC_PULL_CHILD`), whose own CPU is the client's.
 * The child runs with this process's V8 flags, and first pulls its side's warm-up database into
 * a scratch target (untimed), so that neither client runs cold.
 */
function pullInChild(job: PullJob): Promise<Timed> {
  return new Promise<Timed>((done, fail) => {
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, SYNC_PULL_CHILD, JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (c: string) => (out += c));
    child.once('error', fail);
    child.once('exit', (code, signal) => {
      // BENCH_SYNC_CHILD_LOG=<folder>: what the child printed besides its timing (V8's traces, such as --trace-gc) is kept there, a file per pull.
      const keepIn = process.env.BENCH_SYNC_CHILD_LOG;
      if (keepIn) {
        mkdirSync(keepIn, { recursive: true });
        writeFileSync(join(keepIn, `${job.side}-${job.db}.log`), out);
      }
      if (code !== 0) return fail(new Error(`the ${job.side} pull's child process ended with ${signal ?? `code ${code}`}`));
      try {
        // Its own line: V8 flags such as --trace-gc, passed on to the child, print on stdout too.
        const line = out.split('\n').find((l) => l.startsWith(RESULT_LINE));
        done(JSON.parse(line!.slice(RESULT_LINE.length)) as Timed);
      } catch {
        fail(new Error(`the ${job.side} pull's child process printed no timing: ${out.slice(0, 200)}`));
      }
    });
  });
}

/** The child's side of `pullInChild`: the warm-up pull, then the timed one, its Timed as JSON on stdout. */
export async function syncPullChild(jobJson: string): Promise<void> {
  const job = JSON.parse(jobJson) as PullJob;
  const server: ServerCpu = { cpuMs: () => processCpuMs(job.serverPid ?? undefined), pid: job.serverPid ?? undefined };
  const warmDir = `${job.dir}-warm`;
  if (job.side === 'pouchdb') {
    const warm = diskDb(warmDir);
    await pouch().replicate(`${job.url}/${job.warmDb}`, warm, { batch_size: POUCH_BATCH });
    await warm.close();
  } else {
    const warm = await openCore(warmDir, { author: 'bench' });
    const got = await replicate(new CouchPeer(remoteOf(job.url, job.warmDb)), new StorePeer(warm.library.replication), { ...(BATCH ? { batchSize: BATCH } : {}) });
    settleConflicts(warm.library.replication, got.touched);
    await syncFiles(new FilesPeer(remoteOf(job.url, job.warmDb)), files(warm));
    warm.close();
  }
  rmSync(warmDir, { recursive: true, force: true });
  const time = await pullOnce(job, server);
  process.stdout.write(`\n${RESULT_LINE}${JSON.stringify(time)}\n`);
}

/** Documents, then files (test/bench/sync-files.ts), each against its own pouchdb-server. */
export async function benchSync(scale: number): Promise<BenchRow[]> {
  // BENCH_SYNC=files or BENCH_SYNC=docs runs one half alone (a quicker look).
  const only = process.env.BENCH_SYNC;
  const docs = only === 'files' ? [] : await benchSyncDocs(scale);
  return [...docs, ...(only === 'docs' ? [] : await benchSyncFiles(scale))];
}

/** The client CPU goal as a ratio to PouchDB's: 0.25 ms a document where PouchDB took 0.34 ms. */
const CPU_RATIO_GOAL = 0.25 / 0.34;

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
    const remote = (name: string) => remoteOf(server.url, name);

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
    // Each client pushes twice and pulls twice, in the order Dateline, PouchDB, PouchDB, Dateline:
    // the server costs more the earlier a run comes (a push of 2,000 releases cost it 1,200,
    // 930 and 670 ms of CPU in three runs in a row), so neither client always goes first.
    for (const db of ['dateline-1', 'pouchdb-1', 'pouchdb-2', 'dateline-2']) await server.createDb(db);
    log('push: each client in this process');
    const dPush1 = await datelinePush('dateline-1', 'push');
    const pPush1 = await pouchPush('pouchdb-1');
    const pPush2 = await pouchPush('pouchdb-2');
    const dPush2 = await datelinePush('dateline-2');
    log('pull');
    const expect = { releases: count, photos, shas, lastPhoto };
    const job = (side: PullJob['side'], db: string, how: string, profile?: string): PullJob => ({
      side,
      url: server.url,
      serverPid: server.pid ?? null,
      db,
      warmDb: `warm-${side}`,
      dir: join(root, `${how}-target-${db}`),
      expect,
      ...(profile ? { profile } : {}),
    });
    // Each client pulls in a process of its own, as the app syncs in its core's process: in this
    // one, the heap the source library, the warm-up and PouchDB's databases left here made every
    // full collection of the pulling client dearer (the README's sync part has the figures).
    log(`pull: each client in a child process of its own (warmed up there first by a pull of its warm-up database)`);
    const dPull1 = await pullInChild(job('dateline', 'dateline-1', 'child', 'pull'));
    const pPull1 = await pullInChild(job('pouchdb', 'pouchdb-1', 'child'));
    const pPull2 = await pullInChild(job('pouchdb', 'pouchdb-2', 'child'));
    const dPull2 = await pullInChild(job('dateline', 'dateline-2', 'child'));
    if (process.env.BENCH_SYNC_INPROCESS === '1') {
      // For comparison, the same pulls (to fresh targets) in this process, as the bench ran them before.
      log('pull again, each client in this process (BENCH_SYNC_INPROCESS=1, log only)');
      const server1 = { cpuMs: () => server.cpuMs() };
      const inDPull1 = await pullOnce(job('dateline', 'dateline-1', 'here'), server1);
      const inPPull1 = await pullOnce(job('pouchdb', 'pouchdb-1', 'here'), server1);
      const inPPull2 = await pullOnce(job('pouchdb', 'pouchdb-2', 'here'), server1);
      const inDPull2 = await pullOnce(job('dateline', 'dateline-2', 'here'), server1);
      const perDocText = (a: Timed, b: Timed) => `${((a.cpuMs + b.cpuMs) / 2 / total).toFixed(3)} ms (${(a.cpuMs / total).toFixed(3)}, ${(b.cpuMs / total).toFixed(3)})`;
      log(`pull in this process, client CPU per document: Dateline ${perDocText(inDPull1, inDPull2)}, PouchDB ${perDocText(inPPull1, inPPull2)}`);
      log(`pull in child processes, client CPU per document: Dateline ${perDocText(dPull1, dPull2)}, PouchDB ${perDocText(pPull1, pPull2)}`);
    }
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
      // The same goal as a ratio to the peer measured in this run: the issue set 0.25 ms where
      // PouchDB took 0.34 ms, and the same PouchDB pull costs 0.5 to 0.8 ms on the machines this
      // bench has run on since (test/bench/README.md), so the time alone also measures the machine.
      rows.push({
        measure: `${dir}: client CPU per document against PouchDB's in this run (the goal above, 0.25 ms where PouchDB took 0.34, as a ratio)`,
        value: `${perDoc(d).toFixed(3)} ms`,
        peer: `${perDoc(p).toFixed(3)} ms`,
        ratio: `${(perDoc(d) / perDoc(p)).toFixed(2)}x`,
        goal: `<= ${CPU_RATIO_GOAL.toFixed(2)}x PouchDB`,
        pass: perDoc(d) / perDoc(p) <= CPU_RATIO_GOAL,
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
