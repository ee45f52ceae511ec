import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openCore, type Core, type CoreOptions } from '../../electron/core/index';
import { startWebServer, type WebServer, type WebServerOptions } from '../../electron/core/http/server';
import { tempDir } from '../helpers';

/** A real library behind a real web-mode server, as the HTTP tests open them. */
export interface Serving {
  core: Core;
  server: WebServer;
}

const open: Serving[] = [];

// Every server and library a test opened is closed after it, whatever the test's outcome.
afterEach(async () => {
  while (open.length) {
    const r = open.pop()!;
    await r.server.close();
    r.core.close();
  }
});

/** Opens the library in `libDir` and serves it with `staticDir` as the app's folder; closed after the test. */
export async function serve(libDir: string, staticDir: string, core: CoreOptions = {}, server: Partial<WebServerOptions> = {}): Promise<Serving> {
  const c = await openCore(libDir, { author: 'amina', ...core });
  const s = await startWebServer({ core: c, staticDir, ...server });
  const r = { core: c, server: s };
  open.push(r);
  return r;
}

/** A fresh library in a new folder, served with a one-page app folder beside it; closed after the test. */
export function serveFresh(core: CoreOptions = {}, server: Partial<WebServerOptions> = {}): Promise<Serving> {
  const root = tempDir();
  const staticDir = join(root, 'static');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Dateline</title>');
  return serve(join(root, 'library'), staticDir, core, server);
}
