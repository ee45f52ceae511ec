import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { catchUpSearch } from '../../electron/core/search/index-writer';
import { Library } from '../../electron/core/store/library';
import type { RemoteRevision } from '../../electron/core/store/replication-api';
import { ContactFields, ReleaseFields } from '../../electron/shared/documents';
import { buildVocabulary, makeContact, makeRelease, Writer } from './corpus';
import type { BenchRow } from './kit';
import { Rng } from './rng';

/**
 * Pulling from a server: 10,000 documents written elsewhere, each with a 3-revision path,
 * stored in batches of 100 through the store's new_edits:false path, next to PouchDB 9 in this
 * process doing the same bulkDocs({ new_edits: false }) on the same batches, with two adapters:
 *
 * - LevelDB (leveldown, on disk in the same temporary folder): the goal is judged against this
 *   one, because it is the peer that stores to a file as the library does. What each side does
 *   to disk per batch: Dateline commits one SQLite transaction holding the batch and its pull
 *   checkpoint (WAL, synchronous=NORMAL for a checkpointed pull: no fsync at commit, so a power
 *   cut loses only whole trailing batches with their checkpoint, fetched again by the next pull;
 *   local edits stay FULL); PouchDB hands LevelDB one write batch, appended to its log without
 *   fsync (LevelDB's default, which PouchDB keeps), the same guarantee. Dateline also writes
 *   what PouchDB does not have: the projections of every new winner in the batch, and its
 *   full-text index entry, queued in the batch and caught up after it (as before any search):
 *   that catch-up is timed as its own row, never hidden, and a third row adds it to the insert
 *   for the same comparison. PouchDB has no search index. A replay of every batch (a pull
 *   resumed from an older checkpoint) follows, both sides taking turns per batch.
 * - memory (memdown): no disk at all; printed for reference.
 */

const BATCH = 100;
const PATH = 3;

interface PouchDb {
  bulkDocs(docs: readonly object[], opts: { new_edits: false }): Promise<unknown[]>;
  info(): Promise<{ doc_count: number }>;
  destroy(): Promise<unknown>;
}
type PouchCtor = (new (name: string, opts: { adapter: string }) => PouchDb) & { plugin(p: unknown): void };

const log = (msg: string): void => {
  process.stderr.write(`[bench replication ${(performance.now() / 1000).toFixed(1)}s] ${msg}\n`);
};

function documents(n: number): RemoteRevision[] {
  const writer = new Writer(buildVocabulary(), new Rng(77));
  const out: RemoteRevision[] = [];
  for (let i = 0; i < n; i++) {
    const release = i % 2 === 0;
    const fields = release ? makeRelease(writer) : makeContact(writer, i);
    // Only bodies Dateline accepts, or the number means nothing.
    if (i < 20) (release ? ReleaseFields : ContactFields).parse(fields);
    const ids = Array.from({ length: PATH }, (_, k) => createHash('md5').update(`${i}:${k}`).digest('hex'));
    out.push({
      ...fields,
      type: release ? 'release' : 'contact',
      updatedAt: '2026-11-01T00:00:00.000Z',
      updatedBy: 'hq',
      _id: `${release ? 'rel' : 'con'}-bench-${i}`,
      _rev: `${PATH}-${ids[0]}`,
      _revisions: { start: PATH, ids },
    });
  }
  // As a pull hands them over: parsed from the server's JSON text (flat strings, plain objects),
  // not the generator's objects, whose strings are built by concatenation and flattened by the
  // first side that serialises them (measured: about 10 ms of CPU per 1,000 documents).
  return JSON.parse(JSON.stringify(out)) as RemoteRevision[];
}

/** CPU time of the calling thread in ms (Linux; NaN elsewhere): the process's, less other threads'. */
function threadCpuMs(): number {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'latin1').split(' ')[0]) / 1e6;
  } catch {
    return Number.NaN;
  }
}

interface Side {
  name: string;
  ms: number;
  /** CPU time of the whole process while this side ran (PouchDB's LevelDB threads included), in ms. */
  cpu: number;
  /** CPU time of the main thread alone while this side ran, in ms. */
  mainCpu: number;
  run(batch: readonly RemoteRevision[]): Promise<void> | void;
}

export async function benchReplication(scale: number): Promise<BenchRow[]> {
  const n = Math.max(BATCH, Math.round(10_000 * scale));
  const docs = documents(n);
  const batches: RemoteRevision[][] = [];
  for (let i = 0; i < docs.length; i += BATCH) batches.push(docs.slice(i, i + BATCH));

  const require = createRequire(import.meta.url);
  const PouchDB = require('pouchdb') as PouchCtor;
  PouchDB.plugin(require('pouchdb-adapter-memory'));
  const root = mkdtempSync(join(tmpdir(), 'dateline-bench-repl-'));
  const leveldb = new PouchDB(join(root, 'pouch-leveldb'), { adapter: 'leveldb' });
  const memory = new PouchDB(`bench-${Date.now()}`, { adapter: 'memory' });
  const lib = await Library.open(join(root, 'library'), { author: 'bench' });
  const pouchSide = (name: string, db: PouchDb): Side => ({
    name,
    ms: 0,
    cpu: 0,
    mainCpu: 0,
    run: async (batch) => {
      await db.bulkDocs(batch, { new_edits: false });
    },
  });
  let pulled = 0;
  const dateline: Side = {
    name: 'Dateline',
    ms: 0,
    cpu: 0,
    mainCpu: 0,
    run: (batch) => {
      // With its checkpoint, as a pull stores it.
      const r = lib.replication.bulkInsertRemote(batch, { _id: '_local/bench-pull', since: ++pulled });
      if (r.written !== batch.length) throw new Error(`Dateline stored ${r.written} of ${batch.length}: ${JSON.stringify(r.denied[0])}`);
    },
  };
  const sides = [dateline, pouchSide('leveldb', leveldb), pouchSide('memory', memory)];
  const replayDateline = { ms: 0 };
  const replayLevel = { ms: 0 };
  let catchUpMs: number;
  try {
    log(`${n} documents with ${PATH}-revision paths in batches of ${BATCH}`);
    for (let b = 0; b < batches.length; b++) {
      // Each side goes first in turn, so none always meets the colder caches.
      for (let k = 0; k < sides.length; k++) {
        const side = sides[(b + k) % sides.length]!;
        const t = performance.now();
        const c = process.cpuUsage();
        const m = threadCpuMs();
        await side.run(batches[b]!);
        side.ms += performance.now() - t;
        side.mainCpu += threadCpuMs() - m;
        const used = process.cpuUsage(c);
        side.cpu += (used.user + used.system) / 1000;
      }
    }
    const copies = lib.walCopier.stats();
    // The bench runs the built bundle: a worker that could not load there fails it (a small run
    // may never fill the WAL enough to ask for one).
    if (copies.failure !== null) throw new Error(`the WAL copier's worker did not run: ${copies.failure}`);
    const perK = (ms: number | null): string => (ms === null ? '?' : (ms / (n / 1000)).toFixed(0));
    log(
      `CPU per 1,000 docs: Dateline ${perK(dateline.cpu)} ms while its batches ran (main thread ${perK(dateline.mainCpu)}), ` +
        `its WAL copier's thread ${perK(copies.workerCpuMs)} in ${copies.workerCopies} copies, the writer's own copies ${copies.writerCopies}` +
        `${copies.failure ? ` (no worker: ${copies.failure})` : ''}; ` +
        sides.slice(1).map((s) => `${s.name} ${perK(s.cpu)} (main thread ${perK(s.mainCpu)})`).join(', '),
    );
    // A replay of every batch (a pull resumed from an older checkpoint): nothing is new.
    for (let b = 0; b < batches.length; b++) {
      for (const [side, db] of [[replayDateline, null], [replayLevel, leveldb]] as const) {
        const t = performance.now();
        if (db) await db.bulkDocs(batches[b]!, { new_edits: false });
        else if (lib.replication.bulkInsertRemote(batches[b]!, { _id: '_local/bench-pull', since: ++pulled }).skipped !== batches[b]!.length) {
          throw new Error('Dateline wrote revisions it had already stored');
        }
        side.ms += performance.now() - t;
      }
    }
    const t = performance.now();
    const indexed = catchUpSearch(lib.db);
    catchUpMs = performance.now() - t;
    if (indexed !== n) throw new Error(`the search catch-up indexed ${indexed} of ${n}`);
    for (const db of [leveldb, memory]) {
      const stored = (await db.info()).doc_count;
      if (stored !== n) throw new Error(`PouchDB stored ${stored} of ${n}`);
    }
  } finally {
    lib.close();
    await leveldb.destroy();
    await memory.destroy();
    rmSync(root, { recursive: true, force: true });
  }
  const perSec = (side: Side): number => n / (side.ms / 1000);
  const ours = perSec(dateline);
  const fmtRate = (v: number): string => Math.round(v).toLocaleString('en-US');
  const rows: BenchRow[] = sides.slice(1).map((peer) => {
    const ratio = ours / perSec(peer);
    const judged = peer.name === 'leveldb';
    return {
      measure: `store ${n} remote docs, ${PATH}-rev paths, batches of ${BATCH} (docs/s)`,
      value: fmtRate(ours),
      peer: `${fmtRate(perSec(peer))} (PouchDB 9 ${peer.name === 'leveldb' ? 'LevelDB, on disk' : 'memory'})`,
      ratio: `${ratio.toFixed(2)}x`,
      goal: judged ? '>= 2.00x PouchDB' : 'reference',
      ...(judged ? { pass: ratio >= 2 } : {}),
    };
  });
  const level = sides[1]!;
  // On a shared machine wall time includes waiting for a core; CPU time does not.
  rows.push({
    measure: `the same store, CPU time per 1,000 docs (ms)`,
    value: (dateline.cpu / (n / 1000)).toFixed(0),
    peer: `${(level.cpu / (n / 1000)).toFixed(0)} (PouchDB 9 LevelDB, on disk)`,
    ratio: `${(level.cpu / dateline.cpu).toFixed(2)}x`,
    goal: 'reference',
  });
  const withIndex = n / ((dateline.ms + catchUpMs) / 1000);
  rows.push(
    {
      measure: `search index catch-up of those ${n} docs (docs/s)`,
      value: fmtRate(n / (catchUpMs / 1000)),
      peer: 'none: PouchDB has no search index',
      goal: 'reported',
    },
    {
      measure: `replay of those ${n} docs, all stored already (docs/s)`,
      value: fmtRate(n / (replayDateline.ms / 1000)),
      peer: `${fmtRate(n / (replayLevel.ms / 1000))} (PouchDB 9 LevelDB, on disk)`,
      ratio: `${(replayLevel.ms / replayDateline.ms).toFixed(2)}x`,
      goal: 'reference',
    },
    {
      measure: `store + search catch-up, ${n} docs (docs/s)`,
      value: fmtRate(withIndex),
      peer: `${fmtRate(perSec(level))} (PouchDB 9 LevelDB, on disk)`,
      ratio: `${(withIndex / perSec(level)).toFixed(2)}x`,
      goal: 'reference',
    },
  );
  return rows;
}
