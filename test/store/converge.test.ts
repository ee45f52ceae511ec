import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/store/library';
import { settleConflicts } from '../../electron/core/sync/session';
import type { RemoteRevision } from '../../electron/core/store/replication-api';
import { Rng } from '../bench/rng';
import { tempDir } from '../helpers';
import { call, core } from '../core-harness';
import type { ConflictCase } from '../../electron/shared/conflicts/contract';
import { DOC_SCHEMA_VERSION, schemaOf } from '../../electron/shared/documents';
import { nextRev } from '../../electron/core/store/revisions';

/**
 * One replication pass, as the replicator will run it but with no network: the source's
 * changes since the checkpoint, what the target lacks of them, those revisions with their
 * paths, written in one batch with the new checkpoint.
 */
function replicate(from: Library, to: Library): number {
  const checkpoint = `_local/from-${from.replication.libraryId()}`;
  let since = Number(to.replication.getLocal(checkpoint)?.since ?? 0);
  let moved = 0;
  for (;;) {
    const { results, lastSeq } = from.replication.changes(since, 7);
    if (results.length === 0) return moved;
    const diff = to.replication.revsDiff(Object.fromEntries(results.map((r) => [r.id, r.changes.map((c) => c.rev)])));
    const docs: RemoteRevision[] = [];
    for (const [id, d] of Object.entries(diff)) {
      for (const r of from.replication.openRevs(id, d.missing)) if ('ok' in r) docs.push(r.ok);
    }
    const written = to.replication.bulkInsertRemote(docs, { _id: checkpoint, since: lastSeq });
    expect(written.denied).toEqual([]);
    moved += written.written;
    settle(to, docs.map((d) => d._id));
    since = lastSeq;
  }
}

/** As sync does after a pull: branches that changed different fields merge, the rest is recorded. */
function settle(l: Library, ids: readonly string[]): void {
  for (const c of settleConflicts(l.replication, ids).conflicts) {
    if (c.reason !== 'delete-vs-edit' && c.revs) l.docs.inbox.recordFields(c.id, c.revs.base, c.revs.ours, c.revs.theirs, c.fields, l.docs.now());
  }
}

/** Everything two converged libraries must agree on, per document. */
function state(l: Library, ids: readonly string[]) {
  return ids.map((id) => {
    const d = l.docs.getStored(id)!;
    const leaves = l.docs.revisions(id).filter((r) => r.leaf);
    return {
      id,
      winner: d.rev,
      deleted: d.deleted,
      conflicted: d.conflicted,
      leaves: leaves.map((r) => `${r.rev}${r.deleted ? ' deleted' : ''}`).sort(),
      body: d.body,
      // Each library records a case when it meets it; the order can differ, the cases cannot.
      inbox: l.docs.inbox.list(id).map((c) => `${c.kind} ${[c.oursRev, c.theirsRev].sort().join(' ')}`).sort(),
    };
  });
}

const TAGS = ['floods', 'cholera', 'drought', 'shelter', 'food', 'education'];
const STATUSES = ['draft', 'in-review', 'approved'];

function edit(rng: Rng, l: Library, id: string, who: string): void {
  const d = l.docs.getStored(id)!;
  if (d.deleted) return;
  const roll = rng.int(20);
  if (roll === 0) {
    l.docs.remove(id, { author: who });
    return;
  }
  const change =
    roll < 8
      ? { headline: `${who} headline ${rng.int(1000)}` }
      : roll < 14
        ? { tags: [TAGS[rng.int(TAGS.length)]!, TAGS[rng.int(TAGS.length)]!] }
        : roll < 17
          ? { status: STATUSES[rng.int(STATUSES.length)]! }
          : { subheadline: `${who} sub ${rng.int(1000)}` };
  l.docs.update(id, { ...d.body, ...change }, { author: who });
}

describe('two libraries exchanging batches through the read and write paths', () => {
  it('converge to the same winners, conflicts, bodies and inbox, merging edits of different fields alike', async () => {
    const a = await Library.open(tempDir(), { author: 'nairobi' });
    const b = await Library.open(tempDir(), { author: 'geneva' });
    const rng = new Rng(5);
    const ids = Array.from({ length: 24 }, (_, i) =>
      a.docs.create('release', { headline: `Release ${i}`, language: 'en', tags: ['floods'], office: 'off-kenya' }, { author: 'nairobi' }).id,
    );
    expect(replicate(a, b)).toBe(ids.length);

    for (let round = 0; round < 8; round++) {
      for (let k = 0; k < 10; k++) edit(rng, a, ids[rng.int(ids.length)]!, 'nairobi');
      for (let k = 0; k < 10; k++) edit(rng, b, ids[rng.int(ids.length)]!, 'geneva');
      // Until nothing moves: merges made on one side travel to the other.
      for (let pass = 0; pass < 5 && replicate(a, b) + replicate(b, a) > 0; pass++);
      expect(replicate(a, b) + replicate(b, a)).toBe(0);
      // A branch edited here after its case was recorded is planned again at the next sync.
      settle(a, ids);
      settle(b, ids);
      expect(state(b, ids)).toEqual(state(a, ids));
    }

    // The run exercised both outcomes: branches merged alike on both sides, and cases left to a person.
    // A merge ends the losing branch with a tombstone on both libraries.
    const merged = ids.filter((id) => a.docs.revisions(id).some((r) => r.leaf && r.deleted) && !a.docs.getStored(id)!.deleted);
    const open = a.docs.inbox.list();
    expect({ merged: merged.length > 0, open: open.length > 0 }).toEqual({ merged: true, open: true });
    // Projections follow the winners on both sides.
    const rows = (l: Library) => l.db.prepare('SELECT headline, status FROM release_p ORDER BY headline').all();
    expect(rows(b)).toEqual(rows(a));
    a.close();
    b.close();
  });

  it('make the same merge revision when each merges the same branches on its own', async () => {
    const a = await Library.open(tempDir(), { author: 'nairobi' });
    const b = await Library.open(tempDir(), { author: 'geneva' });
    const d = a.docs.create('release', { headline: 'Floods', language: 'en', tags: ['floods'] }, { author: 'nairobi' });
    replicate(a, b);
    a.docs.update(d.id, { ...a.docs.require(d.id).body, headline: 'Floods: 3,000 families reached' }, { author: 'nairobi' });
    b.docs.update(d.id, { ...b.docs.require(d.id).body, tags: ['floods', 'uganda'] }, { author: 'geneva' });
    // Both sides take the other's branch before either has seen a merge.
    const fromA = a.replication.openRevs(d.id, 'all').flatMap((r) => ('ok' in r ? [r.ok] : []));
    const fromB = b.replication.openRevs(d.id, 'all').flatMap((r) => ('ok' in r ? [r.ok] : []));
    b.replication.bulkInsertRemote(fromA);
    a.replication.bulkInsertRemote(fromB);
    expect(settleConflicts(a.replication, [d.id]).merged + settleConflicts(b.replication, [d.id]).merged).toBe(2);
    const ours = a.docs.getStored(d.id)!;
    const theirs = b.docs.getStored(d.id)!;
    expect(ours.rev).toBe(theirs.rev);
    expect(ours.conflicted).toBe(false);
    expect(ours.body).toMatchObject({ headline: 'Floods: 3,000 families reached', tags: ['floods', 'uganda'] });
    expect(theirs.body).toEqual(ours.body);
    expect(a.docs.inbox.list()).toEqual([]);
    a.close();
    b.close();
  });

  // Issue #14 item 2: B resolves a same-field conflict while A, paused, edits another field of
  // A's side. B's resolution closes the losing branch with a tombstone; that tombstone is not a
  // deletion of the release, so A's edit and B's resolution merge by themselves.
  for (const take of ['ours', 'theirs'] as const) {
    it(`merge an edit with a resolution made meanwhile elsewhere (B takes ${take}), with no case on either side`, async () => {
      const closed = { a: 0, b: 0 };
      // Which branch the resolution closes follows from the revision ids: go on until each side's has been.
      for (let n = 0; n < 40 && (closed.a === 0 || closed.b === 0); n++) {
        const a = await core();
        const b = await core();
        const la = a.library;
        const lb = b.library;
        const d = await call<{ id: string }>(a, 'release.create', { headline: `Floods ${n}`, language: 'en', subheadline: 'Start' });
        replicate(la, lb);
        la.docs.update(d.id, { ...la.docs.require(d.id).body, subheadline: 'From Nairobi' }, { author: 'nairobi' });
        lb.docs.update(d.id, { ...lb.docs.require(d.id).body, subheadline: 'From Geneva' }, { author: 'geneva' });
        const aSide = la.docs.require(d.id).rev;
        replicate(la, lb);
        const [kase, ...more] = await call<ConflictCase[]>(b, 'conflict.list', {});
        expect(more).toEqual([]);
        expect(kase).toMatchObject({ kind: 'fields', fields: ['subheadline'] });
        // A, paused, edits the dateline place; B resolves and syncs.
        la.docs.update(d.id, { ...la.docs.require(d.id).body, datelinePlace: 'Kasese' }, { author: 'nairobi' });
        await call(b, 'conflict.resolve', { id: kase!.id, choice: { kind: 'fields', take: { subheadline: take } } });
        const chosen = lb.docs.require(d.id).body.subheadline;
        closed[lb.docs.revisions(d.id).some((r) => r.leaf && r.deleted && r.parent === aSide) ? 'a' : 'b']++;
        replicate(lb, la);
        expect(await call(a, 'conflict.list', {})).toEqual([]);
        expect(la.docs.getStored(d.id)).toMatchObject({ deleted: false, conflicted: false, body: { subheadline: chosen, datelinePlace: 'Kasese' } });
        // Back to B, and again both ways: the same document everywhere, no case, nothing moves.
        replicate(la, lb);
        expect(await call(b, 'conflict.list', {})).toEqual([]);
        expect(state(lb, [d.id])).toEqual(state(la, [d.id]));
        expect(replicate(la, lb) + replicate(lb, la)).toBe(0);
      }
      expect(closed.a * closed.b).toBeGreaterThan(0);
    });
  }
});

describe('a branch written by a newer Dateline against an edit made here (the version rule)', () => {
  const NEWER = DOC_SCHEMA_VERSION + 1;

  /** A revision on `parent` as a later Dateline writes it: its version's mark and a field this app does not know. */
  function fromNewerApp(l: Library, id: string, change: Record<string, unknown>): RemoteRevision {
    const [parent] = l.replication.openRevs(id, [l.docs.require(id).rev]).flatMap((r) => ('ok' in r ? [r.ok] : []));
    const body: Record<string, unknown> = { ...parent!, ...change, schema: NEWER, updatedAt: '2026-11-20T09:00:00.000Z', updatedBy: 'nairobi' };
    for (const k of Object.keys(body)) if (k.startsWith('_')) delete body[k];
    const rev = nextRev(parent!._rev, false, body);
    return { ...body, _id: id, _rev: rev, _revisions: { start: parent!._revisions.start + 1, ids: [rev.slice(rev.indexOf('-') + 1), ...parent!._revisions.ids] } };
  }

  const leaves = (l: Library, id: string) => l.replication.openRevs(id, 'all').flatMap((r) => ('ok' in r ? [r.ok] : []));

  it('is left for a newer app by both older libraries, nothing lost and nothing written again; a newer app merges it and both take its merge', async () => {
    const a = await Library.open(tempDir(), { author: 'geneva' });
    const b = await Library.open(tempDir(), { author: 'nairobi' });
    const d = a.docs.create('release', { headline: 'Floods', language: 'en', tags: ['floods'] }, { author: 'geneva' });
    replicate(a, b);
    // Geneva edits the headline here; a newer Dateline in Nairobi changed the tags and added a field, and its revision reached B.
    a.docs.update(d.id, { ...a.docs.require(d.id).body, headline: 'Floods: 3,000 families reached' }, { author: 'geneva' });
    const upgraded = fromNewerApp(b, d.id, { tags: ['floods', 'kenya'], audience: { kind: 'donors' } });
    expect(b.replication.bulkInsertRemote([upgraded]).denied).toEqual([]);

    for (let pass = 0; pass < 3; pass++) {
      replicate(a, b);
      replicate(b, a);
    }
    for (const l of [a, b]) {
      // Nothing merged: the two branches as they were written, nobody asked to choose what this app cannot read.
      expect(settleConflicts(l.replication, [d.id])).toEqual({ merged: 0, conflicts: [], newer: [d.id] });
      const live = leaves(l, d.id).filter((r) => !r._deleted);
      expect(live.map((r) => r._rev).sort()).toEqual([a.docs.revisions(d.id).find((r) => r.leaf && r.rev !== upgraded._rev)!.rev, upgraded._rev].sort());
      expect(leaves(l, d.id).filter((r) => r._deleted)).toEqual([]);
      // No revision but the newer app's own carries its mark.
      expect(l.docs.revisions(d.id).filter((r) => schemaOf(l.docs.getRevision(d.id, r.rev).body) === NEWER).map((r) => r.rev)).toEqual([upgraded._rev]);
      expect(l.docs.getStored(d.id)!.conflicted).toBe(true);
      expect(l.docs.inbox.list(d.id)).toEqual([]);
    }
    expect(state(b, [d.id])).toEqual(state(a, [d.id]));
    // Sync after sync moves and writes nothing.
    const seq = [a.replication.lastSeq(), b.replication.lastSeq()];
    expect(replicate(a, b) + replicate(b, a)).toBe(0);
    expect([a.replication.lastSeq(), b.replication.lastSeq()]).toEqual(seq);

    // B's Dateline is updated: its next settle merges both sides under the newer mark.
    expect(settleConflicts(b.replication, [d.id], NEWER)).toEqual({ merged: 1, conflicts: [] });
    const merged = b.docs.getStored(d.id)!;
    expect(merged.body).toMatchObject({ schema: NEWER, headline: 'Floods: 3,000 families reached', tags: ['floods', 'kenya'], audience: { kind: 'donors' } });
    for (let pass = 0; pass < 3; pass++) {
      replicate(a, b);
      replicate(b, a);
    }
    // The older library takes the newer app's merge as it came: one live leaf, the same everywhere.
    expect(state(a, [d.id])).toEqual(state(b, [d.id]));
    expect(a.docs.getStored(d.id)!.conflicted).toBe(false);
    expect(settleConflicts(a.replication, [d.id])).toEqual({ merged: 0, conflicts: [] });
    expect(replicate(a, b) + replicate(b, a)).toBe(0);
    a.close();
    b.close();
  });
});
