/**
 * When sync runs by itself: on a timer, shortly after the last local change, at once when the
 * machine comes online, and when asked ("Sync now"). Never two at a time: a trigger during a run
 * starts one more run after it. Time comes from `Timers`, so tests drive a fake clock instead of
 * sleeping.
 */

export interface Timers {
  now(): number;
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** The machine's clock; timers never keep a process (the CLI, a test) alive by themselves. */
export const realTimers: Timers = {
  now: () => Date.now(),
  set: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref();
    return t;
  },
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** A change is sent this long after the last one, so a person typing is not synced per key. */
export const AFTER_CHANGE_MS = 10_000;

export interface SchedulerHooks {
  /** One sync; the scheduler waits for it before planning the next. */
  run(): Promise<void>;
  /** Minutes between syncs when nothing else starts one. */
  intervalMs(): number;
  /** False while paused, offline or not set up: nothing is planned. */
  active(): boolean;
  /** Told whenever the plan changes (the status shows when the next sync is). */
  planned(at: number | null): void;
}

export class SyncScheduler {
  private timer: unknown = null;
  private due: number | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  /** Whether the planned run is a change's debounce (which a later change moves on). */
  private debounced = false;

  constructor(
    private readonly hooks: SchedulerHooks,
    private readonly timers: Timers,
  ) {}

  get isRunning(): boolean {
    return this.running !== null;
  }

  /** Starts the regular timer (after the app starts, a resume, a settings change). */
  start(): void {
    this.plan(this.timers.now() + this.hooks.intervalMs(), false);
  }

  /**
   * Sync now: the person asked, or the machine came online. Runs at once, even when the
   * schedule is off (automatic sync not wanted); during a run, one more follows it.
   */
  now(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.clear();
    this.launch();
  }

  /** Something changed here: sync a little after the last change of a burst. */
  changed(): void {
    this.plan(this.timers.now() + AFTER_CHANGE_MS, true);
  }

  /** Forgets what was planned (pause, offline, not set up); a running sync finishes. */
  stop(): void {
    this.clear();
    this.hooks.planned(null);
  }

  /** For good: the core closes. Resolves when a running sync has ended. */
  async close(): Promise<void> {
    this.stopped = true;
    this.clear();
    await this.running?.catch(() => undefined);
  }

  /** Resolves when the sync running now (if any) has ended; a run it queued may have started. */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  private clear(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
    this.due = null;
    this.debounced = false;
  }

  /**
   * Plans a run at `at`. The earlier plan wins, except that a change after a change moves its
   * own run later (the debounce); a run already planned by the timer or "now" is kept when it
   * comes first, since it sends the change anyway.
   */
  private plan(at: number, debounce: boolean): void {
    if (this.stopped || !this.hooks.active()) return;
    if (this.running) {
      // The run going on may have missed this: one more follows it.
      if (debounce || at <= this.timers.now()) this.again = true;
      return;
    }
    if (this.due !== null && this.due <= at && !(debounce && this.debounced)) return;
    this.clear();
    this.due = at;
    this.debounced = debounce;
    this.timer = this.timers.set(() => this.fire(), Math.max(0, at - this.timers.now()));
    this.hooks.planned(at);
  }

  private fire(): void {
    this.timer = null;
    this.due = null;
    this.debounced = false;
    if (this.stopped || !this.hooks.active() || this.running) return;
    this.launch();
  }

  private launch(): void {
    this.hooks.planned(null);
    this.running = this.hooks
      .run()
      .catch(() => undefined)
      .finally(() => {
        this.running = null;
        const again = this.again;
        this.again = false;
        if (this.stopped || !this.hooks.active()) return;
        if (again) this.launch();
        else this.start();
      });
  }
}
