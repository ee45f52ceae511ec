import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { builtinModules } from 'node:module';
import { build } from 'vite';
import pkg from '../../package.json' with { type: 'json' };

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Builds test/reliability/child.ts, the program the crash and concurrency tests start as real
 * processes, into a folder of its own under out/ (so node_modules resolves and suites running
 * in parallel do not overwrite each other's build). Returns the script and a remover.
 */
export async function buildChild(): Promise<{ script: string; remove: () => void }> {
  const outDir = join(ROOT, 'out', `.test-child-${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(outDir, { recursive: true });
  const external = [...builtinModules, ...builtinModules.map((m) => `node:${m}`), ...Object.keys(pkg.dependencies)];
  await build({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: {
        input: { child: join(ROOT, 'test', 'reliability', 'child.ts') },
        external: (id) => external.some((e) => id === e || id.startsWith(`${e}/`)),
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  });
  const script = join(outDir, 'child.js');
  if (!existsSync(script)) throw new Error(`the test child was not built at ${script}`);
  return { script, remove: () => rmSync(outDir, { recursive: true, force: true }) };
}
