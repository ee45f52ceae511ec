import type { CoreEvent, InputOf, JobMethodName, OutputOf } from '../../electron/shared/contract';
import type { ApiError, Result } from '../../electron/shared/errors';
import type { JobInfo } from '../../electron/shared/library/contract';
import type { DatelineClient } from './types';

export interface RunJobOptions {
  /** The job has an id (to cancel it with job.cancel). */
  onStart?(jobId: string): void;
  onProgress?(job: JobInfo): void;
}

type JobEvent = Extract<CoreEvent, { job: JobInfo }>;

/** A job's result; a failure of the job itself names it (`job`), so that a screen can say it once (app/failure-shown.ts). */
export type JobResult<T> = { ok: true; value: T } | { ok: false; error: ApiError; job?: string };

/**
 * Runs a job method and resolves with its typed result, or with its error (a cancelled job
 * fails with code CANCELLED). It listens before it calls and keeps every event until the call
 * has answered with the id: the core may finish a short job before that answer arrives, and
 * an event missed then would leave the screen waiting for ever.
 */
export function runJob<M extends JobMethodName>(client: DatelineClient, method: M, input: InputOf<M>, opts: RunJobOptions = {}): Promise<JobResult<OutputOf<M>>> {
  return runStartedJob(client, method, () => client.call(method, input) as Promise<Result<{ jobId: string }>>, opts) as Promise<JobResult<OutputOf<M>>>;
}

/**
 * The same for a job that something else starts (the desktop's sync file dialog starts
 * `sync.export` or `sync.import` on the file chosen): `start` answers the job's id, or null when
 * it started nothing (the dialog was cancelled), which resolves null at once.
 */
export function runStartedJob<M extends JobMethodName>(
  client: DatelineClient,
  method: M,
  start: () => Promise<Result<{ jobId: string } | null>>,
  opts: RunJobOptions = {},
): Promise<JobResult<OutputOf<M>> | null> {
  return new Promise((resolve) => {
    let id: string | null = null;
    let settled = false;
    const early: JobEvent[] = [];

    const settle = (r: JobResult<OutputOf<M>> | null) => {
      if (settled) return;
      settled = true;
      off();
      resolve(r);
    };
    const handle = (e: JobEvent) => {
      if (e.type === 'job.progress') return opts.onProgress?.(e.job);
      if (e.type === 'job.done') return settle({ ok: true, value: e.result as OutputOf<M> });
      const code = e.job.state === 'cancelled' ? 'CANCELLED' : e.error.code;
      // The params let the window word the error in the person's language.
      settle({ ok: false, error: { code: code as ApiError['code'], message: e.error.message, ...(e.error.params ? { params: e.error.params } : {}) }, job: e.job.id });
    };
    const off = client.on((e) => {
      if (e.type !== 'job.progress' && e.type !== 'job.done' && e.type !== 'job.failed') return;
      if (e.job.method !== method) return;
      if (id === null) early.push(e);
      else if (e.job.id === id) handle(e);
    });

    void start().then((r) => {
      if (!r.ok) return settle(r);
      if (r.value === null) return settle(null);
      id = r.value.jobId;
      opts.onStart?.(id);
      for (const e of early.splice(0)) if (e.job.id === id) handle(e);
    });
  });
}
