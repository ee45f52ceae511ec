import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { growBestLists } from '../../electron/core/search/grow-lists';
import { searchLibrary } from '../../electron/core/search/query';
import { newDocId } from '../../electron/core/store/docstore';
import { Library } from '../../electron/core/store/library';
import { LATEST_VERSION } from '../../electron/core/store/migrations/index';
import { DB_FILE } from '../../electron/core/store/open';
import { ContactFields, ReleaseFields, type ContactFieldsT, type ReleaseFieldsT } from '../../electron/shared/documents';
import { ftsQuery } from '../../electron/shared/search/terms';
import { buildQueries, buildVocabulary, makeContact, makeRelease, Writer, type BenchQuery } from './corpus';
import { RawPeer, type PeerRow } from './peer';
import { fmt, formatTable, HeapPeak, median, percentile, type Row } from './report';
import { benchImport } from './import';
import { benchListUpkeep } from './list-upkeep';
import { benchKit, type BenchRow } from './kit';
import { benchContacts, contactsImportChild, CONTACTS_CHILD } from './contacts';
import { benchReplication } from './replication';
import { benchSync, SYNC_PULL_CHILD, syncPullChild } from './sync';
import { Rng } from './rng';

/**
 * `npm run bench`: seeds a library of 50,000 releases and 200,000 contacts and measures what
 * people feel (writing, opening the library, searching) against a raw SQLite peer doing
 * the same storage work, so a slowdown shows as Dateline's own overhead, not the machine's.
 * BENCH_SCALE (default 1) shrinks every count for a quick check; BENCH_KEEP=1 keeps the
 * seeded library (its folder is printed) for looking into a result with EXPLAIN or a profiler.
 * BENCH_LIBRARY_CACHE=<folder> keeps the filled library there, keyed by scale and schema version
 * (the generator's seeds are fixed), and later runs with the same key start from a copy of it,
 * skipping the write measurements: for iterating on open and search at full scale, where
 * filling takes minutes. Remove the folder after changing what is indexed or projected.
 * A missed goal is a "FAIL" row, not a failed process: the exit code is non-zero only when
 * the benchmark itself breaks.
 */

const OPEN_PROBE = '--open-probe';
const FILL = '--fill';
const AUTHOR = 'bench';
const BATCH = 1000;
const FILL_BATCH = 5000;
const OPENS = 3;
const SEARCH_ROUNDS = 3;

function scale(): number {
  const raw = process.env.BENCH_SCALE;
  if (raw === undefined || raw === '') return 1;
  const s = Number(raw);
  if (!Number.isFinite(s) || s <= 0) throw new Error(`BENCH_SCALE must be a positive number, not "${raw}"`);
  return s;
}

function counts(s: number) {
  const n = (full: number): number => Math.max(1, Math.round(full * s));
  const releases = n(50_000);
  const contacts = n(200_000);
  // Write throughput is measured on a subset (both sides write it); the rest is filled fast.
  return { releases, contacts, measuredReleases: Math.min(releases, n(10_000)), measuredContacts: Math.min(contacts, n(40_000)) };
}

const log = (msg: string): void => {
  process.stderr.write(`[bench ${(performance.now() / 1000).toFixed(1)}s] ${msg}\n`);
};

const gc = (): void => globalThis.gc?.();

interface WriteResult {
  datelineRowsPerSec: number;
  peerRowsPerSec: number;
}

/**
 * Writes `total` generated documents through both Dateline (DocStore.create, many per
 * transaction) and the peer, batch by batch. Generation happens outside the timed part; the
 * two sides take turns going first so neither always meets the colder caches.
 */
function measureWrites<F extends ReleaseFieldsT | ContactFieldsT>(
  total: number,
  make: (i: number) => F,
  datelineBatch: (rows: readonly PeerRow<F>[]) => void,
  peerBatch: (rows: readonly PeerRow<F>[]) => void,
  idOf: () => string,
  heap: HeapPeak,
): WriteResult {
  let dateline = 0;
  let peer = 0;
  for (let done = 0, b = 0; done < total; b++) {
    const n = Math.min(BATCH, total - done);
    const rows = Array.from({ length: n }, (_, i) => ({ id: idOf(), fields: make(done + i) }));
    heap.sample();
    const timeDateline = (): void => {
      const t = performance.now();
      datelineBatch(rows);
      dateline += performance.now() - t;
    };
    const timePeer = (): void => {
      const t = performance.now();
      peerBatch(rows);
      peer += performance.now() - t;
    };
    if (b % 2 === 0) {
      timeDateline();
      timePeer();
    } else {
      timePeer();
      timeDateline();
    }
    done += n;
  }
  return { datelineRowsPerSec: (total / dateline) * 1000, peerRowsPerSec: (total / peer) * 1000 };
}

/**
 * Fills the rest of the library through the same store path (DocStore.createMany, big
 * transactions). It runs in a child process with a large page cache and no fsync, because
 * only the result is wanted here: that keeps the run short and keeps the fill's memory out of
 * the peak measured in this process.
 */
async function fill(dir: string, releases: number, contacts: number, firstContactNo: number): Promise<void> {
  const lib = await Library.open(dir, { author: AUTHOR });
  lib.db.pragma('cache_size = -262144');
  lib.db.pragma('synchronous = OFF');
  const writer = new Writer(buildVocabulary(), new Rng(2));
  const ctx = { author: AUTHOR };
  const run = <F extends ReleaseFieldsT | ContactFieldsT>(label: string, type: 'release' | 'contact', total: number, make: (i: number) => F): void => {
    const t = performance.now();
    const write = (batch: readonly F[]) => lib.docs.createMany(type, batch.map((fields) => ({ fields })), ctx);
    for (let done = 0; done < total; ) {
      const n = Math.min(FILL_BATCH, total - done);
      write(Array.from({ length: n }, (_, i) => make(done + i)));
      done += n;
    }
    if (total > 0) log(`filled ${total} ${label} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };
  run('releases', 'release', releases, () => makeRelease(writer));
  run('contacts', 'contact', contacts, (i) => makeContact(writer, firstContactNo + i));
  lib.close();
}

function fillInChild(dir: string, releases: number, contacts: number, firstContactNo: number): void {
  const r = spawnSync(process.execPath, [process.argv[1]!, FILL, dir, String(releases), String(contacts), String(firstContactNo)], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`filling the library failed (exit ${String(r.status ?? r.signal)})`);
}

/** Times one Library.open in this (fresh) process and prints it for the parent: the cold-start case. */
async function openProbe(dir: string): Promise<void> {
  const t = performance.now();
  const lib = await Library.open(dir, { author: AUTHOR });
  const ms = performance.now() - t;
  lib.close();
  process.stdout.write(`${JSON.stringify({ ms })}\n`);
}

function freshProcessOpenMs(dir: string): number {
  const r = spawnSync(process.execPath, [process.argv[1]!, OPEN_PROBE, dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`the open probe failed: ${r.stderr}`);
  return (JSON.parse(r.stdout.trim()) as { ms: number }).ms;
}

/**
 * 1. Write throughput, Dateline and the peer on the same rows; then fills the library to its
 * full size. Leaves `libDir` holding the closed library.
 */
async function writeLibrary(
  c: ReturnType<typeof counts>,
  libDir: string,
  vocab: ReturnType<typeof buildVocabulary>,
  queries: readonly BenchQuery[],
  heap: HeapPeak,
  rows: Row[],
): Promise<void> {
  const writer = new Writer(vocab, new Rng(1));
  const lib = await Library.open(libDir, { author: AUTHOR });
  const peer = new RawPeer(join(dirname(libDir), 'peer.sqlite'));
  const ctx = { author: AUTHOR };
  const docs = lib.docs;
  // Batches go through createMany: one transaction per batch, as imports and sync write.
  const datelineReleases = (batch: readonly PeerRow<ReleaseFieldsT>[]) => {
    docs.createMany('release', batch.map((r) => ({ fields: r.fields, id: r.id })), ctx);
  };
  const datelineContacts = (batch: readonly PeerRow<ContactFieldsT>[]) => {
    docs.createMany('contact', batch.map((r) => ({ fields: r.fields, id: r.id })), ctx);
  };
  gc();
  log('writing releases (Dateline and peer)');
  const rel = measureWrites(c.measuredReleases, () => makeRelease(writer), datelineReleases, peer.writeReleases, () => newDocId('release'), heap);
  gc();
  log('writing contacts (Dateline and peer)');
  let contactNo = 0;
  const con = measureWrites(c.measuredContacts, () => makeContact(writer, contactNo++), datelineContacts, peer.writeContacts, () => newDocId('contact'), heap);
  for (const [label, r] of [['releases', rel], ['contacts', con]] as const) {
    const ratio = r.datelineRowsPerSec / r.peerRowsPerSec;
    rows.push({
      measure: `write ${label} (rows/s)`,
      dateline: fmt.int(r.datelineRowsPerSec),
      peer: fmt.int(r.peerRowsPerSec),
      ratio: fmt.ratio(ratio),
      goal: '>= 0.50x peer',
      result: ratio >= 0.5 ? 'pass' : 'FAIL',
    });
  }

  // Both sides now hold the same documents: their indexes must answer alike, or the peer
  // is not indexing the same text and the comparison is off.
  const mismatches = queries
    .map((q) => ftsQuery(q.text))
    .filter((m): m is string => m !== null)
    .filter((_, i) => i % 5 === 0)
    .filter((m) => peer.matchCount(m) !== (lib.db.prepare('SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH ?').get(m) as { n: number }).n);
  if (mismatches.length > 0) log(`WARNING: the peer's index differs from the library's for ${mismatches.length} queries, e.g. ${mismatches[0]}`);
  peer.close();

  lib.close();
  fillInChild(libDir, c.releases - c.measuredReleases, c.contacts - c.measuredContacts, contactNo);
}

async function main(): Promise<void> {
  const s = scale();
  const c = counts(s);
  const root = mkdtempSync(join(tmpdir(), 'dateline-bench-'));
  const libDir = join(root, 'library');
  const heap = new HeapPeak();
  const rows: Row[] = [];
  log(`scale ${s}: ${c.releases} releases, ${c.contacts} contacts (writes measured on ${c.measuredReleases} + ${c.measuredContacts}); in ${root}`);
  try {
    const vocab = buildVocabulary();
    // Generated documents must be ones Dateline would accept, or the numbers mean nothing.
    for (let i = 0; i < 20; i++) {
      ReleaseFields.parse(makeRelease(new Writer(vocab, new Rng(1000 + i))));
      ContactFields.parse(makeContact(new Writer(vocab, new Rng(2000 + i)), i));
    }

    const queries = buildQueries(vocab);
    const cacheDir = process.env.BENCH_LIBRARY_CACHE;
    const cached = cacheDir ? join(cacheDir, `library-scale-${s}-v${LATEST_VERSION}.sqlite`) : null;
    if (cached !== null && existsSync(cached)) {
      mkdirSync(libDir);
      copyFileSync(cached, join(libDir, DB_FILE));
      log(`started from the cached library ${cached}; writes not measured`);
    } else {
      await writeLibrary(c, libDir, vocab, queries, heap, rows);
      if (cached !== null) {
        mkdirSync(cacheDir!, { recursive: true });
        copyFileSync(join(libDir, DB_FILE), cached);
        log(`cached the library as ${cached}`);
      }
    }
    const size = statSync(join(libDir, DB_FILE)).size;
    log(`library is ${fmt.mb(size)}`);

    // 2. Library open time: in fresh processes (what starting the app or the CLI pays) and,
    // for comparison, repeated in this process. Closed between opens.
    gc();
    const fresh = Array.from({ length: OPENS }, () => freshProcessOpenMs(libDir));
    const inProcess: number[] = [];
    for (let i = 0; i < OPENS; i++) {
      const t = performance.now();
      const l = await Library.open(libDir, { author: AUTHOR });
      inProcess.push(performance.now() - t);
      l.close();
    }
    for (const [label, samples] of [
      ['Library.open, fresh process (median)', fresh],
      ['Library.open, same process (median)', inProcess],
    ] as const) {
      const m = median(samples);
      rows.push({ measure: label, dateline: fmt.ms(m), peer: '', ratio: '', goal: '<= 150 ms', result: m <= 150 ? 'pass' : 'FAIL' });
    }
    log(`open times: fresh ${fresh.map((x) => x.toFixed(0)).join(', ')} ms; same process ${inProcess.map((x) => x.toFixed(0)).join(', ')} ms`);

    // 3. Search. Dateline: searchLibrary (checks the catch-up queue; counts each word's matches,
    // scores the rows listed as best for the query's words from their kept text and proves the
    // page against the bound of all other rows; when the proof fails, has FTS5 rank every match
    // by bm25 and joins the best 20 + 40 to their document for type, trash and the tie-break by
    // release date; reads the titles). Raw peer: the bare FTS5 query with the same MATCH string
    // and the same full bm25 ranking (ORDER BY rank LIMIT 20), nothing joined, no lists. Both on
    // the library's own connection, so the same page cache (32 MiB, cache_size = -32768 as
    // Library.open sets it), warmed by one pass over every query; then rounds that alternate
    // which goes first. A word that became frequent after the lists were built gets its list in
    // that first pass (a list made on first search, kept up to date by writes from then on);
    // before that, the background job has listed every word grown frequent (a library filled by
    // writes has none of its lists until then; a cached library has those of migration 7).
    const lib = await Library.open(libDir, { author: AUTHOR });
    const listedKeys = lib.db.prepare<[], number>('SELECT count(*) FROM search_best_key').pluck();
    rows.push(...growListsToTheEnd(lib, listedKeys));
    const raw = lib.db.prepare<[string], { rowid: number; rank: number }>('SELECT rowid, rank FROM search_fts WHERE search_fts MATCH ? ORDER BY rank LIMIT 20');
    const searchable = queries.map((q) => ({ ...q, match: ftsQuery(q.text) })).filter((q): q is typeof q & { match: string } => q.match !== null);
    const keysBefore = listedKeys.get() ?? 0;
    // A page is right when its scores are the raw ranking's top 20 scores, in order (documents
    // with equal scores may be ordered differently: Dateline breaks ties by release date).
    let differing = 0;
    let proven = 0;
    for (const q of searchable) {
      const ours = searchLibrary(lib.db, q.text, { limit: 20, onPath: (p) => (proven += p === 'best-rows' ? 1 : 0) }).map((h) => h.score);
      const theirs = raw.all(q.match).map((r) => r.rank);
      if (ours.length !== theirs.length || ours.some((x, i) => Math.abs(x - theirs[i]!) > 1e-9)) differing++;
    }
    const keysMade = (listedKeys.get() ?? 0) - keysBefore;
    gc();
    const tDateline: number[] = [];
    const tRaw: number[] = [];
    const perQuery = new Map<string, number[]>();
    for (let round = 0; round < SEARCH_ROUNDS; round++) {
      searchable.forEach((q, i) => {
        const timeDateline = (): void => {
          const t = performance.now();
          searchLibrary(lib.db, q.text, { limit: 20 });
          const ms = performance.now() - t;
          tDateline.push(ms);
          perQuery.set(q.text, [...(perQuery.get(q.text) ?? []), ms]);
        };
        const timeRaw = (): void => {
          const t = performance.now();
          raw.all(q.match);
          tRaw.push(performance.now() - t);
        };
        if ((i + round) % 2 === 0) {
          timeDateline();
          timeRaw();
        } else {
          timeRaw();
          timeDateline();
        }
      });
    }
    heap.sample();
    const p50 = percentile(tDateline, 50);
    const p95 = percentile(tDateline, 95);
    const r50 = percentile(tRaw, 50);
    const r95 = percentile(tRaw, 95);
    rows.push({ measure: `search p50 (${searchable.length} queries x ${SEARCH_ROUNDS})`, dateline: fmt.ms(p50), peer: fmt.ms(r50), ratio: fmt.ratio(p50 / r50), goal: '', result: 'info' });
    rows.push({
      measure: 'search p95',
      dateline: fmt.ms(p95),
      peer: fmt.ms(r95),
      ratio: fmt.ratio(p95 / r95),
      goal: '<= 20 ms and <= 1.50x raw',
      result: p95 <= 20 && p95 / r95 <= 1.5 ? 'pass' : 'FAIL',
    });
    rows.push({
      measure: 'search: queries whose top 20 differs from the full raw ranking',
      dateline: fmt.int(differing),
      peer: '',
      ratio: '',
      goal: '0',
      result: differing === 0 ? 'pass' : 'FAIL',
    });
    rows.push({
      measure: 'search: pages proven from the lists of best rows',
      dateline: `${fmt.int(proven)} of ${fmt.int(searchable.length)}`,
      peer: '',
      ratio: '',
      goal: `lists made on first search: ${fmt.int(keysMade)}`,
      result: 'info',
    });
    const countStmt = lib.db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH ?');
    const matches = searchable.map((q) => countStmt.get(q.match)?.n ?? 0);
    rows.push({
      measure: 'search: documents matched per query',
      dateline: `median ${fmt.int(median(matches))}`,
      peer: '',
      ratio: '',
      goal: `max ${fmt.int(Math.max(...matches))}`,
      result: 'info',
    });
    const slowest = [...perQuery.entries()].map(([q, ts]) => [q, median(ts)] as const).sort((a, b) => b[1] - a[1]).slice(0, 5);
    // Where their time goes: finding the matches alone (no ranking) against the whole search.
    const matchOnly = (q: string): number => {
      const m = ftsQuery(q)!;
      return median([0, 1, 2].map(() => {
        const t = performance.now();
        countStmt.get(m);
        return performance.now() - t;
      }));
    };
    log(
      `slowest queries (median ms): ${slowest
        .map(([q, ms]) => `"${q}" ${ms.toFixed(1)} (${fmt.int(countStmt.get(ftsQuery(q)!)?.n ?? 0)} matches, found without ranking in ${matchOnly(q).toFixed(1)})`)
        .join('; ')}`,
    );
    log('writing into the full library with and without its lists of best rows');
    rows.push(...benchListUpkeep(lib, new Writer(vocab, new Rng(3)), 10_000_000));
    lib.close();

    // 4. Memory: the process high-water mark (both sides and the generator included) and heap.
    heap.sample();
    rows.push({ measure: 'peak RSS (maxRSS, whole process)', dateline: fmt.mb(process.resourceUsage().maxRSS * 1024), peer: '', ratio: '', goal: '', result: 'info' });
    rows.push({ measure: 'peak heap used (sampled)', dateline: fmt.mb(heap.bytes), peer: '', ratio: '', goal: '', result: 'info' });
    rows.push({ measure: 'library file size', dateline: fmt.mb(size), peer: '', ratio: '', goal: '', result: 'info' });

    process.stdout.write(`\nDateline benchmark: ${fmt.int(c.releases)} releases, ${fmt.int(c.contacts)} contacts (BENCH_SCALE=${s})\n\n${formatTable(rows)}\n`);
  } finally {
    if (process.env.BENCH_KEEP === '1') log(`kept ${libDir}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[2] === OPEN_PROBE) {
  await openProbe(process.argv[3]!);
} else if (process.argv[2] === CONTACTS_CHILD) {
  await contactsImportChild(process.argv[3]!, process.argv[4]!);
} else if (process.argv[2] === SYNC_PULL_CHILD) {
  await syncPullChild(process.argv[3]!);
} else if (process.argv[2] === FILL) {
  const [dir, releases, contacts, first] = process.argv.slice(3);
  await fill(dir!, Number(releases), Number(contacts), Number(first));
} else {
  // BENCH_ONLY=library|import|kit|contacts|replication|sync runs one part (the whole run takes a few minutes).
  const only = process.env.BENCH_ONLY;
  if (!only || only === 'library') await main();
  if (!only || only === 'import') await sectionTable('Release import (through the sandboxed worker)', benchImport);
  if (!only || only === 'contacts') await sectionTable('Contacts: CSV import and single writes', () => benchContacts(scale()));
  if (!only || only === 'replication') await sectionTable('Replication (documents written elsewhere, pulled into the library)', () => benchReplication(scale()));
  if (!only || only === 'kit') await sectionTable('Press kit exports (reference kit: 10 releases, 2 in Arabic, 20 photos of about 3 MB)', benchKit);
  if (!only || only === 'sync') await sectionTable('Sync with pouchdb-server (Dateline library and PouchDB 9 in the same run)', () => benchSync(scale()));
  log('done');
}

/**
 * The background job that lists words grown frequent (search/grow-lists.ts), run to its end
 * step after step as the app runs it between calls: its whole time, and its longest step (what
 * a search or a write arriving meanwhile may wait).
 */
function growListsToTheEnd(lib: Library, listedKeys: { get(): number | undefined }): Row[] {
  log('listing the words grown frequent (the background job, to its end)');
  const before = listedKeys.get() ?? 0;
  let steps = 0;
  let longest = 0;
  // On a shared machine a step's wall time includes waiting for a core; its CPU time does not.
  let longestCpu = 0;
  const phase = lib.db.prepare<[], string>('SELECT phase FROM search_best_job').pluck();
  const byPhase = new Map<string, { steps: number; ms: number; longest: number }>();
  const t0 = performance.now();
  for (let done = false; !done; steps++) {
    const p = phase.get() ?? '';
    const t = performance.now();
    const cpu = process.cpuUsage();
    done = growBestLists(lib.db) === 'idle';
    const ms = performance.now() - t;
    const used = process.cpuUsage(cpu);
    longest = Math.max(longest, ms);
    longestCpu = Math.max(longestCpu, (used.user + used.system) / 1000);
    const e = byPhase.get(p) ?? { steps: 0, ms: 0, longest: 0 };
    byPhase.set(p, { steps: e.steps + 1, ms: e.ms + ms, longest: Math.max(e.longest, ms) });
  }
  log(`background lists by phase: ${[...byPhase].map(([p, e]) => `${p} ${e.steps} steps ${e.ms.toFixed(0)} ms (longest ${e.longest.toFixed(0)})`).join('; ')}`);
  const total = performance.now() - t0;
  const made = (listedKeys.get() ?? 0) - before;
  log(`background lists: ${made} made in ${(total / 1000).toFixed(1)} s, ${steps} steps, longest ${longest.toFixed(0)} ms (CPU ${longestCpu.toFixed(0)} ms)`);
  return [
    {
      measure: 'lists of best rows made in the background after the writes (whole job)',
      dateline: total >= 10_000 ? `${(total / 1000).toFixed(1)} s` : fmt.ms(total),
      peer: '',
      ratio: '',
      goal: `${fmt.int(made)} lists, ${fmt.int(steps)} steps`,
      result: 'info',
    },
    { measure: 'lists of best rows in the background: longest step', dateline: fmt.ms(longest), peer: '', ratio: '', goal: `CPU ${fmt.ms(longestCpu)}`, result: 'info' },
  ];
}

/** Prints another part's measurements as a table of the same shape. */
async function sectionTable(title: string, run: () => Promise<BenchRow[]>): Promise<void> {
  const rows: Row[] = (await run()).map((r) => ({
    measure: r.measure,
    dateline: r.value,
    peer: r.peer ?? '',
    ratio: r.ratio ?? '',
    goal: r.goal ?? '',
    result: r.pass === undefined ? 'info' : r.pass ? 'pass' : 'FAIL',
  }));
  process.stdout.write(`\n${title}\n\n${formatTable(rows)}\n`);
}
