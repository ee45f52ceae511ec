import type { ChangeRow, LocalDoc, LocalDocInput, RemoteRevision, RevisionJson, RevsDiffRequest, RevsDiffResult } from '../store/replication-api';

/**
 * One side of a replication, as the replicator sees it: a CouchDB-protocol server over HTTP
 * (couch-peer.ts) or this library through the store's replication API (store-peer.ts). The
 * replicator copies from a source peer to a target peer and knows nothing else about either.
 */

/**
 * Changes read per step, and revisions per `_bulk_get` or `_bulk_docs` request: 100 (PouchDB's
 * default), 250 where either side is a near server (answered within 10 ms). A server costs about
 * as much per request as per few dozen documents (pouchdb-server, a push of 2,000 releases: its
 * CPU 1,310 and 1,060 ms with 100 and 250, the push's wall time 2.1 and 1.3 s); over a far link
 * a large answer cut by a drop is all sent again, so pages stay small there.
 */
export const PAGE = 100;
export const NEAR_PAGE = 250;

/** CouchDB sequences are opaque (strings in CouchDB 3, numbers in PouchDB and in our store). */
export type Seq = string | number;

export interface PeerChange extends Omit<ChangeRow, 'seq'> {
  seq: Seq;
}

export interface PeerChanges {
  results: PeerChange[];
  lastSeq: Seq;
}

/** One document's revisions to fetch. */
export interface RevRequest {
  id: string;
  revs: string[];
}

export interface Denied {
  id: string;
  rev: string;
  reason: string;
}

export interface WriteOutcome {
  /** Revisions new to the target (a server, which cannot tell, counts every one it accepted). */
  written: number;
  denied: Denied[];
}

export interface Peer {
  /** Names this peer in the replication id: never a password, never a version number. */
  readonly identity: string;
  /** A server that answered within 10 ms (couch-peer.ts); absent or false for anything else. */
  readonly near?: boolean;
  /**
   * Batches the replicator may have this peer writing at once (1 unless given). A library writes
   * each batch with its checkpoint, so one at a time; a server is sent the next batch while it
   * still stores one, and reads its request while the one before waits on its disk.
   */
  readonly writesAtOnce?: number;
  /** Changes after `since`, every leaf of each changed document. */
  changes(since: Seq, limit: number): Promise<PeerChanges>;
  revsDiff(request: RevsDiffRequest): Promise<RevsDiffResult>;
  /** The revisions asked for with their paths; revisions the peer lacks are left out. */
  getRevs(requests: readonly RevRequest[]): Promise<RemoteRevision[]>;
  /**
   * As getRevs, but the revisions are read from what was fetched only when the function answered
   * is called (and any fault in them thrown then): a server's answers wait as bytes, outside
   * JavaScript's heap, while the batches before them are stored.
   */
  fetchRevs?(requests: readonly RevRequest[]): Promise<() => RemoteRevision[]>;
  /**
   * Stores revisions as they are (`new_edits: false`). A peer that can write the checkpoint
   * in the same transaction does so and answers with it as stored; otherwise `checkpoint` is null
   * and the replicator writes it next.
   */
  writeRevs(docs: readonly RemoteRevision[], checkpoint?: LocalDocInput): Promise<WriteOutcome & { checkpoint: LocalDoc | null }>;
  /**
   * The fast path of a push, taken when the source has the first and the target the second: the
   * revisions travel as the JSON text the library stores, never parsed and serialised again.
   */
  getRevsJson?(requests: readonly RevRequest[]): Promise<RevisionJson[]>;
  writeRevsJson?(docs: readonly RevisionJson[]): Promise<WriteOutcome & { checkpoint: null }>;
  getLocal(id: string): Promise<LocalDoc | null>;
  /** Without `_rev`, replaces whatever is there; with a stale one, fails. */
  putLocal(doc: LocalDocInput): Promise<LocalDoc>;
}
