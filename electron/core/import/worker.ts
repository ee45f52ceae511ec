import { parentPort } from 'node:worker_threads';
import { isDatelineError } from '../../shared/errors';
import { parseSource, type ParseInput } from './parse';

/**
 * The import worker: reads one source and posts back the draft or an error. It runs with a
 * memory cap and is terminated by its parent past a deadline, so a hostile file costs a
 * worker, never the app.
 */

export type WorkerReply =
  | { ok: true; value: Awaited<ReturnType<typeof parseSource>> }
  | { ok: false; error: { code: string; message: string } };

parentPort?.once('message', (input: ParseInput) => {
  parseSource(input).then(
    (value) => parentPort!.postMessage({ ok: true, value } satisfies WorkerReply),
    (e: unknown) => {
      const error = isDatelineError(e)
        ? { code: e.code, message: e.message }
        : { code: 'FILE_UNREADABLE', message: `"${input.name}" could not be read: ${e instanceof Error ? e.message.slice(0, 300) : String(e)}` };
      parentPort!.postMessage({ ok: false, error } satisfies WorkerReply);
    },
  );
});
