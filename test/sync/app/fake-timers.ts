import type { Timers } from '../../../electron/core/sync/scheduler';

/** A clock tests move by hand: timers fire, in order, only when `advance` passes their time. */
export class FakeTimers implements Timers {
  private t = Date.parse('2026-12-04T10:00:00Z');
  private next = 1;
  private readonly pending = new Map<number, { at: number; fn: () => void }>();

  now(): number {
    return this.t;
  }

  set(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { at: this.t + ms, fn });
    return id;
  }

  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** When the earliest timer would fire, or null. */
  get dueAt(): number | null {
    let at: number | null = null;
    for (const p of this.pending.values()) if (at === null || p.at < at) at = p.at;
    return at;
  }

  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      let first: [number, { at: number; fn: () => void }] | null = null;
      for (const e of this.pending) if (e[1].at <= end && (first === null || e[1].at < first[1].at)) first = e;
      if (!first) break;
      this.pending.delete(first[0]);
      this.t = first[1].at;
      first[1].fn();
    }
    this.t = end;
  }
}
