import { describe, expect, it } from 'vitest';
import { AFTER_CHANGE_MS, SyncScheduler } from '../../../electron/core/sync/scheduler';
import { FakeTimers } from './fake-timers';

const MIN = 60_000;

/** A scheduler whose runs are counted and end when the test says. */
function setup(opts: { interval?: number } = {}) {
  const timers = new FakeTimers();
  const runs: number[] = [];
  let finish: (() => void) | null = null;
  let active = true;
  let planned: number | null = null;
  const s = new SyncScheduler(
    {
      run: () => {
        runs.push(timers.now());
        return new Promise<void>((r) => (finish = r));
      },
      intervalMs: () => opts.interval ?? 5 * MIN,
      active: () => active,
      planned: (at) => (planned = at),
    },
    timers,
  );
  return {
    s,
    timers,
    runs,
    planned: () => planned,
    setActive: (a: boolean) => (active = a),
    /** Ends the running sync and lets the scheduler plan the next. */
    async end() {
      finish!();
      finish = null;
      await s.idle();
    },
  };
}

describe('when sync runs by itself', () => {
  it('runs on the regular timer, and again an interval after each run ends', async () => {
    const { s, timers, runs, end, planned } = setup();
    const t0 = timers.now();
    s.start();
    expect(planned()).toBe(t0 + 5 * MIN);
    timers.advance(5 * MIN - 1);
    expect(runs).toEqual([]);
    timers.advance(1);
    expect(runs).toEqual([t0 + 5 * MIN]);
    timers.advance(2 * MIN); // the run takes two minutes
    await end();
    expect(planned()).toBe(t0 + 12 * MIN);
    timers.advance(5 * MIN);
    expect(runs).toEqual([t0 + 5 * MIN, t0 + 12 * MIN]);
  });

  it('sends a burst of changes ten seconds after the last of them', () => {
    const { s, timers, runs } = setup();
    const t0 = timers.now();
    s.start();
    s.changed();
    timers.advance(6_000);
    s.changed(); // typing goes on: the sync moves
    timers.advance(AFTER_CHANGE_MS - 1);
    expect(runs).toEqual([]);
    timers.advance(1);
    expect(runs).toEqual([t0 + 6_000 + AFTER_CHANGE_MS]);
  });

  it('keeps an earlier regular run rather than moving it later for a change', () => {
    const { s, timers, runs } = setup({ interval: 5_000 });
    const t0 = timers.now();
    s.start();
    s.changed();
    timers.advance(5_000);
    expect(runs).toEqual([t0 + 5_000]);
  });

  it('"now" runs at once; a second "now" during a run queues exactly one more', async () => {
    const { s, timers, runs, end } = setup();
    s.now();
    s.now();
    s.now();
    expect(runs).toHaveLength(1);
    await end();
    expect(runs).toHaveLength(2);
    await end();
    expect(runs).toHaveLength(2);
    expect(timers.dueAt).toBe(timers.now() + 5 * MIN);
  });

  it('a change during a run is sent by one more run after it', async () => {
    const { s, runs, end } = setup();
    s.now();
    s.changed();
    await end();
    expect(runs).toHaveLength(2);
  });

  it('plans nothing while inactive (paused, offline, not set up), and stop forgets the plan', () => {
    const { s, timers, runs, setActive, planned } = setup();
    s.start();
    s.stop();
    expect(planned()).toBeNull();
    setActive(false);
    s.start();
    s.changed();
    timers.advance(60 * MIN);
    expect(runs).toEqual([]);
    expect(timers.dueAt).toBeNull();
  });

  it('close waits for the running sync and plans nothing after it', async () => {
    const { s, timers, runs, end } = setup();
    s.now();
    const closing = s.close();
    await end();
    await closing;
    s.start();
    s.changed();
    timers.advance(60 * MIN);
    expect(runs).toHaveLength(1);
  });
});
