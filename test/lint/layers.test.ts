import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The lint rules that keep the layers apart, checked on sample sources. */
async function problems(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', () => {
  it('keeps the renderer on the contract only', async () => {
    expect(await problems('renderer/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await problems('renderer/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n")).toHaveLength(1);
    expect(await problems('renderer/x.ts', "import { openCore } from '../electron/core/index';\nexport const a = openCore;\n")).toHaveLength(1);
    expect(await problems('renderer/x.ts', "import { API } from '../electron/shared/contract';\nexport const a = API;\n")).toEqual([]);
  });

  it('keeps electron out of the core and the shared contract, and Node out of shared', async () => {
    expect(await problems('electron/core/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await problems('electron/shared/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await problems('electron/shared/x.ts', "import { join } from 'node:path';\nexport const a = join;\n")).toHaveLength(1);
    expect(await problems('electron/shared/x.ts', "import { z } from 'zod';\nexport const a = z;\n")).toEqual([]);
    expect(await problems('electron/core/x.ts', "import { join } from 'node:path';\nexport const a = join;\n")).toEqual([]);
  });
});
