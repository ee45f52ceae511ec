import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { ApiErrorSchema, DatelineError } from '../../shared/errors';
import type { ParseInput, Parsed } from './parse';
import type { WorkerRequest } from './worker';

/**
 * Runs the parse of one source in a worker thread with a memory cap and a deadline. The
 * worker is a separate built file (out/cli/import-worker.js for the CLI and web mode,
 * out/main/import-worker.js beside core-host.js in the desktop app); it is looked for next to
 * the running module, then in the CLI build folder of the working directory.
 */

export const IMPORT_LIMITS = {
  timeoutMs: 30_000,
  maxOldGenerationSizeMb: 256,
  maxYoungGenerationSizeMb: 48,
  stackSizeMb: 4,
};
export type ImportLimits = typeof IMPORT_LIMITS;

const WORKER_FILE = 'import-worker.js';
// The running module may be the CLI entry (out/cli), a shared chunk of it (out/cli/assets),
// or another build beside out/cli (out/main).
const NEIGHBOURS = ['./import-worker.js', '../import-worker.js', '../cli/import-worker.js'];

export function workerScriptPath(env: NodeJS.ProcessEnv = process.env): string {
  const candidates: string[] = [];
  // An installed app (DATELINE_PACKAGED, set by its main process) runs only the worker it ships.
  const packaged = env.DATELINE_PACKAGED === '1';
  if (env.DATELINE_IMPORT_WORKER && !packaged) candidates.push(env.DATELINE_IMPORT_WORKER);
  try {
    // Variables, not string literals: the bundler must not try to resolve these at build time.
    for (const n of NEIGHBOURS) candidates.push(fileURLToPath(new URL(n, import.meta.url)));
  } catch {
    // import.meta.url is not a file: URL (a bundle loaded from memory); the fallback remains.
  }
  if (!packaged) candidates.push(join(process.cwd(), 'out', 'cli', WORKER_FILE));
  const found = candidates.find((c) => existsSync(c));
  if (!found) {
    throw new DatelineError('INTERNAL', 'The import worker is not built (out/cli/import-worker.js is missing); run `npm run build:cli` and try again.', {
      params: { reason: 'importWorkerMissing' },
    });
  }
  return found;
}

const ReplySchema = z.intersection(
  z.object({ id: z.number().int(), heapUsedMb: z.number() }),
  z.union([
    z.object({ ok: z.literal(true), value: z.record(z.string(), z.unknown()) }),
    z.object({ ok: z.literal(false), error: ApiErrorSchema }),
  ]),
);

function startWorker(script: string, limits: ImportLimits): Worker {
  return new Worker(script, {
    resourceLimits: {
      maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb,
      maxYoungGenerationSizeMb: limits.maxYoungGenerationSizeMb,
      stackSizeMb: limits.stackSizeMb,
    },
    // The worker gets no environment and no stdin: it reads what it is posted and nothing else.
    env: {},
    stdin: false,
  });
}

/**
 * Warm workers, kept between files. Starting an isolate costs about 0.4 s (more on a loaded
 * machine), far more than reading a release, so a worker that read a file well inside its
 * limits reads the next one too. One that hit a limit (time, memory, or a refusal for size,
 * depth or a bomb) is terminated and never reused; each is also retired after RECYCLE_AFTER
 * files or when its heap stays above half its cap, so nothing one file leaves behind can
 * build up.
 */
const IDLE_MAX = 2;
const RECYCLE_AFTER = 200;
/** Refusals that mean the file pushed against a limit: the worker that read it is not reused. */
const LIMIT_MESSAGES = /larger than|more than|deeper|nested|too many|bomb|ratio|took longer/iu;

interface Warm {
  worker: Worker;
  script: string;
  limits: ImportLimits;
  files: number;
}

const idle: Warm[] = [];
let nextId = 1;

function fresh(script: string, limits: ImportLimits): Warm {
  const warm: Warm = { worker: startWorker(script, limits), script, limits, files: 0 };
  // A worker that fails or ends while idle is dropped; while it reads, parseInWorker listens too.
  const drop = () => {
    const k = idle.indexOf(warm);
    if (k >= 0) idle.splice(k, 1);
  };
  warm.worker.on('error', drop);
  warm.worker.once('exit', drop);
  return warm;
}

function takeWorker(script: string, limits: ImportLimits): Warm {
  const i = idle.findIndex((w) => w.script === script && w.limits === limits);
  if (i >= 0) {
    const warm = idle.splice(i, 1)[0]!;
    warm.worker.ref();
    return warm;
  }
  return fresh(script, limits);
}

function giveBack(warm: Warm): void {
  if (idle.length >= IDLE_MAX) {
    void warm.worker.terminate();
    return;
  }
  // An idle worker must not keep the CLI alive, and one that dies while idle is simply dropped.
  warm.worker.unref();
  idle.push(warm);
}

/** Starts a worker ahead of the first file, so the first paste does not wait for one. */
export function warmImportWorker(limits: ImportLimits = IMPORT_LIMITS): void {
  let script: string;
  try {
    script = workerScriptPath();
  } catch {
    return; // Not built: the first import will say so.
  }
  if (idle.some((w) => w.script === script && w.limits === limits)) return;
  giveBack(fresh(script, limits));
}

/** Ends every idle worker (tests, shutdown). */
export async function closeImportWorkers(): Promise<void> {
  await Promise.all(idle.splice(0).map((w) => w.worker.terminate()));
}

export function parseInWorker(input: ParseInput, limits: ImportLimits = IMPORT_LIMITS): Promise<Parsed> {
  const script = workerScriptPath();
  return new Promise<Parsed>((resolve, reject) => {
    const warm = takeWorker(script, limits);
    const worker = warm.worker;
    const id = nextId++;
    let settled = false;
    const settle = (reuse: boolean, fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (reuse) giveBack(warm);
      else void worker.terminate();
      fn();
    };
    const timer = setTimeout(() => {
      settle(false, () =>
        reject(
          new DatelineError('FILE_UNREADABLE', `"${input.name}" took longer than ${limits.timeoutMs / 1000} s to read and was abandoned; nothing was imported.`, {
            params: { name: input.name, seconds: limits.timeoutMs / 1000, reason: 'timeout' },
          }),
        ),
      );
    }, limits.timeoutMs);
    const onMessage = (raw: unknown) => {
      const reply = ReplySchema.safeParse(raw);
      if (reply.success && reply.data.id !== id) return;
      warm.files++;
      const healthy =
        reply.success &&
        warm.files < RECYCLE_AFTER &&
        reply.data.heapUsedMb < limits.maxOldGenerationSizeMb / 2 &&
        (reply.data.ok || !LIMIT_MESSAGES.test(reply.data.error.message));
      settle(healthy, () => {
        if (!reply.success) reject(new DatelineError('INTERNAL', `The import worker sent a reply Dateline cannot read for "${input.name}".`, { params: { reason: 'importWorkerReply', name: input.name } }));
        else if (reply.data.ok) resolve(reply.data.value as unknown as Parsed);
        else reject(new DatelineError(reply.data.error.code, reply.data.error.message, { params: { ...reply.data.error.params, name: input.name } }));
      });
    };
    const onError = (e: Error & { code?: string }) => {
      settle(false, () => {
        if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          reject(
            new DatelineError('FILE_UNREADABLE', `"${input.name}" needed more than ${limits.maxOldGenerationSizeMb} MB of memory to read and was abandoned; nothing was imported.`, {
              params: { name: input.name, mb: limits.maxOldGenerationSizeMb, reason: 'tooMuchMemory' },
            }),
          );
        } else {
          reject(new DatelineError('FILE_UNREADABLE', `"${input.name}" could not be read: ${e.message.slice(0, 300)}`, { params: { name: input.name, reason: 'readFailed' } }));
        }
      });
    };
    const onExit = (code: number) => {
      settle(false, () => reject(new DatelineError('FILE_UNREADABLE', `Reading "${input.name}" stopped unexpectedly (code ${code}); nothing was imported.`, { params: { name: input.name, reason: 'readerStopped' } })));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    const transfer: ArrayBuffer[] = [];
    let message: ParseInput = input;
    if (input.bytes) {
      // A copy the worker owns, so the caller's buffer stays usable.
      const copy = new Uint8Array(input.bytes);
      message = { ...input, bytes: copy };
      transfer.push(copy.buffer);
    }
    worker.postMessage({ id, input: message } satisfies WorkerRequest, transfer);
  });
}

/** How many warm workers wait for the next file (for tests and the benchmark). */
export function idleImportWorkers(): number {
  return idle.length;
}
