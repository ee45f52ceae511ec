import type { parseArgs} from 'node:util';
import { type ParseArgsConfig } from 'node:util';
import type { Core } from '../core/index';
import type { CallResult, InputOf, JobMethodName, MethodName, OutputOf } from '../shared/contract';
import { DatelineError, type Result } from '../shared/errors';


/** What every `dateline` command is built from: options, output, and calls to the core. */

export class UsageError extends Error {}

export interface Io {
  out(s: string): void;
  err(s: string): void;
  /** Standard input as text; refuses more than `maxBytes` without reading it all. */
  stdin(maxBytes?: number): Promise<string>;
}

export const defaultIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  stdin: async (maxBytes = Number.POSITIVE_INFINITY) => {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of process.stdin) {
      size += (c as Buffer).length;
      if (size > maxBytes) throw tooLargeInput('standard input', maxBytes);
      chunks.push(c as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  },
};

export function tooLargeInput(where: string, maxBytes: number): DatelineError {
  return new DatelineError('FILE_TOO_LARGE', `${where} is larger than ${Math.round(maxBytes / (1024 * 1024))} MB; a release is far smaller.`, {
    params: { limitBytes: maxBytes },
  });
}

export const OPTIONS = {
  library: { type: 'string' },
  json: { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  from: { type: 'string' },
  out: { type: 'string' },
  port: { type: 'string' },
  open: { type: 'boolean', default: false },
  release: { type: 'string' },
  status: { type: 'string' },
  language: { type: 'string' },
  tag: { type: 'string' },
  query: { type: 'string' },
  limit: { type: 'string' },
  cursor: { type: 'string' },
  title: { type: 'string' },
  item: { type: 'string', multiple: true },
  office: { type: 'string' },
  format: { type: 'string' },
  separator: { type: 'string' },
  'confirm-embargo': { type: 'boolean', default: false },
  'allow-duplicate': { type: 'boolean', default: false },
  'take-file-legal-basis': { type: 'boolean', default: false },
  'allow-not-a-release': { type: 'boolean', default: false },
  mapping: { type: 'string' },
  refused: { type: 'string' },
  encoding: { type: 'string' },
  list: { type: 'string' },
  beat: { type: 'string' },
  country: { type: 'string' },
  outlet: { type: 'string' },
  remote: { type: 'string' },
  user: { type: 'string' },
  'password-env': { type: 'string' },
  peer: { type: 'string' },
  create: { type: 'boolean', default: false },
  version: { type: 'boolean', default: false },
} satisfies ParseArgsConfig['options'];

export type OptionName = keyof typeof OPTIONS;

/** The options every command takes; each command names the others it takes (Command.takes). */
export const GLOBAL_OPTIONS: readonly OptionName[] = ['library', 'json', 'help'];

export type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>['values'];

export function unwrap<T>(r: Result<unknown>): T {
  if (!r.ok) {
    throw new DatelineError(r.error.code, r.error.message, {
      ...(r.error.path ? { path: r.error.path } : {}),
      ...(r.error.params ? { params: r.error.params } : {}),
    });
  }
  return r.value as T;
}

export class Cli {
  /** The job running now, cancelled by Ctrl+C (stop()). */
  private jobId: string | null = null;
  /** Set by Ctrl+C: a command working through several files stops before the next one. */
  stopped = false;
  /** Whether the command's result is on stdout already: with --json, one JSON document is all stdout holds. */
  printed = false;

  constructor(
    readonly core: Core,
    private readonly io: Io,
    readonly json: boolean,
    /** The built web UI that `serve` hands out (beside the built command). */
    readonly rendererDir: string,
  ) {}

  /** Calls a contract method; its result is typed by the contract (a job method answers with its id). */
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<CallResult<M>> {
    return this.core.dispatch(method, input, { transport: 'cli' }).then((r) => unwrap<CallResult<M>>(r));
  }

  /** Runs a job method to its end and returns the result the contract declares for it. */
  async job<M extends JobMethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
    const { jobId } = (await this.call(method, input)) as { jobId: string };
    this.jobId = jobId;
    if (this.stopped) this.core.jobs.cancel(jobId);
    const off = this.core.jobs.on((e) => {
      if (!this.json && e.type === 'job.progress' && e.job.id === jobId && process.stderr.isTTY && e.job.message) {
        this.io.err(`\r${e.job.message} ${e.job.total ? `${e.job.done}/${e.job.total}` : ''}   `);
      }
    });
    try {
      return (await this.core.jobs.wait(jobId)) as OutputOf<M>;
    } finally {
      this.jobId = null;
      off();
      if (!this.json && process.stderr.isTTY) this.io.err('\r\x1b[K');
    }
  }

  /** Ctrl+C: the running job is cancelled (it changes nothing), and no further file is begun. */
  stop(): void {
    this.stopped = true;
    if (this.jobId !== null) this.core.jobs.cancel(this.jobId);
  }

  print(value: unknown, human?: string): void {
    this.printed = true;
    if (this.json || human === undefined) this.io.out(`${JSON.stringify(value, null, this.json ? undefined : 2)}\n`);
    else this.io.out(human.endsWith('\n') ? human : `${human}\n`);
  }
}

export function need(pos: string[], i: number, what: string): string {
  const v = pos[i];
  if (v === undefined || v === '') throw new UsageError(`${what} is required`);
  return v;
}

export function intOption(v: string | undefined, name: string, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}`);
  return n;
}


/**
 * One `dateline` command (its first word), registered in commands/index.ts: the one way a
 * command is added. It calls the contract through `cli.call` and `cli.job`, typed by the
 * contract's inputs and results.
 */
export interface Command {
  name: string;
  /** Lines for --help. */
  usage: string;
  /** The words that may follow the command's name (`release list`), where it has such. */
  subcommands?: readonly string[];
  /**
   * The options this command line takes besides the global ones, or null for a subcommand
   * that does not exist (check() then says so). Any other option is refused before anything
   * runs: `restore FILE --dry-run` must not restore for real.
   */
  takes(positionals: string[]): readonly OptionName[] | null;
  /** Throws UsageError for a command line that cannot work; runs before the library opens. */
  check(positionals: string[], values: Values): void;
  /** True when this command line changes the library: refused at once on a read-only one. */
  writes(positionals: string[], values: Values): boolean;
  /** Web mode: runs until stopped, checks the library in the background, syncs by itself, and leaves the library's notice to the page. */
  serves?: boolean;
  run(cli: Cli, positionals: string[], values: Values, io: Io): Promise<void>;
}
