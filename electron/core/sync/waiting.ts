import type { SyncWaiting } from '../../shared/sync/app-contract';
import type { ReplicationStore } from '../store/replication-api';
import { asLog, replicationId } from './checkpoint';
import { OfficePeer, officeOf, routesTo } from './office-peer';
import { StorePeer } from './store-peer';

/** One office database this library pushes to. */
export interface OfficeTarget {
  office: string;
  /** The database URL without credentials (the server peer's identity). */
  url: string;
}

const PAGE = 1000;

/** What one changed document adds to the count. */
interface Entry {
  seq: number;
  /** The office database it goes to; null: none this library syncs. */
  target: string | null;
  kind: 'releases' | 'contacts' | 'photos' | 'files' | 'offices' | 'others' | 'deletions';
  bytes: number;
}

/**
 * What is waiting to go to the server: every document changed since its office's push
 * checkpoint, counted once per kind (a deletion as a deletion, of any kind), with the bytes of
 * the files. Read from the library alone (no
 * network), so the status can say it while offline.
 *
 * The status is asked after every write, so the count is kept, not made again: each change of
 * the feed is read once (its route from the library's columns, a body only for an attachment's
 * type and size), remembered by document, and dropped once a push checkpoint has passed it. A
 * checkpoint that goes back (a restored library, another office chosen) starts a fresh count.
 */
export class WaitingCounter {
  private key = '';
  private store: ReplicationStore | null = null;
  /** Changed documents not yet passed by the checkpoint of every office. */
  private entries = new Map<string, Entry>();
  /** The last feed sequence read. */
  private seen = 0;
  /** The lowest push checkpoint when last counted. */
  private floor = 0;

  count(store: ReplicationStore, targets: readonly OfficeTarget[]): SyncWaiting {
    const out: SyncWaiting = { releases: 0, contacts: 0, photos: 0, files: 0, offices: 0, others: 0, deletions: 0, bytes: 0 };
    const home = targets[0]?.office;
    if (home === undefined) return out;
    const local = new StorePeer(store);
    const checkpoints = new Map<string, number>();
    for (const t of targets) {
      const source = new OfficePeer(local, store, t.office, home);
      const log = asLog(store.getLocal(`_local/${replicationId(source.identity, t.url)}`));
      const seq = log ? Number(log.source_last_seq) : 0;
      checkpoints.set(t.office, Number.isFinite(seq) && seq >= 0 ? seq : 0);
    }
    const floor = Math.min(...checkpoints.values());
    const key = `${local.identity}\n${targets.map((t) => `${t.office} ${t.url}`).join('\n')}`;
    if (store !== this.store || key !== this.key || floor < this.floor) {
      this.store = store;
      this.key = key;
      this.entries.clear();
      this.seen = floor;
    }
    this.floor = floor;
    this.read(store, targets, home);
    for (const [id, e] of this.entries) {
      if (e.seq <= floor) this.entries.delete(id);
      else if (e.target !== null && e.seq > checkpoints.get(e.target)!) {
        out[e.kind]++;
        out.bytes += e.bytes;
      }
    }
    return out;
  }

  /** Reads the feed from where the last count stopped. */
  private read(store: ReplicationStore, targets: readonly OfficeTarget[], home: string): void {
    for (;;) {
      const page = store.changes(this.seen, PAGE);
      const routes = store.routes(page.results.map((r) => r.id));
      for (const row of page.results) {
        const route = routes.get(row.id);
        if (!route) continue;
        const office = officeOf(row.id, route);
        const target = targets.find((t) => routesTo(office, t.office, home))?.office ?? null;
        const entry: Entry = { seq: row.seq, target, kind: 'others', bytes: 0 };
        // A deletion is said as one, whatever it deleted: "1 release waiting" read as a release to send.
        if (row.deleted === true) entry.kind = 'deletions';
        else if (route.type === 'release') entry.kind = 'releases';
        else if (route.type === 'contact') entry.kind = 'contacts';
        // An office is said as its settings, not as "1 other document" the person cannot place.
        else if (route.type === 'office') entry.kind = 'offices';
        else if (route.type === 'attachment') {
          const got = store.openRevs(row.id, [row.changes[0]?.rev ?? ''])[0];
          const body = got && 'ok' in got ? got.ok : null;
          const media = typeof body?.mediaType === 'string' ? body.mediaType : '';
          entry.kind = media.startsWith('image/') ? 'photos' : 'files';
          if (body && !body._deleted && typeof body.size === 'number') entry.bytes = body.size;
        }
        this.entries.set(row.id, entry);
      }
      this.seen = page.lastSeq;
      if (page.results.length < PAGE) return;
    }
  }
}
