import type { ReplicationStore } from '../store/replication-api';
import type { LocalDocInput } from '../store/replication-api';
import type { Peer, PeerChanges, RevRequest, Seq } from './peer';

/**
 * Which office a document belongs to, for sync: an office is its own; every other document
 * names its office (tombstones keep it), or none.
 */
export function officeOf(id: string, body: Record<string, unknown>): string | null {
  if (body.type === 'office') return id;
  return typeof body.office === 'string' ? body.office : null;
}

/**
 * Whether a document goes to `office`'s database: its own office's documents do; documents that
 * name no office go to the library's home office (the first it syncs). Documents of an office
 * this library does not sync go nowhere: they stay on this computer.
 */
export function routesTo(docOffice: string | null, office: string, home: string): boolean {
  return docOffice === null ? office === home : docOffice === office;
}

/** The office of each changed document, read from its winning revision (the feed's first). */
export function changedOffice(store: ReplicationStore, id: string, winner: string): string | null {
  const got = store.openRevs(id, [winner])[0];
  return got && 'ok' in got ? officeOf(id, got.ok) : null;
}

/**
 * This library as the source of a push to one office's database: the same peer, with a changes
 * feed that lists only that office's documents. Its identity names the office and whether it is
 * the home office, so each office database keeps its own checkpoints, and a change of the home
 * office starts a fresh comparison (revs_diff then skips what the server already has).
 */
export class OfficePeer implements Peer {
  readonly identity: string;
  readonly getRevsJson?: Peer['getRevsJson'];

  constructor(
    private readonly inner: Peer,
    private readonly store: ReplicationStore,
    private readonly office: string,
    private readonly home: string,
  ) {
    this.identity = `${inner.identity}#office=${office}${office === home ? '#home' : ''}`;
    const json = inner.getRevsJson?.bind(inner);
    if (json) this.getRevsJson = json;
  }

  /**
   * Reads the library's feed until `limit` of this office's changes are found or the feed ends,
   * so a page shorter than `limit` still means "the end" to the replicator. lastSeq is the last
   * one read: the checkpoint moves past the documents left out.
   */
  async changes(since: Seq, limit: number): Promise<PeerChanges> {
    const results: PeerChanges['results'] = [];
    let from = since;
    for (;;) {
      const feed = await this.inner.changes(from, limit);
      for (const row of feed.results) {
        if (routesTo(changedOffice(this.store, row.id, row.changes[0]?.rev ?? ''), this.office, this.home)) results.push(row);
      }
      from = feed.lastSeq;
      if (results.length >= limit || feed.results.length < limit) return { results, lastSeq: from };
    }
  }

  revsDiff = (request: Parameters<Peer['revsDiff']>[0]) => this.inner.revsDiff(request);
  getRevs = (requests: readonly RevRequest[]) => this.inner.getRevs(requests);
  writeRevs = (docs: Parameters<Peer['writeRevs']>[0], checkpoint?: LocalDocInput) => this.inner.writeRevs(docs, checkpoint);
  getLocal = (id: string) => this.inner.getLocal(id);
  putLocal = (doc: LocalDocInput) => this.inner.putLocal(doc);
}
