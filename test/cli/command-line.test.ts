import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import pkg from '../../package.json' with { type: 'json' };
import { cli, type Run } from './run';
import { tempDir } from '../helpers';

/**
 * The command line as someone new to it meets it: help for one command, options that a command
 * does not take, --json when something goes wrong, an empty --library, Ctrl+C in the middle.
 */

const releaseJson = { headline: 'Clean water reaches 40,000 people in Kasese', language: 'en', datelinePlace: 'Kampala', releaseDate: '2026-11-30', body: 'Twelve boreholes.' };

function jsonOut<T>(r: Run): T {
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as T;
}

/**
 * Runs main in this process and sends it Ctrl+C as soon as it listens for it (from when the
 * library is open): the command has then begun its work and not yet come to its first pause.
 */
async function interrupted(args: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const watch = (event: string | symbol) => {
    if (event !== 'SIGINT') return;
    process.off('newListener', watch);
    queueMicrotask(() => process.emit('SIGINT'));
  };
  process.on('newListener', watch);
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), stdin: async () => '' });
  process.off('newListener', watch);
  return { code, out, err };
}

describe('help', () => {
  it('gives one command’s help, by --help after it or by `help COMMAND`, and the version', async () => {
    for (const args of [['release', '--help'], ['help', 'release'], ['release', 'list', '-h']]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.out, args.join(' ')).toContain('release list [--status S]');
      expect(r.out, args.join(' ')).not.toContain('contacts import');
      expect(r.out, args.join(' ')).toContain('--library DIR');
    }
    expect((await cli(['help'])).out).toContain('contacts import FILE');
    expect(await cli(['help', 'publish'])).toMatchObject({ code: 2, out: '' });
    expect(await cli(['--version'])).toEqual({ code: 0, out: `dateline ${pkg.version}\n`, err: '' });
  });

  it('writes the help to stderr, not stdout, when no command is given', async () => {
    const r = await cli([]);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err).toContain('Usage: dateline <command>');
  });
});

describe('options a command does not take', () => {
  it('are refused before anything runs: `restore --dry-run` restores nothing, `release create --dry-run` stores nothing', async () => {
    const lib = tempDir();
    const f = join(tempDir(), 'release.json');
    writeFileSync(f, JSON.stringify(releaseJson));
    const create = await cli(['release', 'create', '--from', f, '--dry-run', '--library', lib]);
    expect(create.code).toBe(2);
    expect(create.err).toBe('error USAGE: release create does not take --dry-run; it takes --from\nRun `dateline release --help` for its options.\n');
    expect(jsonOut<{ total: number }>(await cli(['release', 'list', '--json', '--library', lib])).total).toBe(0);

    const fresh = join(tempDir(), 'never-made');
    const restore = await cli(['restore', f, '--dry-run', '--library', fresh]);
    expect(restore).toMatchObject({ code: 2, err: 'error USAGE: restore does not take --dry-run\nRun `dateline restore --help` for its options.\n' });
    expect(existsSync(fresh)).toBe(false);
    expect((await cli(['contacts', 'list', '--peer', 'geneva', '--library', fresh])).err).toContain('contacts list does not take --peer; it takes --query, --list');
  });

  it('names an unknown option and the options the command takes, in Dateline’s words', async () => {
    const r = await cli(['release', 'list', '--colour']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'error USAGE: unknown option --colour: release list does not take it; it takes --status, --language, --tag, --query, --limit, --cursor\nRun `dateline release --help` for its options.\n',
    );
    expect((await cli(['--colour'])).err).toMatch(/^error USAGE: unknown option --colour\n/);
  });
});

describe('a command line that cannot work', () => {
  it('is refused before a library is made: a missing ID or --from, a status that is none', async () => {
    const dir = join(tempDir(), 'never-made');
    for (const [args, said] of [
      [['release', 'show'], 'release show needs the release ID'],
      [['release', 'update', '--from', '-'], 'release update needs the release ID'],
      [['release', 'create'], 'release create needs --from FILE (or --from - for standard input)'],
      [['release', 'list', '--status', 'in_review'], '--status "in_review" is not a status; use one of draft, in-review, approved, released, withdrawn'],
    ] as const) {
      const r = await cli([...args, '--library', dir]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toBe(`error USAGE: ${said}\nRun \`dateline release --help\` for its options.\n`);
    }
    expect(existsSync(dir)).toBe(false);
  });

  it('refuses an empty --library instead of opening the library in the user’s data folder', async () => {
    const r = await cli(['restore', 'backup.dateline-backup', '--library', '']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error USAGE: --library is empty; give the library folder\n/);
  });
});

describe('--json when something goes wrong', () => {
  it('prints one JSON document on stdout, {"error": {...}}, with a non-zero exit and the line on stderr', async () => {
    const lib = tempDir();
    const missing = await cli(['release', 'show', 'rel-nope', '--json', '--library', lib]);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.out)).toEqual({ error: expect.objectContaining({ code: 'NOT_FOUND', message: 'No release with id "rel-nope" in this library.' }) });
    expect(missing.err).toBe('error NOT_FOUND: No release with id "rel-nope" in this library.\n');

    const usage = await cli(['release', 'list', '--colour', '--json']);
    expect(usage.code).toBe(2);
    expect(JSON.parse(usage.out)).toEqual({ error: { code: 'USAGE', message: expect.stringContaining('unknown option --colour') } });

    const parse = await cli(['release', 'create', '--from', '-', '--json', '--library', lib], '{ "headline": ');
    expect(parse.code).toBe(1);
    expect(JSON.parse(parse.out).error).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('leaves an import’s own JSON, file by file, as the one document on stdout', async () => {
    const work = tempDir();
    const empty = join(work, 'empty.txt');
    writeFileSync(empty, '');
    const r = await cli(['import', 'release', empty, '--json', '--library', tempDir()]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toEqual([{ file: empty, ok: false, error: { code: 'EMPTY_FILE', message: expect.any(String) } }]);
    expect(r.err).toBe('error EMPTY_FILE: the file could not be imported; nothing was stored.\n');
  });
});

describe('what backup and restore say', () => {
  it('says what was written and where, and where the replaced library is kept', async () => {
    const lib = tempDir();
    jsonOut(await cli(['release', 'create', '--from', '-', '--json', '--library', lib], JSON.stringify(releaseJson)));
    const file = join(tempDir(), 'kasese.dateline-backup');
    const backup = await cli(['backup', '--out', file, '--library', lib]);
    expect(backup.code).toBe(0);
    expect(backup.out).toMatch(new RegExp(`^Backed up 1 document and 0 files \\(\\d+ KB\\) to ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.\\n$`));
    // A second backup to the same name replaces the first, and says so.
    const again = await cli(['backup', '--out', file, '--library', lib]);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/ It replaced the file that was there\.\n$/);
    const restore = await cli(['restore', file, '--library', tempDir()]);
    expect(restore.code).toBe(0);
    expect(restore.out).toMatch(/^Restored 1 document and 0 files from the backup, made \d{4}-\d\d-\d\d \d\d:\d\d UTC\. The library it replaced is kept in .*replaced.*\.\n$/);
  });
});

describe('Ctrl+C', () => {
  it('cancels a contacts import: nothing is stored, it says so, exit 130', async () => {
    const lib = tempDir();
    const csv = join(tempDir(), 'media.csv');
    const rows = Array.from({ length: 500 }, (_, i) => `Person ${i},Family ${i},p${i}@example.org,Outlet ${i % 7}`);
    writeFileSync(csv, `First Name,Last Name,E-mail Address,Company\n${rows.join('\n')}\n`);
    const r = await interrupted(['contacts', 'import', csv, '--library', lib]);
    expect(r.code).toBe(130);
    expect(r.err).toContain('Stopping (Ctrl+C again quits at once)...');
    expect(r.err).toContain('error CANCELLED: The job was cancelled; nothing was changed.\n');
    expect(jsonOut<{ total: number }>(await cli(['contacts', 'list', '--json', '--library', lib])).total).toBe(0);
  });

  it('lets an import of several files finish the file begun, begins no other, and says what was stored', async () => {
    const lib = tempDir();
    const work = tempDir();
    const files = [1, 2, 3].map((i) => {
      const f = join(work, `release-${i}.txt`);
      writeFileSync(f, `Floods in Sudan: update ${i}\n\nKHARTOUM, 3 March 2026 - The organisation today delivered aid to 5,000 families.\n`);
      return f;
    });
    const listening = process.listenerCount('SIGINT');
    const r = await interrupted(['import', 'release', ...files, '--library', lib]);
    expect(r.code).toBe(130);
    // The file begun is read and stored whole; the next ones are not begun.
    expect(r.err).toContain('error CANCELLED: Stopped (Ctrl+C) after 1 of 3 files; the release stored before stays in the library, the other files were not imported.\n');
    const stored = jsonOut<{ items: { headline: string }[] }>(await cli(['release', 'list', '--json', '--library', lib]));
    expect(stored.items.map((i) => i.headline)).toEqual(['Floods in Sudan: update 1']);
    expect(process.listenerCount('SIGINT')).toBe(listening);
  });
});
