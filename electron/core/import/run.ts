import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { DatelineError, ERROR_CODES } from '../../shared/errors';
import type { ParseInput, Parsed } from './parse';

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
    throw new DatelineError('INTERNAL', 'The import worker is not built (out/cli/import-worker.js is missing); run `npm run build:cli` and try again.');
  }
  return found;
}

const ReplySchema = z.union([
  z.object({ ok: z.literal(true), value: z.record(z.string(), z.unknown()) }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }) }),
]);

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
 * One started, idle worker kept ready. Each file still gets a fresh worker of its own (a
 * hostile file cannot leave anything behind for the next), but the next one starts while the
 * current file is read, so a batch does not pay the half second of start-up per file.
 */
let spare: { worker: Worker; script: string; limits: ImportLimits } | null = null;

function takeWorker(script: string, limits: ImportLimits): Worker {
  const ready = spare;
  spare = null;
  let worker: Worker;
  if (ready && ready.script === script && ready.limits === limits) {
    worker = ready.worker;
    worker.ref();
  } else {
    if (ready) void ready.worker.terminate();
    worker = startWorker(script, limits);
  }
  const next = startWorker(script, limits);
  // An idle spare must not keep the CLI alive, and one that dies while idle is simply dropped.
  next.unref();
  const drop = () => {
    if (spare?.worker === next) spare = null;
  };
  next.once('error', drop);
  next.once('exit', drop);
  spare = { worker: next, script, limits };
  return worker;
}

export function parseInWorker(input: ParseInput, limits: ImportLimits = IMPORT_LIMITS): Promise<Parsed> {
  const script = workerScriptPath();
  return new Promise<Parsed>((resolve, reject) => {
    const worker = takeWorker(script, limits);
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(() => {
      settle(() =>
        reject(
          new DatelineError('FILE_UNREADABLE', `"${input.name}" took longer than ${limits.timeoutMs / 1000} s to read and was abandoned; nothing was imported.`, {
            params: { name: input.name },
          }),
        ),
      );
    }, limits.timeoutMs);
    worker.once('message', (raw: unknown) => {
      const reply = ReplySchema.safeParse(raw);
      settle(() => {
        if (!reply.success) reject(new DatelineError('INTERNAL', `The import worker sent a reply Dateline cannot read for "${input.name}".`));
        else if (reply.data.ok) resolve(reply.data.value as unknown as Parsed);
        else reject(new DatelineError(reply.data.error.code, reply.data.error.message, { params: { name: input.name } }));
      });
    });
    worker.once('error', (e: Error & { code?: string }) => {
      settle(() => {
        if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          reject(
            new DatelineError('FILE_UNREADABLE', `"${input.name}" needed more than ${limits.maxOldGenerationSizeMb} MB of memory to read and was abandoned; nothing was imported.`, {
              params: { name: input.name },
            }),
          );
        } else {
          reject(new DatelineError('FILE_UNREADABLE', `"${input.name}" could not be read: ${e.message.slice(0, 300)}`, { params: { name: input.name } }));
        }
      });
    });
    worker.once('exit', (code) => {
      settle(() => reject(new DatelineError('FILE_UNREADABLE', `Reading "${input.name}" stopped unexpectedly (code ${code}); nothing was imported.`)));
    });
    const transfer: ArrayBuffer[] = [];
    let message: ParseInput = input;
    if (input.bytes) {
      // A copy the worker owns, so the caller's buffer stays usable.
      const copy = new Uint8Array(input.bytes);
      message = { ...input, bytes: copy };
      transfer.push(copy.buffer);
    }
    worker.postMessage(message, transfer);
  });
}
