import { hash } from 'node:crypto';

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

/**
 * JSON with object keys sorted, so equal documents hash equally on every machine. The text is
 * defined by `referenceCanonicalJson`. This copies plain data (what bodies are) with sorted
 * keys and lets JSON.stringify run without a replacer, about twice as fast; anything else
 * (toJSON, class instances, BigInt, a "__proto__" key, cycles) goes to the reference, so the
 * output never differs.
 */
export function canonicalJson(value: unknown): string {
  let sorted: unknown;
  try {
    sorted = sortedCopy(value, 0);
  } catch (e) {
    if (e !== NOT_PLAIN) throw e;
    return referenceCanonicalJson(value);
  }
  return JSON.stringify(sorted);
}

/** The definition of canonical JSON (and the slow path for values that are not plain data). */
export function referenceCanonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
    }
    return v;
  });
}

const NOT_PLAIN = new Error('not plain data');
// Deeper than any document; a cycle reaches it and the reference then reports the cycle.
const MAX_DEPTH = 200;

/**
 * The value with every object's keys re-inserted in sorted order, which is exactly what the
 * reference's Object.fromEntries builds (array-index keys then go first, numerically, in
 * both). Arrays without objects inside are used as they are.
 */
function sortedCopy(v: unknown, depth: number): unknown {
  if (typeof v === 'bigint') throw NOT_PLAIN;
  if (typeof v !== 'object' || v === null) return v;
  if (depth > MAX_DEPTH || typeof (v as { toJSON?: unknown }).toJSON === 'function') throw NOT_PLAIN;
  if (Array.isArray(v)) {
    let out: unknown[] = v;
    for (let i = 0; i < v.length; i++) {
      const item: unknown = v[i];
      if ((typeof item === 'object' && item !== null) || typeof item === 'bigint') {
        if (out === v) out = v.slice();
        out[i] = sortedCopy(item, depth + 1);
      }
    }
    return out;
  }
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) throw NOT_PLAIN;
  const o = v as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const k of Object.keys(o).sort()) {
    // Assigning "__proto__" would set the prototype, not a key.
    if (k === '__proto__') throw NOT_PLAIN;
    copy[k] = sortedCopy(o[k], depth + 1);
  }
  return copy;
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
  // One-shot hash: no Hash object per revision.
  const digest = hash('md5', `${JSON.stringify([parent, deleted]).slice(0, -1)},${bodyJson}]`, 'hex');
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
