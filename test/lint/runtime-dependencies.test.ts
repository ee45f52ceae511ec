import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * What the app, the CLI and web mode import at run time must be a dependency, not a
 * devDependency: an install for production (`npm ci --omit=dev`, a packaged app) leaves
 * devDependencies out, and PDF printing from the CLI would fail on the first export.
 */
const ROOT = process.cwd();
/** Provided by the Electron runtime itself, not by node_modules. */
const PROVIDED = new Set(['electron']);

function sources(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (/\.tsx?$/u.test(n) && !n.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

describe('run-time packages', () => {
  it('every package the electron/ sources import is in dependencies', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const imported = new Set<string>();
    for (const file of sources(join(ROOT, 'electron'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:^|\s)(?:from|import\()\s*'([^'.][^']*)'/gmu)) {
        const name = packageOf(m[1]!);
        if (!m[1]!.startsWith('node:') && !builtinModules.includes(name)) imported.add(name);
      }
    }
    expect(imported).toContain('playwright-core');
    const missing = [...imported].filter((n) => !PROVIDED.has(n) && !(n in pkg.dependencies)).sort();
    expect(missing).toEqual([]);
  });

  it('the lock file agrees: playwright-core is installed for production too', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dependencies?: Record<string, string>; devDependencies?: Record<string, string>; dev?: boolean }> };
    expect(lock.packages['']!.dependencies).toHaveProperty('playwright-core');
    expect(lock.packages['']!.devDependencies).not.toHaveProperty('playwright-core');
    expect(lock.packages['node_modules/playwright-core']!.dev).toBeUndefined();
  });
});
