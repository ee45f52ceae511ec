import { defineConfig } from 'electron-vite';

// Builds the Electron main process (shell + core host) and the preload. The renderer is built
// on its own (renderer/vite.config.ts) into out/renderer, which the app:// protocol serves.
//
// Main is ES modules (package.json has "type": "module"); the preload must be CommonJS because
// a sandboxed preload cannot load ES modules. Native and heavy dependencies stay external so
// they load from node_modules (rebuilt for Electron when packaging).
const nativeDeps = ['better-sqlite3', 'sharp'];

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      emptyOutDir: true,
      sourcemap: true,
      externalizeDeps: { include: nativeDeps },
      rolldownOptions: {
        input: {
          index: 'electron/main/index.ts',
          'core-host': 'electron/main/core-host.ts',
          // The release importer parses each source in a worker thread (a memory cap and a
          // deadline per file); the core finds this file next to core-host.js at run time.
          'import-worker': 'electron/core/import/worker.ts',
        },
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      emptyOutDir: true,
      sourcemap: true,
      rolldownOptions: {
        input: { index: 'electron/preload/index.ts' },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
});
