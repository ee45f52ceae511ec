import type Database from 'better-sqlite3';
import { growBestLists, type GrowOptions } from './grow-lists';

/** What a failed step of the job leaves in the log: a code, and what failed with which code. */
export interface GrowthFailure {
  code: 'SEARCH_LISTS_STEP_FAILED';
  params: {
    /** The failure's own code (SQLITE_BUSY when another process held the library), or its name. */
    cause: string;
    message: string;
  };
}

/** The core has no log of its own besides standard error (the shell keeps it): one JSON line a failure. */
export function logToStderr(failure: GrowthFailure): void {
  process.stderr.write(`${JSON.stringify({ at: new Date().toISOString(), ...failure })}\n`);
}

function failureOf(e: unknown): GrowthFailure {
  const code: unknown = e instanceof Error && 'code' in e ? e.code : undefined;
  const cause = typeof code === 'string' ? code : e instanceof Error ? e.name : 'UNKNOWN';
  return { code: 'SEARCH_LISTS_STEP_FAILED', params: { cause, message: e instanceof Error ? e.message : String(e) } };
}

/**
 * Runs the job that lists words grown frequent (grow-lists.ts) in a long-running core, one
 * step per turn of the event loop, so a call or a search waits at most for one step (tens of
 * milliseconds at 250,000 documents). It starts when told of writes, and at open (a job a
 * restart cut short resumes), and stops when the job says it is idle. A step that fails (the
 * library busy with another process's write, or swapped by a restore) is logged and ends the
 * run; the job's place is on disk, so the next writes start it again from there.
 */
export class ListGrowth {
  private running: Promise<void> | null = null;
  private closed = false;

  /** `db`: the library's connection now, or null while there is none that may be written. */
  constructor(
    private readonly db: () => Database.Database | null,
    private readonly options: GrowOptions = {},
    private readonly log: (failure: GrowthFailure) => void = logToStderr,
  ) {}

  /** Something was written: make sure a run is going. */
  noteWrites(): void {
    if (this.closed || this.running !== null) return;
    this.running = new Promise<void>((done) => {
      const step = (): void => {
        if (this.step()) setImmediate(step);
        else {
          this.running = null;
          done();
        }
      };
      setImmediate(step);
    });
  }

  /** Resolves once no run is going (tests wait for it instead of a time). */
  async idle(): Promise<void> {
    while (this.running !== null) await this.running;
  }

  close(): void {
    this.closed = true;
  }

  /** One step; whether another should follow. */
  private step(): boolean {
    if (this.closed) return false;
    const db = this.db();
    if (db === null || !db.open || db.readonly) return false;
    try {
      return growBestLists(db, this.options) === 'working';
    } catch (e) {
      try {
        this.log(failureOf(e));
      } catch {
        // A log that cannot be written must not stop the app.
      }
      return false;
    }
  }
}
