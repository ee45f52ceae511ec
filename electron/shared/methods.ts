import type { z } from 'zod';

/** How a contract method is declared; see contract.ts. */

export type Access = 'any' | 'local';

export interface MethodDef<I extends z.ZodType, O, J extends boolean = boolean> {
  input: I;
  /** 'local' methods touch paths on this computer: the CLI and the desktop shell only. */
  access: Access;
  /** Long work: the call returns a job id; progress and the result arrive as events. */
  job: J;
  /** Phantom: the result type. */
  readonly _output?: O;
}

export function method<O>() {
  return <I extends z.ZodType>(input: I, opts: { access?: Access } = {}): MethodDef<I, O, false> => ({
    input,
    access: opts.access ?? 'any',
    job: false,
  });
}

/** A long-running method: returns `{ jobId }` at once; its result `O` arrives with job.done. */
export function jobMethod<O>() {
  return <I extends z.ZodType>(input: I, opts: { access?: Access } = {}): MethodDef<I, O, true> => ({
    input,
    access: opts.access ?? 'any',
    job: true,
  });
}

