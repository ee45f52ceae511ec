import { describe, expect, it } from 'vitest';
import type { LocalDoc, LocalDocInput, RemoteRevision, RevsDiffRequest, RevsDiffResult } from '../../electron/core/store/replication-api';
import type { Peer, PeerChanges, RevRequest, WriteOutcome } from '../../electron/core/sync/peer';
import { replicate } from '../../electron/core/sync/replicate';

// A target that takes two batches at once (as a server does) is written out of order here on
// purpose: the second batch's write ends before the first's. What the replicator records and
// checkpoints must still follow the feed, and a failure must wait for every write on its way.

const rev = (n: number) => `1-${n.toString(16).padStart(32, '0')}`;

/** A source of `count` documents, one change each, numbered from 1. */
function source(count: number): Peer & { locals: Map<string, LocalDoc> } {
  const locals = new Map<string, LocalDoc>();
  return {
    identity: 'source',
    locals,
    changes(since, limit): Promise<PeerChanges> {
      const from = Number(since);
      const results = [];
      for (let s = from + 1; s <= Math.min(count, from + limit); s++) results.push({ seq: s, id: `doc-${s}`, changes: [{ rev: rev(s) }] });
      return Promise.resolve({ results, lastSeq: results.at(-1)?.seq ?? from });
    },
    revsDiff: () => Promise.reject(new Error('not a target')),
    getRevs(requests: readonly RevRequest[]): Promise<RemoteRevision[]> {
      return Promise.resolve(requests.map((r) => ({ _id: r.id, _rev: r.revs[0]!, _revisions: { start: 1, ids: [r.revs[0]!.slice(2)] }, type: 'release' })));
    },
    writeRevs: () => Promise.reject(new Error('not a target')),
    getLocal: (id) => Promise.resolve(locals.get(id) ?? null),
    putLocal(doc: LocalDocInput): Promise<LocalDoc> {
      const stored = { ...doc, _rev: `0-${(locals.size + 1).toString()}` };
      locals.set(doc._id, stored);
      return Promise.resolve(stored);
    },
  };
}

interface Target extends Peer {
  /** Document ids stored, in the order their writes ended. */
  stored: string[];
  /** Each checkpoint written: its sequence and how many documents were stored then. */
  checkpoints: { seq: unknown; stored: number }[];
  /** Writes started and not yet ended, at most. */
  mostAtOnce: number;
}

/**
 * A target taking two writes at once; the first write of each pair ends only after the second
 * has, and `fail` names a write (0-based) that is refused.
 */
function target(opts: { fail?: number } = {}): Target {
  let started = 0;
  let open = 0;
  let held: (() => void) | null = null;
  const t: Target = {
    identity: 'target',
    writesAtOnce: 2,
    stored: [],
    checkpoints: [],
    mostAtOnce: 0,
    changes: () => Promise.reject(new Error('not a source')),
    revsDiff(request: RevsDiffRequest): Promise<RevsDiffResult> {
      const out: RevsDiffResult = {};
      for (const [id, revs] of Object.entries(request)) if (!t.stored.includes(id)) out[id] = { missing: revs };
      return Promise.resolve(out);
    },
    getRevs: () => Promise.reject(new Error('not a source')),
    async writeRevs(docs: readonly RemoteRevision[]): Promise<WriteOutcome & { checkpoint: null }> {
      const n = started++;
      open++;
      t.mostAtOnce = Math.max(t.mostAtOnce, open);
      if (n % 2 === 0) {
        // Waits for the next write to end first (or for a while, when there is none).
        await new Promise<void>((resolve) => {
          held = resolve;
          setTimeout(resolve, 50);
        });
      } else {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      open--;
      if (n % 2 === 1) held?.();
      if (n === opts.fail) throw new Error(`write ${n} refused`);
      t.stored.push(...docs.map((d) => d._id));
      return { written: docs.length, denied: [], checkpoint: null };
    },
    getLocal: () => Promise.resolve(null),
    putLocal(doc: LocalDocInput): Promise<LocalDoc> {
      t.checkpoints.push({ seq: doc.source_last_seq, stored: t.stored.length });
      return Promise.resolve({ ...doc, _rev: `0-${t.checkpoints.length}` });
    },
  };
  return t;
}

describe('a target that takes two batches at once', () => {
  it('is given two, yet hears of them and is checkpointed in feed order, never past a batch not stored', async () => {
    const src = source(23);
    const dst = target();
    const seen: number[] = [];
    const result = await replicate(src, dst, { batchSize: 5, checkpointEveryMs: 0, onBatch: (p) => seen.push(Number(p.since)) });
    expect(dst.mostAtOnce).toBe(2);
    // The second write of each pair ended first, so the target stored batches out of order.
    expect(dst.stored.slice(0, 10)).toEqual([6, 7, 8, 9, 10, 1, 2, 3, 4, 5].map((n) => `doc-${n}`));
    expect(seen).toEqual([5, 10, 15, 20, 23]);
    expect(dst.checkpoints.map((c) => c.seq)).toEqual([5, 10, 15, 20, 23]);
    // Each checkpoint came once everything up to it was stored.
    for (const c of dst.checkpoints) expect(c.stored).toBeGreaterThanOrEqual(Number(c.seq));
    expect(result.docsWritten).toBe(23);
    expect(result.lastSeq).toBe(23);
    expect(new Set(result.touched)).toEqual(new Set(Array.from({ length: 23 }, (_, i) => `doc-${i + 1}`)));
  });

  it('fails only once every write on its way has ended, and records nothing past the refused batch', async () => {
    const src = source(23);
    // The third write (documents 11 to 15) is refused; the fourth, beside it, is stored.
    const dst = target({ fail: 2 });
    const seen: number[] = [];
    await expect(replicate(src, dst, { batchSize: 5, checkpointEveryMs: 0, onBatch: (p) => seen.push(Number(p.since)) })).rejects.toThrow('write 2 refused');
    const storedWhenItFailed = [...dst.stored].sort();
    expect(seen).toEqual([5, 10]);
    expect(dst.checkpoints.map((c) => c.seq)).toEqual([5, 10]);
    expect(storedWhenItFailed).toEqual(Array.from({ length: 15 }, (_, i) => `doc-${i < 10 ? i + 1 : i + 6}`).sort());
    // Nothing was still on its way: waiting longer stores nothing more.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect([...dst.stored].sort()).toEqual(storedWhenItFailed);
  });

  it('waits for the last write on its way when the one before it fails after the feed has ended', async () => {
    const src = source(23);
    // The fourth write (documents 16 to 20) is refused while the fifth and last (21 to 23) is still on its way.
    const dst = target({ fail: 3 });
    const seen: number[] = [];
    await expect(replicate(src, dst, { batchSize: 5, checkpointEveryMs: 0, onBatch: (p) => seen.push(Number(p.since)) })).rejects.toThrow('write 3 refused');
    const storedWhenItFailed = [...dst.stored].sort();
    expect(seen).toEqual([5, 10, 15]);
    expect(dst.checkpoints.map((c) => c.seq)).toEqual([5, 10, 15]);
    expect(storedWhenItFailed).toEqual([...Array.from({ length: 15 }, (_, i) => `doc-${i + 1}`), 'doc-21', 'doc-22', 'doc-23'].sort());
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect([...dst.stored].sort()).toEqual(storedWhenItFailed);
  });
});
