import type { ChangeRow, LocalDoc, LocalDocInput, RemoteRevision, RevisionJson, RevsDiffRequest, RevsDiffResult } from '../store/replication-api';

/**
 * One side of a replication, as the replicator sees it: a CouchDB-protocol server over HTTP
 * (couch-peer.ts) or this library through the store's replication API (store-peer.ts). The
 * replicator copies from a source peer to a target peer and knows nothing else about either.
 */

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
  /** Changes after `since`, every leaf of each changed document. */
  changes(since: Seq, limit: number): Promise<PeerChanges>;
  revsDiff(request: RevsDiffRequest): Promise<RevsDiffResult>;
  /** The revisions asked for with their paths; revisions the peer lacks are left out. */
  getRevs(requests: readonly RevRequest[]): Promise<RemoteRevision[]>;
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
