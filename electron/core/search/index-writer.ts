import type Database from 'better-sqlite3';
import { DatelineError } from '../../shared/errors';
import type { Body } from '../store/body-values';
import { clearBestLists, noteIndexed } from './champions';
import { searchEntry, type SearchEntry } from './entry';

/**
 * Writes the full-text index. A local write indexes its document in its own transaction. A
 * batch from elsewhere queues its new winners instead (a row in `search_pending`, written in the
 * batch's transaction, so the queue is as durable as the batch), and the queue is caught up in
 * later transactions: before any search answers, and when the library closes. Search results
 * are the same as if every document had been indexed at once; preparing the text and inserting
 * it was over half of a pulled batch's time.
 *
 * Invariant: a queued document has no entry in the index (its old entry is removed when it is
 * queued), so catching up only inserts.
 */

interface Statements {
  insert: (rowid: number, entry: SearchEntry) => void;
  remove: (rowid: number) => void;
}

interface QueueStatements {
  add: Database.Statement<[number]>;
  done: Database.Statement<[number]>;
  behind: Database.Statement<[], number>;
  page: Database.Statement<[number], { doc_rowid: number; type: string | null; deleted: number | null; body: string | null }>;
  doneUpTo: Database.Statement<[number]>;
}

const cache = new WeakMap<Database.Database, Statements>();
// Apart, and built on first use: a library at an older schema (a migration's rebuild) has no queue.
const queueCache = new WeakMap<Database.Database, QueueStatements>();

/**
 * The index's writes. From schema 5 each entry's text is kept in `search_text`, and a removal
 * gives FTS5 that exact text, so its row count and token totals (what bm25 reads) follow
 * removals; see migrations/0005-search-exact-delete.ts. An older library's contentless_delete
 * table removes by rowid alone (a migration's rebuild runs at that schema).
 */
function statements(db: Database.Database): Statements {
  let s = cache.get(db);
  if (s) return s;
  const insertFts = db.prepare<[number, string, string]>('INSERT INTO search_fts(rowid, title, body) VALUES (?, ?, ?)');
  if (db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'search_text'").get() === undefined) {
    const removeFts = db.prepare<[number]>('DELETE FROM search_fts WHERE rowid = ?');
    s = { insert: (rowid, e) => void insertFts.run(rowid, e.title, e.body), remove: (rowid) => void removeFts.run(rowid) };
  } else {
    const keep = db.prepare<[number, string, string]>('INSERT INTO search_text(doc_rowid, title, body) VALUES (?, ?, ?)');
    const kept = db.prepare<[number], { title: string; body: string }>('SELECT title, body FROM search_text WHERE doc_rowid = ?');
    const forget = db.prepare<[number]>('DELETE FROM search_text WHERE doc_rowid = ?');
    const removeFts = db.prepare<[number, string, string]>("INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)");
    s = {
      insert: (rowid, e) => {
        insertFts.run(rowid, e.title, e.body);
        keep.run(rowid, e.title, e.body);
        noteIndexed(db, rowid, e);
      },
      remove: (rowid) => {
        const old = kept.get(rowid);
        if (old === undefined) return;
        removeFts.run(rowid, old.title, old.body);
        forget.run(rowid);
      },
    };
  }
  cache.set(db, s);
  return s;
}

/**
 * Forgets every entry's kept text and the lists of best rows: with 'delete-all', for a
 * rebuild of the index (rebuildBestLists makes the lists again once it is refilled).
 */
export function clearSearchText(db: Database.Database): void {
  if (db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'search_text'").get() !== undefined) db.exec('DELETE FROM search_text');
  clearBestLists(db);
}

/**
 * The next queued documents with their winners' bodies, in queue order. The body is read by a
 * subquery: `revs` is a view over a join (the revision tree and the bodies), and SQLite cannot
 * flatten a join into the right side of a LEFT JOIN, so `LEFT JOIN revs` built the whole view,
 * every revision's body, for each page: a step of 16 documents cost 110 ms in a library of
 * 5,000 pulled releases (0.4 ms this way), and the cost grew with the library.
 */
export const CATCH_UP_PAGE_SQL = `SELECT q.doc_rowid, d.type, d.deleted,
    (SELECT r.body FROM revs r WHERE r.doc_rowid = q.doc_rowid AND r.rev = d.winner) AS body
  FROM search_pending q LEFT JOIN docs d ON d.rowid = q.doc_rowid
  ORDER BY q.doc_rowid LIMIT ?`;

/** The queue's statements; undefined for a library at a schema without the queue (older tests' libraries). */
function queue(db: Database.Database): QueueStatements | undefined {
  let q = queueCache.get(db);
  if (!q) {
    if (db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'search_pending'").get() === undefined) return undefined;
    q = {
      add: db.prepare('INSERT OR IGNORE INTO search_pending(doc_rowid) VALUES (?)'),
      done: db.prepare('DELETE FROM search_pending WHERE doc_rowid = ?'),
      behind: db.prepare<[], number>('SELECT EXISTS (SELECT 1 FROM search_pending)').pluck(),
      page: db.prepare(CATCH_UP_PAGE_SQL),
      doneUpTo: db.prepare('DELETE FROM search_pending WHERE doc_rowid <= ?'),
    };
    queueCache.set(db, q);
  }
  return q;
}

/** Removes a document's entry from the index (a changed or deleted winner). */
export function unindexDocument(db: Database.Database, rowid: number): void {
  statements(db).remove(rowid);
}

/**
 * Indexes a live winner now. `isNew`: the document arrived in this transaction, so it cannot
 * be queued; otherwise it leaves the queue, since it is indexed from its current winner here.
 * `entry`: the body's search entry when its writer prepared it already (searchEntry of it).
 */
export function indexDocument(db: Database.Database, rowid: number, type: string, body: Body, isNew: boolean, entry = searchEntry(type, body)): void {
  if (entry === null) return;
  statements(db).insert(rowid, entry);
  if (!isNew) queue(db)?.done.run(rowid);
}

/**
 * Queues a live winner to be indexed by catchUpSearch; its old entry must be removed already.
 * A library without the queue indexes it at once.
 */
export function queueForSearch(db: Database.Database, rowid: number, type: string, body: Body): void {
  const q = queue(db);
  if (q) q.add.run(rowid);
  else indexDocument(db, rowid, type, body, true);
}

/**
 * Sends indexed documents back to the queue: their entries leave the index now, and the next
 * catch-up makes them again from their winners. For a migration that changes how text is
 * folded, when only some entries change: the library opens without indexing them first.
 */
export function requeueForSearch(db: Database.Database, rowids: Iterable<number>): void {
  const q = queue(db);
  if (!q) throw new Error('requeueForSearch needs the search queue (schema 4)');
  const s = statements(db);
  for (const rowid of rowids) {
    s.remove(rowid);
    q.add.run(rowid);
  }
}

/** Drops the whole queue: for a rebuild of the index from every winner. */
export function clearSearchQueue(db: Database.Database): void {
  if (queue(db)) db.exec('DELETE FROM search_pending');
}

const CATCH_UP_BATCH = 500;

/** A catch-up cut into slices: documents per transaction, and a time (performance.now()) after which no new one starts. */
export interface CatchUpSlice {
  batch: number;
  until: number;
}

/**
 * Indexes every queued document from its current winner, a short transaction per 500, so
 * other writes go on between. Returns how many documents were indexed. With `slice`, stops
 * at the first transaction that ends after its time, the rest left queued (a background job
 * indexes the queue a few at a time across its steps; a search needs it all).
 */
export function catchUpSearch(db: Database.Database, slice?: CatchUpSlice): number {
  const q = queue(db);
  if (!q || q.behind.get() !== 1) return 0;
  if (db.readonly) {
    throw new DatelineError(
      'LIBRARY_READ_ONLY',
      'Search cannot answer here: documents received by the last sync are not in the search index yet, and this library is read-only here. Open it once where it can be written.',
    );
  }
  // A library read from a copy in memory refuses writes with query_only; indexing that copy
  // changes nothing on disk.
  const queryOnly = db.pragma('query_only', { simple: true }) === 1;
  if (queryOnly) db.pragma('query_only = OFF');
  try {
    const s = statements(db);
    const step = db.transaction((): number => {
      const rows = q.page.all(slice?.batch ?? CATCH_UP_BATCH);
      for (const r of rows) {
        if (r.type === null || r.deleted !== 0 || r.body === null) continue;
        const entry = searchEntry(r.type, JSON.parse(r.body) as Body);
        if (entry !== null) s.insert(r.doc_rowid, entry);
      }
      if (rows.length > 0) q.doneUpTo.run(rows[rows.length - 1]!.doc_rowid);
      return rows.length;
    });
    let indexed = 0;
    for (let n = step.immediate(); n > 0; n = step.immediate()) {
      indexed += n;
      if (slice !== undefined && performance.now() > slice.until) break;
    }
    return indexed;
  } finally {
    if (queryOnly) db.pragma('query_only = ON');
  }
}
