import { describe, expect, it } from 'vitest';
import { nextRev } from '../../electron/core/store/revisions';
import type { RemoteRevision } from '../../electron/core/store/replication-api';
import { DOC_SCHEMA_VERSION } from '../../electron/shared/documents';
import { bodyOf, deleteAgainstEdit, editKeptBody, GAVE_WAY_TO, mergeBodies, planConflict, type Body, type StampOf } from '../../electron/core/sync/merge';

// Revisions built the way the store builds them, so ids and paths are real.
function rev(parent: RemoteRevision | null, body: Body, deleted = false): RemoteRevision {
  const r = nextRev(parent?._rev ?? null, deleted, body);
  const hash = r.slice(r.indexOf('-') + 1);
  const _revisions = parent ? { start: parent._revisions.start + 1, ids: [hash, ...parent._revisions.ids] } : { start: 1, ids: [hash] };
  return { ...body, _id: 'release-1', _rev: r, _revisions, ...(deleted ? { _deleted: true } : {}) };
}

const base: Body = { type: 'release', headline: 'Floods in the north', status: 'draft', tags: ['floods'], updatedAt: '2026-11-01T10:00:00Z', updatedBy: 'amina' };
const root = rev(null, base);
const ancestors = (r: string) => (r === root._rev ? base : null);

describe('three-way merge', () => {
  it('merges edits to different fields, stamped with the later edit', () => {
    const mine = { ...base, headline: 'Floods in the north: 40,000 reached', updatedAt: '2026-11-02T09:00:00Z', updatedBy: 'amina' };
    const theirs = { ...base, status: 'approved', updatedAt: '2026-11-02T11:00:00Z', updatedBy: 'hq' };
    expect(mergeBodies(base, mine, theirs)).toEqual({
      merged: { ...base, headline: mine.headline, status: 'approved', updatedAt: '2026-11-02T11:00:00Z', updatedBy: 'hq' },
    });
  });

  it('names the fields both sides changed differently', () => {
    const mine = { ...base, headline: 'A', tags: ['x'] };
    const theirs = { ...base, headline: 'B', tags: ['x'] };
    expect(mergeBodies(base, mine, theirs)).toEqual({ clash: ['headline'] });
  });

  it('keeps a field one side removed and the other left alone removed', () => {
    const { tags: _drop, ...mine } = base;
    expect(mergeBodies(base, mine, { ...base, status: 'approved' })).toEqual({ merged: { ...mine, status: 'approved' } });
  });
});

describe('planning a conflicted document', () => {
  const a = rev(root, { ...base, headline: 'Edited in Kampala', updatedAt: '2026-11-02T09:00:00Z', updatedBy: 'kampala' });
  const b = rev(root, { ...base, status: 'approved', updatedAt: '2026-11-02T09:30:00Z', updatedBy: 'geneva' });

  it('writes the same merge on both laptops, whichever order they see the leaves in', () => {
    const one = planConflict([a, b], ancestors);
    const two = planConflict([b, a], ancestors);
    expect(one.kind).toBe('merge');
    expect(two).toEqual(one);
    if (one.kind !== 'merge') return;
    const [merged, closed] = one.writes;
    expect(merged).toMatchObject({ headline: 'Edited in Kampala', status: 'approved', updatedBy: 'geneva' });
    // Same generation: the greater revision id wins; the merge continues it and closes the other.
    const [winner, loser] = a._rev > b._rev ? [a, b] : [b, a];
    expect(merged!._revisions.ids.slice(1)).toEqual(winner._revisions.ids);
    expect(closed!._revisions.ids.slice(1)).toEqual(loser._revisions.ids);
    expect(closed!._deleted).toBe(true);
    expect(merged!._revisions.start).toBe(3);
    expect(closed!._revisions.start).toBe(3);
    expect(one.fields.sort()).toEqual(['headline', 'status']);
  });

  it('asks a person when both changed the same field', () => {
    const c = rev(root, { ...base, headline: 'Edited in Geneva', updatedBy: 'geneva' });
    const [ours, theirs] = a._rev > c._rev ? [a, c] : [c, a];
    expect(planConflict([a, c], ancestors)).toEqual({ kind: 'ask', reason: 'same-field', fields: ['headline'], revs: { base: root._rev, ours: ours._rev, theirs: theirs._rev } });
  });

  it('asks when the common ancestor is not kept here', () => {
    expect(planConflict([a, b], () => null)).toMatchObject({ kind: 'ask', reason: 'no-ancestor' });
  });

  it('catches a delete against an edit, which CouchDB lets the edit win silently', () => {
    const deleted = rev(root, { type: 'release', updatedAt: '2026-11-02T10:00:00Z', updatedBy: 'hq' }, true);
    expect(deleteAgainstEdit([a, deleted])).toBe(deleted);
    expect(planConflict([a, deleted], ancestors)).toMatchObject({ kind: 'ask', reason: 'delete-vs-edit' });
  });

  it('lets go of a deletion once the edit was kept over it, with the same revision on every laptop', () => {
    const deleted = rev(root, { type: 'release', updatedAt: '2026-11-02T10:00:00Z', updatedBy: 'hq' }, true);
    const kept = rev(deleted, editKeptBody(bodyOf(deleted)), true);
    expect(kept._rev).toBe(rev(deleted, editKeptBody(bodyOf(deleted)), true)._rev);
    expect(kept._revisions.ids.slice(1)).toEqual(deleted._revisions.ids);
    expect(deleteAgainstEdit([a, kept])).toBeNull();
    expect(deleteAgainstEdit([kept, a])).toBeNull();
    expect(planConflict([a, kept], ancestors)).toEqual({ kind: 'none' });
    // A second deletion of the same edit is still a case of its own.
    const again = rev(root, { type: 'release', updatedAt: '2026-11-03T10:00:00Z', updatedBy: 'kampala' }, true);
    expect(deleteAgainstEdit([a, kept, again])).toBe(again);
  });

  it('does not take the tombstone that closed a merged branch for a delete', () => {
    const plan = planConflict([a, b], ancestors);
    if (plan.kind !== 'merge') throw new Error('expected a merge');
    expect(deleteAgainstEdit(plan.writes)).toBeNull();
    expect(planConflict(plan.writes, ancestors)).toEqual({ kind: 'none' });
  });

  describe('an edit made from a branch that a resolution elsewhere closed', () => {
    // Kampala and Geneva changed the headline; Geneva resolved it (its own headline, Kampala's
    // tags), closing Kampala's branch; Kampala meanwhile edited the status on its branch.
    const kampala = rev(root, { ...base, headline: 'Kampala', tags: ['floods', 'uganda'], updatedBy: 'kampala' });
    const geneva = rev(root, { ...base, headline: 'Geneva', updatedBy: 'geneva' });
    const closed = rev(kampala, { type: 'release', updatedBy: 'geneva', [GAVE_WAY_TO]: geneva._rev }, true);
    const resolved = rev(geneva, { ...base, headline: 'Geneva', tags: ['floods', 'uganda'], updatedBy: 'geneva' });
    const edited = rev(kampala, { ...bodyOf(kampala), status: 'approved', updatedAt: '2026-11-03T08:00:00Z' });
    const bodies = new Map([root, kampala, geneva].map((r) => [r._rev, bodyOf(r)]));
    const kept = (r: string) => bodies.get(r) ?? null;

    it('is no delete against an edit', () => {
      expect(deleteAgainstEdit([edited, closed, resolved])).toBeNull();
      expect(deleteAgainstEdit([resolved, edited, closed])).toBeNull();
    });

    it('merges against the closed revision, on the branch that took it in, the same whatever the order', () => {
      const plan = planConflict([edited, closed, resolved], kept);
      expect(planConflict([resolved, closed, edited], kept)).toEqual(plan);
      if (plan.kind !== 'merge') throw new Error(`expected a merge, got ${JSON.stringify(plan)}`);
      const [merged, close] = plan.writes;
      expect(bodyOf(merged!)).toMatchObject({ headline: 'Geneva', tags: ['floods', 'uganda'], status: 'approved' });
      expect(merged!._revisions.ids.slice(1)).toEqual(resolved._revisions.ids);
      expect(close!._revisions.ids.slice(1)).toEqual(edited._revisions.ids);
      expect(plan.fields).toEqual(['headline', 'status']);
      // Afterwards: one live branch, and the first tombstone is still not a deletion.
      const after = [closed, ...plan.writes];
      expect(deleteAgainstEdit(after)).toBeNull();
      expect(planConflict(after, kept)).toEqual({ kind: 'none' });
    });

    it('still asks when the edit changed a field the resolution changed too', () => {
      const clash = rev(kampala, { ...bodyOf(kampala), headline: 'Kampala, again' });
      expect(planConflict([clash, closed, resolved], kept)).toEqual({
        kind: 'ask',
        reason: 'same-field',
        fields: ['headline'],
        revs: { base: kampala._rev, ours: resolved._rev, theirs: clash._rev },
      });
    });

    it('still catches a deletion of the document against an edit after that resolution', () => {
      const deletion = rev(resolved, { type: 'release', updatedBy: 'hq' }, true);
      const edit = rev(resolved, { ...bodyOf(resolved), status: 'approved' });
      expect(deleteAgainstEdit([closed, deletion, edit])).toBe(deletion);
    });
  });

  describe('a deletion of one branch by someone who never saw the other', () => {
    // Both laptops held `root`. Offline, Kampala edits the release, then deletes it; Geneva edits it.
    const kampalaEdit = rev(root, { ...base, headline: 'Kampala', updatedAt: '2026-11-02T09:00:00.000Z', updatedBy: 'kampala' });
    const kampalaDelete = rev(kampalaEdit, { type: 'release', updatedAt: '2026-11-02T09:05:00.000Z', updatedBy: 'kampala' }, true);
    const genevaEdit = rev(root, { ...base, status: 'approved', updatedAt: '2026-11-02T09:05:00.200Z', updatedBy: 'geneva' });
    const all = [root, kampalaEdit, kampalaDelete, genevaEdit];
    const stampsOf = (revs: readonly RemoteRevision[]): StampOf => {
      const by = new Map(revs.map((r) => [r._rev, { author: String(r.updatedBy ?? ''), at: String(r.updatedAt ?? '') }]));
      return (r) => by.get(r);
    };

    it('is a delete against an edit, whatever the order of the leaves and with or without the stamps', () => {
      for (const stamps of [undefined, stampsOf(all)]) {
        expect(deleteAgainstEdit([kampalaDelete, genevaEdit], stamps)).toBe(kampalaDelete);
        expect(deleteAgainstEdit([genevaEdit, kampalaDelete], stamps)).toBe(kampalaDelete);
        expect(planConflict([genevaEdit, kampalaDelete], ancestors, stamps)).toEqual({ kind: 'ask', reason: 'delete-vs-edit', fields: [] });
      }
    });

    it('the same tree made by a resolution that kept the other side is silent: its tombstone says what it gave way to', () => {
      const resolution = rev(kampalaEdit, { type: 'release', updatedAt: '2026-11-02T09:05:00.000Z', updatedBy: 'kampala', [GAVE_WAY_TO]: genevaEdit._rev }, true);
      expect(deleteAgainstEdit([resolution, genevaEdit])).toBeNull();
      expect(planConflict([genevaEdit, resolution], ancestors)).toEqual({ kind: 'none' });
    });

    it('a tombstone from PouchDB or any CouchDB client (no mark, no author) that ends a losing branch is asked, once settled it is not', () => {
      const ended = rev(kampalaEdit, {}, true);
      expect(deleteAgainstEdit([genevaEdit, ended], stampsOf([...all, ended]))).toBe(ended);
      const settled = rev(ended, editKeptBody(bodyOf(ended)), true);
      expect(deleteAgainstEdit([genevaEdit, settled], stampsOf([...all, ended, settled]))).toBeNull();
    });

    it('a deletion of the whole document, or of a document with no shared history, is a plain deletion', () => {
      const geneveDelete = rev(genevaEdit, { type: 'release', updatedBy: 'geneva' }, true);
      expect(deleteAgainstEdit([kampalaDelete, geneveDelete])).toBeNull();
      const elsewhere = rev(null, { ...base, headline: 'Another root' });
      const alone = rev(rev(null, { type: 'release', headline: 'Made twice' }), { type: 'release' }, true);
      expect(deleteAgainstEdit([elsewhere, alone])).toBeNull();
    });

    describe('tombstones written by earlier versions of Dateline, with no mark', () => {
      it('a resolution: the author closed one branch and wrote on the other in one go, so it is silent', () => {
        const closedThen = rev(kampalaEdit, { type: 'release', updatedAt: '2026-11-03T07:00:00.000Z', updatedBy: 'hq' }, true);
        const resolvedThen = rev(genevaEdit, { ...bodyOf(genevaEdit), headline: 'Kampala', updatedAt: '2026-11-03T07:00:00.004Z', updatedBy: 'hq' });
        const stamps = stampsOf([...all, closedThen, resolvedThen]);
        expect(deleteAgainstEdit([closedThen, resolvedThen], stamps)).toBeNull();
        // Edited again since: the resolution is still on the live branch's path.
        const later = rev(resolvedThen, { ...bodyOf(resolvedThen), status: 'published', updatedAt: '2026-11-04T07:00:00.000Z', updatedBy: 'geneva' });
        expect(planConflict([later, closedThen], ancestors, stampsOf([...all, closedThen, resolvedThen, later]))).toEqual({ kind: 'none' });
        // Without the tree's stamps the rule cannot know, and asks.
        expect(deleteAgainstEdit([closedThen, resolvedThen])).toBe(closedThen);
      });

      it('an automatic merge: the tombstone without the mark, as those versions wrote it, is silent', () => {
        const plan = planConflict([kampalaEdit, genevaEdit].map((r) => ({ ...r })), ancestors);
        if (plan.kind !== 'merge') throw new Error('expected a merge');
        const [merged, close] = plan.writes;
        const { [GAVE_WAY_TO]: _mark, ...old } = bodyOf(close!);
        const parent = close!._revisions;
        const oldClose = rev({ ...close!, _rev: `${parent.start - 1}-${parent.ids[1]!}`, _revisions: { start: parent.start - 1, ids: parent.ids.slice(1) } }, old, true);
        expect(deleteAgainstEdit([merged!, oldClose], stampsOf([...all, merged!, oldClose]))).toBeNull();
        expect(deleteAgainstEdit([merged!, oldClose])).toBe(oldClose);
      });

      it('a deletion by the same author on another laptop, whose edit there came straight from the fork, is still a deletion', () => {
        const sameName = rev(root, { ...base, status: 'approved', updatedAt: '2026-11-02T09:05:00.200Z', updatedBy: 'kampala' });
        expect(deleteAgainstEdit([kampalaDelete, sameName], stampsOf([...all, sameName]))).toBe(kampalaDelete);
      });

      it('a deletion by someone else made at about that time is still a deletion', () => {
        const stamps = stampsOf([...all, kampalaDelete]);
        // Geneva's edit is 200 ms after Kampala's deletion, but by another author.
        expect(deleteAgainstEdit([kampalaDelete, genevaEdit], stamps)).toBe(kampalaDelete);
      });
    });
  });

  describe('three live branches, sent by laptops that synced at the same time', () => {
    const c = rev(root, { ...base, tags: ['floods', 'uganda'], updatedAt: '2026-11-02T09:10:00Z', updatedBy: 'nairobi' });

    it('merges them one into the next, the same revisions whatever the order, and nothing is left to merge', () => {
      const plan = planConflict([a, b, c], ancestors);
      for (const order of [[c, b, a], [b, c, a]]) expect(planConflict(order, ancestors)).toEqual(plan);
      if (plan.kind !== 'merge') throw new Error(`expected a merge, got ${JSON.stringify(plan)}`);
      expect(plan.fields).toEqual(['headline', 'status', 'tags']);
      const [, closeFirst, last, closeSecond] = plan.writes;
      expect(bodyOf(last!)).toMatchObject({ headline: 'Edited in Kampala', status: 'approved', tags: ['floods', 'uganda'] });
      expect([closeFirst!._deleted, closeSecond!._deleted]).toEqual([true, true]);
      // Afterwards the leaves are the last merge and the two tombstones.
      expect(planConflict([closeFirst!, last!, closeSecond!], ancestors)).toEqual({ kind: 'none' });
    });

    it('asks a person, with every branch, when two of them changed the same field', () => {
      const clash = rev(root, { ...base, headline: 'Edited in Nairobi', updatedBy: 'nairobi' });
      expect(planConflict([a, b, clash], ancestors)).toEqual({ kind: 'ask', reason: 'many-branches', fields: [] });
    });
  });

  it('closes the other branch of a merge with a tombstone that names the leaf it gave way to', () => {
    const plan = planConflict([a, b], ancestors);
    if (plan.kind !== 'merge') throw new Error('expected a merge');
    const [merged, close] = plan.writes;
    expect(close![GAVE_WAY_TO]).toBe(`${merged!._revisions.start - 1}-${merged!._revisions.ids[1]!}`);
  });
});

describe('a branch written by a newer Dateline (the version rule)', () => {
  const NEWER = DOC_SCHEMA_VERSION + 1;
  // A later Dateline marks what it writes with its version and may add fields this app does not know.
  const upgraded = rev(root, { ...base, schema: NEWER, audience: { kind: 'donors' }, updatedAt: '2026-11-02T09:00:00Z', updatedBy: 'nairobi' });
  const edited = rev(root, { ...base, schema: DOC_SCHEMA_VERSION, status: 'approved', updatedAt: '2026-11-02T09:30:00Z', updatedBy: 'geneva' });

  it('is merged by no older app, which writes nothing and asks nobody, in whatever order it sees the leaves', () => {
    expect(planConflict([upgraded, edited], ancestors)).toEqual({ kind: 'newer', version: NEWER });
    expect(planConflict([edited, upgraded], ancestors)).toEqual({ kind: 'newer', version: NEWER });
    // Not even a clash it could not settle, nor a base it lacks, nor among three branches.
    const clash = rev(root, { ...base, schema: NEWER, status: 'withdrawn', updatedBy: 'nairobi' });
    expect(planConflict([clash, edited], ancestors)).toEqual({ kind: 'newer', version: NEWER });
    expect(planConflict([upgraded, edited], () => null)).toEqual({ kind: 'newer', version: NEWER });
    const third = rev(root, { ...base, tags: ['floods', 'uganda'], updatedBy: 'kampala' });
    expect(planConflict([upgraded, edited, third], ancestors)).toEqual({ kind: 'newer', version: NEWER });
  });

  it('is merged by an app of that version, under the newer mark, with both sides kept, the same revisions on every device', () => {
    const plan = planConflict([upgraded, edited], ancestors, undefined, NEWER);
    expect(planConflict([edited, upgraded], ancestors, undefined, NEWER)).toEqual(plan);
    // An app newer still writes the very same revisions.
    expect(planConflict([edited, upgraded], ancestors, undefined, NEWER + 1)).toEqual(plan);
    if (plan.kind !== 'merge') throw new Error(`expected a merge, got ${JSON.stringify(plan)}`);
    expect(bodyOf(plan.writes[0]!)).toEqual({ ...base, schema: NEWER, audience: { kind: 'donors' }, status: 'approved', updatedAt: '2026-11-02T09:30:00Z', updatedBy: 'geneva' });
    // Afterwards one live leaf: nothing more to merge.
    expect(planConflict([...plan.writes], ancestors, undefined, NEWER)).toEqual({ kind: 'none' });
  });

  it('keeps the highest mark of the two sides, never a clash on the mark', () => {
    // A body from before marks (version 1), marked 1 by one side and 2 by the other: not a field a person chooses.
    const unmarked: Body = { ...base };
    expect(mergeBodies(unmarked, { ...base, schema: 1, headline: 'A' }, { ...base, schema: 2, status: 'approved' })).toEqual({
      merged: { ...base, schema: 2, headline: 'A', status: 'approved' },
    });
    expect(mergeBodies(unmarked, { ...base, schema: 2, status: 'approved' }, { ...base, schema: 1, headline: 'A' })).toEqual({
      merged: { ...base, schema: 2, headline: 'A', status: 'approved' },
    });
    // An older mark never goes over a newer side's fields, even when the older side changed the mark.
    const marked: Body = { ...base, schema: 2, audience: 'donors' };
    expect(mergeBodies(marked, { ...marked, headline: 'B' }, { ...marked, schema: 1 })).toEqual({ merged: { ...marked, headline: 'B' } });
    // Sides of one version merge the mark as before: a mark and none.
    expect(mergeBodies(unmarked, { ...base, schema: 1 }, { ...base, headline: 'C' })).toEqual({ merged: { ...base, schema: 1, headline: 'C' } });
  });
});
