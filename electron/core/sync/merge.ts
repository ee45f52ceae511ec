import { mergeRecord, RECORD_FIELDS } from '../contacts/suppression-record';
import type { RemoteRevision } from '../store/replication-api';
import { canonicalJson, nextRev, pickWinner, revPos } from '../store/revisions';
import { DOC_SCHEMA_VERSION, schemaOf } from '../../shared/documents';

/**
 * What to do with a document that replication left with more than one leaf. Edits to different
 * fields merge by themselves against the common ancestor; the merged revision and the tombstone
 * of the other branch are pure functions of the two leaves and the ancestor, so two laptops that
 * merge the same conflict write the same revisions and converge without asking anyone. The same
 * field changed on both sides, or a delete against an edit (which CouchDB lets the edit win
 * silently), is for a person: the Conflicts screen. A branch written by a newer Dateline (a
 * higher `schema` than this app's) is merged by no older app: this app cannot know what its
 * fields mean, so it leaves both branches as they are for a newer app, whose merge then arrives
 * like any other revision (README, "The version rule").
 */

export type Body = Record<string, unknown>;

export type ConflictPlan =
  | { kind: 'none' }
  | { kind: 'merge'; writes: RemoteRevision[]; fields: string[] }
  /** A live branch of a newer schema version than this app's: nothing written, nobody asked here. */
  | { kind: 'newer'; version: number }
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

/**
 * Three-way merge of two bodies against their ancestor: the merged body, or the fields both
 * changed. An office's suppression record is one value that two sides join rather than clash
 * on (see contacts/suppression-record.ts): an erased person stays out whichever side erased them.
 */
export function mergeBodies(base: Body, mine: Body, theirs: Body): { merged: Body } | { clash: string[] } {
  const merged: Body = {};
  const clash: string[] = [];
  const record = mergeRecord(base, mine, theirs);
  const keys = [...new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs), ...Object.keys(record ?? {})])].sort();
  for (const k of keys) {
    if (EDIT_STAMP.has(k) || k === 'schema') continue;
    const [b, m, t] = [base[k], mine[k], theirs[k]];
    let v: unknown;
    if (record && RECORD_FIELDS.has(k)) v = record[k];
    else if (same(m, t)) v = m;
    else if (same(m, b)) v = t;
    else if (same(t, b)) v = m;
    else {
      clash.push(k);
      continue;
    }
    if (v !== undefined) merged[k] = v;
  }
  if (clash.length > 0) return { clash };
  const mark = schemaMark(base, mine, theirs);
  if (mark !== undefined) merged.schema = mark;
  // The later edit's stamp; at the same instant, the greater author, so both sides agree.
  const later = stampOrder(mine, theirs) >= 0 ? mine : theirs;
  if (later.updatedAt !== undefined) merged.updatedAt = later.updatedAt;
  if (later.updatedBy !== undefined) merged.updatedBy = later.updatedBy;
  return { merged };
}

/**
 * The `schema` mark of a merge: the highest version of the two sides, since the merged body
 * holds what that version wrote. The mark is never a clash. Between sides of one version (a mark
 * and none, both version 1) the field merges as any other, and the winner's (`mine`) is kept
 * when both changed it, so the same leaves still give the same revision everywhere.
 */
function schemaMark(base: Body, mine: Body, theirs: Body): unknown {
  const [m, t] = [schemaOf(mine), schemaOf(theirs)];
  if (m !== t) return m > t ? mine.schema : theirs.schema;
  return same(mine.schema, base.schema) ? theirs.schema : mine.schema;
}

function stampOrder(a: Body, b: Body): number {
  const ka = `${String(a.updatedAt ?? '')}\u0000${String(a.updatedBy ?? '')}`;
  const kb = `${String(b.updatedAt ?? '')}\u0000${String(b.updatedBy ?? '')}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * Who wrote a revision and when, as the library's tree records it (for a revision made
 * elsewhere, its body's `updatedBy` and `updatedAt`). Undefined when the tree does not say.
 */
export type StampOf = (rev: string) => { author: string; at: string } | undefined;

/**
 * The mark of a tombstone Dateline writes to close a branch rather than delete the document:
 * the leaf it gave way to (the branch a merge or a resolution continued). Deterministic, so
 * two libraries merging the same conflict still write the same tombstone.
 */
export const GAVE_WAY_TO = 'gaveWayTo';

/**
 * Two revisions by one author this close together were written in one go: how Dateline before
 * the mark closed a branch (the tombstone, then the revision on the other side, in one
 * transaction; an automatic merge gave both the very same stamp). Both stamps come from the
 * same device, so a device clock that is wrong moves them together and decides nothing.
 */
const ONE_GO_MS = 1000;

/**
 * Whether a deleted leaf closes a branch rather than deletes the document. Dateline marks its
 * own closing tombstones (`gaveWayTo`, or `editKept` for a deletion set aside). A tombstone
 * without a mark closes a branch only when its author had both branches in front of them, as
 * earlier versions of Dateline did when they resolved or merged: the tombstone ended a version
 * made after the fork, and in the same go (within `ONE_GO_MS`, by the same author) they wrote a
 * revision on a live branch on top of a version of its own made after the fork. A deletion made
 * without seeing the other branch (here, in PouchDB or any CouchDB client) has neither.
 */
export function closesBranch(d: RemoteRevision, live: readonly RemoteRevision[], stampOf?: StampOf): boolean {
  if (typeof d[GAVE_WAY_TO] === 'string' || d.editKept === true) return true;
  const mine = stampOf?.(d._rev);
  const at = mine ? Date.parse(mine.at) : NaN;
  if (!mine || mine.author === '' || Number.isNaN(at)) return false;
  const own = new Set(pathOf(d));
  const parent = pathOf(d)[1];
  for (const leaf of live) {
    const path = pathOf(leaf);
    if (parent === undefined || path.includes(parent)) continue;
    // Newest first: a revision whose parent (the next one) is also past the fork.
    for (let i = 0; i + 1 < path.length && !own.has(path[i + 1]!); i++) {
      const other = stampOf!(path[i]!);
      if (other?.author === mine.author && Math.abs(Date.parse(other.at) - at) < ONE_GO_MS) return true;
    }
  }
  return false;
}

/**
 * The deleted leaves that delete the document against an edit: a tombstone that closes no
 * branch (see `closesBranch`), ending a version of which some live leaf shares an ancestor.
 * Whether the deletion ended the revision the other side went on from, or an edit of its own
 * made without seeing the other side's, someone deleted what someone else kept editing. A
 * deletion with no live branch beside it is a plain deletion.
 */
export function deletionsAgainstEdit(leaves: readonly RemoteRevision[], stampOf?: StampOf): RemoteRevision[] {
  const live = leaves.filter((l) => !l._deleted);
  const livePaths = live.map((l) => new Set(pathOf(l)));
  if (livePaths.length === 0) return [];
  return leaves.filter((d) => {
    if (!d._deleted) return false;
    const path = pathOf(d);
    if (path.length < 2) return false;
    if (!livePaths.some((p) => path.some((r) => p.has(r)))) return false;
    return !closesBranch(d, live, stampOf);
  });
}

/** The first deletion against an edit among the leaves, if any (see `deletionsAgainstEdit`). */
export function deleteAgainstEdit(leaves: readonly RemoteRevision[], stampOf?: StampOf): RemoteRevision | null {
  return deletionsAgainstEdit(leaves, stampOf)[0] ?? null;
}

/**
 * The revisions a conflict's resolution (or a merge) took into the other branch: the parents of
 * tombstones that close a branch, deepest first. A live leaf whose path holds one was edited from
 * a version the other branch already contains.
 */
function closedParents(leaves: readonly RemoteRevision[], stampOf?: StampOf): string[] {
  const live = leaves.filter((l) => !l._deleted);
  const parents = leaves.flatMap((l) => (l._deleted && pathOf(l)[1] !== undefined && closesBranch(l, live, stampOf) ? [pathOf(l)[1]!] : []));
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
 * The plan for one document, given every leaf (with paths and bodies), a way to read an
 * ancestor's body (null when it is not kept here) and, where the tree records them, who wrote
 * each revision and when (see `closesBranch`). `supported` is the newest schema version this
 * app edits: with a live branch newer than that, nothing is merged here and nobody is asked to
 * choose what this app cannot read (`newer`); the branches stay until a newer app merges them.
 * Otherwise the plan depends on the leaves alone, never on the version, so apps of different
 * versions that do merge write the same revisions.
 */
export function planConflict(
  leaves: readonly RemoteRevision[],
  ancestor: (rev: string) => Body | null,
  stampOf?: StampOf,
  supported: number = DOC_SCHEMA_VERSION,
): ConflictPlan {
  if (deleteAgainstEdit(leaves, stampOf)) return { kind: 'ask', reason: 'delete-vs-edit', fields: [] };
  const live = leaves.filter((l) => !l._deleted);
  if (live.length < 2) return { kind: 'none' };
  const newest = Math.max(...live.map((l) => schemaOf(bodyOf(l))));
  if (newest > supported) return { kind: 'newer', version: newest };
  if (live.length > 2) return planBranches(leaves, live, ancestor, stampOf);
  return planPair(leaves, live, ancestor, stampOf);
}

/**
 * More than two live branches (devices that sent their edits at the same time, before any of
 * them merged): the winner merged with the next branch in the winners' order, that merge with
 * the next, and so on, all written at once. Pure, as a merge of two is: the same leaves give the
 * same revisions everywhere. When any step needs a person, the person sees all the branches.
 */
function planBranches(leaves: readonly RemoteRevision[], live: readonly RemoteRevision[], ancestor: (rev: string) => Body | null, stampOf?: StampOf): ConflictPlan {
  const order = [...live].sort((a, b) => revPos(b._rev) - revPos(a._rev) || (a._rev < b._rev ? 1 : a._rev > b._rev ? -1 : 0));
  const closed = leaves.filter((l) => l._deleted);
  const writes: RemoteRevision[] = [];
  const fields = new Set<string>();
  // A step may merge against the revision the step before wrote.
  const bodyAt = (rev: string) => {
    const written = writes.find((w) => w._rev === rev);
    return written ? bodyOf(written) : ancestor(rev);
  };
  let into = order[0]!;
  for (const next of order.slice(1)) {
    const plan = planPair([...closed, into, next], [into, next], bodyAt, stampOf);
    if (plan.kind !== 'merge') return { kind: 'ask', reason: 'many-branches', fields: [] };
    const [merged, close] = plan.writes as [RemoteRevision, RemoteRevision];
    writes.push(merged, close);
    closed.push(close);
    for (const f of plan.fields) fields.add(f);
    into = merged;
  }
  return { kind: 'merge', writes, fields: [...fields].sort() };
}

/** The plan for two live branches (`live`), among every leaf of the document. */
function planPair(leaves: readonly RemoteRevision[], live: readonly RemoteRevision[], ancestor: (rev: string) => Body | null, stampOf?: StampOf): ConflictPlan {
  const info = live.map((l) => ({ rev: l._rev, pos: revPos(l._rev), deleted: false }));
  let winner = live.find((l) => l._rev === pickWinner(info).rev)!;
  let loser = live.find((l) => l !== winner)!;
  let common = commonRev(winner, loser);
  // One leaf was edited from a revision whose branch was closed when the other side took it in
  // (a conflict resolved or merged elsewhere): the merge is against that revision, and continues
  // the branch that took it in, so the closed branch stays closed. Pure, as the rest.
  const folded = foldedInto(closedParents(leaves, stampOf), winner, loser);
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
  // The closing tombstone names the leaf the merge continued, so no library takes it for a deletion.
  const close: Body = { ...stamp, [GAVE_WAY_TO]: winner._rev };
  const closeRev = nextRev(loser._rev, true, close);
  return {
    kind: 'merge',
    fields: changed,
    writes: [
      { ...result.merged, _id: winner._id, _rev: mergedRev, _revisions: child(winner, mergedRev) },
      { ...close, _id: loser._id, _rev: closeRev, _deleted: true, _revisions: child(loser, closeRev) },
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
function foldedInto(closed: readonly string[], a: RemoteRevision, b: RemoteRevision): { base: string; into: RemoteRevision } | null {
  const pa = new Set(pathOf(a));
  const pb = new Set(pathOf(b));
  const onA = closed.find((r) => pa.has(r) && !pb.has(r));
  const onB = closed.find((r) => pb.has(r) && !pa.has(r));
  if (onA && !onB) return { base: onA, into: b };
  if (onB && !onA) return { base: onB, into: a };
  return null;
}

