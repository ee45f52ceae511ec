#!/usr/bin/env node
// Entry point for the `dateline` command; the CLI itself is built into out/cli by `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../out/cli/dateline.js', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write('error NOT_BUILT: the Dateline CLI is not built yet; run `npm run build` first\n');
  process.exit(1);
}
const { main } = await import(pathToFileURL(built).href);
process.exitCode = await main(process.argv.slice(2));
