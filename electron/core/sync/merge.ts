import type { RemoteRevision } from '../store/replication-api';
import { canonicalJson, nextRev, pickWinner, revPos } from '../store/revisions';

/**
 * What to do with a document that replication left with more than one leaf. Edits to different
 * fields merge by themselves against the common ancestor; the merged revision and the tombstone
 * of the other branch are pure functions of the two leaves and the ancestor, so two laptops that
 * merge the same conflict write the same revisions and converge without asking anyone. The same
 * field changed on both sides, or a delete against an edit (which CouchDB lets the edit win
 * silently), is for a person: the Conflicts screen.
 */

export type Body = Record<string, unknown>;

export type ConflictPlan =
  | { kind: 'none' }
  | { kind: 'merge'; writes: RemoteRevision[]; fields: string[] }
  | { kind: 'ask'; reason: 'same-field' | 'delete-vs-edit' | 'no-ancestor' | 'many-branches'; fields: string[]; revs?: { base: string | null; ours: string; theirs: string } };

/** Fields every edit changes: they follow the later edit and never make a conflict by themselves. */
const EDIT_STAMP = new Set(['updatedAt', 'updatedBy']);

export function bodyOf(doc: RemoteRevision): Body {
  const body: Body = {};
  for (const k of Object.keys(doc)) if (!k.startsWith('_')) body[k] = doc[k];
  return body;
}

/** Full revision ids of a leaf's path, newest first. */
export function pathOf(doc: RemoteRevision): string[] {
  const { start, ids } = doc._revisions;
  return ids.map((h, i) => `${start - i}-${h}`);
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** Three-way merge of two bodies against their ancestor: the merged body, or the fields both changed. */
export function mergeBodies(base: Body, mine: Body, theirs: Body): { merged: Body } | { clash: string[] } {
  const merged: Body = {};
  const clash: string[] = [];
  const keys = [...new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)])].sort();
  for (const k of keys) {
    if (EDIT_STAMP.has(k)) continue;
    const [b, m, t] = [base[k], mine[k], theirs[k]];
    let v: unknown;
    if (same(m, t)) v = m;
    else if (same(m, b)) v = t;
    else if (same(t, b)) v = m;
    else {
      clash.push(k);
      continue;
    }
    if (v !== undefined) merged[k] = v;
  }
  if (clash.length > 0) return { clash };
  // The later edit's stamp; at the same instant, the greater author, so both sides agree.
  const later = stampOrder(mine, theirs) >= 0 ? mine : theirs;
  if (later.updatedAt !== undefined) merged.updatedAt = later.updatedAt;
  if (later.updatedBy !== undefined) merged.updatedBy = later.updatedBy;
  return { merged };
}

function stampOrder(a: Body, b: Body): number {
  const ka = `${String(a.updatedAt ?? '')}\u0000${String(a.updatedBy ?? '')}`;
  const kb = `${String(b.updatedAt ?? '')}\u0000${String(b.updatedBy ?? '')}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * A deleted leaf whose parent lies on a live leaf's path, while every live leaf comes through that
 * parent: one side deleted the document at a revision the other side went on editing. A tombstone
 * that closes a branch of its own (how "keep the edited document" ends the deletion: see
 * `editKeptBody`) does not count, and neither does one that closes a branch while the document
 * lives on in a branch that does not come through its parent: that is how a resolved or merged
 * conflict ends its other side, and the edit merges with the branch that took the closed one in.
 */
export function deleteAgainstEdit(leaves: readonly RemoteRevision[]): RemoteRevision | null {
  const livePaths = leaves.filter((l) => !l._deleted).map((l) => new Set(pathOf(l)));
  for (const d of leaves) {
    if (!d._deleted) continue;
    const parent = pathOf(d)[1];
    if (parent && livePaths.some((p) => p.has(parent)) && livePaths.every((p) => p.has(parent))) return d;
  }
  return null;
}

/**
 * The revisions a conflict's resolution (or a merge) took into the other branch: the parents of
 * tombstones that close a branch, deepest first. A live leaf whose path holds one was edited from
 * a version the other branch already contains.
 */
function closedParents(leaves: readonly RemoteRevision[]): string[] {
  const parents = leaves.flatMap((l) => (l._deleted && pathOf(l)[1] !== undefined ? [pathOf(l)[1]!] : []));
  return [...new Set(parents)].sort((a, b) => revPos(b) - revPos(a) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The body of the tombstone that settles a delete against an edit in favour of the edit: written
 * as a child of the deletion, it ends that branch on itself, so the deletion is no longer a leaf
 * beside the edit and no library counts it again. It is the deletion's own body and a mark, with
 * no clock and no author, so two libraries keeping the same edit write the same revision.
 */
export function editKeptBody(deletion: Body): Body {
  return { ...deletion, editKept: true };
}

/**
 * The plan for one document, given every leaf (with paths and bodies) and a way to read an
 * ancestor's body (null when it is not kept here).
 */
export function planConflict(leaves: readonly RemoteRevision[], ancestor: (rev: string) => Body | null): ConflictPlan {
  if (deleteAgainstEdit(leaves)) return { kind: 'ask', reason: 'delete-vs-edit', fields: [] };
  const live = leaves.filter((l) => !l._deleted);
  if (live.length < 2) return { kind: 'none' };
  if (live.length > 2) return { kind: 'ask', reason: 'many-branches', fields: [] };
  const info = live.map((l) => ({ rev: l._rev, pos: revPos(l._rev), deleted: false }));
  let winner = live.find((l) => l._rev === pickWinner(info).rev)!;
  let loser = live.find((l) => l !== winner)!;
  let common = commonRev(winner, loser);
  // One leaf was edited from a revision whose branch was closed when the other side took it in
  // (a conflict resolved or merged elsewhere): the merge is against that revision, and continues
  // the branch that took it in, so the closed branch stays closed. Pure, as the rest.
  const folded = foldedInto(leaves, winner, loser);
  if (folded) {
    common = folded.base;
    if (folded.into === loser) [winner, loser] = [loser, winner];
  }
  const base = common ? ancestor(common) : null;
  const revs = { base: common ?? null, ours: winner._rev, theirs: loser._rev };
  if (!base) return { kind: 'ask', reason: 'no-ancestor', fields: [], revs };
  const result = mergeBodies(base, bodyOf(winner), bodyOf(loser));
  if ('clash' in result) return { kind: 'ask', reason: 'same-field', fields: result.clash, revs };
  const changed = Object.keys(result.merged).filter((k) => !EDIT_STAMP.has(k) && !same(result.merged[k], base[k]));
  const mergedRev = nextRev(winner._rev, false, result.merged);
  const stamp: Body = { type: result.merged.type };
  if (result.merged.updatedAt !== undefined) stamp.updatedAt = result.merged.updatedAt;
  if (result.merged.updatedBy !== undefined) stamp.updatedBy = result.merged.updatedBy;
  const closeRev = nextRev(loser._rev, true, stamp);
  return {
    kind: 'merge',
    fields: changed,
    writes: [
      { ...result.merged, _id: winner._id, _rev: mergedRev, _revisions: child(winner, mergedRev) },
      { ...stamp, _id: loser._id, _rev: closeRev, _deleted: true, _revisions: child(loser, closeRev) },
    ],
  };
}

function child(parent: RemoteRevision, rev: string): RemoteRevision['_revisions'] {
  return { start: parent._revisions.start + 1, ids: [rev.slice(rev.indexOf('-') + 1), ...parent._revisions.ids] };
}

function commonRev(a: RemoteRevision, b: RemoteRevision): string | undefined {
  const other = new Set(pathOf(b));
  return pathOf(a).find((r) => other.has(r));
}

/**
 * When exactly one of the two live leaves comes through a revision whose branch a tombstone
 * closed, and the other does not, the other took that revision in: the base is that revision
 * (the deepest such one) and `into` the leaf that took it in. Otherwise nothing.
 */
function foldedInto(leaves: readonly RemoteRevision[], a: RemoteRevision, b: RemoteRevision): { base: string; into: RemoteRevision } | null {
  const pa = new Set(pathOf(a));
  const pb = new Set(pathOf(b));
  const onA = closedParents(leaves).find((r) => pa.has(r) && !pb.has(r));
  const onB = closedParents(leaves).find((r) => pb.has(r) && !pa.has(r));
  if (onA && !onB) return { base: onA, into: b };
  if (onB && !onA) return { base: onB, into: a };
  return null;
}

