import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { AttachmentAdded, InputOf } from '../shared/contract';
import { DatelineError, invalidInput, type ApiError } from '../shared/errors';
import { Cli, defaultIo, intOption, need, OPTIONS, tooLargeInput, UsageError, type Io, type Values } from './cli';
import { COMMANDS } from './commands/index';
import { IsoDateSchema, LanguageSchema } from '../shared/documents';
import { RichTextSchema, type RichText } from '../shared/richtext';
import { MAX_JSON_DEPTH, tooDeep } from '../shared/nesting';
import { readFileForAttach, unreadable } from '../core/attachments/files';
import { openCore, type Core } from '../core/index';
import { toApiError } from '../core/jobs';
import { markdownToRichText } from '../core/markdown';
import { libraryDir } from '../core/paths';
import { startWebServer } from '../core/http/server';
import { markNoticeSeen } from '../core/store/notices';
import { libraryNoticeText } from '../shared/library/notices';
import { openInBrowser } from './open-browser';

const USAGE = `Usage: dateline <command> [options]

Commands:
  serve [--port N] [--open]             serve Dateline in the browser (web mode) on 127.0.0.1; prints a
                                        one-time link to open it (--open opens the browser with another)
  release create --from FILE|-          create a release from a JSON file (or stdin)
  release update ID --from FILE|-       change the fields given in the JSON
  release list [--status S] [--language L] [--tag T] [--query Q] [--limit N] [--cursor C]
  release show ID                       print a release with its id and rev
  search QUERY                          find releases, contacts and attachments
  attach FILE... [--release ID]         store files in the library (optionally linked to a release)
  backup --out FILE                     write the whole library (database and files) to one file
  restore FILE                          replace the library with a backup (the old one is kept)
  compact [ID]                          remove the bodies of old versions (of one document, or all);
                                        every history keeps its place, current versions stay whole

Options:
  --library DIR   the library folder (default: $DATELINE_LIBRARY, else the user data folder)
  --json          machine-readable output on stdout
  -h, --help      this help
`;

function usage(): string {
  const extra = COMMANDS.map((c) => c.usage).join('');
  return USAGE.replace('\nOptions:', `${extra}\nOptions:`);
}

/** The JSON a person hands to `release create`: schema field names, body as Markdown. */
const ReleaseJsonCreate = z
  .object({
    headline: z.string().trim().min(1, 'a release needs a headline'),
    language: LanguageSchema,
    datelinePlace: z.string().trim().min(1, 'the dateline place is required (e.g. "Geneva")'),
    releaseDate: IsoDateSchema,
    body: z.union([z.string(), RichTextSchema]),
  })
  .loose();

function bodyToRichText(body: unknown): RichText | unknown {
  return typeof body === 'string' ? markdownToRichText(body) : body;
}

/** The largest JSON a release command reads, from a file or standard input. */
const JSON_INPUT_LIMIT = 20 * 1024 * 1024;

async function readJsonObject(from: string | undefined, io: Io): Promise<Record<string, unknown>> {
  if (!from) throw new UsageError('--from FILE (or - for standard input) is required');
  let text: string;
  if (from === '-') {
    text = await io.stdin(JSON_INPUT_LIMIT);
    if (Buffer.byteLength(text) > JSON_INPUT_LIMIT) throw tooLargeInput('standard input', JSON_INPUT_LIMIT);
  } else {
    let st;
    try {
      st = statSync(from);
    } catch (e) {
      throw unreadable(from, e);
    }
    if (st.isDirectory()) throw new DatelineError('NOT_A_FILE', `${from} is a folder; give a JSON file.`, { params: { path: from } });
    if (st.size > JSON_INPUT_LIMIT) throw tooLargeInput(from, JSON_INPUT_LIMIT);
    text = readFileSync(from, 'utf8');
  }
  const where = from === '-' ? 'standard input' : from;
  if (text.trim() === '') throw new DatelineError('EMPTY_FILE', `${where} is empty; expected a JSON object with the release's fields.`);
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new DatelineError('INVALID_INPUT', `${where} is not valid JSON: ${(e as Error).message}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new DatelineError('INVALID_INPUT', `${where} must hold one JSON object with the release's fields.`);
  }
  const deep = tooDeep(value);
  if (deep) {
    throw new DatelineError('INVALID_INPUT', `${where}: ${deep.join('.')}: nested more than ${MAX_JSON_DEPTH} levels deep; Dateline reads no deeper.`, {
      path: deep,
    });
  }
  return value as Record<string, unknown>;
}

async function run(cli: Cli, pos: string[], v: Values, io: Io): Promise<void> {
  const [cmd, sub] = pos;
  const extra = COMMANDS.find((c) => c.name === cmd);
  if (extra) return extra.run(cli, pos, v, io);
  if (cmd === 'release') {
    if (sub === 'create') {
      const obj = await readJsonObject(v.from, io);
      const parsed = ReleaseJsonCreate.safeParse(obj);
      if (!parsed.success) throw invalidInput(parsed.error, { context: 'release create' });
      // The JSON a person wrote: the contract's own schema checks every field of it.
      const created = await cli.call('release.create', { ...obj, body: bodyToRichText(obj.body) } as InputOf<'release.create'>);
      cli.print(created);
      return;
    }
    if (sub === 'update') {
      const id = need(pos, 2, 'the release ID');
      const obj = await readJsonObject(v.from, io);
      const { rev, ...fields } = obj;
      if ('body' in fields) fields.body = bodyToRichText(fields.body);
      // A rev that is not a string goes to the contract, which refuses it: dropping it would skip the conflict check.
      const updated = await cli.call('release.update', { id, rev: rev ?? null, fields } as InputOf<'release.update'>);
      cli.print(updated);
      return;
    }
    if (sub === 'list') {
      const input: Record<string, unknown> = { limit: intOption(v.limit, 'limit', 1, 500) ?? 50, cursor: v.cursor ?? null };
      if (v.status) input.status = v.status;
      if (v.language) input.language = v.language;
      if (v.tag) input.tag = v.tag;
      if (v.query) input.query = v.query;
      const page = await cli.call(
        'release.list',
        input,
      );
      const lines = page.items.map((r) => `${r.id}  ${r.status.padEnd(9)}  ${r.language.padEnd(5)}  ${(r.releaseDate ?? '').padEnd(10)}  ${r.headline}`);
      const footer = page.nextCursor ? `\n${page.items.length} of ${page.total}; next page: --cursor ${page.nextCursor}` : `\n${page.total} release${page.total === 1 ? '' : 's'}`;
      cli.print(page, page.total === 0 ? 'No releases yet. Create one with `dateline release create --from FILE`.' : lines.join('\n') + footer);
      return;
    }
    if (sub === 'show') {
      const id = need(pos, 2, 'the release ID');
      cli.print(await cli.call('release.get', { id }));
      return;
    }
    throw new UsageError(sub ? `unknown release command "${sub}"` : 'release needs a command: create, update, list or show');
  }
  if (cmd === 'search') {
    const query = pos.slice(1).join(' ');
    if (query.trim() === '') throw new UsageError('search needs a QUERY');
    const hits = await cli.call('search', { query, limit: 50 });
    cli.print(hits, hits.length ? hits.map((h) => `${h.type.padEnd(10)}  ${h.id}  ${h.title}${h.detail ? `  (${h.detail})` : ''}`).join('\n') : `Nothing matches "${query}".`);
    return;
  }
  if (cmd === 'attach') {
    const files = pos.slice(1);
    if (files.length === 0) throw new UsageError('attach needs at least one FILE');
    const info = await cli.call('library.info', {});
    if (v.release) await cli.call('release.get', { id: v.release });
    // Read every file first: one unreadable file stores none, so nothing is half-done.
    const read: { name: string; bytes: Uint8Array }[] = [];
    for (const f of files) read.push(await readFileForAttach(f, info.attachmentLimitBytes));
    const results: AttachmentAdded[] = [];
    for (const r of read) {
      const added = await cli.call('attachment.add', {
        name: r.name,
        data: Buffer.from(r.bytes).toString('base64'),
        ...(v.release ? { fields: { releases: [v.release] } } : {}),
      });
      results.push(added);
      if (!cli.json) cli.print(added);
    }
    if (cli.json) cli.print(results.length === 1 ? results[0] : results);
    return;
  }
  if (cmd === 'backup') {
    if (!v.out) throw new UsageError('backup needs --out FILE');
    cli.print(await cli.job('library.backup', { out: resolve(v.out) }));
    return;
  }
  if (cmd === 'compact') {
    const r = await cli.job('library.compact', pos[1] === undefined ? {} : { id: pos[1] });
    cli.print(r, `Removed ${r.removed} old version${r.removed === 1 ? '' : 's'}${pos[1] === undefined ? '' : ` of ${pos[1]}`}.`);
    return;
  }
  if (cmd === 'restore') {
    const file = need(pos, 1, 'the backup FILE');
    cli.print(await cli.job('library.restore', { from: resolve(file) }));
    return;
  }
  throw new UsageError(cmd ? `unknown command "${cmd}"` : 'a command is required');
}

function builtRendererDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return join(here, '..', 'renderer');
}

async function serve(core: Core, v: Values, io: Io): Promise<number> {
  const port = intOption(v.port, 'port', 0, 65535) ?? 0;
  const server = await startWebServer({
    core,
    staticDir: builtRendererDir(),
    port,
    onLaunchRefused: (fresh) => io.out(`A launch link was refused (used already, or expired). Open Dateline with this new one-time link: ${fresh}\n`),
  });
  // Each link works once, so the browser started here and the person reading the terminal get one each.
  if (v.open) openInBrowser(server.launchUrl());
  io.out(`Dateline web mode runs on ${server.origin} (Ctrl+C stops it). Open it with this one-time link: ${server.launchUrl()}\n`);
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
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

/** Refuses a command line that cannot work before anything opens the library. */
function checkCommand(pos: string[], values: Values): void {
  const [cmd, sub] = pos;
  const extra = COMMANDS.find((c) => c.name === cmd);
  if (extra) return extra.check(pos, values);
  if (!['serve', 'release', 'search', 'attach', 'backup', 'restore', 'compact'].includes(cmd!)) throw new UsageError(`unknown command "${cmd}"`);
  if (cmd === 'compact' && pos.length > 2) throw new UsageError('compact takes at most one document ID');
  if (cmd === 'release' && !['create', 'update', 'list', 'show'].includes(sub ?? '')) {
    throw new UsageError(sub ? `unknown release command "${sub}"` : 'release needs a command: create, update, list or show');
  }
}

/** True for the commands that change the library (refused at once on a read-only one). */
function writes(pos: string[], values: Values): boolean {
  const [cmd, sub] = pos;
  if (cmd === 'release') return sub === 'create' || sub === 'update';
  if (cmd === 'import') return values['dry-run'] !== true;
  if (cmd === 'kit') return sub === 'create';
  return cmd === 'attach' || cmd === 'restore' || cmd === 'serve' || cmd === 'compact';
}

/** Runs one CLI invocation; returns the exit code (0 ok, 1 error, 2 usage). */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let values: Values;
  let positionals: string[];
  const json = argv.includes('--json');
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true }));
  } catch (e) {
    return report(new UsageError((e as Error).message.split('\n')[0] ?? 'bad arguments'), json, io);
  }
  if (values.help || positionals.length === 0) {
    io.out(usage());
    return values.help ? 0 : 2;
  }
  let core: Core | null = null;
  let dir: string | undefined;
  try {
    checkCommand(positionals, values);
    dir = values.library ? resolve(values.library) : libraryDir();
    // Web mode syncs by itself once set up; one-shot commands never start a sync of their own.
    core = await openCore(dir, { backgroundCheck: positionals[0] === 'serve', sync: { auto: positionals[0] === 'serve' } });
    if (core.library.notice) {
      io.err(`note: ${libraryNoticeText(core.library.notice)}\n`);
      // A command's reader has now been told; web mode also shows it in the page, until dismissed there.
      if (positionals[0] !== 'serve') markNoticeSeen(dir, core.library.notice.id);
    }
    if (core.library.readOnly && writes(positionals, values)) {
      throw new DatelineError('LIBRARY_READ_ONLY', `The library in ${dir} is read-only here (its file, folder or disk cannot be written); it can be read but not changed, so nothing was done.`, {
        params: { path: dir },
      });
    }
    if (positionals[0] === 'serve') return await serve(core, values, io);
    await run(new Cli(core, io, values.json), positionals, values, io);
    return 0;
  } catch (e) {
    return report(e, json, io, dir && existsSync(dir) ? dir : undefined);
  } finally {
    core?.close();
  }
}
