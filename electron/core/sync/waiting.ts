import type { SyncWaiting } from '../../shared/sync/app-contract';
import type { ReplicationStore } from '../store/replication-api';
import { asLog, replicationId } from './checkpoint';
import { changedOffice, OfficePeer, routesTo } from './office-peer';
import { StorePeer } from './store-peer';

/** One office database this library pushes to. */
export interface OfficeTarget {
  office: string;
  /** The database URL without credentials (the server peer's identity). */
  url: string;
}

const PAGE = 1000;

/**
 * What is waiting to go to the server: every document changed since each office's push
 * checkpoint that belongs to that office, counted once per kind, with the bytes of the files.
 * Read from the library alone (no network), so the status can say it while offline.
 */
export function waitingToUpload(store: ReplicationStore, targets: readonly OfficeTarget[]): SyncWaiting {
  const out: SyncWaiting = { releases: 0, contacts: 0, photos: 0, files: 0, others: 0, bytes: 0 };
  const home = targets[0]?.office;
  if (home === undefined) return out;
  const local = new StorePeer(store);
  const counted = new Set<string>();
  for (const t of targets) {
    const source = new OfficePeer(local, store, t.office, home);
    const log = asLog(store.getLocal(`_local/${replicationId(source.identity, t.url)}`));
    const seq = log ? Number(log.source_last_seq) : 0;
    let since = Number.isFinite(seq) && seq >= 0 ? seq : 0;
    for (;;) {
      const page = store.changes(since, PAGE);
      for (const row of page.results) {
        const winner = row.changes[0]?.rev ?? '';
        if (counted.has(row.id) || !routesTo(changedOffice(store, row.id, winner), t.office, home)) continue;
        counted.add(row.id);
        const got = store.openRevs(row.id, [winner])[0];
        const body = got && 'ok' in got ? got.ok : null;
        if (body) count(out, body);
      }
      since = page.lastSeq;
      if (page.results.length < PAGE) break;
    }
  }
  return out;
}

function count(out: SyncWaiting, body: Record<string, unknown>): void {
  switch (body.type) {
    case 'release':
      out.releases++;
      return;
    case 'contact':
      out.contacts++;
      return;
    case 'attachment': {
      const media = typeof body.mediaType === 'string' ? body.mediaType : '';
      if (media.startsWith('image/')) out.photos++;
      else out.files++;
      if (!body._deleted && typeof body.size === 'number') out.bytes += body.size;
      return;
    }
    default:
      out.others++;
  }
}
