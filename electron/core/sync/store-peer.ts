import type { LocalDoc, LocalDocInput, RemoteRevision, ReplicationStore, RevisionJson, RevsDiffRequest, RevsDiffResult } from '../store/replication-api';
import type { Peer, PeerChanges, RevRequest, Seq, WriteOutcome } from './peer';

/**
 * This library as a replication peer, through the store's replication API only (never its SQL).
 * A pulled batch and its checkpoint are stored in one transaction by `bulkInsertRemote`. Each use
 * first waits for a long job's open transaction (a contacts import) to end, so a push never sends
 * rows a cancel then undoes, and a pull is never undone with them.
 */
export class StorePeer implements Peer {
  constructor(private readonly store: ReplicationStore) {}

  /** Read on every use: a restored library has a new identity, and so new checkpoints. */
  get identity(): string {
    return `dateline:${this.store.libraryId()}`;
  }

  async changes(since: Seq, limit: number): Promise<PeerChanges> {
    await this.store.settled();
    const from = typeof since === 'number' ? since : Number.parseInt(since, 10);
    const r = this.store.changes(Number.isFinite(from) && from >= 0 ? from : 0, limit);
    return { results: r.results, lastSeq: r.lastSeq };
  }

  async revsDiff(request: RevsDiffRequest): Promise<RevsDiffResult> {
    await this.store.settled();
    return this.store.revsDiff(request);
  }

  async getRevs(requests: readonly RevRequest[]): Promise<RemoteRevision[]> {
    await this.store.settled();
    const out: RemoteRevision[] = [];
    for (const r of requests) {
      for (const got of this.store.openRevs(r.id, r.revs, { latest: true })) {
        if ('ok' in got) out.push(got.ok);
      }
    }
    return out;
  }

  async getRevsJson(requests: readonly RevRequest[]): Promise<RevisionJson[]> {
    await this.store.settled();
    return this.store.openRevsJson(requests);
  }

  async writeRevs(docs: readonly RemoteRevision[], checkpoint?: LocalDocInput): Promise<WriteOutcome & { checkpoint: LocalDoc | null }> {
    await this.store.settled();
    const r = this.store.bulkInsertRemote(docs, checkpoint);
    const written = checkpoint ? this.store.getLocal(checkpoint._id) : null;
    return { written: r.written, denied: r.denied, checkpoint: written };
  }

  async getLocal(id: string): Promise<LocalDoc | null> {
    await this.store.settled();
    return this.store.getLocal(id);
  }

  /** The replicator's checkpoints only: one after every batch, so without an fsync (losing one repeats a batch). */
  async putLocal(doc: LocalDocInput): Promise<LocalDoc> {
    await this.store.settled();
    return this.store.putLocal(doc, { synced: false });
  }
}
