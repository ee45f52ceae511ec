import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DatelineError, type ApiError } from '../shared/errors';
import { libraryNoticeText } from '../shared/library/notices';
import { openCore, type Core } from '../core/index';
import { toApiError } from '../core/jobs';
import { libraryDir } from '../core/paths';
import { markNoticeSeen } from '../core/store/notices';
import { Cli, defaultIo, OPTIONS, UsageError, type Command, type Io, type Values } from './cli';
import { COMMANDS } from './commands/index';

const USAGE_HEAD = 'Usage: dateline <command> [options]\n\nCommands:\n';
const USAGE_OPTIONS = `
Options:
  --library DIR   the library folder (default: $DATELINE_LIBRARY, else the user data folder)
  --json          machine-readable output on stdout
  -h, --help      this help
`;

function usage(): string {
  return USAGE_HEAD + COMMANDS.map((c) => c.usage).join('') + USAGE_OPTIONS;
}

/** The registered command a command line names, or a USAGE error. */
function commandOf(pos: string[]): Command {
  const command = COMMANDS.find((c) => c.name === pos[0]);
  if (!command) throw new UsageError(pos[0] ? `unknown command "${pos[0]}"` : 'a command is required');
  return command;
}

/** The built web UI, beside the built command (out/cli/dateline.js and out/renderer/). */
function builtRendererDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return join(here, '..', 'renderer');
}

function report(e: unknown, json: boolean, io: Io, dir?: string): number {
  if (e instanceof UsageError) {
    if (json) io.err(`${JSON.stringify({ code: 'USAGE', message: e.message })}\n`);
    else io.err(`error USAGE: ${e.message}\nRun \`dateline --help\` for the commands.\n`);
    return 2;
  }
  const err: ApiError = toApiError(e, dir);
  if (json) io.err(`${JSON.stringify(err)}\n`);
  else io.err(`error ${err.code}: ${err.message.replace(/\s+/g, ' ')}\n`);
  return 1;
}

/** Runs one CLI invocation; returns the exit code (0 ok, 1 error, 2 usage). */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let values: Values;
  let positionals: string[];
  const json = argv.includes('--json');
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true }));
  } catch (e) {
    // Node words some of these on several lines (an ambiguous argument, then how to give it): one line here.
    return report(new UsageError((e as Error).message.replace(/\s*\n\s*/g, ' ').trim() || 'bad arguments'), json, io);
  }
  if (values.help || positionals.length === 0) {
    io.out(usage());
    return values.help ? 0 : 2;
  }
  let core: Core | null = null;
  let dir: string | undefined;
  try {
    const command = commandOf(positionals);
    command.check(positionals, values);
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
    await command.run(new Cli(core, io, values.json, builtRendererDir()), positionals, values, io);
    return 0;
  } catch (e) {
    return report(e, json, io, dir && existsSync(dir) ? dir : undefined);
  } finally {
    core?.close();
  }
}
