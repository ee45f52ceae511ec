import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

// Builds the Node side (CLI, web-mode server, benchmark) into out/cli as ES modules.
// Runtime dependencies stay external so native addons load from node_modules.
const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies),
];

export default defineConfig({
  build: {
    ssr: true,
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: false,
    rollupOptions: {
      input: {
        dateline: 'electron/cli/main.ts',
        bench: 'test/bench/bench.ts',
        'import-worker': 'electron/core/import/worker.ts',
        'import-score': 'test/import/score.ts',
        'import-train': 'test/import/tools/train-headline.ts',
      },
      external: (id) => external.some((e) => id === e || id.startsWith(`${e}/`)),
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
