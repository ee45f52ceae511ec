import type Database from 'better-sqlite3';
import { mayErase } from './scrub';
import { DatelineError } from '../../shared/errors';
import type { Body, DocStore } from './docstore';
import { MAX_PATH } from './remote-write';
import type {
  BulkWriteResult,
  ChangeRow,
  DocRoute,
  LocalDoc,
  LocalDocInput,
  OpenRevResult,
  RemoteRevision,
  RevisionJson,
  ReplicationStore,
  RevsDiffRequest,
  RevsDiffResult,
} from './replication-api';
import { revPos } from './revisions';
import { heldTransaction } from './held-transaction';
import { WAL_HARD_BYTES, type WalCopier } from './wal-copier';

/** How much WAL a pull without the copier's worker lets gather before the writer copies it back (16 MB). */
export const PULL_CHECKPOINT_BYTES = WAL_HARD_BYTES;

interface RevRow {
  rev: string;
  deleted: number;
  body: string | null;
}

/** A revision with its body as bytes (it goes on the wire as it is, never decoded into a string). */
interface RevBytes {
  rev: string;
  deleted: number;
  body: Buffer | null;
  parent: string | null;
  leaf: number;
}

/**
 * The store's side of the CouchDB replication protocol, over one library's DocStore. Reads
 * answer in CouchDB's shapes; writes go through the store's one remote write path. Every
 * call is one transaction.
 */
export class LibraryReplication implements ReplicationStore {
  private readonly db: Database.Database;
  private readonly s;
  private readonly bulk: (docs: readonly RemoteRevision[], checkpoint?: LocalDocInput) => BulkWriteResult;

  async settled(): Promise<void> {
    for (let held = heldTransaction(this.db); held; held = heldTransaction(this.db)) await held.catch(() => undefined);
  }

  /** `walCopier`: copies a pull's WAL back on a worker thread (without one, the writer copies it, as SQLite does). */
  constructor(
    private readonly docs: DocStore,
    private readonly walCopier?: WalCopier,
  ) {
    const db = docs.db;
    this.db = db;
    this.s = {
      libraryId: db.prepare<[], string>("SELECT value FROM meta WHERE key = 'library_id'").pluck(),
      rowid: db.prepare<[string], number>('SELECT rowid FROM docs WHERE id = ?').pluck(),
      has: db.prepare<[number, string], number>('SELECT 1 FROM revs WHERE doc_rowid = ? AND rev = ?').pluck(),
      leaves: db.prepare<[number], { rev: string; pos: number }>('SELECT rev, pos FROM revs WHERE doc_rowid = ? AND leaf = 1'),
      rev: db.prepare<[number, string], RevRow>('SELECT rev, deleted, body FROM revs WHERE doc_rowid = ? AND rev = ?'),
      // The body as bytes: it goes on the wire as it is, so it is never decoded into a string.
      revBytes: db.prepare<[number, string], RevBytes>(
        'SELECT rev, deleted, CAST(body AS BLOB) AS body, parent, leaf FROM revs WHERE doc_rowid = ? AND rev = ?',
      ),
      // The same for many [id, rev] pairs given as JSON, in one read.
      revsBytes: db.prepare<[string], RevBytes & { id: string; rowid: number }>(
        `SELECT d.id, d.rowid, r.rev, r.deleted, CAST(r.body AS BLOB) AS body, r.parent, r.leaf
         FROM json_each(?) j JOIN docs d ON d.id = j.value ->> '$[0]' JOIN revs r ON r.doc_rowid = d.rowid AND r.rev = j.value ->> '$[1]'`,
      ),
      leafRows: db.prepare<[number], RevRow>('SELECT rev, deleted, body FROM revs WHERE doc_rowid = ? AND leaf = 1 ORDER BY rev'),
      // The path from a revision back to its root, newest first (CouchDB keeps at most 1000).
      path: db.prepare<[{ rowid: number; rev: string; max: number }], string>(
        `WITH RECURSIVE p(rev, parent, n) AS (
           SELECT rev, parent, 0 FROM revs WHERE doc_rowid = @rowid AND rev = @rev
           UNION ALL
           SELECT r.rev, r.parent, p.n + 1 FROM revs r JOIN p ON r.doc_rowid = @rowid AND r.rev = p.parent WHERE p.n + 1 < @max
         ) SELECT rev FROM p ORDER BY n`,
      ).pluck(),
      // The leaves a revision leads to (itself when it is one).
      leavesFrom: db.prepare<[{ rowid: number; rev: string }], string>(
        `WITH RECURSIVE d(rev, leaf) AS (
           SELECT rev, leaf FROM revs WHERE doc_rowid = @rowid AND rev = @rev
           UNION
           SELECT r.rev, r.leaf FROM revs r JOIN d ON r.doc_rowid = @rowid AND r.parent = d.rev
         ) SELECT rev FROM d WHERE leaf = 1 ORDER BY rev`,
      ).pluck(),
      // Each change with its document's other leaves (null: none, the usual case) in one read: a
      // leaf query per row was ~35 us of a pushed document's CPU.
      changes: db.prepare<[number, number], { seq: number; id: string; winner: string; deleted: number; others: string | null }>(
        `SELECT c.seq, d.id, d.winner, d.deleted,
           (SELECT group_concat(r.rev, ' ') FROM revs r WHERE r.doc_rowid = d.rowid AND r.leaf = 1 AND r.rev <> d.winner) AS others
         FROM changes c JOIN docs d ON d.rowid = c.doc_rowid
         WHERE c.seq > ? ORDER BY c.seq LIMIT ?`,
      ),
      routes: db.prepare<[string], { id: string; type: string; office: string | null }>('SELECT id, type, office FROM docs WHERE id IN (SELECT value FROM json_each(?))'),
      branched: db.prepare<[string], string>(
        `SELECT d.id FROM docs d WHERE d.id IN (SELECT value FROM json_each(?))
         AND (SELECT count(*) FROM revs r WHERE r.doc_rowid = d.rowid AND r.leaf = 1) > 1`,
      ).pluck(),
      stamps: db.prepare<[string], { rev: string; author: string; at: string }>(
        'SELECT r.rev, r.author, r.at FROM revs r JOIN docs d ON d.rowid = r.doc_rowid WHERE d.id = ?',
      ),
      getLocal: db.prepare<[string], { rev: number; body: string }>('SELECT rev, body FROM local_docs WHERE id = ?'),
      putLocal: db.prepare(
        'INSERT INTO local_docs(id, rev, body) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET rev = excluded.rev, body = excluded.body',
      ),
    };
    this.bulk = db.transaction((batch: readonly RemoteRevision[], checkpoint?: LocalDocInput) => {
      const result = this.docs.remote.write(batch);
      if (checkpoint) this.writeLocal(checkpoint);
      return result;
    }).immediate;
  }

  libraryId(): string {
    const id = this.s.libraryId.get();
    if (!id) throw new DatelineError('INTERNAL', 'This library has no replication id; reopen it so its update can run.', { params: { reason: 'noReplicationId' } });
    return id;
  }

  revsDiff(request: RevsDiffRequest): RevsDiffResult {
    const out: RevsDiffResult = {};
    for (const [id, revs] of Object.entries(request)) {
      const rowid = this.s.rowid.get(id);
      const missing = revs.filter((r) => rowid === undefined || this.s.has.get(rowid, r) === undefined);
      if (missing.length === 0) continue;
      const entry: { missing: string[]; possible_ancestors?: string[] } = { missing: [...new Set(missing)] };
      if (rowid !== undefined) {
        const highest = Math.max(...missing.map(posOf));
        const ancestors = this.s.leaves.all(rowid).filter((l) => l.pos < highest).map((l) => l.rev);
        if (ancestors.length > 0) entry.possible_ancestors = ancestors.sort();
      }
      out[id] = entry;
    }
    return out;
  }

  /**
   * Durability per kind of write. A pulled batch comes with its checkpoint, committed in the same
   * transaction, so it can always be fetched again: it commits with synchronous=NORMAL (WAL, no
   * fsync at commit; the next FULL commit or checkpoint syncs it), and a power cut loses only
   * whole trailing batches together with their checkpoint, which the next pull fetches again
   * (LevelDB gives PouchDB the same). Everything else stays FULL: a batch without a checkpoint
   * (a sync file, a merge made here) and every local edit. The fsync was a third of a pulled batch.
   *
   * A pull does not copy the WAL back into the library itself: the WAL copier's worker thread
   * does, while the next batches are written (store/wal-copier.ts, which also bounds the WAL).
   * Without a worker (it failed to start), a pull copies every PULL_CHECKPOINT_BYTES (16 MB)
   * itself: each copy syncs the WAL and the library file, as it must.
   */
  bulkInsertRemote(docs: readonly RemoteRevision[], checkpoint?: LocalDocInput): BulkWriteResult {
    // SQLite refuses to change it inside a transaction: a caller's transaction keeps its own.
    if (!checkpoint || this.db.inTransaction) return this.bulk(docs, checkpoint);
    const copier = this.walCopier?.usable ? this.walCopier : undefined;
    const pages = this.db.pragma('wal_autocheckpoint', { simple: true }) as number;
    // Not a statement prepared once: SQLite applies this pragma when it compiles it.
    this.db.pragma('synchronous = NORMAL');
    const window = copier ? 0 : Math.floor(PULL_CHECKPOINT_BYTES / (this.db.pragma('page_size', { simple: true }) as number));
    this.db.pragma(`wal_autocheckpoint = ${window}`);
    try {
      return this.bulk(docs, checkpoint);
    } finally {
      this.db.pragma('synchronous = FULL');
      this.db.pragma(`wal_autocheckpoint = ${pages}`);
      copier?.afterCommit();
    }
  }

  changes(since: number, limit: number): { results: ChangeRow[]; lastSeq: number } {
    const rows = this.s.changes.all(since, limit);
    const results = rows.map((r): ChangeRow => {
      // CouchDB lists the winner first, then the other leaves (in order; a revision id holds no space).
      const changes = [{ rev: r.winner }];
      if (r.others !== null) for (const rev of r.others.split(' ').sort()) changes.push({ rev });
      const row: ChangeRow = { seq: r.seq, id: r.id, changes };
      if (r.deleted === 1) row.deleted = true;
      return row;
    });
    return { results, lastSeq: rows.length > 0 ? rows[rows.length - 1]!.seq : since };
  }

  openRevs(id: string, revs: readonly string[] | 'all', options: { latest?: boolean } = {}): OpenRevResult[] {
    return this.db.transaction(() => {
      const rowid = this.s.rowid.get(id);
      if (revs === 'all') {
        if (rowid === undefined) return [];
        return this.s.leafRows.all(rowid).map((r) => this.revision(id, rowid, r));
      }
      const out: OpenRevResult[] = [];
      const seen = new Set<string>();
      for (const asked of revs) {
        const found = rowid === undefined ? [] : options.latest ? this.s.leavesFrom.all({ rowid, rev: asked }) : [asked];
        const rows = rowid === undefined ? [] : found.map((r) => this.s.rev.get(rowid, r)).filter((r): r is RevRow => r !== undefined);
        const withBody = rows.filter((r) => r.body !== null || r.deleted === 1);
        if (withBody.length === 0) {
          out.push({ missing: asked });
          continue;
        }
        for (const r of withBody) {
          if (seen.has(r.rev)) continue;
          seen.add(r.rev);
          out.push(this.revision(id, rowid!, r));
        }
      }
      return out;
    })();
  }

  openRevsJson(requests: readonly { id: string; revs: readonly string[] }[]): RevisionJson[] {
    return this.db.transaction(() => {
      const out: RevisionJson[] = [];
      // Every asked revision in one statement: half the CPU of two point reads each (2,000 releases: 100 ms, not 210).
      const pairs = requests.flatMap(({ id, revs }) => revs.map((rev) => [id, rev]));
      const found = new Map<string, RevBytes & { rowid: number }>();
      for (const r of this.s.revsBytes.all(JSON.stringify(pairs))) found.set(`${r.id}\n${r.rev}`, r);
      for (const { id, revs } of requests) {
        const seen = new Set<string>();
        for (const asked of revs) {
          const row = found.get(`${id}\n${asked}`);
          if (!row) continue;
          const rowid = row.rowid;
          // A leaf is its own latest (the usual case: the feed lists leaves); otherwise follow it to its leaves.
          const rows = row.leaf === 1 ? [row] : this.s.leavesFrom.all({ rowid, rev: asked }).map((r) => this.s.revBytes.get(rowid, r)!);
          for (const r of rows) {
            if (seen.has(r.rev) || (r.body === null && r.deleted === 0)) continue;
            seen.add(r.rev);
            // A first revision is its own path: no walk needed.
            const path = r.parent === null ? [r.rev] : this.s.path.all({ rowid, rev: r.rev, max: MAX_PATH });
            out.push({ id, rev: r.rev, json: revisionJson(id, r, path) });
          }
        }
      }
      return out;
    })();
  }

  private revision(id: string, rowid: number, r: RevRow): OpenRevResult {
    if (r.body === null && r.deleted === 0) return { missing: r.rev };
    const body = r.body === null ? {} : (JSON.parse(r.body) as Body);
    const path = this.s.path.all({ rowid, rev: r.rev, max: MAX_PATH });
    const doc: RemoteRevision = {
      ...body,
      _id: id,
      _rev: r.rev,
      _revisions: { start: revPos(r.rev), ids: path.map((p) => p.slice(p.indexOf('-') + 1)) },
    };
    if (r.deleted === 1) doc._deleted = true;
    return { ok: doc };
  }

  routes(ids: readonly string[]): Map<string, DocRoute> {
    const out = new Map<string, DocRoute>();
    if (ids.length > 0) for (const r of this.s.routes.all(JSON.stringify(ids))) out.set(r.id, { type: r.type, office: r.office });
    return out;
  }

  lastSeq(): number {
    return this.docs.lastSeq();
  }

  forgetErased(since: number): { ids: string[]; files: string[] } {
    // The people's words leave the library's file too, not only its tables (scrub.ts).
    return mayErase(this.db, () => this.docs.forgetErased(since), (r) => r.ids.length > 0);
  }

  branched(ids: readonly string[]): string[] {
    return ids.length > 0 ? this.s.branched.all(JSON.stringify(ids)) : [];
  }

  stamps(id: string): Map<string, { author: string; at: string }> {
    return new Map(this.s.stamps.all(id).map((r) => [r.rev, { author: r.author, at: r.at }]));
  }

  getLocal(id: string): LocalDoc | null {
    const r = this.s.getLocal.get(id);
    if (!r) return null;
    return { ...(JSON.parse(r.body) as Body), _id: id, _rev: `0-${r.rev}` };
  }

  putLocal(doc: LocalDocInput, opts: { synced?: boolean } = {}): LocalDoc {
    const write = () => this.db.transaction(() => this.writeLocal(doc)).immediate();
    if (opts.synced !== false || this.db.inTransaction) return write();
    // As a pulled batch's checkpoint (see bulkInsertRemote): a push writes one after every batch, each an fsync.
    this.db.pragma('synchronous = NORMAL');
    try {
      return write();
    } finally {
      this.db.pragma('synchronous = FULL');
    }
  }

  private writeLocal(doc: LocalDocInput): LocalDoc {
    if (typeof doc._id !== 'string' || doc._id.length === 0 || doc._id.length > 1000) {
      throw new DatelineError('INVALID_INPUT', '_id: a local document needs an id of 1 to 1000 characters.', { path: ['_id'], params: { reason: 'localIdLength' } });
    }
    const current = this.s.getLocal.get(doc._id);
    const currentRev = current ? `0-${current.rev}` : undefined;
    if (doc._rev !== undefined && doc._rev !== currentRev) {
      throw new DatelineError('CONFLICT', `Local document "${doc._id}" is at ${currentRev ?? 'no revision'}, not ${doc._rev}.`, {
        params: { id: doc._id, rev: doc._rev, reason: 'localChanged' },
      });
    }
    const body: Body = {};
    for (const [k, v] of Object.entries(doc)) if (k !== '_id' && k !== '_rev' && k !== '__proto__') body[k] = v;
    const rev = (current?.rev ?? 0) + 1;
    this.s.putLocal.run(doc._id, rev, JSON.stringify(body));
    return { ...body, _id: doc._id, _rev: `0-${rev}` };
  }
}

/**
 * The wire JSON of a stored revision: its `_` fields, then the stored body text as it is (a JSON
 * object whose fields never start with `_`), so nothing is parsed or serialised twice.
 */
function revisionJson(id: string, r: { rev: string; deleted: number; body: Buffer | null }, path: readonly string[]): Buffer {
  const ids = path.map((p) => p.slice(p.indexOf('-') + 1));
  const head = `{"_id":${JSON.stringify(id)},"_rev":${JSON.stringify(r.rev)},"_revisions":{"start":${revPos(r.rev)},"ids":${JSON.stringify(ids)}}${r.deleted === 1 ? ',"_deleted":true' : ''}`;
  // A stored body is the text of a JSON object: '{}' or '{' fields '}'; its fields follow ours after a comma.
  if (!r.body || r.body.length <= 2) return Buffer.from(`${head}}`, 'utf8');
  const out = Buffer.allocUnsafe(Buffer.byteLength(head, 'utf8') + r.body.length);
  const at = out.write(head, 0, 'utf8');
  out[at] = 0x2c; // ','
  r.body.copy(out, at + 1, 1);
  return out;
}

function posOf(rev: string): number {
  const n = Number.parseInt(rev, 10);
  return Number.isFinite(n) ? n : 0;
}
