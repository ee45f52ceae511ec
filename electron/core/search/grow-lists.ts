import type Database from 'better-sqlite3';
import { z } from 'zod';
import { entryTokens, isPlainToken, keyFrequencies, keysOfTokens, MIN_KEY } from './bm25';
import { averageLength, bumpGeneration, FREQUENT_KEY_ROWS, indexTotals, saveStatements } from './champions';
import { catchUpSearch } from './index-writer';
import { Listing } from './listing';

/**
 * Lists, in the background, the words that became frequent after the lists of best rows were
 * built (champions.ts): a library filled by imports and sync alone would otherwise rank its
 * common words in full forever. One call does one short step and returns; the job's place is
 * kept in `search_best_job` (migration 10), so a restart resumes it.
 *
 * 1. scan: when the index has grown by a tenth since the last scan, FTS5's vocabulary is read in
 *    order, about 40 ms a step (the counts of the last term's beginnings kept with the place); a word beginning whose terms are in FREQUENT_KEY_ROWS rows or
 *    more (summed per term: an overcount for rows holding two of them, which only lists a word
 *    a little early) and that has no list becomes a draft.
 * 2. build: the kept text of every entry is read in rowid order, about 40 ms a step, into each
 *    draft's Listing; the drafts are saved every `checkpointRows` entries (over as many steps as
 *    that takes), then the place reached.
 * 3. save: the lists are written a few hundred a step. Entries written since the build began
 *    (the changes after `since_seq`; the catch-up queue is empty when it begins and when a
 *    list is saved) are read again into the listing first, so a saved list and its bound hold
 *    for every row as it is now; from then on writes keep it up (noteIndexed).
 * A list is used only once saved. A rebuild of the index (clearBestLists) sets the job back.
 */

/** A scan begins once the index has this many more rows than when the last one began: FREQUENT_KEY_ROWS, or a tenth if more. */
export const SCAN_GROWTH = 0.1;

export interface GrowOptions {
  /** A step stops at the first place it can once it has run this long (milliseconds). */
  stepMs?: number;
  /** Vocabulary terms read per scan step at most (2,000: about 25 ms at 250,000 documents). */
  scanTerms?: number;
  /** Entries read per build step at most. */
  buildRows?: number;
  /** Entries read between two saves of the drafts. */
  checkpointRows?: number;
  /** Lists written per save step at most. */
  saveKeys?: number;
  /** With this many drafts or fewer, a build reads only the entries holding one (MATCHED_BUILD_MAX_KEYS). */
  matchedMaxKeys?: number;
}

/**
 * With this many drafts or fewer, the pass reads only the entries holding one of them (FTS5
 * finds them, in rowid order, from the job's place on); with more, it reads every entry in
 * rowid order, which then costs less. Measured at 250,000 entries (CPU time of the pass):
 * 12 words 4.9 s reading their matches; 24 words 7.7 s against 9.2 s for every entry; 48
 * words 13.6 s against 10.6 s.
 */
const MATCHED_BUILD_MAX_KEYS = 32;

// A release's entry takes about 0.2 ms to read into a few hundred drafts (0.9 ms on a busy
// machine): a thousand in one step kept searches waiting up to 900 ms.
const DEFAULTS: Required<GrowOptions> = { stepMs: 40, scanTerms: 2000, buildRows: 1000, checkpointRows: 20_000, saveKeys: 200, matchedMaxKeys: MATCHED_BUILD_MAX_KEYS };
/** Entries read at a time within a build step, between two looks at the clock (50 let a step run 170 ms on the busy machine). */
const BUILD_BATCH = 10;

/** A MATCH expression for the rows holding a token that starts with one of `keys` (a key starting with another adds nothing). */
function matchingAny(keys: readonly string[]): string {
  const sorted = [...keys].sort();
  const kept: string[] = [];
  for (const k of sorted) if (kept.length === 0 || !k.startsWith(kept[kept.length - 1]!)) kept.push(k);
  return kept.map((k) => `"${k}"*`).join(' OR ');
}

type Phase = 'idle' | 'scan' | 'build' | 'save';

interface Job {
  build: number;
  phase: Phase;
  scanned_rows: number;
  scan_rows: number;
  after_term: string;
  /** Rows counted so far for each beginning of `after_term`, by length (a scan may stop inside a group of terms). */
  term_rows: string;
  after_rowid: number;
  since_seq: number;
  avgdl: number;
}

/** A build in memory, ahead of its last checkpoint (`saved`). */
interface Building {
  build: number;
  saved: number;
  at: number;
  readSinceSave: number;
  listings: Map<string, Listing>;
  keysOf: (token: string) => readonly string[] | null;
  /**
   * Drafts still to be saved at `at` before the job's place moves there (null: none). A
   * checkpoint of thousands of drafts took a third of a second, so it spans steps; a restart
   * in between reads some entries again into drafts saved past them, which only lists a row
   * twice, never leaves one out.
   */
  flushing: string[] | null;
  /** Whether the pass over the entries ended at `at` (the lists are saved next). */
  passDone: boolean;
  /** The changes (by seq) read again into the listings so far while saving (see saveStep). */
  reread: number;
  /** The MATCH expression of the drafts when the pass reads only the entries holding one of them (null: every entry). */
  matching: string | null;
}

const building = new WeakMap<Database.Database, Building>();

const DraftState = z.object({
  rows: z.array(z.tuple([z.number(), z.number(), z.number()])),
  out: z.array(z.tuple([z.number(), z.number()])),
});

export function hasListGrowth(db: Database.Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'search_best_job'").get() !== undefined;
}

function readJob(db: Database.Database): Job {
  return db.prepare<[], Job>('SELECT build, phase, scanned_rows, scan_rows, after_term, term_rows, after_rowid, since_seq, avgdl FROM search_best_job').get()!;
}

function setJob(db: Database.Database, change: Partial<Job>): void {
  const cols = Object.keys(change);
  db.prepare(`UPDATE search_best_job SET ${cols.map((c) => `${c} = @${c}`).join(', ')}`).run(change);
}

/** Whether the job's row is still the one `job` was read from (another connection or a rebuild may have moved it). */
function same(db: Database.Database, job: Job): boolean {
  const now = readJob(db);
  return now.build === job.build && now.phase === job.phase && now.after_rowid === job.after_rowid && now.after_term === job.after_term;
}

/**
 * One step of the job: 'working' when there is more to do (call again, after letting other
 * work run), 'idle' when the lists are complete for the index as it is.
 */
export function growBestLists(db: Database.Database, options: GrowOptions = {}): 'idle' | 'working' {
  if (!hasListGrowth(db)) return 'idle';
  const opts = { ...DEFAULTS, ...options };
  const job = readJob(db);
  if (job.phase === 'idle' || job.phase === 'scan') building.delete(db);
  switch (job.phase) {
    case 'idle':
      return startScan(db, job);
    case 'scan':
      scanStep(db, job, opts);
      return 'working';
    case 'build':
      buildStep(db, job, opts);
      return 'working';
    case 'save':
      saveStep(db, job, opts);
      return 'working';
  }
}

function startScan(db: Database.Database, job: Job): 'idle' | 'working' {
  const rows = indexTotals(db).rows;
  if (rows - job.scanned_rows < Math.max(FREQUENT_KEY_ROWS, job.scanned_rows * SCAN_GROWTH)) return 'idle';
  write(db, () => {
    if (same(db, job)) setJob(db, { phase: 'scan', scan_rows: rows, after_term: '', term_rows: '[]' });
  });
  return 'working';
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

const TermRows = z.array(z.number());

/**
 * Reads the next terms of the vocabulary, in order, and drafts the frequent keys without a
 * list. A key's count is complete once a term no longer starts with it; the counts of the
 * last term's beginnings are kept with the job's place, so the next step goes on with them.
 */
function scanStep(db: Database.Database, job: Job, opts: Required<GrowOptions>): void {
  const until = performance.now() + opts.stepMs;
  db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab(main, search_fts, row)');
  const terms = db.prepare<[string], [string, number]>('SELECT term, doc FROM temp.search_vocab WHERE term > ?').raw();
  const listed = db.prepare<[string], number>('SELECT 1 FROM search_best_key WHERE key = ?').pluck();
  const found: string[] = [];
  // Rows per beginning of the last term read, by length (an overcount, see above).
  let saved: unknown = null;
  try {
    saved = JSON.parse(job.term_rows);
  } catch {
    // Counted again from the next term: at worst a word is drafted at the next scan.
  }
  const kept = TermRows.safeParse(saved);
  let prev = kept.success ? job.after_term : '';
  const rows: number[] = kept.success ? kept.data : [];
  let read = 0;
  let complete = true;
  const close = (keep: number): void => {
    for (let n = prev.length; n >= Math.max(keep + 1, MIN_KEY); n--) {
      const key = prev.slice(0, n);
      if (rows[n]! >= FREQUENT_KEY_ROWS && isPlainToken(key) && listed.get(key) === undefined) found.push(key);
    }
  };
  for (const [term, docs] of terms.iterate(job.after_term)) {
    if (read > 0 && (read >= opts.scanTerms || performance.now() > until)) {
      complete = false;
      break;
    }
    const p = commonPrefix(prev, term);
    close(p);
    for (let n = 0; n <= term.length; n++) rows[n] = n < MIN_KEY ? 0 : n <= p ? rows[n]! + docs : docs;
    rows.length = term.length + 1;
    prev = term;
    read++;
  }
  if (complete) close(0);
  write(db, () => {
    if (!same(db, job)) return;
    const draft = db.prepare<[string]>('INSERT OR IGNORE INTO search_best_draft(key, state) VALUES (?, NULL)');
    for (const k of found) draft.run(k);
    if (!complete) setJob(db, { after_term: prev, term_rows: JSON.stringify(rows) });
    else if (db.prepare('SELECT EXISTS (SELECT 1 FROM search_best_draft)').pluck().get() === 1) {
      // The build's starting point is taken by its first step, once the catch-up queue is empty.
      setJob(db, { phase: 'build', build: job.build + 1, after_rowid: 0, since_seq: -1, after_term: '', term_rows: '[]' });
    } else setJob(db, { phase: 'idle', scanned_rows: job.scan_rows, after_term: '', term_rows: '[]' });
  });
}

/** The build in memory, or read back from the drafts (after a restart, or when another connection moved the job). */
function current(db: Database.Database, job: Job, maxMatchedKeys: number): Building {
  const b = building.get(db);
  if (b !== undefined && b.build === job.build && b.saved === job.after_rowid) return b;
  const listings = new Map<string, Listing>();
  for (const r of db.prepare<[], { key: string; state: string | null }>('SELECT key, state FROM search_best_draft').all()) {
    const state = r.state === null ? null : DraftState.safeParse(JSON.parse(r.state));
    if (state !== null && !state.success) {
      // A draft that cannot be read: the build starts over rather than trust it.
      write(db, () => {
        db.exec('UPDATE search_best_draft SET state = NULL');
        setJob(db, { build: job.build + 1, after_rowid: 0, since_seq: -1 });
      });
      return current(db, readJob(db), maxMatchedKeys);
    }
    listings.set(r.key, state === null ? new Listing(job.avgdl) : Listing.resume(job.avgdl, state.data));
  }
  const fresh: Building = {
    build: job.build,
    saved: job.after_rowid,
    at: job.after_rowid,
    readSinceSave: 0,
    listings,
    keysOf: keysOfTokens((k) => listings.has(k)),
    flushing: null,
    passDone: false,
    reread: job.since_seq,
    matching: listings.size <= maxMatchedKeys ? matchingAny([...listings.keys()]) : null,
  };
  building.set(db, fresh);
  return fresh;
}

/** Whether the catch-up queue is empty: every document changed up to now is in the index. */
const queueEmpty = (db: Database.Database): boolean => db.prepare('SELECT EXISTS (SELECT 1 FROM search_pending)').pluck().get() === 0;

/**
 * Documents indexed per transaction when the job catches the index up: a release takes 0.5–1.6
 * ms to index in a full library, and the 500 a search indexes at once ran a step past 100 ms.
 */
const CATCH_UP_SLICE = 16;

/** Catches the index up until the step's time is up (short transactions), then whether the queue is empty. */
function caughtUp(db: Database.Database, until: number): boolean {
  catchUpSearch(db, { batch: CATCH_UP_SLICE, until });
  return queueEmpty(db);
}

/** Runs `step` in a write transaction; a failure forgets the build in memory (the drafts on disk are read again). */
function write(db: Database.Database, step: () => void): void {
  try {
    db.transaction(step).immediate();
  } catch (e) {
    building.delete(db);
    throw e;
  }
}

const lastSeq = (db: Database.Database): number => db.prepare<[], number>('SELECT coalesce(max(seq), 0) FROM changes').pluck().get()!;

/** Adds an entry's key frequencies to the listings of the keys it holds (an odd entry is in search_odd already). */
function addEntry(b: Building, rowid: number, title: string, body: string): void {
  const tokens = entryTokens(title, body);
  if (tokens === null) return;
  // A key saved already is no longer in the listings (keysOf remembers it still).
  for (const [k, f] of keyFrequencies(tokens, b.keysOf)!) b.listings.get(k)?.add(rowid, f, tokens.length);
}

function buildStep(db: Database.Database, job: Job, opts: Required<GrowOptions>): void {
  if (job.since_seq < 0) {
    if (!caughtUp(db, performance.now() + opts.stepMs)) return;
    write(db, () => {
      if (same(db, job) && queueEmpty(db)) setJob(db, { since_seq: lastSeq(db), avgdl: averageLength(db) });
    });
    return;
  }
  const b = current(db, job, opts.matchedMaxKeys);
  const until = performance.now() + opts.stepMs;
  if (b.flushing !== null) {
    flush(db, job, b, until);
    return;
  }
  const { read, passDone } = b.matching === null ? readEvery(db, b, opts, until) : readMatching(db, b, opts, until);
  b.readSinceSave += read;
  if (passDone || b.readSinceSave >= opts.checkpointRows) {
    b.flushing = [...b.listings.keys()];
    b.passDone = passDone;
    flush(db, job, b, until);
  }
}

interface Read {
  read: number;
  passDone: boolean;
}

/** Reads the next entries in rowid order, a batch at a time, until the step's time or `buildRows` is reached. */
function readEvery(db: Database.Database, b: Building, opts: Required<GrowOptions>, until: number): Read {
  const next = db.prepare<[number, number], { doc_rowid: number; title: string; body: string }>(
    'SELECT doc_rowid, title, body FROM search_text WHERE doc_rowid > ? ORDER BY doc_rowid LIMIT ?',
  );
  let read = 0;
  // At least one batch a step, however short the step's time.
  do {
    const want = Math.min(BUILD_BATCH, opts.buildRows - read);
    const entries = next.all(b.at, want);
    for (const e of entries) addEntry(b, e.doc_rowid, e.title, e.body);
    if (entries.length > 0) b.at = entries[entries.length - 1]!.doc_rowid;
    read += entries.length;
    if (entries.length < want) return { read, passDone: true };
  } while (read < opts.buildRows && performance.now() <= until);
  return { read, passDone: false };
}

/**
 * Reads the next entries holding a drafted key, in rowid order: the others add nothing to any
 * draft. One FTS5 query a step (a prefix's matches are gathered once per query, so a query
 * per batch would gather them again and again).
 */
function readMatching(db: Database.Database, b: Building, opts: Required<GrowOptions>, until: number): Read {
  const next = db.prepare<[string, number], { doc_rowid: number; title: string; body: string }>(
    'SELECT s.doc_rowid, s.title, s.body FROM search_fts f CROSS JOIN search_text s ON s.doc_rowid = f.rowid WHERE search_fts MATCH ? AND f.rowid > ? ORDER BY f.rowid',
  );
  let read = 0;
  for (const e of next.iterate(b.matching!, b.at)) {
    addEntry(b, e.doc_rowid, e.title, e.body);
    b.at = e.doc_rowid;
    read++;
    if (read >= opts.buildRows || (read % BUILD_BATCH === 0 && performance.now() > until)) return { read, passDone: false };
  }
  return { read, passDone: true };
}

/**
 * Saves drafts at the place reached until the step's time is up; once all are saved, moves the
 * job's place there (after the last entry, on to saving the lists).
 */
function flush(db: Database.Database, job: Job, b: Building, until: number): void {
  write(db, () => {
    if (!same(db, job)) return;
    const put = db.prepare<[string, string]>('UPDATE search_best_draft SET state = ? WHERE key = ?');
    const left = b.flushing!;
    while (left.length > 0) {
      const k = left.pop()!;
      put.run(JSON.stringify(b.listings.get(k)!.state()), k);
      if (performance.now() > until) break;
    }
    if (left.length > 0) return;
    setJob(db, b.passDone ? { phase: 'save', after_rowid: b.at } : { after_rowid: b.at });
    b.saved = b.at;
    b.readSinceSave = 0;
    b.flushing = null;
  });
}

/** Changes read again per query while saving, between two looks at the clock. */
const REREAD_BATCH = 20;

/**
 * Reads again into every listing the entries changed since the build began (or since the last
 * slice), as they are now, until `until`; whether all are read. A row read twice (changed
 * again meanwhile) may leave its older self in a listing or the bound, which only makes the
 * bound looser, never leaves a row out.
 */
function reread(db: Database.Database, b: Building, until: number): boolean {
  const changed = db.prepare<[number, number], { seq: number; doc_rowid: number | null; title: string | null; body: string | null }>(
    'SELECT c.seq, s.doc_rowid, s.title, s.body FROM changes c LEFT JOIN search_text s ON s.doc_rowid = c.doc_rowid WHERE c.seq > ? ORDER BY c.seq LIMIT ?',
  );
  for (;;) {
    const rows = changed.all(b.reread, REREAD_BATCH);
    for (const e of rows) if (e.doc_rowid !== null) addEntry(b, e.doc_rowid, e.title!, e.body!);
    if (rows.length > 0) b.reread = rows[rows.length - 1]!.seq;
    if (rows.length < REREAD_BATCH) return true;
    if (performance.now() > until) return false;
  }
}

function saveStep(db: Database.Database, job: Job, opts: Required<GrowOptions>): void {
  const until = performance.now() + opts.stepMs;
  if (!caughtUp(db, until)) return;
  const b = current(db, job, opts.matchedMaxKeys);
  // Most of the changes are read again before the transaction, a slice a step; what is
  // written between two steps is read again inside it.
  if (!reread(db, b, until)) return;
  write(db, () => {
    if (!same(db, job) || !queueEmpty(db)) return;
    const keys = [...b.listings.keys()].slice(0, opts.saveKeys);
    if (keys.length === 0) {
      db.exec('DELETE FROM search_best_draft');
      setJob(db, { phase: 'idle', scanned_rows: job.scan_rows, after_rowid: 0 });
      building.delete(db);
      return;
    }
    reread(db, b, Infinity);
    const listed = db.prepare<[string], number>('SELECT 1 FROM search_best_key WHERE key = ?').pluck();
    const drop = db.prepare<[string]>('DELETE FROM search_best_draft WHERE key = ?');
    const save = saveStatements(db);
    for (const k of keys) {
      // A search may have listed it meanwhile (a word in few rows); that list is kept up already.
      if (listed.get(k) === undefined) b.listings.get(k)!.save(k, save.list, save.bound);
      drop.run(k);
      b.listings.delete(k);
      if (performance.now() > until) break;
    }
    bumpGeneration(db);
  });
}
