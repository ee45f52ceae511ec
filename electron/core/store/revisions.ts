import { createHash } from 'node:crypto';

/** Pure rules of the revision tree, shared by local writes and (later) replication. */

export interface LeafInfo {
  rev: string;
  pos: number;
  deleted: boolean;
}

export function revPos(rev: string): number {
  const dash = rev.indexOf('-');
  return Number(rev.slice(0, dash));
}

/** JSON with object keys sorted, so equal documents hash equally on every machine. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
    }
    return v;
  });
}

/**
 * The next revision id: position one past the parent, and a digest of the parent, the
 * deleted flag and the body. The same edit of the same revision gives the same id anywhere.
 */
export function nextRev(parent: string | null, deleted: boolean, body: unknown): string {
  return revFromJson(parent, deleted, canonicalJson(body));
}

/** nextRev for a body already serialised with canonicalJson (the store keeps that same text). */
export function revFromJson(parent: string | null, deleted: boolean, bodyJson: string): string {
  const pos = parent ? revPos(parent) + 1 : 1;
  const digest = createHash('md5')
    .update(`${JSON.stringify([parent, deleted]).slice(0, -1)},${bodyJson}]`)
    .digest('hex');
  return `${pos}-${digest}`;
}

/**
 * CouchDB's deterministic winner: a live leaf beats a deleted one, then the longer branch
 * (higher position), then the greater revision id. Never a clock.
 */
export function pickWinner(leaves: readonly LeafInfo[]): LeafInfo {
  if (leaves.length === 0) throw new Error('a document has at least one leaf');
  let best = leaves[0]!;
  for (const l of leaves.slice(1)) {
    if (compareLeaves(l, best) > 0) best = l;
  }
  return best;
}

function compareLeaves(a: LeafInfo, b: LeafInfo): number {
  if (a.deleted !== b.deleted) return a.deleted ? -1 : 1;
  if (a.pos !== b.pos) return a.pos - b.pos;
  return a.rev < b.rev ? -1 : a.rev > b.rev ? 1 : 0;
}

/** A document is in conflict when more than one branch is still alive. */
export function isConflicted(leaves: readonly LeafInfo[]): boolean {
  return leaves.filter((l) => !l.deleted).length > 1;
}
