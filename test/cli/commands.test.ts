import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../electron/cli/commands/index';
import { cli } from './run';
import { tempDir } from '../helpers';

describe('the command registry', () => {
  it('names each command once, and --help lists every one in registry order', async () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(['serve', 'release', 'search', 'attach', 'backup', 'restore', 'compact', 'import', 'kit', 'export', 'contacts', 'sync']);
    const help = (await cli(['--help'])).out;
    let at = 0;
    for (const c of COMMANDS) {
      const found = help.indexOf(c.usage, at);
      expect(found, c.name).toBeGreaterThanOrEqual(at);
      at = found + c.usage.length;
    }
    expect(help).toMatch(/^Usage: dateline <command> \[options\]\n\nCommands:\n {2}serve /);
    expect(help).toContain('--library DIR');
  });

  it('refuses an unknown command or a wrong command line before it opens a library', async () => {
    const dir = join(tempDir(), 'never-made');
    for (const args of [['publish'], ['release'], ['release', 'delete', 'rel-1'], ['compact', 'a', 'b'], ['search', ' '], ['serve', '--port', '70000']]) {
      const r = await cli([...args, '--library', dir]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toMatch(/^error USAGE: /);
    }
    expect((await cli(['publish', '--library', dir])).err).toContain('unknown command "publish"');
    expect(existsSync(dir)).toBe(false);
  });

  it('says for each command line whether it writes to the library', () => {
    const by = (name: string) => COMMANDS.find((c) => c.name === name)!;
    const none = { 'dry-run': false } as never;
    const dry = { 'dry-run': true } as never;
    expect(by('release').writes(['release', 'create'], none)).toBe(true);
    expect(by('release').writes(['release', 'list'], none)).toBe(false);
    expect(by('import').writes(['import', 'release', 'a.txt'], dry)).toBe(false);
    expect(by('contacts').writes(['contacts', 'import', 'a.csv'], none)).toBe(true);
    expect(by('contacts').writes(['contacts', 'import', 'a.csv'], dry)).toBe(false);
    expect(by('contacts').writes(['contacts', 'erase', 'con-1'], none)).toBe(true);
    expect(by('sync').writes(['sync', 'export'], none)).toBe(false);
    expect(by('sync').writes(['sync', 'export'], { peer: 'geneva' } as never)).toBe(true);
    expect(by('export').writes(['export', 'kit-1'], none)).toBe(false);
    expect(COMMANDS.filter((c) => c.serves).map((c) => c.name)).toEqual(['serve']);
  });
});
