import { isReservedName, STORE_FIELDS } from '../documents';
import { sameValue } from '../fields-patch';
import type { HistoryVersion } from './history-versions';

/**
 * What each version in a document's history changed against the version before it, by top-level
 * field: "when did the phone number change, and who changed it" is read from the list instead of
 * by opening every version. Pure: the core (`doc.versions`) gives it the bodies it read in one query.
 */

type Body = Readonly<Record<string, unknown>>;

/**
 * What a version did. `fields` are the top-level fields whose value differs from the version
 * before (a phone changed inside `phones` is `phones`), in the order the newer body holds them,
 * then those it no longer holds; null when a body needed was compacted away. A version that
 * holds exactly what an earlier one held (a restore, or the same words typed again) says which
 * (`bringsBack`). A deletion says whether it erased a person (at their request) or merged them
 * into another contact, as its tombstone records.
 */
export type VersionChange =
  | { kind: 'created' }
  | { kind: 'edited'; fields: string[] | null; bringsBack: { rev: string; at: string } | null }
  | { kind: 'deleted'; how: 'deleted' | 'erased' | 'merged' }
  | { kind: 'undeleted'; fields: string[] | null };

/** A version of `doc.versions`: who, when, how many saves, and what it changed. */
export interface DocVersion extends HistoryVersion {
  change: VersionChange;
}

/** Fields Dateline writes itself (timestamps, schema version, the id) and sync's own: never a change a person made. */
function ownField(k: string): boolean {
  return !STORE_FIELDS.has(k) && !isReservedName(k);
}

/**
 * The top-level fields a person changed from `before` to `after`: added, removed or holding
 * something else, nested values included. A field absent and a field null are the same to a
 * person (an embargo cleared either way). Fields only a newer Dateline knows count like any other.
 */
export function changedFields(before: Body, after: Body): string[] {
  const has = (b: Body, k: string) => b[k] !== undefined && b[k] !== null;
  const differs = (k: string) => (has(before, k) || has(after, k)) && !sameValue(before[k] ?? null, after[k] ?? null);
  const out = Object.keys(after).filter((k) => ownField(k) && differs(k));
  for (const k of Object.keys(before)) if (ownField(k) && !Object.prototype.hasOwnProperty.call(after, k) && differs(k)) out.push(k);
  return out;
}

/** A body's own fields as one text, keys sorted at every level: equal texts, equal content. */
function contentKey(body: Body): string {
  const sorted = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sorted);
    if (v === null || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(o)
        .filter((k) => o[k] !== undefined && o[k] !== null)
        .sort()
        .map((k) => [k, sorted(o[k])]),
    );
  };
  const own = Object.fromEntries(Object.keys(body).filter(ownField).map((k) => [k, body[k]]));
  return JSON.stringify(sorted(own));
}

/**
 * Each version with what it changed, given the versions (newest first, as historyVersions gives
 * them), every revision of the tree by rev, and the bodies of the revisions read (a version's
 * last (a deletion's tombstone), the revision before its first, and before a deletion the revision it deleted; a
 * compacted one missing). Linear in the versions: one comparison each, and one map of contents
 * for what a version brings back.
 */
export function versionChanges(
  versions: readonly HistoryVersion[],
  tree: ReadonlyMap<string, { parent: string | null; deleted: boolean }>,
  bodies: ReadonlyMap<string, Body>,
): DocVersion[] {
  const seen = new Map<string, { rev: string; at: string }>();
  const changes = new Map<HistoryVersion, VersionChange>();
  const diff = (from: string | null | undefined, to: string): string[] | null => {
    const a = from ? bodies.get(from) : undefined;
    const b = bodies.get(to);
    return a && b ? changedFields(a, b) : null;
  };
  // Oldest first, so `seen` holds only what came before.
  for (let i = versions.length - 1; i >= 0; i--) {
    const v = versions[i]!;
    const parentRev = v.first.parent;
    const parent = parentRev === null ? undefined : tree.get(parentRev);
    let change: VersionChange;
    if (v.last.deleted) change = { kind: 'deleted', how: deletion(bodies.get(v.last.rev)) };
    else if (parentRev === null) change = { kind: 'created' };
    else if (parent?.deleted) change = { kind: 'undeleted', fields: diff(parent.parent, v.last.rev) };
    else {
      const fields = diff(parentRev, v.last.rev);
      const body = bodies.get(v.last.rev);
      const key = body ? contentKey(body) : null;
      const earlier = key === null ? undefined : seen.get(key);
      change = { kind: 'edited', fields, bringsBack: fields !== null && fields.length > 0 && earlier ? earlier : null };
    }
    changes.set(v, change);
    const body = v.last.deleted ? undefined : bodies.get(v.last.rev);
    if (body) seen.set(contentKey(body), { rev: v.last.rev, at: v.last.at });
  }
  return versions.map((v) => ({ ...v, change: changes.get(v)! }));
}

/** What a tombstone records of why the document went: an erase and a merge write theirs (DocStore.erase). */
function deletion(tombstone: Body | undefined): 'deleted' | 'erased' | 'merged' {
  if (tombstone?.erased === true) return 'erased';
  return typeof tombstone?.mergedInto === 'string' ? 'merged' : 'deleted';
}

/** The revisions whose bodies versionChanges reads. */
export function revisionsToRead(versions: readonly HistoryVersion[], tree: ReadonlyMap<string, { parent: string | null; deleted: boolean }>): string[] {
  const out = new Set<string>();
  for (const v of versions) {
    out.add(v.last.rev);
    if (v.last.deleted) continue;
    const parentRev = v.first.parent;
    if (parentRev === null) continue;
    const parent = tree.get(parentRev);
    if (parent?.deleted) {
      if (parent.parent !== null) out.add(parent.parent);
    } else out.add(parentRev);
  }
  return [...out];
}
