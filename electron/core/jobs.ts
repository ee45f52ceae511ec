import { randomUUID } from 'node:crypto';
import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { cancelledError, DatelineError, type ApiError } from '../shared/errors';
import type { CoreEvent, JobInfo } from '../shared/contract';
import type { JobSubject } from '../shared/library/contract';
import { jobStepText, type JobStep } from '../shared/library/job-steps';

/** What a running job's work function is given. */
export interface JobHandle {
  readonly id: string;
  /** Aborted when someone cancels the job; long loops check it (or call throwIfCancelled). */
  readonly signal: AbortSignal;
  /** How far it is, and what it is doing as a step the UI words in the person's language. */
  progress(done: number, total?: number | null, step?: JobStep | null): void;
  /** Names what the job works on ("Floods in Kassala", as a PDF), for the tray to say. */
  about(subject: JobSubject): void;
  throwIfCancelled(): void;
}

interface Running {
  info: JobInfo;
  controller: AbortController;
  promise: Promise<unknown>;
}

/** Runs long work as jobs with progress events and cancel; keeps finished jobs for a while. */
export class JobManager {
  private readonly jobs = new Map<string, Running>();
  private readonly listeners = new Set<(e: CoreEvent) => void>();

  on(listener: (e: CoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(e: CoreEvent): void {
    for (const l of this.listeners) {
      try {
        l(e);
      } catch {
        // A listener's failure (a closed page, say) must not stop the job or the others.
      }
    }
  }

  start<T>(method: string, work: (job: JobHandle) => Promise<T> | T): { jobId: string; promise: Promise<T> } {
    const id = `job-${randomUUID()}`;
    const controller = new AbortController();
    const info: JobInfo = { id, method, state: 'running', done: 0, total: null, step: null, message: null };
    let lastEmit = 0;
    const handle: JobHandle = {
      id,
      signal: controller.signal,
      progress: (done, total, step) => {
        info.done = done;
        if (total !== undefined) info.total = total;
        if (step !== undefined) {
          info.step = step;
          info.message = step && jobStepText(step);
        }
        const now = Date.now();
        if (now - lastEmit >= 100 || (info.total !== null && done >= info.total)) {
          lastEmit = now;
          this.emit({ type: 'job.progress', job: { ...info } });
        }
      },
      about: (subject) => {
        info.subject = subject;
        this.emit({ type: 'job.progress', job: { ...info } });
      },
      throwIfCancelled: () => {
        if (controller.signal.aborted) throw cancelledError();
      },
    };
    const promise = (async () => {
      await Promise.resolve();
      try {
        // Work checks for cancel itself; once it has finished (a restore swapped the library, say),
        // a late cancel must not report "nothing was changed".
        const result = await work(handle);
        info.state = 'done';
        this.emit({ type: 'job.done', job: { ...info }, result });
        return result;
      } catch (e) {
        const err = toApiError(e);
        info.state = err.code === 'CANCELLED' ? 'cancelled' : 'failed';
        info.message = err.message;
        this.emit({ type: 'job.failed', job: { ...info }, error: { code: err.code, message: err.message, ...(err.params ? { params: err.params } : {}) } });
        throw e;
      } finally {
        setTimeout(() => this.jobs.delete(id), 10 * 60_000).unref();
      }
    })();
    promise.catch(() => undefined);
    this.jobs.set(id, { info, controller, promise });
    return { jobId: id, promise };
  }

  get(id: string): JobInfo {
    const j = this.jobs.get(id);
    if (!j) throw new DatelineError('NOT_FOUND', `No job with id "${id}".`, { params: { id, reason: 'jobGone' } });
    return { ...j.info };
  }

  list(): JobInfo[] {
    return [...this.jobs.values()].map((j) => ({ ...j.info }));
  }

  cancel(id: string): JobInfo {
    const j = this.jobs.get(id);
    if (!j) throw new DatelineError('NOT_FOUND', `No job with id "${id}".`, { params: { id, reason: 'jobGone' } });
    if (j.info.state === 'running') j.controller.abort();
    return { ...j.info };
  }

  /** Waits for a job's result (the CLI and tests use this). */
  wait(id: string): Promise<unknown> {
    const j = this.jobs.get(id);
    if (!j) return Promise.reject(new DatelineError('NOT_FOUND', `No job with id "${id}".`, { params: { id, reason: 'jobGone' } }));
    return j.promise;
  }
}

/**
 * The contract's error for anything thrown in the core. `dir`, the library folder, lets a
 * write error on a disk with no space left be told as DISK_FULL (SQLite reports some of those
 * as a plain I/O error).
 */
export function toApiError(e: unknown, dir?: string): ApiError {
  if (e instanceof DatelineError) return e.toApiError();
  const code = (e as { code?: unknown } | null)?.code;
  if (dir && typeof code === 'string' && code.startsWith('SQLITE_IOERR') && (freeBytes(dir) ?? Number.POSITIVE_INFINITY) < 1024 * 1024) return diskFull(e, dir);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return { code: 'LIBRARY_BUSY', message: 'The library is busy with another write; try again in a moment.' };
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return diskFull(e, dir);
  if (code === 'EFBIG') {
    return {
      code: 'FILE_TOO_LARGE',
      message:
        'A file could not be written: it would be larger than this system lets a file be (a disk formatted FAT32, as many USB sticks are, holds files of at most 4 GB; or a limit is set for this program); nothing was saved.',
      params: { reason: 'systemLimit' },
    };
  }
  if (typeof code === 'string' && (code.startsWith('SQLITE_READONLY') || code === 'EROFS')) {
    return { code: 'LIBRARY_READ_ONLY', message: 'The library is read-only here (its file, folder or disk cannot be written); it can be read but not changed. Nothing was saved.' };
  }
  if (code === 'EISDIR' || code === 'ENOTDIR') {
    const path = (e as { path?: unknown }).path;
    return { code: 'NOT_A_FILE', message: `${typeof path === 'string' ? path : 'A path'} is a folder where a file is expected (or the other way round).` };
  }
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'INTERNAL', message: `Unexpected error: ${message}`, params: { reason: 'unexpected', detail: message } };
}

/** DISK_FULL for a folder outside the library that filled up while files were written there. */
export function diskFullIn(folder: string): DatelineError {
  const err = diskFull(null, folder, folder);
  return new DatelineError(err.code, err.message, { params: err.params ?? {} });
}

/** DISK_FULL for `folder` when `e` is a write that found its disk full (SQLite says some as a plain I/O error); else null. */
export function diskFullError(e: unknown, folder: string): DatelineError | null {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const full = code === 'ENOSPC' || code === 'SQLITE_FULL' || (code.startsWith('SQLITE_IOERR') && (freeBytes(folder) ?? Number.POSITIVE_INFINITY) < 1024 * 1024);
  return full ? diskFullIn(folder) : null;
}

/** Leaves a few megabytes for SQLite's journal and the files written beside the library. */
const DISK_MARGIN = 64 * 1024 * 1024;

function freeBytes(dir: string): number | null {
  try {
    const fs = statfsSync(dir);
    return fs.bavail * fs.bsize;
  } catch {
    return null;
  }
}

/**
 * A full disk, with the free space the person needs to make: of `dir`, else of the folder of
 * the file that could not be written; no figure when neither is known (another disk's would
 * mislead). `shown` names the disk, for one that is not the library's (an export's folder).
 */
function diskFull(e: unknown, dir?: string, shown?: string): ApiError {
  const path = (e as { path?: unknown } | null)?.path;
  const where = dir ?? (typeof path === 'string' ? dirname(path) : undefined);
  const free = where === undefined ? null : freeBytes(where);
  const mb = (n: number) => `${Math.ceil(n / (1024 * 1024))} MB`;
  const need = free === null ? null : Math.max(DISK_MARGIN - free, 16 * 1024 * 1024);
  return {
    code: 'DISK_FULL',
    message:
      `The disk${shown === undefined ? '' : ` of ${shown}`} is full${free === null ? '' : ` (${mb(free)} free)`}; nothing was saved. ` +
      `Free ${need === null ? 'some space' : `at least ${mb(need)}`} and try again.`,
    params: { freeBytes: free, neededBytes: need, ...(shown === undefined ? {} : { folder: shown }) },
  };
}
