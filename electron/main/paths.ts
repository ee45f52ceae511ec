import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The Electron build of better-sqlite3 that bin/start.js prepared for a development run. A
 * packaged app has its own rebuilt copy and ignores the variable: an environment variable must
 * not be able to make the installed app load a native library from elsewhere.
 */
export function nativeBindingFor(env: NodeJS.ProcessEnv, packaged: boolean): string | undefined {
  if (packaged) return undefined;
  const binding = env.DATELINE_NATIVE_BINDING?.trim();
  return binding ? path.resolve(binding) : undefined;
}

/** The built files, found relative to out/main (inside app.asar when packaged). */
export function builtPaths(mainModuleUrl: string) {
  const mainDir = path.dirname(fileURLToPath(mainModuleUrl));
  return {
    renderer: path.join(mainDir, '..', 'renderer'),
    preload: path.join(mainDir, '..', 'preload', 'index.cjs'),
    coreHost: path.join(mainDir, 'core-host.js'),
  };
}
