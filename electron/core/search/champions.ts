import type Database from 'better-sqlite3';
import { decodeTotals, entryTokens, isPlainText, keyFrequencies, keysOfTokens, termWeight, tokenKeys, type IndexTotals } from './bm25';
import type { SearchEntry } from './entry';
import { ListedKeys } from './listed-keys';
import { Listing, type Bound } from './listing';

/**
 * The side index that lets a search score a few hundred rows instead of every match, and
 * still prove its page is the top of the full bm25 ranking (query.ts).
 *
 * For each frequent key (a beginning of at least three characters of an indexed token; it
 * stands for every token starting with it) `search_best` lists the rows that score best for
 * it, and `search_best_key` keeps a bound on every other row holding it: a short list of
 * (frequency, row length) points such that each unlisted row has at most one point's
 * frequency and at least its length. A phrase's weight grows with its frequency and falls
 * with the row's length whatever the average length, so the best point's weight at the
 * current average bounds every unlisted row, however much the library has changed since.
 *
 * Writes keep this true: a row written later that no point bounds is added to the list of
 * that key. Removals change nothing (a list may name rows that no longer hold the key, or no
 * longer exist; a search scores them from their current text). Rows whose text has a token
 * FTS5 may split differently ("odd" rows, see bm25.ts) are listed in `search_odd` instead;
 * a search checks them apart. Only a rebuild chooses lists and bounds afresh.
 */

/** Keys in fewer rows than this get no list: ranking all their matches is cheap enough. */
export const FREQUENT_KEY_ROWS = 1500;
/**
 * A search builds a missing list only for a key in at most this many rows. Building reads every
 * matching row's text once (about 0.16 ms a row: 33 s for a key in all 200,000 contacts of the
 * bench library), and the search waits for it; past this a search ranks every match as it did
 * before the lists. Bigger keys get their lists from a rebuild (migration 7) and keep them up
 * through writes once listed.
 */
export const LAZY_LIST_MAX_ROWS = 6000;
export type { Bound };

/** The highest weight any row bounded by `bound` can have at average length `avgdl`. */
export function boundWeight(bound: Bound, avgdl: number): number {
  let w = 0;
  for (const [f, d] of bound) w = Math.max(w, termWeight(f, d, avgdl));
  return w;
}

/** The row and token totals bm25 reads, from FTS5's averages record (none yet in an empty index). */
export function indexTotals(db: Database.Database): IndexTotals {
  const block = db.prepare<[], Buffer>('SELECT block FROM search_fts_data WHERE id = 1').pluck().get();
  return block === undefined ? { rows: 0, tokens: 0 } : decodeTotals(block, 2);
}

/**
 * The highest weight a row of length `d` not listed under the key can have: the highest
 * frequency of a point no longer than the row; with no such point, as if every token were
 * the word (the row should then be listed; this keeps the bound safe regardless).
 */
export function boundWeightAt(bound: Bound, d: number, avgdl: number): number {
  let f = 0;
  for (const [bf, bd] of bound) if (bd <= d) f = Math.max(f, bf);
  return termWeight(f === 0 ? d : Math.min(f, d), d, avgdl);
}

interface Writer {
  generation: number;
  keys: ListedKeys;
  list: Database.Statement<[string, number]>;
  odd: Database.Statement<[number]>;
  current: Database.Statement<[], number>;
}

const writers = new WeakMap<Database.Database, Writer>();

function hasSideIndex(db: Database.Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'search_best_key'").get() !== undefined;
}

function loadKeys(db: Database.Database): ListedKeys {
  const rows = db.prepare<[], { key: string; bound: string }>('SELECT key, bound FROM search_best_key').all();
  return new ListedKeys(rows.map((r) => [r.key, JSON.parse(r.bound) as Bound] as const));
}

/** This connection's writer, its keys reloaded when another connection (or a build) changed them. */
function writer(db: Database.Database): Writer | null {
  let w = writers.get(db);
  if (w === undefined) {
    // Not remembered for a library before schema 7: its migration may be about to add the tables.
    if (!hasSideIndex(db)) return null;
    w = {
      generation: -1,
      keys: new ListedKeys([]),
      list: db.prepare('INSERT OR IGNORE INTO search_best(key, doc_rowid) VALUES (?, ?)'),
      odd: db.prepare('INSERT OR IGNORE INTO search_odd(doc_rowid) VALUES (?)'),
      current: db.prepare<[], number>('SELECT generation FROM search_best_state').pluck(),
    };
    writers.set(db, w);
  }
  const g = w.current.get() ?? 0;
  if (g !== w.generation) {
    w.keys = loadKeys(db);
    w.generation = g;
  }
  return w;
}

/**
 * Keeps the side index true for an entry just added to the full-text index: lists the row
 * under each key whose bound does not cover it; an odd row goes to `search_odd`. Nothing for a
 * library before schema 7. The entry's tokens are the ones its text was joined from.
 */
export function noteIndexed(db: Database.Database, rowid: number, entry: SearchEntry): void {
  const w = writer(db);
  if (w === null) return;
  if (!isPlainText(entry.title) || !isPlainText(entry.body)) {
    w.odd.run(rowid);
    return;
  }
  if (w.keys.size === 0) return;
  const list = w.list;
  w.keys.unbounded(entry.tokens, (key) => list.run(key, rowid));
}

/** Forgets the side index, for a rebuild of the full-text index; rebuildBestLists makes it again. */
export function clearBestLists(db: Database.Database): void {
  if (!hasSideIndex(db)) return;
  db.exec('DELETE FROM search_best; DELETE FROM search_best_key; DELETE FROM search_odd;');
  resetGrowth(db, 0);
  bumpGeneration(db);
}

/**
 * Sets the background job that lists words grown frequent (grow-lists.ts) back to waiting,
 * its drafts dropped, until the index has grown past `rows`. Nothing before schema 10.
 */
function resetGrowth(db: Database.Database, rows: number): void {
  if (db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'search_best_job'").get() === undefined) return;
  db.exec('DELETE FROM search_best_draft');
  db.prepare("UPDATE search_best_job SET build = build + 1, phase = 'idle', scanned_rows = ?, scan_rows = 0, after_term = '', term_rows = '[]', after_rowid = 0, since_seq = 0").run(rows);
}

export function averageLength(db: Database.Database): number {
  const totals = indexTotals(db);
  return totals.rows === 0 ? 1 : totals.tokens / totals.rows;
}

export function saveStatements(db: Database.Database) {
  return {
    list: db.prepare<[string, number]>('INSERT OR IGNORE INTO search_best(key, doc_rowid) VALUES (?, ?)'),
    bound: db.prepare<[string, string]>('INSERT OR REPLACE INTO search_best_key(key, bound) VALUES (?, ?)'),
    odd: db.prepare<[number]>('INSERT OR IGNORE INTO search_odd(doc_rowid) VALUES (?)'),
  };
}

/**
 * Builds the side index from every kept entry: counts the rows of each key, then keeps the
 * LISTED_PER_KEY best rows of each frequent key (by weight at the current average length)
 * and the bound of the rest. Two passes over the kept text.
 */
export function rebuildBestLists(db: Database.Database): void {
  if (!hasSideIndex(db)) return;
  clearBestLists(db);
  const avgdl = averageLength(db);
  const entries = db.prepare<[], { doc_rowid: number; title: string; body: string }>('SELECT doc_rowid, title, body FROM search_text');
  const oddRows: number[] = [];
  const rowsPerKey = new Map<string, number>();
  for (const e of entries.iterate()) {
    const tokens = entryTokens(e.title, e.body);
    if (tokens === null) {
      oddRows.push(e.doc_rowid);
      continue;
    }
    const seen = new Set<string>();
    for (const t of new Set(tokens)) tokenKeys(t, (k) => seen.add(k));
    for (const k of seen) rowsPerKey.set(k, (rowsPerKey.get(k) ?? 0) + 1);
  }
  const listings = new Map<string, Listing>();
  for (const [k, n] of rowsPerKey) if (n >= FREQUENT_KEY_ROWS) listings.set(k, new Listing(avgdl));
  rowsPerKey.clear();
  const keysOf = keysOfTokens((k) => listings.has(k));
  for (const e of entries.iterate()) {
    const tokens = entryTokens(e.title, e.body);
    if (tokens === null) continue;
    for (const [k, f] of keyFrequencies(tokens, keysOf)!) listings.get(k)!.add(e.doc_rowid, f, tokens.length);
  }
  const save = saveStatements(db);
  for (const r of oddRows) save.odd.run(r);
  for (const [k, l] of listings) l.save(k, save.list, save.bound);
  resetGrowth(db, indexTotals(db).rows);
  bumpGeneration(db);
}

/**
 * Makes the list of one key that has none yet (it became frequent after the last build), from
 * the kept text of every row holding it. Searches call it inside a write transaction, the
 * first time such a key is searched; writes keep it up to date from then on.
 */
export function buildBestList(db: Database.Database, key: string): void {
  const rowids = db.prepare<[string], number>('SELECT rowid FROM search_fts WHERE search_fts MATCH ?').pluck().all(`"${key}"*`);
  const texts = db.prepare<[string], { doc_rowid: number; title: string; body: string }>(
    'SELECT doc_rowid, title, body FROM search_text WHERE doc_rowid IN (SELECT value FROM json_each(?))',
  );
  const listing = new Listing(averageLength(db));
  const save = saveStatements(db);
  for (let at = 0; at < rowids.length; at += 500) {
    for (const e of texts.all(JSON.stringify(rowids.slice(at, at + 500)))) {
      const tokens = entryTokens(e.title, e.body);
      if (tokens === null) {
        save.odd.run(e.doc_rowid);
        continue;
      }
      let f = 0;
      for (const t of tokens) if (t.startsWith(key)) f++;
      if (f > 0) listing.add(e.doc_rowid, f, tokens.length);
    }
  }
  listing.save(key, save.list, save.bound);
  bumpGeneration(db);
}

/** Tells every connection's writer that keys changed (they reload them at their next write). */
export function bumpGeneration(db: Database.Database): void {
  db.prepare('UPDATE search_best_state SET generation = generation + 1').run();
}
