import { MIN_KEY } from './bm25';
import type { Bound } from './listing';

/** Children of a node for a-z and 0-9 sit in one flat table; other characters go through a map. */
const ALPHABET = 36;

/** a-z as 0-25, 0-9 as 26-35, anything else -1. */
function code(c: number): number {
  if (c >= 97 && c <= 122) return c - 97;
  if (c >= 48 && c <= 57) return c - 22;
  return -1;
}

/**
 * The listed keys and their bounds as a write checks a row against them. The keys form a tree
 * of their characters: a token is read once, character by character, and every node it passes
 * that is a key counts it, so a token counts under each listed key it starts with (as
 * keyFrequencies counts it) without cutting its beginnings into strings or looking anything up
 * by string. Most tokens leave the tree within three characters.
 *
 * Before it, each token of a row was looked up in a map of tokens to their listed keys, filled
 * afresh whenever the keys were reloaded (after any list was saved): at 263 lists a release took
 * 120-140 us of CPU to count its tokens and 20-30 to check the bounds, against 27 for both here
 * (test/bench/README.md, 5 December).
 */
export class ListedKeys {
  /** How many keys are listed. */
  readonly size: number;
  private readonly keys: string[] = [];
  /** Key k's bound is the points boundAt[k] to boundAt[k + 1] - 1 of pointF and pointD (as a Bound, by frequency ascending). */
  private readonly boundAt: Int32Array;
  private readonly pointF: Int32Array;
  private readonly pointD: Int32Array;
  /** Node n's child for character code a (see `code`) at n * ALPHABET + a; 0 for none (node 0 is the root, never a child). */
  private readonly children: Int32Array;
  /** Children for other characters, by node * 65536 + the character's UTF-16 code. */
  private readonly otherChildren = new Map<number, number>();
  /** The key a node ends, plus one; 0 for none. */
  private readonly keyAt: Int32Array;
  /** A row's count per key while it is checked; all 0 between rows. */
  private readonly counts: Int32Array;
  /** The keys a row's tokens counted under, in the order met. */
  private readonly touched: Int32Array;

  constructor(listed: Iterable<readonly [string, Bound]>) {
    // Every beginning of every key is a node: count them first, so the tables are made once.
    const entries = [...listed].filter(([k]) => k.length >= MIN_KEY);
    const prefixes = new Set<string>();
    for (const [k] of entries) for (let n = 1; n <= k.length; n++) prefixes.add(k.slice(0, n));
    const nodes = prefixes.size + 1;
    this.children = new Int32Array(nodes * ALPHABET);
    this.keyAt = new Int32Array(nodes);
    let made = 1;
    const bounds: Bound[] = [];
    for (const [k, bound] of entries) {
      let node = 0;
      for (let i = 0; i < k.length; i++) {
        const c = k.charCodeAt(i);
        const a = code(c);
        let next = a >= 0 ? this.children[node * ALPHABET + a]! : (this.otherChildren.get(node * 65536 + c) ?? 0);
        if (next === 0) {
          next = made++;
          if (a >= 0) this.children[node * ALPHABET + a] = next;
          else this.otherChildren.set(node * 65536 + c, next);
        }
        node = next;
      }
      if (this.keyAt[node] !== 0) continue;
      this.keys.push(k);
      bounds.push(bound);
      this.keyAt[node] = this.keys.length;
    }
    this.size = this.keys.length;
    this.boundAt = new Int32Array(this.size + 1);
    for (let k = 0; k < this.size; k++) this.boundAt[k + 1] = this.boundAt[k]! + bounds[k]!.length;
    this.pointF = new Int32Array(this.boundAt[this.size]!);
    this.pointD = new Int32Array(this.boundAt[this.size]!);
    bounds.forEach((b, k) => b.forEach(([f, d], i) => {
      this.pointF[this.boundAt[k]! + i] = f;
      this.pointD[this.boundAt[k]! + i] = d;
    }));
    this.counts = new Int32Array(this.size);
    this.touched = new Int32Array(this.size);
  }

  /**
   * Calls `each` with every key whose bound does not cover a row of these (plain) tokens: the
   * row's count of tokens starting with the key, against its length in tokens.
   */
  unbounded(tokens: readonly string[], each: (key: string) => void): void {
    const { children, otherChildren, keyAt, counts, touched, boundAt, pointF, pointD } = this;
    let n = 0;
    for (const t of tokens) {
      let node = 0;
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i);
        const a = code(c);
        node = a >= 0 ? children[node * ALPHABET + a]! : (otherChildren.get(node * 65536 + c) ?? 0);
        if (node === 0) break;
        const k = keyAt[node]! - 1;
        if (k >= 0 && counts[k]!++ === 0) touched[n++] = k;
      }
    }
    const d = tokens.length;
    const found: number[] = [];
    for (let i = 0; i < n; i++) {
      const k = touched[i]!;
      const f = counts[k]!;
      counts[k] = 0;
      // As bounded() in listing.ts: the first point with at least the row's count decides.
      let p = boundAt[k]!;
      const end = boundAt[k + 1]!;
      while (p < end && pointF[p]! < f) p++;
      if (p === end || pointD[p]! > d) found.push(k);
    }
    // The counts are all 0 again before any statement runs, so a failing one leaves nothing behind.
    for (const k of found) each(this.keys[k]!);
  }
}
