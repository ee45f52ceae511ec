import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is served from app:// in the desktop shell and from the local web server in
// web mode, so every asset path is relative ('./') and nothing is fetched from elsewhere.
const root = import.meta.dirname;

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // A strict CSP forbids inline scripts and data: scripts; keep every module a file.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // Served from this computer (app:// or 127.0.0.1), never over the field office's link.
    chunkSizeWarningLimit: 1500,
  },
});
