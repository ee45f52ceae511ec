import { hash } from 'node:crypto';
import type { LocalDocInput } from '../store/replication-api';
import type { Seq } from './peer';

/**
 * Replication checkpoints, kept as `_local` documents on both sides as CouchDB's replicator does.
 * Each side records, per session, how far along the source's changes feed the replication got;
 * the next run starts from the newest session both sides remember. The target's record is
 * written first (with the documents, in the same transaction where the target can), so a cut
 * between the two writes only makes the next run repeat a batch, which changes nothing.
 */

/**
 * The replication id: a digest of the two peers' identities and nothing else, so an app upgrade
 * (or a new password) picks up the same checkpoints. `v1` names this scheme, not an app version.
 */
export function replicationId(sourceIdentity: string, targetIdentity: string): string {
  return hash('md5', JSON.stringify(['dateline-replication-v1', sourceIdentity, targetIdentity]), 'hex');
}

export interface SessionEntry {
  session_id: string;
  recorded_seq: Seq;
}

export interface ReplicationLog extends LocalDocInput {
  session_id: string;
  source_last_seq: Seq;
  history: SessionEntry[];
}

const HISTORY = 20;

export function asLog(doc: LocalDocInput | null): ReplicationLog | null {
  if (!doc) return null;
  const seq = doc.source_last_seq;
  if (typeof doc.session_id !== 'string' || (typeof seq !== 'string' && typeof seq !== 'number') || !Array.isArray(doc.history)) return null;
  const history = (doc.history as unknown[]).filter(
    (h): h is SessionEntry =>
      !!h && typeof (h as SessionEntry).session_id === 'string' && ['string', 'number'].includes(typeof (h as SessionEntry).recorded_seq),
  );
  return { ...doc, session_id: doc.session_id, source_last_seq: seq, history };
}

/**
 * Where to start: the source's recorded sequence of the newest session the target also
 * remembers. The source writes its record after the target, so for a shared session its
 * sequence is never ahead of what the target holds. No shared session: from the beginning
 * (revs_diff then skips everything already there).
 */
export function startingSeq(source: ReplicationLog | null, target: ReplicationLog | null): Seq {
  if (!source || !target) return 0;
  const targetSessions = new Set([target.session_id, ...target.history.map((h) => h.session_id)]);
  const sourceEntries: SessionEntry[] = [{ session_id: source.session_id, recorded_seq: source.source_last_seq }, ...source.history];
  for (const e of sourceEntries) {
    if (targetSessions.has(e.session_id)) return e.recorded_seq;
  }
  return 0;
}

/** The next record for one side: this session at `seq`, earlier sessions kept as history. */
export function nextLog(id: string, previous: LocalDocInput | null, session: string, seq: Seq): ReplicationLog {
  const prev = asLog(previous);
  const history = [{ session_id: session, recorded_seq: seq }, ...(prev?.history ?? []).filter((h) => h.session_id !== session)].slice(0, HISTORY);
  const log: ReplicationLog = { _id: id, session_id: session, source_last_seq: seq, history };
  if (previous?._rev) log._rev = previous._rev;
  return log;
}
