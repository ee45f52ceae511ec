import { parentPort } from 'node:worker_threads';
import { isDatelineError, type ApiError } from '../../shared/errors';
import { parseSource, type ParseInput } from './parse';

/**
 * The import worker: reads sources one at a time and posts back each draft or error with the
 * heap it was left with. It runs with a memory cap and is terminated by its parent past a
 * deadline, so a hostile file costs a worker, never the app; the parent keeps it warm for the
 * next file only when the last one stayed well inside the limits.
 */

export interface WorkerRequest {
  id: number;
  input: ParseInput;
}

export type WorkerReply = { id: number; heapUsedMb: number } & (
  | { ok: true; value: Awaited<ReturnType<typeof parseSource>> }
  | { ok: false; error: { code: string; message: string; params?: ApiError['params'] } }
);

const heapUsedMb = () => Math.round(process.memoryUsage().heapUsed / (1024 * 1024));

parentPort?.on('message', ({ id, input }: WorkerRequest) => {
  parseSource(input).then(
    (value) => parentPort!.postMessage({ id, heapUsedMb: heapUsedMb(), ok: true, value } satisfies WorkerReply),
    (e: unknown) => {
      const error = isDatelineError(e)
        ? // The params carry what the message says (the items a refused page lists, the heading
          // that gave it away) for the interface to say it in the person's language.
          { code: e.code, message: e.message, ...(e.params ? { params: e.params } : {}) }
        : { code: 'FILE_UNREADABLE', message: `"${input.name}" could not be read: ${e instanceof Error ? e.message.slice(0, 300) : String(e)}`, params: { name: input.name, reason: 'readFailed' } };
      parentPort!.postMessage({ id, heapUsedMb: heapUsedMb(), ok: false, error } satisfies WorkerReply);
    },
  );
});
