import { MIN_KEY } from './bm25';

const ALPHABET = 36;

/** a-z as 0-25, 0-9 as 26-35, anything else -1. */
function code(c: number): number {
  if (c >= 97 && c <= 122) return c - 97;
  if (c >= 48 && c <= 57) return c - 22;
  return -1;
}

/**
 * The first MIN_KEY characters of a set of keys, asked of every token a write indexes: a token
 * whose beginning starts no key counts under none, and most words of a row are such tokens. An
 * ASCII beginning is one bit (no string is cut or hashed); others go through a set. Before it,
 * looking up each token of a release (about 1,000) cost a write as much as the rest of the
 * lists' upkeep.
 */
export class Heads {
  private readonly bits = new Uint8Array(Math.ceil(ALPHABET ** MIN_KEY / 8));
  private readonly others = new Set<string>();

  constructor(keys: Iterable<string>) {
    for (const k of keys) {
      const i = this.index(k);
      if (i >= 0) this.bits[i >> 3]! |= 1 << (i & 7);
      else if (i === -1) this.others.add(k.slice(0, MIN_KEY));
    }
  }

  /** Whether a key may start `token` (false for a token shorter than any key). */
  has(token: string): boolean {
    const i = this.index(token);
    if (i >= 0) return (this.bits[i >> 3]! & (1 << (i & 7))) !== 0;
    return i === -1 && this.others.has(token.slice(0, MIN_KEY));
  }

  /** The bit of an ASCII beginning; -1 for another beginning, -2 for a word too short. */
  private index(t: string): number {
    if (t.length < MIN_KEY) return -2;
    let i = 0;
    for (let n = 0; n < MIN_KEY; n++) {
      const c = code(t.charCodeAt(n));
      if (c < 0) return -1;
      i = i * ALPHABET + c;
    }
    return i;
  }
}
