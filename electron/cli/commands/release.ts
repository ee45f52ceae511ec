import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import type { InputOf } from '../../shared/contract';
import { IsoDateSchema, LanguageSchema, RELEASE_STATUSES } from '../../shared/documents';
import { DatelineError, invalidInput } from '../../shared/errors';
import { MAX_JSON_DEPTH, tooDeep } from '../../shared/nesting';
import { RichTextSchema, type RichText } from '../../shared/richtext';
import { unreadable } from '../../core/attachments/files';
import { markdownToRichText } from '../../core/markdown';
import { intOption, need, tooLargeInput, UsageError, type Command, type Io } from '../cli';

/** `dateline release create|update|list|show`: releases from JSON files, listed and shown. */

const SUBCOMMANDS = ['create', 'update', 'list', 'show'] as const;

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
    try {
      text = readFileSync(from, 'utf8');
    } catch (e) {
      // A file stat can see but this user may not open.
      throw unreadable(from, e);
    }
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

export const releaseCommand: Command = {
  name: 'release',
  subcommands: SUBCOMMANDS,
  usage:
    '  release create --from FILE|-          create a release from a JSON file (or stdin)\n' +
    '  release update ID --from FILE|-       change the fields given in the JSON\n' +
    '  release list [--status S] [--language L] [--tag T] [--query Q] [--limit N] [--cursor C]\n' +
    '  release show ID                       print a release with its id and rev\n',
  takes(pos) {
    const sub = pos[1];
    if (sub === 'create' || sub === 'update') return ['from'];
    if (sub === 'list') return ['status', 'language', 'tag', 'query', 'limit', 'cursor'];
    return sub === 'show' ? [] : null;
  },
  check(pos, v) {
    const sub = pos[1];
    if (!(SUBCOMMANDS as readonly string[]).includes(sub ?? '')) {
      throw new UsageError(sub ? `unknown release command "${sub}" (try: ${SUBCOMMANDS.join(', ')})` : `release needs a command: ${SUBCOMMANDS.join(', ')}`);
    }
    // Said before the library opens, so a mistyped command line makes no library anywhere.
    if ((sub === 'show' || sub === 'update') && !pos[2]) throw new UsageError(`release ${sub} needs the release ID`);
    if ((sub === 'create' || sub === 'update') && !v.from) throw new UsageError(`release ${sub} needs --from FILE (or --from - for standard input)`);
    if (sub === 'list') {
      intOption(v.limit, 'limit', 1, 500);
      // The statuses as this command line spells them; the contract would name them in zod's words.
      if (v.status !== undefined && !(RELEASE_STATUSES as readonly string[]).includes(v.status)) {
        throw new UsageError(`--status "${v.status}" is not a status; use one of ${RELEASE_STATUSES.join(', ')}`);
      }
    }
  },
  writes: (pos) => pos[1] === 'create' || pos[1] === 'update',
  async run(cli, pos, v, io) {
    const sub = pos[1];
    if (sub === 'create') {
      const obj = await readJsonObject(v.from, io);
      const parsed = ReleaseJsonCreate.safeParse(obj);
      if (!parsed.success) throw invalidInput(parsed.error, { context: 'release create' });
      // The JSON a person wrote: the contract's own schema checks every field of it.
      cli.print(await cli.call('release.create', { ...obj, body: bodyToRichText(obj.body) } as InputOf<'release.create'>));
    } else if (sub === 'update') {
      const id = need(pos, 2, 'the release ID');
      const { rev, ...fields } = await readJsonObject(v.from, io);
      if ('body' in fields) fields.body = bodyToRichText(fields.body);
      // A rev that is not a string goes to the contract, which refuses it: dropping it would skip the conflict check.
      cli.print(await cli.call('release.update', { id, rev: rev ?? null, fields } as InputOf<'release.update'>));
    } else if (sub === 'list') {
      // Option values are checked by the contract's schema like any other input.
      const input = {
        limit: intOption(v.limit, 'limit', 1, 500) ?? 50,
        cursor: v.cursor ?? null,
        ...(v.status ? { status: v.status } : {}),
        ...(v.language ? { language: v.language } : {}),
        ...(v.tag ? { tag: v.tag } : {}),
        ...(v.query ? { query: v.query } : {}),
      } as InputOf<'release.list'>;
      const page = await cli.call('release.list', input);
      const lines = page.items.map((r) => `${r.id}  ${r.status.padEnd(9)}  ${r.language.padEnd(5)}  ${(r.releaseDate ?? '').padEnd(10)}  ${r.headline}`);
      const footer = page.nextCursor ? `\n${page.items.length} of ${page.total}; next page: --cursor ${page.nextCursor}` : `\n${page.total} release${page.total === 1 ? '' : 's'}`;
      cli.print(page, page.total === 0 ? 'No releases yet. Create one with `dateline release create --from FILE`.' : lines.join('\n') + footer);
    } else {
      cli.print(await cli.call('release.get', { id: need(pos, 2, 'the release ID') }));
    }
  },
};
