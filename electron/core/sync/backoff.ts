/**
 * Retrying a request over a link that drops every few seconds: full-jitter exponential backoff
 * (each wait is uniform in [0, min(cap, base * 2^attempt)]), so many laptops coming back online
 * at once do not hit the server in step. Only failures marked retryable are retried; the
 * caller's checkpoint stays where it was, so a retry repeats a step that is safe to repeat.
 */

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  baseMs: number;
  capMs: number;
  /** A number in [0, 1): Math.random unless a test fixes it. */
  random?: () => number;
  /** Waits; tests may replace it to count the waits without spending them. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
  /** Told before each wait, with the error that caused it. */
  onRetry?: (error: unknown, attempt: number, waitMs: number) => void;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 8, baseMs: 250, capMs: 30_000 };

export function fullJitterDelay(attempt: number, policy: Pick<RetryPolicy, 'baseMs' | 'capMs' | 'random'>): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
  return Math.floor((policy.random ?? Math.random)() * ceiling);
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((done, fail) => {
    if (signal?.aborted) return fail(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      done();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      fail(signal!.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Runs `work` until it succeeds, a failure is not retryable, or the attempts run out. */
export async function withRetry<T>(work: () => Promise<T>, retryable: (e: unknown) => boolean, policy: RetryPolicy): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (e) {
      if (!retryable(e) || attempt + 1 >= policy.attempts || policy.signal?.aborted) throw e;
      const wait = fullJitterDelay(attempt, policy);
      policy.onRetry?.(e, attempt + 1, wait);
      await (policy.sleep ?? sleep)(wait, policy.signal);
    }
  }
}
