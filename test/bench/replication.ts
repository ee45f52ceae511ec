import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Library } from '../../electron/core/store/library';
import type { RemoteRevision } from '../../electron/core/store/replication-api';
import { ContactFields, ReleaseFields } from '../../electron/shared/documents';
import { buildVocabulary, makeContact, makeRelease, Writer } from './corpus';
import type { BenchRow } from './kit';
import { Rng } from './rng';

/**
 * Pulling from a server: 10,000 documents written elsewhere, each with a 3-revision path,
 * stored in batches of 100 through the store's new_edits:false path, next to PouchDB 9 (memory
 * adapter, in this process) doing the same bulkDocs({ new_edits: false }) on the same batches.
 * Dateline does more per document (a durable SQLite transaction per batch, projections and
 * the search index); PouchDB keeps everything in memory.
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
  return out;
}

export async function benchReplication(scale: number): Promise<BenchRow[]> {
  const n = Math.max(BATCH, Math.round(10_000 * scale));
  const docs = documents(n);
  const batches: RemoteRevision[][] = [];
  for (let i = 0; i < docs.length; i += BATCH) batches.push(docs.slice(i, i + BATCH));

  const require = createRequire(import.meta.url);
  const PouchDB = require('pouchdb') as PouchCtor;
  PouchDB.plugin(require('pouchdb-adapter-memory'));
  const pouch = new PouchDB(`bench-${Date.now()}`, { adapter: 'memory' });
  const root = mkdtempSync(join(tmpdir(), 'dateline-bench-repl-'));
  const lib = await Library.open(join(root, 'library'), { author: 'bench' });
  let dateline = 0;
  let peer = 0;
  try {
    log(`${n} documents with ${PATH}-revision paths in batches of ${BATCH}`);
    for (let b = 0; b < batches.length; b++) {
      const batch = batches[b]!;
      // Each side goes first every other batch, so neither always meets the colder caches.
      const runDateline = () => {
        const t = performance.now();
        const r = lib.replication.bulkInsertRemote(batch);
        dateline += performance.now() - t;
        if (r.written !== batch.length) throw new Error(`Dateline stored ${r.written} of ${batch.length}: ${JSON.stringify(r.denied[0])}`);
      };
      const runPeer = async () => {
        const t = performance.now();
        await pouch.bulkDocs(batch, { new_edits: false });
        peer += performance.now() - t;
      };
      if (b % 2 === 0) {
        runDateline();
        await runPeer();
      } else {
        await runPeer();
        runDateline();
      }
    }
    const stored = (await pouch.info()).doc_count;
    if (stored !== n) throw new Error(`PouchDB stored ${stored} of ${n}`);
  } finally {
    lib.close();
    await pouch.destroy();
    rmSync(root, { recursive: true, force: true });
  }
  const ours = n / (dateline / 1000);
  const theirs = n / (peer / 1000);
  const ratio = ours / theirs;
  return [
    {
      measure: `store ${n} remote docs, ${PATH}-rev paths, batches of ${BATCH} (docs/s)`,
      value: Math.round(ours).toLocaleString('en-US'),
      peer: `${Math.round(theirs).toLocaleString('en-US')} (PouchDB 9 memory)`,
      ratio: `${ratio.toFixed(2)}x`,
      goal: '>= 2.00x PouchDB',
      pass: ratio >= 2,
    },
  ];
}
