import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { DatelineError } from '../../shared/errors';
import { DOC_SCHEMA_VERSION, DOC_TYPES, ID_PREFIX, isReservedName, schemaOf, STORE_FIELDS, type DocType } from '../../shared/documents';
import type { RevisionSummary } from '../../shared/contract';
import { canonicalJson, isConflicted, pickWinner, revFromJson, revPos, type LeafInfo } from './revisions';
import { searchEntry, type SearchEntry } from '../search/entry';
import { project, type SearchIndexing } from './projections';
import { prepared } from './statements';
import { revRows, type RevRows } from './rev-rows';
import { ConflictsInbox } from './conflicts';
import { RemoteWriter } from './remote-write';
import { GAVE_WAY_TO } from '../sync/merge';
import { followNote } from '../contacts/private-notes';
import { followNotSame } from '../contacts/not-same';

export type Body = Record<string, unknown>;

export interface WriteContext {
  author: string;
  /** ISO time of the write; the store's clock when absent. */
  at?: string;
}

export interface StoredDoc {
  id: string;
  rev: string;
  type: string;
  deleted: boolean;
  conflicted: boolean;
  seq: number;
  body: Body;
}

/** One revision in a document's tree, as history lists it (the contract's own type). */
export type RevisionInfo = RevisionSummary;

/**
 * What a writer already knows of a document's tree, so settling it reads less: the bodies it
 * holds in memory (undefined for a body to read from the store).
 */
export interface KnownTree {
  bodyOf(rev: string): Body | undefined;
  /** The winner before this write: when it stays the winner, nothing derived from it is rewritten. */
  winner?: string;
}

/** A new document ready to be written: its body with the meta fields, its stored text and first revision. */
export interface NewDoc {
  type: DocType;
  id: string;
  at: string;
  author: string;
  body: Body;
  json: string;
  rev: string;
  /** Its search entry, when prepared with it (prepareBatch); otherwise made as it is written. */
  entry?: SearchEntry | null;
}

/** How the store finds a document's rows: enough to settle its winner. */
export interface DocKey {
  rowid: number;
  id: string;
  type: string;
}

/** A document's key with its winning revision as stored before a write. */
export interface StoredKey extends DocKey {
  winner: string;
}

interface DocRow extends DocKey {
  winner: string;
  deleted: number;
  conflicted: number;
  seq: number;
}

/** The one NOT_FOUND for a missing (or deleted) document; `type` names what was asked for. */
export function noSuchDoc(id: string, type?: string | null): DatelineError {
  return new DatelineError('NOT_FOUND', `No ${type ?? 'document'} with id "${id}" in this library.`, {
    params: type === undefined ? { id, reason: 'gone' } : { id, type, reason: 'gone' },
  });
}

export function newDocId(type: DocType): string {
  return `${ID_PREFIX[type]}-${randomUUID()}`;
}

/**
 * The document store: JSON documents with CouchDB-style revision trees, a changes feed and
 * projections, all written in one transaction per change. Repositories are functions of `db`.
 */
export class DocStore {
  private readonly s;
  // Transaction wrappers are built once: building one per call costs as much as a small write.
  private readonly createOne: (type: DocType, fields: Body, ctx: WriteContext, id: string) => StoredDoc;
  private readonly createBatch: (type: DocType, items: readonly { fields: Body; id?: string }[], ctx: WriteContext) => StoredDoc[];
  constructor(
    readonly db: Database.Database,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.s = {
      docByid: db.prepare<[string], DocRow>('SELECT rowid, id, type, winner, deleted, conflicted, seq FROM docs WHERE id = ?'),
      docsByIds: db.prepare<[string], StoredKey>('SELECT d.rowid, d.id, d.type, d.winner FROM json_each(?) j JOIN docs d ON d.id = j.value'),
      insertDoc: db.prepare<[string, string, string, number, number, number, string | null, string]>(
        'INSERT INTO docs(id, type, winner, deleted, conflicted, seq, office, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      updateDoc: db.prepare('UPDATE docs SET winner = ?, deleted = ?, conflicted = ?, seq = ?, office = ?, updated_at = ? WHERE rowid = ?'),
      updateFlags: db.prepare('UPDATE docs SET conflicted = ?, seq = ? WHERE rowid = ?'),
      leaves: db.prepare<[number], { rev: string; pos: number; deleted: number }>(
        'SELECT rev, pos, deleted FROM revs WHERE doc_rowid = ? AND leaf = 1',
      ),
      revBody: db.prepare<[number, string], { body: string | null; deleted: number; parent: string | null }>(
        'SELECT body, deleted, parent FROM revs WHERE doc_rowid = ? AND rev = ?',
      ),
      revExists: db.prepare<[number, string], { leaf: number }>('SELECT leaf FROM revs WHERE doc_rowid = ? AND rev = ?'),
      revList: db.prepare<[number], { rev: string; parent: string | null; deleted: number; leaf: number; author: string; at: string; has_body: number }>(
        'SELECT rev, parent, deleted, leaf, author, at, body IS NOT NULL AS has_body FROM revs WHERE doc_rowid = ? ORDER BY pos DESC, at DESC, rev DESC',
      ),
      changeDelete: db.prepare('DELETE FROM changes WHERE doc_rowid = ?'),
      changeInsert: db.prepare('INSERT INTO changes(doc_rowid) VALUES (?)'),
      changeInsertAt: db.prepare<[number, number]>('INSERT INTO changes(seq, doc_rowid) VALUES (?, ?)'),
      // What AUTOINCREMENT would give the next change, less one: above every sequence ever used, deleted ones included.
      usedSeq: db
        .prepare<[], number>(
          "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'changes'), 0), coalesce((SELECT max(seq) FROM changes), 0))",
        )
        .pluck(),
      changesSince: db.prepare<[number, number], { seq: number; id: string; rev: string; deleted: number }>(
        `SELECT c.seq, d.id, d.winner AS rev, d.deleted FROM changes c JOIN docs d ON d.rowid = c.doc_rowid
         WHERE c.seq > ? ORDER BY c.seq LIMIT ?`,
      ),
      lastSeq: db.prepare<[], number>('SELECT coalesce(max(seq), 0) FROM changes').pluck(),
      // Each projection holds exactly the live documents of its type, so counting it is cheap.
      liveCounts: db.prepare<[], Record<DocType, number>>(`SELECT ${DOC_TYPES.map((t) => `(SELECT count(*) FROM ${t}_p) AS ${t}`).join(', ')}`),
    };
    // Every write transaction starts IMMEDIATE: it takes the write lock first, so a second
    // process waits out the busy timeout. A deferred one that read first cannot wait for the
    // lock (its snapshot would be stale) and fails at once with "database is locked".
    this.createOne = db.transaction((type: DocType, fields: Body, ctx: WriteContext, id: string) => this.insertNew(type, fields, ctx, id)).immediate;
    this.createBatch = db.transaction((type: DocType, items: readonly { fields: Body; id?: string }[], ctx: WriteContext) => {
      // One transaction, one instant: every document of the batch carries the same time.
      const at = { ...ctx, at: ctx.at ?? this.now() };
      const prepared = this.prepareBatch(type, items, at, 'now');
      // The write lock is held: no one else takes a sequence number before these.
      let seq = this.usedSeq();
      return prepared.map((d) => this.insertPrepared(d, ++seq));
    }).immediate;
  }

  now(): string {
    return this.clock().toISOString();
  }

  /** Writes of revision rows, in this library's layout (rev-rows.ts). */
  get rows(): RevRows {
    return revRows(this.db);
  }

  // Built on first use: a library opened at an older schema (tests, the backup check) has no
  // tables for them yet.
  private remoteWriter: RemoteWriter | undefined;
  private conflictsInbox: ConflictsInbox | undefined;

  /** The write path for revisions made elsewhere; runs inside the caller's transaction. */
  get remote(): RemoteWriter {
    return (this.remoteWriter ??= new RemoteWriter(this.db, this));
  }

  /** The conflicts inbox: cases the person decides. */
  get inbox(): ConflictsInbox {
    return (this.conflictsInbox ??= new ConflictsInbox(this.db));
  }

  private inboxReady: boolean | undefined;

  /**
   * Keeps the inbox a function of the tree after any write that may change a document's
   * branches: cases whose branches were merged or ended (here or on another library) are
   * closed, and a deletion against an edit is recorded. Branches that changed different
   * fields are merged by sync (core/sync/merge.ts), deterministically. Runs inside the
   * caller's transaction.
   */
  reconcile(key: DocKey): void {
    this.inboxReady ??= this.db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'conflicts'").get() !== undefined;
    if (!this.inboxReady) return;
    const at = this.now();
    this.inbox.closeSettled(key, at);
    this.inbox.noticeDeleteAgainstEdit(key, at);
  }

  /** Where the rows of these documents are, in one lookup; a document this library never had is absent. */
  rowsOf(ids: readonly string[]): Map<string, StoredKey> {
    const out = new Map<string, StoredKey>();
    if (ids.length === 0) return out;
    for (const r of this.s.docsByIds.all(JSON.stringify(ids))) out.set(r.id, r);
    return out;
  }

  /**
   * The highest sequence number the changes feed has used, deleted entries included: a write
   * holding the write lock numbers its new documents' entries from here itself, so each
   * document row is written once, complete, instead of inserted and then given its sequence
   * (test/store/create-many.test.ts compares the rows with those of single creates).
   */
  usedSeq(): number {
    return this.s.usedSeq.get()!;
  }

  /**
   * Writes the row of a document new to this library, complete: its winner already settled
   * and its changes entry at `seq` (written with insertChangeAt once its revisions are in).
   * The unique index on docs.id answers "exists already?" without a lookup per write.
   */
  insertDocRow(id: string, type: string, winner: LeafInfo, conflicted: boolean, seq: number, office: string | null, at: string): DocKey {
    let info;
    try {
      info = this.s.insertDoc.run(id, type, winner.rev, winner.deleted ? 1 : 0, conflicted ? 1 : 0, seq, office, at);
    } catch (e) {
      if ((e as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new DatelineError('CONFLICT', `A document with id "${id}" already exists.`, { params: { id, reason: 'idTaken' } });
      }
      throw e;
    }
    return { rowid: Number(info.lastInsertRowid), id, type };
  }

  /** The changes entry of a document whose row insertDocRow wrote with this sequence. */
  insertChangeAt(seq: number, rowid: number): void {
    this.s.changeInsertAt.run(seq, rowid);
  }

  private row(id: string): DocRow | undefined {
    return this.s.docByid.get(id);
  }

  private body(rowid: number, rev: string): Body | null {
    const r = this.s.revBody.get(rowid, rev);
    if (!r || r.body === null) return null;
    return JSON.parse(r.body) as Body;
  }

  /** The winning revision of a document, tombstones included; undefined when unknown. */
  getStored(id: string): StoredDoc | undefined {
    const row = this.row(id);
    if (!row) return undefined;
    return {
      id: row.id,
      rev: row.winner,
      type: row.type,
      deleted: row.deleted === 1,
      conflicted: row.conflicted === 1,
      seq: row.seq,
      body: this.body(row.rowid, row.winner) ?? {},
    };
  }

  /** The live winning revision of a document of the given type, or a NOT_FOUND error. */
  require(id: string, type?: string): StoredDoc {
    const d = this.getStored(id);
    if (!d || d.deleted || (type !== undefined && d.type !== type)) {
      throw noSuchDoc(id, type ?? null);
    }
    return d;
  }

  /** The body of one revision, current or old. */
  getRevision(id: string, rev: string): { body: Body; deleted: boolean; parent: string | null } {
    const row = this.row(id);
    const r = row ? this.s.revBody.get(row.rowid, rev) : undefined;
    if (!row || !r) {
      throw new DatelineError('NOT_FOUND', `Document "${id}" has no revision "${rev}".`, { params: { id, rev, reason: 'noRevision' } });
    }
    if (r.body === null) {
      throw new DatelineError('NOT_FOUND', `Revision "${rev}" of "${id}" was compacted; only its place in the history is kept.`, {
        params: { id, rev, reason: 'revisionCompacted' },
      });
    }
    return { body: JSON.parse(r.body) as Body, deleted: r.deleted === 1, parent: r.parent };
  }

  revisions(id: string): RevisionInfo[] {
    const row = this.row(id);
    if (!row) throw noSuchDoc(id);
    return this.s.revList.all(row.rowid).map((r) => ({
      rev: r.rev,
      parent: r.parent,
      deleted: r.deleted === 1,
      leaf: r.leaf === 1,
      winner: r.rev === row.winner,
      author: r.author,
      at: r.at,
      available: r.has_body === 1,
    }));
  }

  /** Creates a document. `fields` must already be validated; meta fields are set here. */
  create(type: DocType, fields: Body, ctx: WriteContext, id: string = newDocId(type)): StoredDoc {
    return this.createOne(type, fields, ctx, id);
  }

  /**
   * The bulk write: creates many documents of one type in one transaction (a savepoint inside
   * a caller's, such as an import's held transaction), all of them or none. `fields` must
   * already be validated. It leaves exactly what `create` called for each would leave, in every
   * table and in the search index (test/store/create-many.test.ts); imports call it a batch at
   * a time.
   */
  createMany(type: DocType, items: readonly { fields: Body; id?: string }[], ctx: WriteContext): StoredDoc[] {
    return this.createBatch(type, items, ctx);
  }

  private insertNew(type: DocType, fields: Body, ctx: WriteContext, id: string): StoredDoc {
    return this.insertPrepared(this.prepareNew(type, fields, ctx, id), this.usedSeq() + 1);
  }

  /** A new document's body, stored text and first revision, computed before anything is written (the bulk path writes it itself). */
  prepareNew(type: DocType, fields: Body, ctx: WriteContext, id: string): NewDoc {
    const at = ctx.at ?? this.now();
    const body = this.withMeta(type, fields, { createdAt: at, createdBy: ctx.author }, ctx.author, at);
    // One serialisation serves both the revision id and the stored text. Not the canonical one
    // (sorted keys) that edits, merges and erasures hash so two libraries agree: a new document
    // holds its own new id and time, so no other library can make the same first revision, and
    // sorting every object's keys was 7% of a batch of contacts.
    const json = JSON.stringify(body);
    return { type, id, at, author: ctx.author, body, json, rev: revFromJson(null, false, json) };
  }

  /**
   * New documents of one type ready to be written, each with its search entry when they are
   * indexed now, all prepared before any row is written: the JavaScript work and SQLite's each
   * run together (measured on contacts in batches of 1,000: preparing and writing each in turn
   * cost about 5% more CPU, and making the search entries between the rows 4% more).
   */
  prepareBatch(type: DocType, items: readonly { fields: Body; id?: string }[], ctx: WriteContext, search: SearchIndexing): NewDoc[] {
    return items.map((it) => {
      const d = this.prepareNew(type, it.fields, ctx, it.id ?? newDocId(type));
      if (search === 'now') d.entry = searchEntry(type, d.body);
      return d;
    });
  }

  /** Writes a prepared new document with its changes entry at `seq`; the caller holds the write lock. */
  insertPrepared(d: NewDoc, seq: number, search: SearchIndexing = 'now'): StoredDoc {
    const { rowid } = this.insertDocRow(d.id, d.type, { rev: d.rev, pos: 1, deleted: false }, false, seq, officeOf(d.body), d.at);
    this.insertFirstRevision(rowid, d);
    this.insertChangeAt(seq, rowid);
    project(this.db, d.type, rowid, d.body, d.at, true, search, d.entry);
    return { id: d.id, rev: d.rev, type: d.type, deleted: false, conflicted: false, seq, body: d.body };
  }

  /** Stores a new document's first revision, its row written already. */
  private insertFirstRevision(rowid: number, d: Pick<NewDoc, 'rev' | 'json' | 'author' | 'at'>): void {
    this.rows.insert(rowid, d.rev, 1, null, false, true, d.json, d.author, d.at);
  }

  /**
   * Writes a new revision on top of `baseRev` (the current winner when absent). A base that
   * is not a leaf any more means someone else changed the document first: CONFLICT.
   */
  update(id: string, fields: Body, ctx: WriteContext, baseRev?: string | null): StoredDoc {
    return this.db.transaction(() => this.updateHere(id, fields, ctx, baseRev)).immediate();
  }

  /**
   * `update` inside the caller's transaction, with no savepoint of its own (the bulk path: a
   * savepoint per write makes the search index flush its pending terms each time). `search`:
   * 'later' queues the new winner's search entry (see search/index-writer.ts).
   */
  updateHere(id: string, fields: Body, ctx: WriteContext, baseRev?: string | null, search: SearchIndexing = 'now'): StoredDoc {
    const row = this.row(id);
    if (!row || (row.deleted === 1 && !baseRev)) {
      throw noSuchDoc(id);
    }
    const parent = baseRev ?? row.winner;
    this.assertLeaf(row, parent);
    return this.reconciled(row, this.writeOn(row, parent, fields, ctx, search).doc);
  }

  /**
   * Writes a new revision on `parent` even when it is no longer a leaf: a second branch, so an
   * edit that cannot be merged is kept beside the other side's instead of replacing it.
   * Returns the new revision's id (the winner may be the other branch).
   */
  branch(id: string, parent: string, fields: Body, ctx: WriteContext): string {
    return this.db.transaction(() => {
      const row = this.row(id);
      if (!row) throw noSuchDoc(id);
      if (!this.s.revExists.get(row.rowid, parent)) {
        throw new DatelineError('NOT_FOUND', `Document "${id}" has no revision "${parent}".`, { params: { id, rev: parent, reason: 'noRevision' } });
      }
      const { doc, written } = this.writeOn(row, parent, fields, ctx);
      this.reconciled(row, doc);
      return written;
    }).immediate();
  }

  private writeOn(row: DocRow, parent: string, fields: Body, ctx: WriteContext, search: SearchIndexing = 'now'): { doc: StoredDoc; written: string } {
    const prev = this.body(row.rowid, parent) ?? {};
    assertEditable(row, prev);
    const at = ctx.at ?? this.now();
    const body = this.withMeta(
      row.type,
      fields,
      { createdAt: typeof prev.createdAt === 'string' ? prev.createdAt : at, createdBy: typeof prev.createdBy === 'string' ? prev.createdBy : ctx.author },
      ctx.author,
      at,
    );
    const json = canonicalJson(body);
    const written = revFromJson(parent, false, json);
    return { doc: this.writeRev(row, parent, body, false, ctx.author, at, json, search), written };
  }

  /**
   * Deletes a document by writing a tombstone revision (kept, and replicated later). With
   * `gaveWayTo`, the tombstone only closes the branch `baseRev` in favour of that leaf (a
   * conflict's resolution) and says so in its body, so no library takes it for a deletion.
   */
  remove(id: string, ctx: WriteContext, baseRev?: string | null, gaveWayTo?: string): StoredDoc {
    return this.db.transaction(() => {
      const row = this.row(id);
      if (!row || row.deleted === 1) {
        throw noSuchDoc(id);
      }
      const parent = baseRev ?? row.winner;
      this.assertLeaf(row, parent);
      const at = ctx.at ?? this.now();
      const body: Body = { ...tombstoneOf(row.type, this.body(row.rowid, parent)), updatedAt: at, updatedBy: ctx.author };
      if (gaveWayTo !== undefined) body[GAVE_WAY_TO] = gaveWayTo;
      return this.reconciled(row, this.writeRev(row, parent, body, true, ctx.author, at));
    }).immediate();
  }

  /**
   * Stores one revision made elsewhere (another laptop, a replicated branch) as it is, under a
   * given parent; this is how a second leaf, and so a conflict, enters the tree. A wrapper of
   * the batch path replication uses (RemoteWriter), so both follow the same rules.
   */
  putRevision(
    id: string,
    type: string,
    rev: { rev: string; parent: string | null; deleted: boolean; body: Body; author: string; at: string },
  ): StoredDoc {
    const ids = [rev.rev, ...(rev.parent ? [rev.parent] : [])].map((r) => r.slice(r.indexOf('-') + 1));
    if (rev.parent !== null && revPos(rev.rev) !== revPos(rev.parent) + 1) {
      throw new DatelineError('INVALID_INPUT', `Revision ${rev.rev} does not follow its parent ${rev.parent}.`, { params: { rev: rev.rev, parent: rev.parent, reason: 'revisionOutOfOrder' } });
    }
    return this.db.transaction(() => {
      const result = this.remote.write([
        { ...rev.body, type, _id: id, _rev: rev.rev, _revisions: { start: revPos(rev.rev), ids }, ...(rev.deleted ? { _deleted: true } : {}) },
      ]);
      const refused = result.denied[0];
      if (refused) throw new DatelineError('INVALID_INPUT', `Revision ${rev.rev} of "${id}" was refused: ${refused.reason}`, { params: { rev: rev.rev, id, detail: refused.reason, reason: 'revisionRefused' } });
      return this.getStored(id)!;
    }).immediate();
  }

  /**
   * Writes a revision whose body is exactly `body`, with no clock and no author in it, so two
   * libraries making the same merge or the same erase make the same revision id. `parent` must
   * be a leaf. The history still records who and when, outside the revision id.
   */
  writeExact(id: string, parent: string, body: Body, deleted: boolean, ctx: WriteContext): StoredDoc {
    return this.db.transaction(() => {
      const row = this.row(id);
      if (!row) throw noSuchDoc(id);
      this.assertLeaf(row, parent);
      const clean: Body = { type: row.type };
      for (const k of Object.keys(body)) if (!isReservedName(k) && k !== '__proto__' && k !== 'type') clean[k] = body[k];
      return this.writeRev(row, parent, clean, deleted, ctx.author, ctx.at ?? this.now());
    }).immediate();
  }

  /**
   * Erases a document: every live branch ends in a tombstone that says only its type, office
   * and why (`erased`, or `mergedInto` the person it was merged into), written without clock
   * or author so every library erasing it makes the same revision; then every stored body of
   * the document's other revisions is removed, with its draft. The tree itself stays, so the
   * erase replicates and an old revision arriving later cannot bring the content back as winner.
   */
  erase(id: string, why: { erased: true } | { mergedInto: string }, ctx: WriteContext): StoredDoc {
    return this.db.transaction(() => {
      const row = this.row(id);
      if (!row) throw noSuchDoc(id);
      const at = ctx.at ?? this.now();
      const leaves = this.s.leaves.all(row.rowid);
      const live = leaves.filter((l) => l.deleted === 0);
      const ends = live.length > 0 ? live : leaves.filter((l) => l.rev === row.winner);
      const marks: string[] = [];
      for (const leaf of ends) {
        const body: Body = { ...tombstoneOf(row.type, this.body(row.rowid, leaf.rev)), ...why };
        const json = canonicalJson(body);
        const rev = revFromJson(leaf.rev, true, json);
        marks.push(rev);
        if (!this.s.revExists.get(row.rowid, rev)) this.rows.insert(row.rowid, rev, revPos(rev), leaf.rev, true, true, json, ctx.author, at);
        this.rows.unleaf(row.rowid, leaf.rev);
      }
      // Every body but the erase tombstones just written.
      this.rows.eraseBodies(row.rowid, JSON.stringify(marks));
      prepared(this.db, 'DELETE FROM drafts WHERE doc_id = ?').run(id);
      return this.settle(row, at);
    }).immediate();
  }

  /**
   * Of the documents changed after `since` (what a pull or a sync file just brought), those erased
   * in another library that still hold an earlier version here: the winner is an erase tombstone
   * (`erased`, or `mergedInto`) and no live branch is left. Every body but their leaves' (tombstones
   * that name no one) is removed, with their drafts, as `erase` does in the library where the
   * person was erased. Found from the changes feed by sequence, not by id: 10,000 pulled ids
   * looked up one by one cost 12 ms of CPU, the range of the feed 0.5 ms. Returns their ids, and
   * the files (SHA-256) their removed versions named that no attachment stored here names any
   * more (an erased person's photo): the caller removes those from the library's files. A private
   * note about an erased person (a `_local` document: the erase could not take it) goes too; one
   * about a person merged elsewhere joins the survivor's note, as a merge made here does; so do
   * the person's answers "not the same person" (not-same.ts).
   */
  forgetErased(since: number): { ids: string[]; files: string[] } {
    return this.db.transaction(() => {
      const found = prepared(
        this.db,
        `SELECT d.rowid, d.id, d.type, json_extract(w.body, '$.mergedInto') AS mergedInto FROM changes c JOIN docs d ON d.rowid = c.doc_rowid
         JOIN revs w ON w.doc_rowid = d.rowid AND w.rev = d.winner
         WHERE c.seq > ? AND d.deleted = 1
           AND (json_extract(w.body, '$.erased') = 1 OR json_extract(w.body, '$.mergedInto') IS NOT NULL)
           AND EXISTS (SELECT 1 FROM revs r WHERE r.doc_rowid = d.rowid AND r.leaf = 0 AND r.body IS NOT NULL)`,
      ).all(since) as { rowid: number; id: string; type: string; mergedInto: unknown }[];
      const named = new Set<string>();
      for (const { rowid, id, type, mergedInto } of found) {
        if (type === 'contact') {
          followNote(this.db, id, mergedInto, (d) => this.getStored(d));
          followNotSame(this.db, id, mergedInto, (d) => this.getStored(d));
        }
        if (type === 'attachment') {
          const shas = prepared(this.db, "SELECT DISTINCT json_extract(body, '$.sha256') FROM revs WHERE doc_rowid = ? AND body IS NOT NULL")
            .pluck()
            .all(rowid);
          for (const sha of shas) if (typeof sha === 'string') named.add(sha);
        }
        this.rows.eraseBodies(rowid, JSON.stringify(this.s.leaves.all(rowid).map((l) => l.rev)));
        prepared(this.db, 'DELETE FROM drafts WHERE doc_id = ?').run(id);
      }
      // A file stays while any version of an attachment kept here names it (the same bytes added
      // here as another attachment, or one in the trash that may come back).
      const stillNamed = prepared(
        this.db,
        `SELECT 1 FROM revs r JOIN docs d ON d.rowid = r.doc_rowid
         WHERE d.type = 'attachment' AND r.body IS NOT NULL AND json_extract(r.body, '$.sha256') = ? LIMIT 1`,
      );
      return { ids: found.map((f) => f.id), files: [...named].filter((sha) => stillNamed.get(sha) === undefined) };
    }).immediate();
  }

  private reconciled(row: DocKey, doc: StoredDoc): StoredDoc {
    this.reconcile(row);
    return doc;
  }

  private assertLeaf(row: DocRow, rev: string): void {
    const r = this.s.revExists.get(row.rowid, rev);
    if (!r) {
      throw new DatelineError('NOT_FOUND', `Document "${row.id}" has no revision "${rev}".`, { params: { id: row.id, rev, reason: 'noRevision' } });
    }
    if (r.leaf !== 1) {
      throw new DatelineError(
        'CONFLICT',
        `"${row.id}" was changed since revision ${rev} (now ${row.winner}). Reload it and apply your change again.`,
        { params: { id: row.id, rev, current: row.winner, type: row.type, reason: 'changedSince' } },
      );
    }
  }

  private withMeta(type: string, fields: Body, created: { createdAt: string; createdBy: string }, author: string, at: string): Body {
    // Built in one pass, in the order callers see: type, the caller's fields, then the meta fields.
    // "__proto__" is never copied: assigning it would set the body's prototype, not a field.
    const body: Body = { type };
    for (const k of Object.keys(fields)) {
      if (!STORE_FIELDS.has(k) && !isReservedName(k) && k !== '__proto__') body[k] = fields[k];
    }
    body.schema = DOC_SCHEMA_VERSION;
    body.createdAt = created.createdAt;
    body.createdBy = created.createdBy;
    body.updatedAt = at;
    body.updatedBy = author;
    return body;
  }

  private writeRev(
    row: DocRow,
    parent: string,
    body: Body,
    deleted: boolean,
    author: string,
    at: string,
    json = canonicalJson(body),
    search: SearchIndexing = 'now',
  ): StoredDoc {
    const rev = revFromJson(parent, deleted, json);
    if (!this.s.revExists.get(row.rowid, rev)) {
      this.rows.insert(row.rowid, rev, revPos(rev), parent, deleted, true, json, author, at);
    }
    this.rows.unleaf(row.rowid, parent);
    return this.settle(row, at, undefined, search);
  }

  /**
   * Recomputes winner and conflict flag, bumps the changes feed and rewrites projections.
   * `at` is when the change happened; for revisions from elsewhere, the winner's own time.
   * `search`: 'later' queues the new winner's search entry (batches from elsewhere; see
   * search/index-writer.ts). A document new to this library is settled in memory by its writer
   * instead (RemoteWriter), its row written once.
   */
  settle(row: DocKey, when?: string, known?: KnownTree, search: SearchIndexing = 'now'): StoredDoc {
    const leaves: LeafInfo[] = this.s.leaves.all(row.rowid).map((l) => ({ rev: l.rev, pos: l.pos, deleted: l.deleted === 1 }));
    const winner = pickWinner(leaves);
    const conflicted = isConflicted(leaves);
    if (known?.winner === winner.rev) return this.settleBranch(row, winner, conflicted);
    const body = known?.bodyOf(winner.rev) ?? this.body(row.rowid, winner.rev) ?? {};
    const at = when ?? (typeof body.updatedAt === 'string' ? body.updatedAt : this.now());
    const seq = this.bumpSeq(row.rowid);
    this.s.updateDoc.run(winner.rev, winner.deleted ? 1 : 0, conflicted ? 1 : 0, seq, officeOf(body), at, row.rowid);
    project(this.db, row.type, row.rowid, winner.deleted ? null : body, at, false, search);
    return { id: row.id, rev: winner.rev, type: row.type, deleted: winner.deleted, conflicted, seq, body };
  }

  /**
   * Settles a write that left the winner as it was (a losing branch arrived): the document
   * changes in the feed and may become conflicted, but its body, projections and search entry
   * are the winner's, unchanged, so they are neither read nor rewritten.
   */
  private settleBranch(row: DocKey, winner: LeafInfo, conflicted: boolean): StoredDoc {
    const seq = this.bumpSeq(row.rowid);
    this.s.updateFlags.run(conflicted ? 1 : 0, seq, row.rowid);
    const body = this.body(row.rowid, winner.rev) ?? {};
    return { id: row.id, rev: winner.rev, type: row.type, deleted: winner.deleted, conflicted, seq, body };
  }

  private bumpSeq(rowid: number): number {
    this.s.changeDelete.run(rowid);
    return Number(this.s.changeInsert.run(rowid).lastInsertRowid);
  }

  /**
   * Compaction: removes the bodies of old revisions of one document, or of all, keeping the
   * tree (every revision id and parent, so replication and history still know the path), the
   * leaves, the branch points (a revision with two children is the base a later merge of those
   * branches needs), the base of an editing session in progress and of an open conflict.
   * Returns how many bodies were removed.
   */
  compact(id?: string): number {
    const run = () => {
      if (id === undefined) return this.rows.compact(0, Number.MAX_SAFE_INTEGER);
      const row = this.row(id);
      if (!row) throw noSuchDoc(id);
      return this.rows.compact(row.rowid, row.rowid);
    };
    return this.db.transaction(run).immediate();
  }

  /**
   * Compacts the documents whose row numbers are in [from, to], in one short transaction, so
   * a whole library can be compacted a slice at a time while other writes go on between.
   */
  compactRange(from: number, to: number): number {
    return this.db.transaction(() => this.rows.compact(from, to)).immediate();
  }

  /** The highest document row number: where a compaction a slice at a time ends. */
  lastDocRow(): number {
    return prepared(this.db, 'SELECT coalesce(max(rowid), 0) FROM docs').pluck().get() as number;
  }

  /** Documents changed after `since`, oldest first: the local side of the changes feed. */
  changesSince(since: number, limit = 100): { seq: number; id: string; rev: string; deleted: boolean }[] {
    return this.s.changesSince.all(since, limit).map((r) => ({ seq: r.seq, id: r.id, rev: r.rev, deleted: r.deleted === 1 }));
  }

  lastSeq(): number {
    return this.s.lastSeq.get()!;
  }

  /** How many live documents of each type the library holds. */
  liveCounts(): Record<DocType, number> {
    return this.s.liveCounts.get()!;
  }
}

/**
 * What a tombstone keeps of the revision it ends: its type and office, which a server's
 * per-office rules and filters need.
 */
function tombstoneOf(type: string, prev: Body | null): Body {
  const office = prev ? officeOf(prev) : null;
  return office === null ? { type } : { type, office };
}

/**
 * An app edits documents of its schema version or older; newer ones are read-only here, since
 * this app cannot know what their fields and values mean.
 */
export function assertEditable(doc: { type: string; id?: string }, body: Readonly<Body>): void {
  const v = schemaOf(body);
  if (v > DOC_SCHEMA_VERSION) {
    throw new DatelineError(
      'DOC_NEWER',
      `This ${doc.type} was written by a newer version of Dateline (document version ${v}; this app edits up to version ${DOC_SCHEMA_VERSION}). ` +
        'You can read and export it; update Dateline to edit it.',
      { params: { ...(doc.id === undefined ? {} : { id: doc.id }), version: v, supported: DOC_SCHEMA_VERSION } },
    );
  }
}

/** The office a body belongs to, as the document row keeps it. */
export function officeOf(body: Body): string | null {
  return typeof body.office === 'string' ? body.office : null;
}
