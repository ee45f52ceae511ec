/**
 * The store's replication API: the only way the replicator (core/sync), the sync file and any
 * other peer exchange documents with a library. It speaks in CouchDB's shapes (`_id`, `_rev`,
 * `_revisions`, `_deleted`) because that is what crosses the network; inside the store, bodies
 * never carry a field that starts with `_`.
 *
 * Implemented by the store (`ReplicationStore` in store/replication.ts), used by core/sync.
 */

/** A revision as CouchDB sends it with `revs=true`: the body plus its path of revision ids. */
export interface RemoteRevision {
  _id: string;
  _rev: string;
  _deleted?: boolean;
  /** Newest first: `ids[0]` is the hash part of `_rev`, `start` its generation. */
  _revisions: { start: number; ids: string[] };
  [BODY_TEXT]?: Uint8Array;
  [field: string]: unknown;
}

/**
 * Where a revision from elsewhere may carry the exact text the store writes for its body: the
 * UTF-8 bytes of `JSON.stringify` of its members that do not start with `_`, in their order.
 * The store then writes these bytes instead of serialising the body a second time (a reader
 * of a `_bulk_get` answer finds them there, results-answer.ts). Only this process's code can
 * set it: JSON never makes a symbol key.
 */
export const BODY_TEXT: unique symbol = Symbol('body text');

/** `_revs_diff` request and answer, as CouchDB defines them. */
export type RevsDiffRequest = Record<string, string[]>;
export type RevsDiffResult = Record<string, { missing: string[]; possible_ancestors?: string[] }>;

/** One row of `_changes?style=all_docs`: every leaf of the changed document. */
export interface ChangeRow {
  seq: number;
  id: string;
  changes: { rev: string }[];
  deleted?: boolean;
}

/**
 * A revision as the JSON text CouchDB's `_bulk_docs` takes (body, `_id`, `_rev`, `_revisions`,
 * `_deleted`): what a push sends, made from the stored body text without parsing it.
 */
export interface RevisionJson {
  id: string;
  rev: string;
  /** UTF-8. */
  json: Buffer;
}

/** A document's type and the office its winning revision names (null: none). */
export interface DocRoute {
  type: string;
  office: string | null;
}

/** Answer for one requested revision of `open_revs` / `_bulk_get`. */
export type OpenRevResult = { ok: RemoteRevision } | { missing: string };

/** A `_local` document: never replicated, never in the changes feed (checkpoints live here). */
export interface LocalDoc {
  _id: string;
  _rev: string;
  [field: string]: unknown;
}

/**
 * A `_local` document to write: without `_rev` it replaces whatever is there. Declared on its
 * own: `Omit` over a type with an index signature keeps only the signature, and `_id` would
 * become `unknown`.
 */
export interface LocalDocInput {
  _id: string;
  _rev?: string;
  [field: string]: unknown;
}

export interface BulkWriteResult {
  /** Revisions that were new to this library. */
  written: number;
  /** Revisions already present (a replay): they change nothing, not even the changes feed. */
  skipped: number;
  /** Documents refused (a body that fails validation, a reserved `_` field): recorded in `denied`. */
  denied: { id: string; rev: string; reason: string }[];
}

export interface ReplicationStore {
  /**
   * Resolves when no long job holds a write transaction open on the library (a contacts import
   * pauses inside one): until then a read would see rows a cancel may undo, and a write would be
   * undone with them. The replicator waits for it before each use of the store.
   */
  settled(): Promise<void>;
  /** This library's replication identity; a new one after restore. */
  libraryId(): string;
  /** Which of these revisions this library lacks. */
  revsDiff(request: RevsDiffRequest): RevsDiffResult;
  /**
   * Stores revisions written elsewhere (`new_edits: false`), with their paths, in one transaction:
   * unknown ancestors are inserted without bodies, stemmed roots accepted, each document's winner
   * settled once, projections and search updated from the new winner. Optionally writes a `_local`
   * checkpoint in the same transaction (as putLocal: a stale `_rev` fails the whole batch).
   */
  bulkInsertRemote(docs: readonly RemoteRevision[], checkpoint?: LocalDocInput): BulkWriteResult;
  /** Changes after `since`, oldest first, with every leaf of each document. */
  changes(since: number, limit: number): { results: ChangeRow[]; lastSeq: number };
  /** Revisions with their paths; `'all'` means every leaf; `latest` follows each to its leaf. */
  openRevs(id: string, revs: readonly string[] | 'all', options?: { latest?: boolean }): OpenRevResult[];
  /**
   * As `openRevs` with `latest` for many documents in one read, answered as JSON text: revisions
   * without a body here (stemmed ancestors) and revisions this library lacks are left out.
   */
  openRevsJson(requests: readonly { id: string; revs: readonly string[] }[]): RevisionJson[];
  /**
   * Each of these documents' type and office as the library records them (its row: the office its
   * winner names), without reading a body: how a push routes documents to office databases.
   * Ids the library does not hold are left out.
   */
  routes(ids: readonly string[]): Map<string, DocRoute>;
  /** The newest sequence of this library's changes feed. */
  lastSeq(): number;
  /**
   * Of the documents changed after `since`, those erased in another library (a person at their
   * request, or a duplicate merged into another): every earlier version of them is removed here
   * too, as where they were erased. Returns their ids, and the attachment files (SHA-256) that only
   * those versions named, which the caller removes from the library's files.
   */
  forgetErased(since: number): { ids: string[]; files: string[] };
  /** Of these documents, those with more than one leaf (edits in conflict, or a deletion against an edit), in one read. */
  branched(ids: readonly string[]): string[];
  /**
   * Who wrote each revision of a document and when, as its tree records them (a revision made
   * elsewhere: its body's `updatedBy` and `updatedAt`); kept when bodies are compacted.
   */
  stamps(id: string): Map<string, { author: string; at: string }>;
  getLocal(id: string): LocalDoc | null;
  /**
   * Writes a `_local` document; `_rev` is `0-N`, increasing, as CouchDB does. `synced: false`
   * commits it without an fsync: for a push checkpoint, which a power cut may only take back to
   * an earlier batch (sent again, changing nothing on the server).
   */
  putLocal(doc: LocalDocInput, opts?: { synced?: boolean }): LocalDoc;
}
