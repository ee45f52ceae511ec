import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';
import { buildChild } from './child-build';
import { runCli } from './processes';

// Files and folders this user may not read or write: each command says which and why, in one
// line, never "Unexpected error". Run as another user (root may read and write anything).

let child: Awaited<ReturnType<typeof buildChild>>;
beforeAll(async () => {
  child = await buildChild();
}, 120_000);
afterAll(() => child?.remove());

const NOBODY = 65534;
const canSwitchUser =
  process.getuid?.() === 0 &&
  (() => {
    try {
      execFileSync('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', 'true']);
      return true;
    } catch {
      return false;
    }
  })();

/** A folder the other user may enter and write in (the test's own temporary folder is root's). */
function sharedDir(): string {
  const dir = tempDir();
  chmodSync(join(dir, '..'), 0o755);
  chmodSync(dir, 0o777);
  return dir;
}

/** A file in `dir` that only root may read. */
function unreadableFile(dir: string, name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  chmodSync(path, 0o000);
  return path;
}

describe.runIf(canSwitchUser)('files this user may not read or write', () => {
  it('an input file it may not read is FILE_UNREADABLE naming it, for every command that reads one', async () => {
    const dir = sharedDir();
    const library = join(dir, 'library');
    const json = unreadableFile(dir, 'release.json', '{"headline":"Water for Kasese"}');
    const text = unreadableFile(dir, 'page.txt', 'Water for Kasese\n\nKAMPALA, 30 November 2026 - Twelve boreholes.\n');
    const md = unreadableFile(dir, 'facts.md', '# Facts\n\nTwelve boreholes.\n');
    const cases: [string[], string][] = [
      [['release', 'create', '--from', json], json],
      [['import', 'release', text], text],
      [['kit', 'create', '--title', 'Kit', '--item', `section:factSheet:${md}`], md],
    ];
    for (const [args, path] of cases) {
      const r = await runCli(child.script, [...args, '--library', library], { uid: NOBODY });
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.out + r.err, args.join(' ')).toContain(`error FILE_UNREADABLE: Cannot read ${path}: permission was denied.`);
      expect(r.out + r.err, args.join(' ')).not.toContain('INTERNAL');
    }
  }, 60_000);

  it('a library folder it may not make is LIBRARY_READ_ONLY naming the folder that refuses it', async () => {
    const parent = tempDir();
    chmodSync(join(parent, '..'), 0o755);
    chmodSync(parent, 0o755);
    const library = join(parent, 'new', 'library');
    const r = await runCli(child.script, ['release', 'list', '--library', library], { uid: NOBODY });
    expect([r.code, r.err]).toEqual([1, `error LIBRARY_READ_ONLY: The library folder ${library} cannot be made: this user may not write in ${parent}. Choose another folder for the library.\n`]);
  }, 60_000);
});

describe.runIf(canSwitchUser)('an output in a folder this user may not write', () => {
  it('is FILE_UNWRITABLE naming the file to write and the folder, and leaves nothing there, for every command that writes a file', async () => {
    const dir = sharedDir();
    const library = join(dir, 'library');
    expect((await runCli(child.script, ['release', 'list', '--library', library], { uid: NOBODY })).code).toBe(0);
    const closed = join(dir, 'closed');
    mkdirSync(closed, { mode: 0o755 });
    for (const [args, name] of [
      [['backup', '--out'], 'library.backup'],
      [['contacts', 'export', '--format', 'csv', '--out'], 'contacts.csv'],
      [['sync', 'export', '--out'], 'office.dateline-sync'],
    ] as const) {
      const out = join(closed, name);
      const r = await runCli(child.script, [...args, out, '--library', library], { uid: NOBODY });
      expect([r.code, r.err], name).toEqual([1, `error FILE_UNWRITABLE: Cannot write ${out}: this user may not write in ${closed}; nothing was written.\n`]);
    }
    const text = join(dir, 'text.md');
    writeFileSync(text, 'Twelve boreholes.\n');
    const kit = await runCli(child.script, ['kit', 'create', '--title', 'Kit', '--item', `section:text:${text}`, '--json', '--library', library], { uid: NOBODY });
    const exported = await runCli(child.script, ['export', (JSON.parse(kit.out) as { id: string }).id, '--format', 'docx', '--out', join(closed, 'kit'), '--library', library], { uid: NOBODY });
    expect([exported.code, exported.err]).toEqual([1, `error FILE_UNWRITABLE: Cannot write the export in ${join(closed, 'kit')}: this user may not write there; nothing was written.\n`]);
    expect(readdirSync(closed)).toEqual([]);
  }, 60_000);
});

describe.runIf(canSwitchUser)('a library this user may only read', () => {
  it('is exported as a kit and backed up, which write only outside it', async () => {
    const library = tempDir();
    const made = await runCli(child.script, ['release', 'create', '--from', '-', '--json', '--library', library], {
      stdin: JSON.stringify({ headline: 'Water for Kasese', language: 'en', datelinePlace: 'Kampala', releaseDate: '2026-11-30', status: 'approved', body: 'Twelve boreholes.' }),
    });
    const kit = await runCli(child.script, ['kit', 'create', '--title', 'Water', '--item', `release:${(JSON.parse(made.out) as { id: string }).id}`, '--json', '--library', library]);
    execFileSync('chmod', ['-R', 'a+rX,go-w', library]);
    chmodSync(join(library, '..'), 0o755);
    const out = sharedDir();
    const exported = await runCli(child.script, ['export', (JSON.parse(kit.out) as { id: string }).id, '--format', 'docx', '--out', out, '--library', library], { uid: NOBODY });
    expect([exported.code, exported.err]).toEqual([0, '']);
    const backup = join(out, 'library.backup');
    const backedUp = await runCli(child.script, ['backup', '--out', backup, '--library', library], { uid: NOBODY });
    expect([backedUp.code, backedUp.err]).toEqual([0, '']);
    expect(readdirSync(out).sort()).toEqual(['Water.docx', 'library.backup']);
  }, 60_000);
});

describe('a library folder that cannot be made', () => {
  it('under a file is NOT_A_LIBRARY naming the file', async () => {
    const dir = tempDir();
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'not a folder');
    const library = join(file, 'library');
    const r = await runCli(child.script, ['release', 'list', '--library', library]);
    expect([r.code, r.err]).toEqual([1, `error NOT_A_LIBRARY: The library folder ${library} cannot be made: ${file} is a file, not a folder.\n`]);
  }, 60_000);
});
