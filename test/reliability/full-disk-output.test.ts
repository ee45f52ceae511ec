import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';
import { buildChild } from './child-build';
import { runCli } from './processes';
import { canMount, fillDisk, withSmallDisk } from './small-disk';

// An export to a USB stick that fills up: the message is about that disk, not the library's. A
// file larger than the system lets a file be (FAT32 sticks, a limit set on the program) is said as such.

let child: Awaited<ReturnType<typeof buildChild>>;
beforeAll(async () => {
  child = await buildChild();
}, 120_000);
afterAll(() => child?.remove());

const release = { headline: 'Water for Kasese', language: 'en', datelinePlace: 'Kampala', releaseDate: '2026-11-30', body: 'Twelve boreholes. '.repeat(2000) };

/** Runs `work` with a small disk mounted and filled to the last byte (a USB stick with no room left). */
function withFullStick(work: (stick: string) => Promise<void>): Promise<void> {
  return withSmallDisk('1m', async (stick) => {
    fillDisk(stick);
    await work(stick);
    rmSync(join(stick, 'filler'));
    // Nothing half-written is left on the stick.
    expect(readdirSync(stick)).toEqual([]);
  });
}

/** The message for the full stick: its own free space, not the library's disk's. */
const stickFull = (stick: string) => `error DISK_FULL: The disk of ${stick} is full (0 MB free); nothing was saved. Free at least 64 MB and try again.\n`;

describe.runIf(canMount)('an export to a disk that is full', () => {
  it('of a backup or of contacts is DISK_FULL with the free space of the disk written to, and leaves nothing there', async () => {
    const library = tempDir();
    await runCli(child.script, ['release', 'create', '--from', '-', '--library', library], { stdin: JSON.stringify(release) });
    const contacts = join(tempDir(), 'contacts.csv');
    writeFileSync(contacts, `Name,E-mail (work)\n${Array.from({ length: 2000 }, (_, i) => `Person ${i},p${i}@example.org`).join('\n')}\n`);
    expect((await runCli(child.script, ['contacts', 'import', contacts, '--library', library])).code).toBe(0);
    await withFullStick(async (stick) => {
      const backup = await runCli(child.script, ['backup', '--out', join(stick, 'library.backup'), '--library', library]);
      expect([backup.code, backup.err]).toEqual([1, stickFull(stick)]);
      const exported = await runCli(child.script, ['contacts', 'export', '--format', 'vcf', '--out', join(stick, 'contacts.vcf'), '--library', library]);
      expect([exported.code, exported.err]).toEqual([1, stickFull(stick)]);
    });
  }, 60_000);

  it('of a kit is DISK_FULL with the free space of the disk written to, and leaves nothing there', async () => {
    const library = tempDir();
    const made = await runCli(child.script, ['release', 'create', '--from', '-', '--json', '--library', library], { stdin: JSON.stringify(release) });
    const kit = await runCli(child.script, ['kit', 'create', '--title', 'Water', '--item', `release:${(JSON.parse(made.out) as { id: string }).id}`, '--json', '--library', library]);
    await withFullStick(async (stick) => {
      const r = await runCli(child.script, ['export', (JSON.parse(kit.out) as { id: string }).id, '--format', 'docx', '--out', stick, '--library', library]);
      expect([r.code, r.err]).toEqual([1, stickFull(stick)]);
    });
  }, 60_000);

  it('of a sync file is DISK_FULL in one line (the process had died of an unhandled write error), and leaves no .part file', async () => {
    const library = tempDir();
    await runCli(child.script, ['release', 'create', '--from', '-', '--library', library], { stdin: JSON.stringify(release) });
    // A photo that does not compress, so the stick fills while the file is still being written.
    const photo = join(tempDir(), 'photo.jpg');
    writeFileSync(photo, randomBytes(300 * 1024));
    await runCli(child.script, ['attach', photo, '--library', library]);
    await withFullStick(async (stick) => {
      const r = await runCli(child.script, ['sync', 'export', '--out', join(stick, 'office.dateline-sync'), '--library', library]);
      expect([r.code, r.err]).toEqual([1, stickFull(stick)]);
    });
  }, 60_000);
});

describe.runIf(canMount)('a sync file imported into a library whose disk is full', () => {
  it('is DISK_FULL, not a sync file "cut short or damaged" to copy again, and stores nothing', async () => {
    const source = tempDir();
    const photo = join(tempDir(), 'photo.jpg');
    writeFileSync(photo, randomBytes(600 * 1024));
    await runCli(child.script, ['attach', photo, '--library', source]);
    const file = join(tempDir(), 'office.dateline-sync');
    expect((await runCli(child.script, ['sync', 'export', '--out', file, '--library', source])).code).toBe(0);
    await withSmallDisk('3m', async (disk) => {
      const library = join(disk, 'library');
      expect((await runCli(child.script, ['release', 'list', '--library', library])).code).toBe(0);
      // Room for the library's own small writes, not for the photo.
      const free = Number(execFileSync('df', ['-k', '--output=avail', disk], { encoding: 'utf8' }).trim().split('\n').pop());
      execFileSync('dd', ['if=/dev/zero', `of=${join(disk, 'filler')}`, 'bs=1k', `count=${free - 200}`], { stdio: 'ignore' });
      const r = await runCli(child.script, ['sync', 'import', file, '--library', library]);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^error DISK_FULL: The disk is full \(\d MB free\); nothing was saved\. Free at least \d+ MB and try again\.\n$/);
      rmSync(join(disk, 'filler'));
      expect(JSON.parse((await runCli(child.script, ['search', 'photo', '--json', '--library', library])).out)).toEqual([]);
    });
  }, 60_000);
});

/** The dateline command run with a file size limit (ulimit -f, in KiB), as a shell sets one. */
function runLimited(script: string, kib: number, args: string[]): Promise<{ code: number | null; err: string }> {
  const child = spawn('sh', ['-c', `ulimit -f ${kib} && exec "$0" "$@"`, process.execPath, script, 'cli', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
  return new Promise((done) => child.on('close', (code) => done({ code, err })));
}

describe('a file larger than this system lets a file be', () => {
  it('is FILE_TOO_LARGE in words, not an unexpected error, and nothing is stored', async () => {
    const library = tempDir();
    const photo = join(tempDir(), 'photo.jpg');
    writeFileSync(photo, Buffer.alloc(3 * 1024 * 1024, 7));
    const r = await runLimited(child.script, 1024, ['attach', photo, '--library', library]);
    expect([r.code, r.err]).toEqual([
      1,
      'error FILE_TOO_LARGE: A file could not be written: it would be larger than this system lets a file be (a disk formatted FAT32, as many USB sticks are, holds files of at most 4 GB; or a limit is set for this program); nothing was saved.\n',
    ]);
    const list = await runCli(child.script, ['search', 'photo', '--json', '--library', library]);
    expect(JSON.parse(list.out)).toEqual([]);
  }, 60_000);
});
