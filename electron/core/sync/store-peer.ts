import type { LocalDoc, LocalDocInput, RemoteRevision, ReplicationStore, RevisionJson, RevsDiffRequest, RevsDiffResult } from '../store/replication-api';
import type { Peer, PeerChanges, RevRequest, Seq, WriteOutcome } from './peer';

/**
 * This library as a replication peer, through the store's replication API only (never its SQL).
 * A pulled batch and its checkpoint are stored in one transaction by `bulkInsertRemote`.
 */
export class StorePeer implements Peer {
  constructor(private readonly store: ReplicationStore) {}

  /** Read on every use: a restored library has a new identity, and so new checkpoints. */
  get identity(): string {
    return `dateline:${this.store.libraryId()}`;
  }

  changes(since: Seq, limit: number): Promise<PeerChanges> {
    const from = typeof since === 'number' ? since : Number.parseInt(since, 10);
    const r = this.store.changes(Number.isFinite(from) && from >= 0 ? from : 0, limit);
    return Promise.resolve({ results: r.results, lastSeq: r.lastSeq });
  }

  revsDiff(request: RevsDiffRequest): Promise<RevsDiffResult> {
    return Promise.resolve(this.store.revsDiff(request));
  }

  getRevs(requests: readonly RevRequest[]): Promise<RemoteRevision[]> {
    const out: RemoteRevision[] = [];
    for (const r of requests) {
      for (const got of this.store.openRevs(r.id, r.revs, { latest: true })) {
        if ('ok' in got) out.push(got.ok);
      }
    }
    return Promise.resolve(out);
  }

  getRevsJson(requests: readonly RevRequest[]): Promise<RevisionJson[]> {
    return Promise.resolve(this.store.openRevsJson(requests));
  }

  writeRevs(docs: readonly RemoteRevision[], checkpoint?: LocalDocInput): Promise<WriteOutcome & { checkpoint: LocalDoc | null }> {
    const r = this.store.bulkInsertRemote(docs, checkpoint);
    const written = checkpoint ? this.store.getLocal(checkpoint._id) : null;
    return Promise.resolve({ written: r.written, denied: r.denied, checkpoint: written });
  }

  getLocal(id: string): Promise<LocalDoc | null> {
    return Promise.resolve(this.store.getLocal(id));
  }

  putLocal(doc: LocalDocInput): Promise<LocalDoc> {
    return Promise.resolve(this.store.putLocal(doc));
  }
}
