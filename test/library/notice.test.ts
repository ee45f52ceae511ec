import { existsSync, readdirSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index';
import { libraryNoticeText, type LibraryNotice } from '../../electron/shared/library/notices';
import type { Io } from '../../electron/cli/cli';
import { main } from '../../electron/cli/main';
import { call, fail } from '../core-harness';
import { damagedLibrary } from '../damage';
import { tempDir } from '../helpers';

const ROOT = join(import.meta.dirname, '..', '..');

const opened: Core[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

/** A library with noise over pages in the middle of its file (the header intact): the next open moves it aside. */
async function movedAside(): Promise<{ dir: string; movedTo: string }> {
  const dir = tempDir();
  await damagedLibrary(dir);
  await expect(openCore(dir, { author: 't' })).rejects.toMatchObject({ code: 'LIBRARY_DAMAGED' });
  const [stamp] = readdirSync(join(dir, 'damaged'));
  return { dir, movedTo: join(dir, 'damaged', stamp!) };
}

async function reopen(dir: string): Promise<Core> {
  const c = await openCore(dir, { author: 't' });
  opened.push(c);
  return c;
}

function quietIo() {
  const io = { out: '', err: '' };
  const sink: Io = { out: (s) => void (io.out += s), err: (s) => void (io.err += s), stdin: () => Promise.resolve('') };
  return { io, sink };
}

describe('library.notice', () => {
  it('tells every start about a library moved aside until the person has seen it', async () => {
    const { dir, movedTo } = await movedAside();
    const a = await reopen(dir);
    const notice = await call<LibraryNotice>(a, 'library.notice', {});
    expect(notice).toMatchObject({ code: 'MOVED_ASIDE', params: { dir, movedTo } });
    expect(notice.params.reason).not.toBe('');
    expect(libraryNoticeText(notice)).toContain(`moved, untouched, to ${movedTo}`);
    a.close();
    opened.pop();
    // Opening is not seeing: the next start still has it.
    const b = await reopen(dir);
    expect(b.library.notice?.id).toBe(notice.id);
    expect(await call(b, 'library.noticeSeen', { id: 'not-this-one' })).toEqual({ seen: false });
    expect(await call(b, 'library.noticeSeen', { id: notice.id })).toEqual({ seen: true });
    expect(existsSync(join(movedTo, 'seen'))).toBe(true);
    expect(await call(b, 'library.notice', {})).toBeNull();
    expect(await call(b, 'library.noticeSeen', { id: notice.id })).toEqual({ seen: false });
  });

  it('refuses an id that is not a plain folder name, and writes nothing', async () => {
    const { dir, movedTo } = await movedAside();
    const c = await reopen(dir);
    for (const id of ['../..', '..', 'a/b', '', 'x'.repeat(65)]) {
      expect((await fail(c, 'library.noticeSeen', { id })).code).toBe('INVALID_INPUT');
    }
    for (const folder of [dirname(dir), dir, join(dir, 'damaged'), movedTo]) expect(existsSync(join(folder, 'seen'))).toBe(false);
    expect(await call(c, 'library.notice', {})).not.toBeNull();
  });

  it('is printed by a CLI command and then seen; `serve` (the built CLI) prints it but leaves it for the page', async () => {
    const { dir, movedTo } = await movedAside();
    const { io, sink } = quietIo();
    expect(await main(['release', 'list', '--library', dir], sink)).toBe(0);
    expect(io.err).toContain(`note: The library in ${dir} was damaged`);
    expect(io.err).toContain(movedTo);
    expect(existsSync(join(movedTo, 'seen'))).toBe(true);
    const again = quietIo();
    expect(await main(['release', 'list', '--library', dir], again.sink)).toBe(0);
    expect(again.io.err).toBe('');

    const other = await movedAside();
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'dateline.js'), 'serve', '--library', other.dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise((r) => child.once('exit', r));
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    try {
      await expect.poll(() => out, { timeout: 30_000 }).toContain('one-time link');
      expect(err).toContain(`note: The library in ${other.dir} was damaged`);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    expect(existsSync(join(other.movedTo, 'seen'))).toBe(false);
  });
});
