import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Library } from '../../electron/core/store/library';
import { CouchPeer } from '../../electron/core/sync/couch-peer';
import { replicate } from '../../electron/core/sync/replicate';
import { StorePeer } from '../../electron/core/sync/store-peer';
import { startCouch } from '../sync/couch-process';
import { memoryDb, pouch } from '../sync/pouch';
import { buildVocabulary, makeRelease, Writer } from './corpus';
import type { BenchRow } from './kit';
import { benchSyncFiles } from './sync-files';
import { Rng } from './rng';

/**
 * The sync benchmark: pushing and pulling release documents between a library and the same
 * pouchdb-server (a child process, so its CPU is not counted as the client's), next to PouchDB 9
 * in this process replicating the same documents to and from the same server in the same run.
 * Both read 100 changes per step and write 100 documents per request (PouchDB's default
 * batch_size; Dateline's changes batch and _bulk_docs count), so the difference is the client's.
 */

const BATCH = 100;

const log = (msg: string): void => {
  process.stderr.write(`[bench sync ${(performance.now() / 1000).toFixed(1)}s] ${msg}\n`);
};

interface Timed {
  ms: number;
  cpuMs: number;
}

/**
 * Times `work`; with BENCH_PROFILE=<folder>, Dateline's runs (those given a `profile` name) also
 * write a V8 CPU profile there, for looking into a figure with Chrome's or VS Code's profiler.
 */
async function timed(work: () => Promise<unknown>, profile?: string): Promise<Timed> {
  globalThis.gc?.();
  const profiler = profile && process.env.BENCH_PROFILE ? await startProfile() : null;
  const cpu = process.cpuUsage();
  const t = performance.now();
  await work();
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  if (profiler) await profiler.stop(join(process.env.BENCH_PROFILE!, `${profile}.cpuprofile`));
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

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

async function benchSyncDocs(scale: number): Promise<BenchRow[]> {
  const count = Math.max(10, Math.round(10_000 * scale));
  const root = mkdtempSync(join(tmpdir(), 'dateline-bench-sync-'));
  const server = await startCouch();
  try {
    log(`seeding ${count} releases`);
    const source = await Library.open(join(root, 'source'), { author: 'bench' });
    const writer = new Writer(buildVocabulary(), new Rng(14));
    const made = source.docs.createMany('release', Array.from({ length: count }, () => ({ fields: makeRelease(writer) })), { author: 'bench' });
    // PouchDB gets the very same documents, by id, before the clock starts.
    const local = memoryDb();
    for (let i = 0; i < made.length; i += 1000) {
      await local.bulkDocs(made.slice(i, i + 1000).map((d) => ({ _id: d.id, ...d.body })));
    }
    const remote = (name: string) => new CouchPeer({ url: `${server.url}/${name}`, batchCount: BATCH });
    await server.createDb('dateline');
    await server.createDb('pouchdb');

    log('push');
    const dPush = await timed(() => replicate(new StorePeer(source.replication), remote('dateline'), { batchSize: BATCH }), 'push');
    const pPush = await timed(() => pouch().replicate(local, `${server.url}/pouchdb`, { batch_size: BATCH }));
    log('pull');
    const target = await Library.open(join(root, 'target'), { author: 'bench' });
    const pulled = memoryDb();
    const dPull = await timed(() => replicate(remote('dateline'), new StorePeer(target.replication), { batchSize: BATCH }), 'pull');
    const pPull = await timed(() => pouch().replicate(`${server.url}/pouchdb`, pulled, { batch_size: BATCH }));
    const got = target.docs.liveCounts().release;
    source.close();
    target.close();
    if (got !== count) throw new Error(`the pull stored ${got} releases, not ${count}`);

    const rate = (t: Timed) => (count / t.ms) * 1000;
    const perDoc = (t: Timed) => t.cpuMs / count;
    const rows: BenchRow[] = [];
    for (const [what, d, p] of [['push', dPush, pPush], ['pull', dPull, pPull]] as const) {
      const ratio = rate(d) / rate(p);
      rows.push({
        measure: `${what} ${count.toLocaleString('en-US')} releases (batches of ${BATCH} both sides): documents/s`,
        value: Math.round(rate(d)).toLocaleString('en-US'),
        peer: `${Math.round(rate(p)).toLocaleString('en-US')} (PouchDB 9)`,
        ratio: `${ratio.toFixed(2)}x`,
        goal: '>= 1.5x PouchDB',
        pass: ratio >= 1.5,
      });
      rows.push({
        measure: `${what}: client CPU per document`,
        value: `${perDoc(d).toFixed(3)} ms`,
        peer: `${perDoc(p).toFixed(3)} ms`,
        ratio: `${(perDoc(d) / perDoc(p)).toFixed(2)}x`,
        goal: '<= 0.25 ms',
        pass: perDoc(d) <= 0.25,
      });
    }
    return rows;
  } finally {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
}
