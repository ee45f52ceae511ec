import { useCallback, useLayoutEffect, useState, useSyncExternalStore } from 'react';
import type { ApiError } from '../../electron/shared/errors';

/**
 * A job's failure is said once. The screen that started a job and shows its failure next to the
 * button that ran it (an export's "the file of … is missing") says so with `useFailureShownHere`
 * while that message is on screen; the job tray then keeps the job's name and state but not the
 * same words a second time. Once the screen's message goes (the screen is left, or the person
 * tries again), the tray gives the words again, so a failure never goes unexplained.
 */

const shown = new Map<string, number>();
const listeners = new Set<() => void>();
/** Changes with every claim, so that the tray re-renders when one comes or goes. */
let version = 0;

function change(jobId: string, by: number): void {
  const n = (shown.get(jobId) ?? 0) + by;
  if (n > 0) shown.set(jobId, n);
  else shown.delete(jobId);
  version++;
  for (const l of listeners) l();
}

/** The screen shows the failure of job `jobId` (null: none) while it is mounted with that id. */
export function useFailureShownHere(jobId: string | null): void {
  // Before paint: the tray drops the words in the same frame as the screen shows them.
  useLayoutEffect(() => {
    if (jobId === null) return;
    change(jobId, 1);
    return () => change(jobId, -1);
  }, [jobId]);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether a screen shows this job's failure now; re-renders the caller when that changes. */
export function useShownElsewhere(): (jobId: string) => boolean {
  useSyncExternalStore(subscribe, () => version);
  return (jobId) => shown.has(jobId);
}

/**
 * A screen's error, said once: set with the failed job's id (`JobResult.job`), the job tray keeps
 * that job's name and state but not the same words while the screen shows them. An error of no
 * job (a file too large to send, a check of the form) is set without one.
 */
export function useJobError(): [ApiError | null, (error: ApiError | null, job?: string) => void] {
  const [state, setState] = useState<{ error: ApiError; job: string | null } | null>(null);
  useFailureShownHere(state?.job ?? null);
  const set = useCallback((error: ApiError | null, job?: string) => setState(error ? { error, job: job ?? null } : null), []);
  return [state?.error ?? null, set];
}
