import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { LocalDoc, RemoteRevision, RevisionJson } from '../store/replication-api';
import { nextLog, replicationId, startingSeq, asLog, type ReplicationLog } from './checkpoint';
import { NEAR_PAGE, PAGE, type Denied, type Peer, type PeerChanges, type RevRequest, type Seq, type WriteOutcome } from './peer';

/**
 * One replication from a source peer to a target peer, CouchDB's algorithm unchanged: read the
 * source's changes from the checkpoint, ask the target which leaves it lacks (`_revs_diff`),
 * fetch those with their paths, write them as they are (`new_edits: false`), then move both
 * checkpoints on. Every step is safe to repeat: a cut anywhere leaves the checkpoints where they
 * were, and the next run sends only what the target still lacks.
 */

export interface ReplicateOptions {
  /** Changes read per step; PAGE unless given (NEAR_PAGE when either side is a near server). */
  batchSize?: number;
  signal?: AbortSignal;
  onBatch?: (progress: ReplicationProgress) => void;
  /**
   * Checkpoints that cost a request (a server's) are written at most this often (ms), and always
   * after the last batch; CHECKPOINT_EVERY_MS unless given, 0 after every batch.
   */
  checkpointEveryMs?: number;
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

/**
 * As CouchDB's replicator (every 30 s there): a checkpoint on a server after every batch was an
 * eighth of a pull's or a push's requests to it, and one not written costs only a repeat of
 * the changes read since, which the target answers "have it" to (`_revs_diff`), so no document
 * is sent again. A library target stores its checkpoint with each batch, in the same
 * transaction, whatever this says.
 */
const CHECKPOINT_EVERY_MS = 5_000;

/**
 * Batches read ahead of the one being stored. Two: while the library writes one batch, the
 * server answers the next one's `_bulk_get` and already has the one after it, instead of idling
 * while this process reads an answer and asks again (pouchdb-server was busy 63% of a pull's
 * time with one).
 */
const READ_AHEAD = 2;

/** Ids the library has no use for: design documents and other server-side `_` documents. */
function replicable(id: string): boolean {
  return !id.startsWith('_');
}

/** One step's revisions, read from the source and waiting to be stored on the target. */
interface Batch {
  changes: number;
  lastSeq: Seq;
  requests: RevRequest[];
  /** A source that fetches first and reads later (a server) gives its revisions only when they are stored. */
  docs: { objects: () => RemoteRevision[] } | { json: RevisionJson[] };
}

export async function replicate(source: Peer, target: Peer, opts: ReplicateOptions = {}): Promise<ReplicationResult> {
  const repId = replicationId(source.identity, target.identity);
  const logId = `${CHECKPOINT_PREFIX}${repId}`;
  const [sourceDoc, targetDoc] = await Promise.all([source.getLocal(logId), target.getLocal(logId)]);
  // Read after the checkpoints: a server has timed its link by then.
  const batchSize = opts.batchSize ?? (source.near || target.near ? NEAR_PAGE : PAGE);
  let sourceLog: ReplicationLog | null = asLog(sourceDoc);
  let targetLog: ReplicationLog | null = asLog(targetDoc);
  const startSeq = startingSeq(sourceLog, targetLog);
  const session = randomUUID();
  const result: ReplicationResult = { replicationId: repId, startSeq, lastSeq: startSeq, changesRead: 0, docsWritten: 0, denied: [], touched: [] };
  const asJson = source.getRevsJson && target.writeRevsJson ? { read: source.getRevsJson.bind(source), write: target.writeRevsJson.bind(target) } : null;

  const every = opts.checkpointEveryMs ?? CHECKPOINT_EVERY_MS;
  let checkpointedAt = performance.now();
  /**
   * Stored batches whose checkpoints wait for the next one due: where they got to, and whether the
   * target's went with them. A run that fails leaves these unwritten (the next run repeats those
   * changes, and nothing is sent again); retrying a checkpoint over a link that just failed would
   * hold the failure back by the whole backoff.
   */
  let unrecorded: { seq: Seq; targetDone: boolean } | null = null;

  /** Moves the target's checkpoint (unless it went with the batch) and then the source's, to `seq`. */
  const checkpoint = async (seq: Seq, targetDone: boolean): Promise<void> => {
    if (!targetDone) {
      const targetNext = nextLog(logId, targetLog ?? targetDoc, session, seq);
      targetLog = { ...targetNext, _rev: (await target.putLocal(targetNext))._rev };
    }
    const sourceNext = nextLog(logId, sourceLog ?? sourceDoc, session, seq);
    sourceLog = { ...sourceNext, _rev: (await source.putLocal(sourceNext))._rev };
    checkpointedAt = performance.now();
    unrecorded = null;
  };

  /**
   * Stores one batch (with the target's checkpoint where the target can), then, once every batch
   * before it is recorded, records it and writes the checkpoints when due. The write starts at
   * once; what follows it waits its turn, so a checkpoint never passes a batch not stored.
   */
  const store = (batch: Batch, last: boolean, before: Promise<void>): Promise<void> => {
    const targetNext = nextLog(logId, targetLog ?? targetDoc, session, batch.lastSeq);
    const writing = (async () => {
      // A library writes synchronously: first let the loop put the next batch's requests on the
      // wire, so the server works on them while this one is written.
      await new Promise<void>((resolve) => setImmediate(resolve));
      return 'json' in batch.docs ? await asJson!.write(batch.docs.json) : await target.writeRevs(batch.docs.objects(), targetNext);
    })();
    // Settled before its turn is over, whatever came before it: a failure never leaves a write on its way.
    const written = writing.then(
      (outcome) => ({ outcome }),
      (error: unknown) => ({ error }),
    );
    return (async () => {
      const got = await written;
      await before;
      if ('error' in got) throw got.error;
      await record(batch, last, targetNext, got.outcome);
    })();
  };

  /** A stored batch: the target's checkpoint that went with it, the checkpoints when due, and the result. */
  const record = async (batch: Batch, last: boolean, targetNext: ReplicationLog, outcome: WriteOutcome & { checkpoint: LocalDoc | null }): Promise<void> => {
    if (outcome.checkpoint) targetLog = { ...targetNext, _rev: outcome.checkpoint._rev };
    if (last || performance.now() - checkpointedAt >= every) await checkpoint(batch.lastSeq, outcome.checkpoint !== null);
    else unrecorded = { seq: batch.lastSeq, targetDone: outcome.checkpoint !== null };
    result.changesRead += batch.changes;
    result.docsWritten += outcome.written;
    result.denied.push(...outcome.denied);
    const refused = new Set(outcome.denied.map((d) => d.id));
    for (const r of batch.requests) if (!refused.has(r.id)) result.touched.push(r.id);
    result.lastSeq = batch.lastSeq;
    opts.onBatch?.({ changesRead: result.changesRead, docsWritten: result.docsWritten, since: batch.lastSeq });
  };

  // Pipelined: up to READ_AHEAD batches are read (revs_diff, revisions) while the ones before them
  // are stored, so the source, the target and this process work at the same time, and a server
  // always has the next request waiting. A target that can (a server) is given the next batch
  // while it still stores one; batches are recorded in feed order, so a checkpoint never passes
  // a batch that is not stored.
  const writesAtOnce = Math.max(1, target.writesAtOnce ?? 1);
  /** Batches being stored, oldest first, each settled only once its own write and every earlier one are. */
  const storing: Promise<void>[] = [];
  // The next page of changes is asked for as soon as this one is read.
  const page = (since: Seq): Promise<PeerChanges> => {
    const p = source.changes(since, batchSize);
    // Awaited in its turn; until then (or if the run stops first) a failure must not count as unhandled.
    p.catch(() => undefined);
    return p;
  };
  /** The revisions asked for, read when their batch is stored (a source that can keeps them as bytes until then). */
  const fetchObjects = async (requests: RevRequest[]): Promise<() => RemoteRevision[]> => {
    if (requests.length === 0) return () => [];
    if (source.fetchRevs) return source.fetchRevs(requests);
    const revs = await source.getRevs(requests);
    return () => revs;
  };
  /** One page's revisions the target lacks: `_revs_diff`, then the revisions themselves. */
  const read = async (feed: PeerChanges): Promise<Batch> => {
    const wanted: Record<string, string[]> = {};
    for (const row of feed.results) {
      if (replicable(row.id)) wanted[row.id] = row.changes.map((c) => c.rev);
    }
    const diff = await target.revsDiff(wanted);
    const requests: RevRequest[] = Object.entries(diff)
      .filter(([, d]) => d.missing.length > 0)
      .map(([id, d]) => ({ id, revs: d.missing }));
    const docs: Batch['docs'] = asJson ? { json: requests.length > 0 ? await asJson.read(requests) : [] } : { objects: await fetchObjects(requests) };
    return { changes: feed.results.length, lastSeq: feed.lastSeq, requests, docs };
  };
  const reading: { batch: Promise<Batch>; last: boolean }[] = [];
  /** Stores the oldest batch read, once the one before it is stored. */
  const storeOldest = async (): Promise<void> => {
    const { batch, last } = reading[0]!;
    const got = await batch;
    reading.shift();
    opts.signal?.throwIfAborted();
    while (storing.length >= writesAtOnce) await storing.shift();
    const stored = store(got, last, storing.at(-1) ?? Promise.resolve());
    // Awaited in its turn or at the end; until then a failure must not count as unhandled.
    stored.catch(() => undefined);
    storing.push(stored);
  };
  let next: Promise<PeerChanges> | null = page(startSeq);
  try {
    while (next) {
      opts.signal?.throwIfAborted();
      const feed: PeerChanges = await next;
      if (feed.results.length === 0) break;
      const last = feed.results.length < batchSize;
      next = last ? null : page(feed.lastSeq);
      const batch = read(feed);
      batch.catch(() => undefined);
      reading.push({ batch, last });
      if (reading.length > READ_AHEAD) await storeOldest();
    }
    while (reading.length > 0) await storeOldest();
    while (storing.length > 0) await storing.shift();
  } catch (e) {
    // Never return while a write or a request is still on its way: the caller may start the next sync at once.
    const settled = (p: Promise<unknown> | null) => p?.catch(() => undefined);
    await Promise.all([...storing.map(settled), settled(next as Promise<PeerChanges> | null), ...reading.map((r) => settled(r.batch))]);
    throw e;
  }
  // A full last batch (the feed ended on the next read): its checkpoint is written now.
  const left = unrecorded as { seq: Seq; targetDone: boolean } | null;
  if (left) await checkpoint(left.seq, left.targetDone);
  return result;
}
