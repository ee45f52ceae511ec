import { useLayoutEffect, useSyncExternalStore } from 'react';

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
