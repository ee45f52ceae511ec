import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/index';
import { notePending } from '../../electron/core/litter';
import { tempDir } from '../helpers';

describe('hidden .part files left by a killed export or backup', () => {
  it('are removed on the next start; files that are not ours, and those of a live process, stay', async () => {
    const lib = join(tempDir(), 'library');
    const out = tempDir();
    // A process that noted its files and died: its pid is free again once it has exited.
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const pending = join(lib, 'tmp', 'pending');
    mkdirSync(pending, { recursive: true });
    const part = join(out, '.Kasese kit.docx.a1b2c3.part');
    writeFileSync(part, Buffer.alloc(1024 * 1024));
    writeFileSync(join(pending, `${dead}-aaaa.json`), JSON.stringify({ path: part }));
    const notOurs = join(out, 'minutes.docx');
    writeFileSync(notOurs, 'kept');
    writeFileSync(join(pending, `${dead}-bbbb.json`), JSON.stringify({ path: notOurs }));
    // A file another running process (this one's parent) is still writing.
    const live = join(out, '.backup.sqlite.c3d4.part');
    writeFileSync(live, 'in progress');
    writeFileSync(join(pending, `${process.ppid}-cccc.json`), JSON.stringify({ path: live }));

    const core = await openCore(lib);
    core.close();
    expect(existsSync(part)).toBe(false);
    expect(existsSync(notOurs)).toBe(true);
    expect(existsSync(live)).toBe(true);
    expect(readdirSync(pending)).toEqual([`${process.ppid}-cccc.json`]);
  });

  it('a note is forgotten once its file is done with', () => {
    const lib = tempDir();
    const forget = notePending(lib, join(tempDir(), '.x.part'));
    expect(readdirSync(join(lib, 'tmp', 'pending'))).toHaveLength(1);
    forget();
    expect(readdirSync(join(lib, 'tmp', 'pending'))).toEqual([]);
  });
});
