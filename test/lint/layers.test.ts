import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The rules that keep the layers apart, checked on sample sources. */
async function problems(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'dateline/layers').map((m) => m.message);
}

const uses = (spec: string) => `import { a } from '${spec}';\nexport const b = a;\n`;

describe('layer allow-lists', () => {
  it('keeps the renderer on the contract and its UI libraries', async () => {
    expect(await problems('renderer/x.ts', uses('electron'))).toEqual([expect.stringContaining('renderer may not import "electron"')]);
    expect(await problems('renderer/x.ts', uses('node:fs'))).toHaveLength(1);
    expect(await problems('renderer/x.ts', uses('better-sqlite3'))).toHaveLength(1);
    expect(await problems('renderer/x.ts', uses('../electron/core/index'))).toEqual([
      expect.stringContaining('renderer may import only renderer, electron/shared; "../electron/core/index" is in electron/core'),
    ]);
    expect(await problems('renderer/x.ts', uses('../electron/shared/contract'))).toEqual([]);
    expect(await problems('renderer/releases/x.tsx', uses('@tiptap/react'))).toEqual([]);
  });

  it('keeps electron out of the core and Node out of shared', async () => {
    expect(await problems('electron/core/x.ts', uses('electron'))).toHaveLength(1);
    expect(await problems('electron/core/x.ts', uses('react'))).toHaveLength(1);
    expect(await problems('electron/core/x.ts', uses('../main/window'))).toHaveLength(1);
    expect(await problems('electron/shared/x.ts', uses('electron'))).toHaveLength(1);
    expect(await problems('electron/shared/x.ts', uses('node:path'))).toHaveLength(1);
    expect(await problems('electron/shared/x.ts', uses('../core/index'))).toHaveLength(1);
    expect(await problems('electron/shared/x.ts', uses('zod'))).toEqual([]);
    expect(await problems('electron/core/x.ts', uses('node:path'))).toEqual([]);
    expect(await problems('electron/core/x.ts', uses('better-sqlite3'))).toEqual([]);
    expect(await problems('electron/preload/x.ts', uses('node:fs'))).toHaveLength(1);
  });

  it('gives a folder no one has named yet the strictest rules', async () => {
    const found = await problems('electron/newlayer/x.ts', uses('node:fs'));
    expect(found).toEqual([expect.stringContaining('electron/newlayer is not a layer yet')]);
    expect(await problems('electron/newlayer/x.ts', uses('../core/index'))).toHaveLength(1);
  });

  it('lets only core/index.ts join the domains’ handlers', async () => {
    expect(await problems('electron/core/kits/model.ts', uses('../releases/handlers'))).toEqual([expect.stringContaining("that domain's queries.ts")]);
    expect(await problems('electron/core/kits/model.ts', uses('../releases/queries'))).toEqual([]);
    expect(await problems('electron/core/index.ts', uses('./releases/handlers'))).toEqual([]);
  });
});

const run = promisify(execFile);
const tsc = resolve('node_modules/typescript/bin/tsc');

/** Type-checks one file under a layer's tsconfig (its lib and types); returns tsc's output, or '' when it compiles. */
async function compileIn(layer: string, code: string): Promise<string> {
  // Inside the project, so the layer's "types" resolve from its node_modules.
  mkdirSync('test-artifacts', { recursive: true });
  const dir = mkdtempSync(resolve('test-artifacts', 'layer-'));
  try {
    writeFileSync(join(dir, 'x.ts'), code);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: resolve(layer, 'tsconfig.json'), include: ['x.ts'] }));
    await run(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json'), '--noEmit']);
    return '';
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? e);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('one tsconfig per layer', () => {
  it('refuses Node globals in shared and the renderer, and DOM globals in the core', async () => {
    expect(await compileIn('electron/shared', "export const x = Buffer.from('a');\n")).toMatch(/Cannot find name 'Buffer'/);
    expect(await compileIn('renderer', "export const x = Buffer.from('a');\n")).toMatch(/Cannot find name 'Buffer'/);
    expect(await compileIn('electron/core', 'export const x = window.location.href;\n')).toMatch(/Cannot find name 'window'/);
    expect(await compileIn('electron/core', "export const x = Buffer.from('a').length;\n")).toBe('');
    expect(await compileIn('renderer', 'export const x = window.location.href;\n')).toBe('');
  }, 180_000);
});
