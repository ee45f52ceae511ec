import { performance } from 'node:perf_hooks';

/**
 * How much of a file transfer is on the way at once, from how fast the link has carried it so
 * far. A drop loses what is in flight, so on a slow link that drops (64 kbit/s, cut every 30 s)
 * one request of one chunk is in flight, and the field-link bench stays near a clean push; on a
 * fast link several requests of up to 128 KiB (512 KiB to a near server) go side by side, so the
 * server and the client are never idle waiting for each other. The target: about a quarter of a second of the link's
 * throughput in flight. It starts at one chunk and follows each request's measured rate, which
 * includes the server's time and any retry waits. A link that has dropped once keeps one chunk
 * in flight for the rest of the transfer: following the rate alone, a 1,280 kbit/s link cut every
 * 1.5 s lost 40 KB a drop (the field-link bench at BENCH_SCALE=0.05 sent 1.15x a clean push).
 */

/** Largest request body, in chunk bytes (before the JSON and compression around them). */
export const MAX_REQUEST_BYTES = 128 * 1024;
/**
 * Largest request body to a near server (`CouchPeer.compresses` false: answered within 10 ms),
 * where a drop is rare and what it loses costs nothing: each request costs the server more than
 * the chunks in it (pouchdb-server, 200 photos of 256 KB at BENCH_SCALE=0.2: its CPU for the
 * upload 1,420 -> 810 ms, for the download 580 -> 280 ms, against 128 KiB).
 */
export const NEAR_REQUEST_BYTES = 512 * 1024;
const MAX_LANES = 4;
const IN_FLIGHT_SECONDS = 0.25;

export class Pace {
  /** Bytes per second, all lanes together; null before the first request has finished. */
  private rate: number | null = null;
  private busy = 0;
  /** The link dropped (or a request had to be tried again): one chunk at a time from now on. */
  private lossy = false;

  /**
   * `unit`: the smallest request, one chunk. `now`: milliseconds (tests give their own clock).
   * `maxRequest`: the largest request, in chunk bytes.
   */
  constructor(
    private readonly unit: number,
    private readonly now: () => number = () => performance.now(),
    private readonly maxRequest = MAX_REQUEST_BYTES,
  ) {}

  private target(): number {
    return this.rate === null || this.lossy ? this.unit : this.rate * IN_FLIGHT_SECONDS;
  }

  /** Chunk bytes to put in the next request (at least one chunk, whatever its size). */
  requestBytes(): number {
    return Math.max(this.unit, Math.min(this.maxRequest, this.target()));
  }

  /** Requests side by side. */
  lanes(): number {
    return Math.max(1, Math.min(MAX_LANES, Math.floor(this.target() / this.requestBytes())));
  }

  /** A request failed or had to be tried again: one chunk at a time for the rest of the transfer. */
  dropped(): void {
    this.lossy = true;
  }

  /**
   * Runs `run` on what `take` gives (asked with the bytes one request may carry), in lanes, until
   * `take` has nothing more. A failure stops new requests; those on the way are awaited (never
   * left running behind the caller), then the first failure is thrown.
   */
  async inLanes<T>(take: (bytes: number) => T | null, run: (item: T) => Promise<number>, signal?: AbortSignal): Promise<void> {
    const running = new Set<Promise<void>>();
    let failure: { error: unknown } | null = null;
    for (;;) {
      while (failure === null && running.size < this.lanes()) {
        if (signal?.aborted) {
          failure = { error: signal.reason };
          break;
        }
        const item = take(this.requestBytes());
        if (item === null) break;
        const started = this.now();
        this.busy++;
        const lanesNow = this.busy;
        const p: Promise<void> = run(item)
          .then(
            (bytes) => this.note(bytes, this.now() - started, lanesNow),
            (e: unknown) => {
              failure ??= { error: e };
              this.dropped();
            },
          )
          .then(() => {
            this.busy--;
            running.delete(p);
          });
        running.add(p);
      }
      if (running.size === 0) break;
      await Promise.race(running);
    }
    if (failure) throw failure.error;
  }

  private note(bytes: number, ms: number, lanes: number): void {
    if (bytes <= 0) return;
    const sample = (bytes * lanes * 1000) / Math.max(ms, 1);
    this.rate = this.rate === null ? sample : (this.rate + sample) / 2;
  }
}
