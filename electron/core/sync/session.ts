import type { ReplicationStore, RemoteRevision } from '../store/replication-api';
import { CouchPeer, type CouchPeerOptions } from './couch-peer';
import { FilesPeer } from './files/files-peer';
import { syncFiles, type FilesStep } from './files/sync-files';
import { planConflict, bodyOf } from './merge';
import type { Peer } from './peer';
import { replicate } from './replicate';
import { StorePeer } from './store-peer';
import type { ConflictNote, SyncSummary } from '../../shared/sync/contract';
import { DOC_SCHEMA_VERSION } from '../../shared/documents';

export type { ConflictNote, SyncSummary };

/**
 * One sync with a server: pull (each batch with its checkpoint in one transaction), merge what
 * can be merged, then push, merges included. Run it again at any point, after any failure: it
 * carries on from the checkpoints and changes nothing that is already in place.
 */

/** Further than this from the server's clock and the person is told (it decides nothing). */
export const CLOCK_WARNING_MS = 10 * 60 * 1000;

export interface SyncOptions {
  remote: CouchPeerOptions;
  /** Create the database on the server when it is missing (tests, a first office). */
  create?: boolean;
  batchSize?: number;
  signal?: AbortSignal;
  onStep?: (step: 'pull' | 'merge' | 'push', done: number) => void;
  /** What of this library the push sends (the app sends each office's documents to its own database). */
  pushSource?: (local: Peer) => Peer;
  /** Told of each conflict left for a person (the app records it in the conflicts inbox). */
  onConflict?: (note: ConflictNote) => void;
  /** Told of the files that only versions of documents erased elsewhere named (removed from this library's files). */
  onForgotten?: (files: string[]) => void;
  /**
   * Called once what the pull brought is settled, before the push: the library's own follow-ups
   * to what arrived (a suppression list moving into an office that arrived) go up in this sync.
   */
  onReceived?: () => void;
  /** Attachment files to send and receive after the documents; without it, documents only. */
  files?: FilesStep;
}

export async function syncOnce(store: ReplicationStore, opts: SyncOptions): Promise<SyncSummary> {
  const local = new StorePeer(store);
  const down = new CouchPeer(opts.remote);
  const up = new CouchPeer(opts.remote);
  await down.open(opts.create ?? false);
  const before = store.lastSeq();
  const pulled = await replicate(down, local, {
    batchSize: opts.batchSize,
    signal: opts.signal,
    onBatch: (p) => opts.onStep?.('pull', p.docsWritten),
  });
  await store.settled();
  const { merged, conflicts, newer } = settleConflicts(store, pulled.touched);
  for (const c of conflicts) opts.onConflict?.(c);
  // A person erased in another library leaves no earlier version of theirs here either.
  opts.onForgotten?.(store.forgetErased(before).files);
  opts.onReceived?.();
  opts.onStep?.('merge', merged);
  const pushed = await replicate(opts.pushSource ? opts.pushSource(local) : local, up, {
    batchSize: opts.batchSize,
    signal: opts.signal,
    onBatch: (p) => opts.onStep?.('push', p.docsWritten),
  });
  const files = opts.files ? await syncFiles(new FilesPeer(opts.remote), opts.files, opts.signal) : undefined;
  const skew = up.skewMs ?? down.skewMs;
  return {
    remote: down.url,
    pulled: { docs: new Set(pulled.touched).size, revisions: pulled.docsWritten, bytes: down.stats.bytesReceived },
    pushed: { docs: new Set(pushed.touched).size, revisions: pushed.docsWritten, bytes: up.stats.bytesSent },
    merged,
    conflicts,
    ...(newer ? { newer } : {}),
    denied: [...pulled.denied.map((d) => ({ ...d, direction: 'pull' as const })), ...pushed.denied.map((d) => ({ ...d, direction: 'push' as const }))],
    clockSkewMs: skew,
    clockWarning: skew !== null && Math.abs(skew) > CLOCK_WARNING_MS,
    finishedAt: new Date().toISOString(),
    ...(files ? { files } : {}),
  };
}

/**
 * Looks at every document a pull touched: two branches that changed different fields are merged
 * (deterministically, so the other laptop writes the same merge); the rest are listed. A
 * document with a branch written by a newer Dateline than `supported` (this app's version) is
 * left as it is, both branches kept, for a newer app to merge (`newer`: those documents).
 */
export function settleConflicts(
  store: ReplicationStore,
  ids: readonly string[],
  supported: number = DOC_SCHEMA_VERSION,
): { merged: number; conflicts: ConflictNote[]; newer?: string[] } {
  let merged = 0;
  const conflicts: ConflictNote[] = [];
  const newer: string[] = [];
  // One read finds the few documents with two leaves; reading every touched one was 0.13 ms a pulled document.
  const unique = [...new Set(ids)];
  const branched = new Set(store.branched(unique));
  for (const id of unique) {
    if (!branched.has(id)) continue;
    const leaves: RemoteRevision[] = store.openRevs(id, 'all').flatMap((r) => ('ok' in r ? [r.ok] : []));
    if (leaves.length < 2) continue;
    const stamps = store.stamps(id);
    const plan = planConflict(
      leaves,
      (rev) => {
        const got = store.openRevs(id, [rev])[0];
        return got && 'ok' in got ? bodyOf(got.ok) : null;
      },
      (rev) => stamps.get(rev),
      supported,
    );
    if (plan.kind === 'newer') newer.push(id);
    else if (plan.kind === 'merge') {
      store.bulkInsertRemote(plan.writes);
      merged++;
    } else if (plan.kind === 'ask') {
      conflicts.push({ id, reason: plan.reason, fields: plan.fields, ...(plan.revs ? { revs: plan.revs } : {}) });
    }
  }
  return { merged, conflicts, ...(newer.length > 0 ? { newer } : {}) };
}
