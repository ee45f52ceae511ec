import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DatelineError, type ApiError } from '../shared/errors';
import { libraryNoticeText } from '../shared/library/notices';
import { openCore, type Core } from '../core/index';
import { toApiError } from '../core/jobs';
import { libraryDir } from '../core/paths';
import { markNoticeSeen } from '../core/store/notices';
import { Cli, defaultIo, GLOBAL_OPTIONS, OPTIONS, UsageError, type Command, type Io, type Values } from './cli';
import { COMMANDS } from './commands/index';

const USAGE_HEAD = 'Usage: dateline <command> [options]\n\nCommands:\n';
const USAGE_OPTIONS = `
Options:
  --library DIR   the library folder (default: $DATELINE_LIBRARY, else the user data folder)
  --json          machine-readable output on stdout (an error as {"error": {"code", "message", ...}})
  -h, --help      this help (\`dateline COMMAND --help\` or \`dateline help COMMAND\`: one command's)
  --version       the version of Dateline
`;

function usage(): string {
  return USAGE_HEAD + COMMANDS.map((c) => c.usage).join('') + USAGE_OPTIONS;
}

/** One command's help: its lines, and the options every command takes. */
function commandUsage(c: Command): string {
  return `Usage:\n${c.usage}${USAGE_OPTIONS}`;
}

/** The registered command a command line names, or a USAGE error. */
function commandOf(pos: string[]): Command {
  const command = COMMANDS.find((c) => c.name === pos[0]);
  if (!command) throw new UsageError(pos[0] ? `unknown command "${pos[0]}" (the commands: ${COMMANDS.map((c) => c.name).join(', ')})` : 'a command is required');
  return command;
}

const optionName = (name: string): string => (name.length === 1 ? `-${name}` : `--${name}`);

/**
 * Refuses an option this command line does not take, rather than ignore it: `restore FILE
 * --dry-run` or `release create --dry-run` would otherwise do for real what was meant as a try.
 */
function checkOptions(command: Command, pos: string[], given: readonly string[]): void {
  const takes = command.takes(pos);
  if (takes === null) return;
  const allowed = new Set<string>([...GLOBAL_OPTIONS, ...takes]);
  const wrong = given.find((o) => !allowed.has(o));
  if (wrong === undefined) return;
  const line = commandLine(command, pos);
  const others = takes.length ? `; it takes ${takes.map(optionName).join(', ')}` : '';
  throw new UsageError(`${line} does not take --${wrong}${others}`);
}

/** "release list", "contacts import": the words that name what was asked for. */
function commandLine(command: Command, pos: string[]): string {
  return pos[1] !== undefined && command.subcommands?.includes(pos[1]) ? `${command.name} ${pos[1]}` : command.name;
}

/**
 * Node's words for an option it does not know ("Unknown option '--colour'. To specify a
 * positional argument starting with a '-', ...") said as what it is, with the options the
 * command takes.
 */
function unknownOption(argv: string[]): UsageError | null {
  const { tokens, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: false, tokens: true });
  const unknown = tokens.find((t) => t.kind === 'option' && !Object.hasOwn(OPTIONS, t.name));
  if (unknown?.kind !== 'option') return null;
  const command = COMMANDS.find((c) => c.name === positionals[0]);
  const takes = command?.takes(positionals) ?? null;
  if (!command || takes === null) return new UsageError(`unknown option ${unknown.rawName}`);
  const others = takes.length ? `; it takes ${takes.map(optionName).join(', ')}` : '';
  return new UsageError(`unknown option ${unknown.rawName}: ${commandLine(command, positionals)} does not take it${others}`);
}

/** Dateline's version, from the package.json two folders up (from out/cli/dateline.js, as from electron/cli/main.ts). */
function version(): string {
  try {
    const v: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
    return typeof v === 'string' ? v : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The built web UI, beside the built command (out/cli/dateline.js and out/renderer/). */
function builtRendererDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return join(here, '..', 'renderer');
}

/** The code a command ends with: 0 done, 1 refused or failed, 2 a command line that cannot work, 130 stopped by Ctrl+C. */
const EXIT = { ok: 0, error: 1, usage: 2, interrupted: 130 } as const;

/**
 * Says what went wrong: one line on stderr, `error CODE: message`; with --json, the same as
 * `{"error": {...}}` on stdout too (unless the command's own JSON is there already, which
 * says it file by file), so that a program reading stdout always reads one JSON document.
 */
function report(e: unknown, out: { json: boolean; printed: boolean; command?: Command | undefined }, io: Io, dir?: string): number {
  const usageError = e instanceof UsageError;
  const err: ApiError = usageError ? { code: 'USAGE', message: e.message } : toApiError(e, dir);
  if (out.json && !out.printed) io.out(`${JSON.stringify({ error: err })}\n`);
  io.err(`error ${err.code}: ${err.message.replace(/\s+/g, ' ')}\n`);
  if (!usageError) return err.code === 'CANCELLED' ? EXIT.interrupted : EXIT.error;
  if (!out.json) io.err(out.command ? `Run \`dateline ${out.command.name} --help\` for its options.\n` : 'Run `dateline --help` for the commands.\n');
  return EXIT.usage;
}

/** Names the option that Node refused as unknown, or says Node's words on one line. */
function parseFailure(e: unknown, argv: string[]): UsageError {
  if ((e as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const named = unknownOption(argv);
    if (named) return named;
  }
  // Node words some of these on several lines (an ambiguous argument, then how to give it): one line here.
  return new UsageError((e as Error).message.replace(/\s*\n\s*/g, ' ').trim() || 'bad arguments');
}

/** The command a command line Node could not parse names, for the help to point at. */
function commandNamed(argv: string[]): Command | undefined {
  const { positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: false });
  return COMMANDS.find((c) => c.name === positionals[0]);
}

/** `dateline --help`, `dateline COMMAND --help`, `dateline help [COMMAND]`: the help asked for, on stdout. */
function help(pos: string[], io: Io): number {
  const name = pos[0] === 'help' ? pos[1] : pos[0];
  const command = COMMANDS.find((c) => c.name === name);
  if (name !== undefined && !command) {
    io.err(`error USAGE: unknown command "${name}" (the commands: ${COMMANDS.map((c) => c.name).join(', ')})\n`);
    return EXIT.usage;
  }
  io.out(command ? commandUsage(command) : usage());
  return EXIT.ok;
}

/**
 * Ctrl+C while a command works: the running job is cancelled (a job stores nothing unless it
 * finishes) and a command going through several files begins no other; a second Ctrl+C quits at
 * once. Web mode stops on Ctrl+C by itself.
 */
function onInterrupt(cli: Cli, io: Io): () => void {
  let times = 0;
  const handler = () => {
    times += 1;
    if (times > 1) process.exit(EXIT.interrupted);
    io.err('\nStopping (Ctrl+C again quits at once)...\n');
    cli.stop();
  };
  process.on('SIGINT', handler);
  return () => process.off('SIGINT', handler);
}

/** Runs one CLI invocation; returns the exit code (0 ok, 1 error, 2 usage, 130 stopped by Ctrl+C). */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let values: Values;
  let positionals: string[];
  let given: string[];
  const json = argv.includes('--json');
  try {
    const parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
    ({ values, positionals } = parsed);
    given = parsed.tokens.flatMap((t) => (t.kind === 'option' ? [t.name] : []));
  } catch (e) {
    return report(parseFailure(e, argv), { json, printed: false, command: commandNamed(argv) }, io);
  }
  if (values.version) {
    io.out(`dateline ${version()}\n`);
    return EXIT.ok;
  }
  if (values.help || positionals[0] === 'help') return help(positionals, io);
  if (positionals.length === 0) {
    // Not what was asked for, so not on stdout: a script reading it gets nothing rather than the help.
    io.err(usage());
    return EXIT.usage;
  }
  let core: Core | null = null;
  let cli: Cli | null = null;
  let command: Command | undefined;
  let dir: string | undefined;
  let stopListening = () => {};
  try {
    command = commandOf(positionals);
    checkOptions(command, positionals, given);
    command.check(positionals, values);
    // An empty --library (a shell variable not set, say) must not fall back to the library in the user's data folder.
    if (values.library !== undefined && values.library.trim() === '') throw new UsageError('--library is empty; give the library folder');
    const serves = command.serves === true;
    dir = values.library ? resolve(values.library) : libraryDir();
    // Web mode syncs by itself once set up; one-shot commands never start a sync of their own.
    core = await openCore(dir, { backgroundCheck: serves, searchUpkeep: serves, sync: { auto: serves } });
    if (core.library.notice) {
      io.err(`note: ${libraryNoticeText(core.library.notice)}\n`);
      // A command's reader has now been told; web mode also shows it in the page, until dismissed there.
      if (!serves) markNoticeSeen(dir, core.library.notice.id);
    }
    if (core.library.readOnly && command.writes(positionals, values)) {
      throw new DatelineError('LIBRARY_READ_ONLY', `The library in ${dir} is read-only here (its file, folder or disk cannot be written); it can be read but not changed, so nothing was done.`, {
        params: { path: dir },
      });
    }
    cli = new Cli(core, io, values.json, builtRendererDir());
    if (!serves) stopListening = onInterrupt(cli, io);
    await command.run(cli, positionals, values, io);
    return EXIT.ok;
  } catch (e) {
    return report(e, { json, printed: cli?.printed ?? false, command }, io, dir && existsSync(dir) ? dir : undefined);
  } finally {
    stopListening();
    core?.close();
  }
}
