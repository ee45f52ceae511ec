import type Database from 'better-sqlite3';
import { termWeight } from './bm25';

/** Rows listed per key when the lists are built. */
export const LISTED_PER_KEY = 96;

/** (frequency, length) points, by frequency ascending; each point's length is the least among unlisted rows with at least that frequency. */
export type Bound = readonly (readonly [number, number])[];

/** Whether a row with frequency `f` and length `d` is bounded by `bound` (never scores above it). */
export function bounded(bound: Bound, f: number, d: number): boolean {
  for (const [bf, bd] of bound) if (bf >= f) return bd <= d;
  return false;
}

/** A listing between two steps of a build: rows as [rowid, frequency, length], left-out rows as [frequency, least length]. */
export interface ListingState {
  rows: [number, number, number][];
  out: [number, number][];
}

/** The best rows of one key while they are chosen, and the bound of those left out. */
export class Listing {
  /** rowid, frequency, length and weight at the build's average length; best first after a trim. */
  private rows: { rowid: number; f: number; d: number; w: number }[] = [];
  /** Below this weight a row goes straight to the bound. */
  private floor = 0;
  /** Least length per frequency among rows left out. */
  private readonly minLength = new Map<number, number>();

  constructor(private readonly avgdl: number) {}

  /** A listing carried on from its saved state (see `state`). */
  static resume(avgdl: number, state: ListingState): Listing {
    const l = new Listing(avgdl);
    for (const [rowid, f, d] of state.rows) l.rows.push({ rowid, f, d, w: termWeight(f, d, avgdl) });
    for (const [f, d] of state.out) l.minLength.set(f, d);
    if (l.rows.length > LISTED_PER_KEY) l.trim();
    return l;
  }

  /** What a later `resume` needs: the rows still in the running (at most LISTED_PER_KEY) and the least length per frequency left out. */
  state(): ListingState {
    if (this.rows.length > LISTED_PER_KEY) this.trim();
    return { rows: this.rows.map((r) => [r.rowid, r.f, r.d]), out: [...this.minLength] };
  }

  add(rowid: number, f: number, d: number): void {
    const w = termWeight(f, d, this.avgdl);
    if (w < this.floor) this.leaveOut(f, d);
    else {
      this.rows.push({ rowid, f, d, w });
      if (this.rows.length >= 2 * LISTED_PER_KEY) this.trim();
    }
  }

  /** Writes the list and the bound of `key`. */
  save(key: string, list: Database.Statement<[string, number]>, bound: Database.Statement<[string, string]>): Bound {
    if (this.rows.length > LISTED_PER_KEY) this.trim();
    for (const r of this.rows) list.run(key, r.rowid);
    const b = this.bound();
    bound.run(key, JSON.stringify(b));
    return b;
  }

  private leaveOut(f: number, d: number): void {
    const least = this.minLength.get(f);
    if (least === undefined || d < least) this.minLength.set(f, d);
  }

  private trim(): void {
    this.rows.sort((a, b) => b.w - a.w);
    for (const r of this.rows.splice(LISTED_PER_KEY)) this.leaveOut(r.f, r.d);
    this.floor = this.rows[this.rows.length - 1]!.w;
  }

  /** The points no other point covers: from the highest frequency down, a point stays when its length is below all seen so far. */
  private bound(): Bound {
    const out: [number, number][] = [];
    let least = Infinity;
    for (const f of [...this.minLength.keys()].sort((a, b) => b - a)) {
      const d = this.minLength.get(f)!;
      if (d < least) {
        out.push([f, d]);
        least = d;
      }
    }
    return out.reverse();
  }
}
