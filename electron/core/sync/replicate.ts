import { randomUUID } from 'node:crypto';
import type { RemoteRevision, RevisionJson } from '../store/replication-api';
import { nextLog, replicationId, startingSeq, asLog, type ReplicationLog } from './checkpoint';
import type { Denied, Peer, RevRequest, Seq } from './peer';

/**
 * One replication from a source peer to a target peer, CouchDB's algorithm unchanged: read the
 * source's changes from the checkpoint, ask the target which leaves it lacks (`_revs_diff`),
 * fetch those with their paths, write them as they are (`new_edits: false`), then move both
 * checkpoints on. Every step is safe to repeat: a cut anywhere leaves the checkpoints where they
 * were, and the next run sends only what the target still lacks.
 */

export interface ReplicateOptions {
  /** Changes read per step. */
  batchSize?: number;
  signal?: AbortSignal;
  onBatch?: (progress: ReplicationProgress) => void;
}

export interface ReplicationProgress {
  changesRead: number;
  docsWritten: number;
  since: Seq;
}

export interface ReplicationResult {
  replicationId: string;
  startSeq: Seq;
  lastSeq: Seq;
  /** Changed documents the source listed. */
  changesRead: number;
  /** Revisions the target lacked and now holds. */
  docsWritten: number;
  denied: Denied[];
  /** Documents that received revisions, for the merge step after a pull. */
  touched: string[];
}

const CHECKPOINT_PREFIX = '_local/';

/** Ids the library has no use for: design documents and other server-side `_` documents. */
function replicable(id: string): boolean {
  return !id.startsWith('_');
}

/** One step's revisions, read from the source and waiting to be stored on the target. */
interface Batch {
  changes: number;
  lastSeq: Seq;
  requests: RevRequest[];
  docs: { objects: RemoteRevision[] } | { json: RevisionJson[] };
}

export async function replicate(source: Peer, target: Peer, opts: ReplicateOptions = {}): Promise<ReplicationResult> {
  const batchSize = opts.batchSize ?? 100;
  const repId = replicationId(source.identity, target.identity);
  const logId = `${CHECKPOINT_PREFIX}${repId}`;
  const [sourceDoc, targetDoc] = await Promise.all([source.getLocal(logId), target.getLocal(logId)]);
  let sourceLog: ReplicationLog | null = asLog(sourceDoc);
  let targetLog: ReplicationLog | null = asLog(targetDoc);
  const startSeq = startingSeq(sourceLog, targetLog);
  const session = randomUUID();
  const result: ReplicationResult = { replicationId: repId, startSeq, lastSeq: startSeq, changesRead: 0, docsWritten: 0, denied: [], touched: [] };
  const asJson = source.getRevsJson && target.writeRevsJson ? { read: source.getRevsJson.bind(source), write: target.writeRevsJson.bind(target) } : null;

  /** Stores one batch, then moves the target's checkpoint (with it where the target can) and the source's. */
  const store = async (batch: Batch): Promise<void> => {
    const targetNext = nextLog(logId, targetLog ?? targetDoc, session, batch.lastSeq);
    const outcome = 'json' in batch.docs ? await asJson!.write(batch.docs.json) : await target.writeRevs(batch.docs.objects, targetNext);
    const targetRev = (outcome.checkpoint ?? (await target.putLocal(targetNext)))._rev;
    targetLog = { ...targetNext, _rev: targetRev };
    const sourceNext = nextLog(logId, sourceLog ?? sourceDoc, session, batch.lastSeq);
    sourceLog = { ...sourceNext, _rev: (await source.putLocal(sourceNext))._rev };
    result.changesRead += batch.changes;
    result.docsWritten += outcome.written;
    result.denied.push(...outcome.denied);
    const refused = new Set(outcome.denied.map((d) => d.id));
    for (const r of batch.requests) if (!refused.has(r.id)) result.touched.push(r.id);
    result.lastSeq = batch.lastSeq;
    opts.onBatch?.({ changesRead: result.changesRead, docsWritten: result.docsWritten, since: batch.lastSeq });
  };

  // Pipelined, one batch deep: the next batch is read (changes, revs_diff, revisions) while the
  // current one is stored, so the source, the target and this process work at the same time.
  // Batches are stored one after the other, in feed order, so a checkpoint never passes a batch
  // that is not stored.
  let storing: Promise<void> = Promise.resolve();
  try {
    let since = startSeq;
    for (;;) {
      opts.signal?.throwIfAborted();
      const feed = await source.changes(since, batchSize);
      if (feed.results.length === 0) break;
      const wanted: Record<string, string[]> = {};
      for (const row of feed.results) {
        if (replicable(row.id)) wanted[row.id] = row.changes.map((c) => c.rev);
      }
      const diff = await target.revsDiff(wanted);
      const requests: RevRequest[] = Object.entries(diff)
        .filter(([, d]) => d.missing.length > 0)
        .map(([id, d]) => ({ id, revs: d.missing }));
      const docs: Batch['docs'] = asJson
        ? { json: requests.length > 0 ? await asJson.read(requests) : [] }
        : { objects: requests.length > 0 ? await source.getRevs(requests) : [] };
      opts.signal?.throwIfAborted();
      await storing;
      storing = store({ changes: feed.results.length, lastSeq: feed.lastSeq, requests, docs });
      // Awaited before the next batch or at the end; until then a failure must not count as unhandled.
      storing.catch(() => undefined);
      since = feed.lastSeq;
      if (feed.results.length < batchSize) break;
    }
  } catch (e) {
    // Never return while a write is still on its way: the caller may start the next sync at once.
    await storing.catch(() => undefined);
    throw e;
  }
  await storing;
  return result;
}
