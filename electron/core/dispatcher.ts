import type { z } from 'zod';
import {
  API,
  isMethodName,
  type MethodName,
  type OutputOf,
  type ParsedInputOf,
} from '../shared/contract';
import { invalidInput, type ApiError, type Result } from '../shared/errors';
import { MAX_JSON_DEPTH, tooDeep } from '../shared/nesting';
import type { CoreContext } from './context';
import { toApiError, type JobHandle } from './jobs';
import { heldTransaction } from './store/held-transaction';

export type Transport = 'ipc' | 'http' | 'cli' | 'test';

export interface Caller {
  transport: Transport;
}

type Handler<M extends MethodName> = (
  input: ParsedInputOf<M>,
  ctx: CoreContext,
  job: JobHandle | null,
) => OutputOf<M> | Promise<OutputOf<M>>;

export type Handlers = { [M in MethodName]: Handler<M> };

/** Turns zod's issues into the contract's error, naming the field that is wrong. */
export function validationError(method: string, error: z.ZodError): ApiError {
  return invalidInput(error, { context: method }).toApiError();
}

/**
 * The one dispatcher behind every transport: allow-lists method names, refuses local-only
 * methods to remote callers, validates input, runs the handler (as a job for long work) and
 * returns `{ ok, value } | { ok: false, error }`. It never throws.
 */
export function createDispatcher(ctx: CoreContext, handlers: Handlers) {
  return async function dispatch(method: string, input: unknown, caller: Caller): Promise<Result<unknown>> {
    try {
      if (typeof method !== 'string' || !isMethodName(method)) {
        return fail({ code: 'UNKNOWN_METHOD', message: `There is no method "${String(method).slice(0, 100)}".`, params: { method: String(method).slice(0, 100) } });
      }
      const def = API[method];
      if (def.access === 'local' && caller.transport === 'http') {
        return fail({ code: 'FORBIDDEN', message: `${method} works with files on this computer and is not available in web mode.`, params: { method, reason: 'localOnly' } });
      }
      // Before zod, whose recursive schemas would overflow the stack on input nested thousands deep.
      const deep = tooDeep(input);
      if (deep) {
        return fail({
          code: 'INVALID_INPUT',
          message: `${method}: ${deep.join('.') || 'input'}: nested more than ${MAX_JSON_DEPTH} levels deep; Dateline reads no deeper.`,
          path: deep,
          params: { method, max: MAX_JSON_DEPTH, reason: 'nestedTooDeep' },
        });
      }
      const parsed = def.input.safeParse(input ?? {});
      if (!parsed.success) return fail(validationError(method, parsed.error));
      // A long import holds the write transaction across its pauses: wait for it to end
      // (only the job methods that follow and cancel it go through meanwhile).
      const busy = method.startsWith('job.') ? undefined : heldTransaction(ctx.library.db);
      if (busy) await busy.catch(() => undefined);
      const handler = handlers[method] as Handler<MethodName>;
      if (def.job) {
        const { jobId } = ctx.jobs.start(method, (job) => handler(parsed.data as never, ctx, job));
        return { ok: true, value: { jobId } };
      }
      const value = await handler(parsed.data as never, ctx, null);
      return { ok: true, value };
    } catch (e) {
      return fail(toApiError(e, ctx.dir));
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;

function fail(error: ApiError): Result<never> {
  return { ok: false, error };
}
