import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cli, type Run } from './run';
import { tempDir } from '../helpers';

function json<T = Record<string, unknown>>(r: Run): T {
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as T;
}

const releaseJson = {
  headline: 'Clean water reaches 40,000 people in Kasese',
  language: 'en',
  datelinePlace: 'Kampala',
  releaseDate: '2026-11-30',
  body: 'The organisation **today** completed twelve boreholes in Kasese district.\n\n- 12 boreholes\n- 3 water points\n\n> "Water is dignity," said Grace Akello.',
  tags: ['water'],
};

describe('dateline CLI', () => {
  it('creates a release from a file, shows it with id and rev, updates it and lists it', async () => {
    const lib = tempDir();
    const f = join(tempDir(), 'release.json');
    writeFileSync(f, JSON.stringify(releaseJson));
    const created = json<{ id: string; rev: string }>(await cli(['release', 'create', '--from', f, '--library', lib]));
    expect(created.id).toMatch(/^rel-/);
    expect(created.rev).toMatch(/^1-[0-9a-f]{32}$/);

    const shown = json<Record<string, unknown>>(await cli(['release', 'show', created.id, '--library', lib, '--json']));
    expect(shown).toMatchObject({ id: created.id, rev: created.rev, headline: releaseJson.headline, datelinePlace: 'Kampala' });
    const body = shown.body as { content: { type: string }[] };
    expect(body.content.map((b) => b.type)).toEqual(['paragraph', 'bulletList', 'blockquote']);

    const updated = json<{ rev: string }>(await cli(['release', 'update', created.id, '--from', '-', '--library', lib], JSON.stringify({ status: 'approved' })));
    expect(updated.rev.startsWith('2-')).toBe(true);

    const list = json<{ items: { id: string; status: string }[]; total: number }>(await cli(['release', 'list', '--json', '--library', lib]));
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id: created.id, status: 'approved' });
    const human = await cli(['release', 'list', '--library', lib]);
    expect(human.out).toContain(created.id);
    expect(human.out).toContain('approved');
  });

  it('reads the library from DATELINE_LIBRARY when no flag is given, and the flag wins', async () => {
    const a = tempDir();
    const b = tempDir();
    const prev = process.env.DATELINE_LIBRARY;
    process.env.DATELINE_LIBRARY = a;
    try {
      json(await cli(['release', 'create', '--from', '-'], JSON.stringify(releaseJson)));
      expect(json<{ total: number }>(await cli(['release', 'list', '--json'])).total).toBe(1);
      expect(json<{ total: number }>(await cli(['release', 'list', '--json', '--library', b])).total).toBe(0);
    } finally {
      if (prev === undefined) delete process.env.DATELINE_LIBRARY;
      else process.env.DATELINE_LIBRARY = prev;
    }
  });

  it('says what is missing, on stderr, with exit code 1, and stores nothing', async () => {
    const lib = tempDir();
    const { headline: _h, ...noHeadline } = releaseJson;
    const r = await cli(['release', 'create', '--from', '-', '--library', lib], JSON.stringify(noHeadline));
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe('error INVALID_INPUT: release create: headline: is required\n');
    const bad = await cli(['release', 'create', '--from', '-', '--library', lib, '--json'], '{ "headline": ');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out)).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    expect(json<{ total: number }>(await cli(['release', 'list', '--json', '--library', lib])).total).toBe(0);
    const dirGiven = await cli(['release', 'create', '--from', lib, '--library', lib]);
    expect(dirGiven.err).toMatch(/^error NOT_A_FILE: .* is a folder/);
    const missing = await cli(['release', 'show', 'rel-nope', '--library', lib]);
    expect(missing).toMatchObject({ code: 1, err: 'error NOT_FOUND: No release with id "rel-nope" in this library.\n' });
  });

  it('exits 2 for usage mistakes', async () => {
    expect((await cli(['release', 'frobnicate'])).code).toBe(2);
    expect((await cli(['nonsense'])).code).toBe(2);
    const r = await cli(['release', 'list', '--colour']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error USAGE: .*--colour/);
    // A negative number reads as another option: the message says how to give it.
    const negative = await cli(['release', 'list', '--limit', '-5']);
    expect(negative.code).toBe(2);
    expect(negative.err).toContain("error USAGE: Option '--limit' argument is ambiguous. Did you forget to specify the option argument for '--limit'? To specify an option argument starting with a dash use '--limit=-XYZ'.\n");
    expect((await cli(['--help'])).out).toContain('release create --from FILE');
  });

  it('refuses a garbage library file with a clear message and leaves it untouched', async () => {
    const lib = tempDir();
    writeFileSync(join(lib, 'library.sqlite'), 'not a database at all'.repeat(20));
    const r = await cli(['release', 'list', '--library', lib]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error NOT_A_LIBRARY: .*library\.sqlite is not a Dateline library/);
  });

  it('searches releases, contacts and attachments ignoring accents and Arabic variants', async () => {
    const lib = tempDir();
    const es = json<{ id: string }>(
      await cli(['release', 'create', '--from', '-', '--library', lib], JSON.stringify({ ...releaseJson, headline: 'Lluvias en Bogotá', language: 'es', body: 'Texto.' })),
    );
    const ar = json<{ id: string }>(
      await cli(
        ['release', 'create', '--from', '-', '--library', lib],
        JSON.stringify({ ...releaseJson, headline: 'المنظمة تدعم المدارس', language: 'ar', datelinePlace: 'عمّان', body: 'أطلقت المنظمة اليوم برنامجاً جديداً.' }),
      ),
    );
    const hits = (q: string) => cli(['search', q, '--json', '--library', lib]).then((r) => json<{ id: string }[]>(r).map((h) => h.id));
    expect(await hits('bogota')).toEqual([es.id]);
    expect(await hits('منظمة')).toEqual([ar.id]);
    expect(await hits('اطلقت')).toEqual([ar.id]);
    // Without --json a hit reads as a line: its language and date as stored.
    expect((await cli(['search', 'bogota', '--library', lib])).out).toBe(`release     ${es.id}  Lluvias en Bogotá  (es · 2026-11-30)\n`);
    const none = await cli(['search', 'zanzibar', '--library', lib]);
    expect(none.out).toContain('Nothing matches');
  });

  it('attaches files linked to a release, deduplicates, refuses bad files, and round-trips a backup', async () => {
    const lib = tempDir();
    const work = tempDir();
    const rel = json<{ id: string }>(await cli(['release', 'create', '--from', '-', '--library', lib], JSON.stringify(releaseJson)));
    const fact = join(work, 'fact-sheet.txt');
    writeFileSync(fact, 'Kasese district: 12 boreholes, 40,000 people.\n');
    const one = json<{ id: string; rev: string; deduped: boolean }>(await cli(['attach', fact, '--release', rel.id, '--json', '--library', lib]));
    expect(one).toMatchObject({ deduped: false });
    const copy = join(work, 'copy.txt');
    writeFileSync(copy, 'Kasese district: 12 boreholes, 40,000 people.\n');
    const two = json<{ id: string; deduped: boolean }>(await cli(['attach', copy, '--json', '--library', lib]));
    expect(two).toMatchObject({ id: one.id, deduped: true });

    const empty = join(work, 'empty.txt');
    writeFileSync(empty, '');
    const r = await cli(['attach', empty, '--library', lib]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error EMPTY_FILE: /);
    mkdirSync(join(work, 'folder'));
    expect((await cli(['attach', join(work, 'folder'), '--library', lib])).err).toMatch(/^error NOT_A_FILE: /);
    expect((await cli(['attach', join(work, 'gone.jpg'), '--library', lib])).err).toMatch(/^error FILE_UNREADABLE: /);
    expect((await cli(['attach', fact, '--release', 'rel-unknown', '--library', lib])).err).toMatch(/^error NOT_FOUND: /);

    const backup = join(work, 'kasese.dateline-backup');
    const b = json<{ path: string; documents: number; files: number }>(await cli(['backup', '--out', backup, '--json', '--library', lib]));
    expect(b).toMatchObject({ path: backup, documents: 2, files: 1 });
    expect(existsSync(backup)).toBe(true);

    const nowhere = await cli(['backup', '--out', join(work, 'no', 'such', 'x.backup'), '--library', lib]);
    expect(nowhere).toMatchObject({ code: 1, out: '' });
    expect(nowhere.err).toBe(`error FILE_UNWRITABLE: The folder ${join(work, 'no', 'such')} does not exist; create it or choose another place for the backup.\n`);

    const fresh = tempDir();
    const restored = json<{ documents: number; files: number }>(await cli(['restore', backup, '--json', '--library', fresh]));
    expect(restored).toMatchObject({ documents: 2, files: 1 });
    const shown = json<Record<string, unknown>>(await cli(['release', 'show', rel.id, '--json', '--library', fresh]));
    expect(shown.headline).toBe(releaseJson.headline);
    const found = json<{ id: string }[]>(await cli(['search', 'boreholes', '--json', '--library', fresh]));
    expect(found.map((h) => h.id)).toContain(rel.id);

    const notBackup = await cli(['restore', fact, '--library', fresh]);
    expect(notBackup.code).toBe(1);
    expect(notBackup.err).toMatch(/^error NOT_A_BACKUP: /);
  });
});

describe('the built dateline command', () => {
  const bin = join(process.cwd(), 'bin', 'dateline.js');
  const built = existsSync(join(process.cwd(), 'out', 'cli', 'dateline.js'));
  it.runIf(built)('runs as a separate process with the documented exit codes', async () => {
    const lib = tempDir();
    const run = promisify(execFile);
    const ok = await run(process.execPath, [bin, 'release', 'list', '--json', '--library', lib]);
    expect(JSON.parse(ok.stdout)).toMatchObject({ items: [], total: 0 });
    const usage = await run(process.execPath, [bin, 'release']).catch((e: { code: number; stderr: string }) => e);
    expect(usage).toMatchObject({ code: 2 });
    expect((usage as { stderr: string }).stderr).toMatch(/^error USAGE: /);
  });
});
