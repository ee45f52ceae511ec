import type { DocRoute, LocalDocInput, ReplicationStore } from '../store/replication-api';
import type { Peer, PeerChanges, RevRequest, Seq } from './peer';

/**
 * Which office a document belongs to, for sync, from what the library records of it: an office
 * is its own; every other document names its office (tombstones keep it), or none.
 */
export function officeOf(id: string, route: DocRoute): string | null {
  return route.type === 'office' ? id : route.office;
}

/**
 * Whether a document goes to `office`'s database: its own office's documents do; documents that
 * name no office go to the library's home office (the first it syncs). Documents of an office
 * this library does not sync go nowhere: they stay on this computer.
 */
export function routesTo(docOffice: string | null, office: string, home: string): boolean {
  return docOffice === null ? office === home : docOffice === office;
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
      // Routed by the library's columns (type, office), not by reading each body.
      const routes = this.store.routes(feed.results.map((r) => r.id));
      for (const row of feed.results) {
        const route = routes.get(row.id);
        if (route && routesTo(officeOf(row.id, route), this.office, this.home)) results.push(row);
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
