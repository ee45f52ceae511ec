import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the library lives when nobody says: the flag, then DATELINE_LIBRARY, then the OS's
 * per-user application data folder (the same folder the desktop app uses).
 */
export function defaultLibraryDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.DATELINE_LIBRARY) return env.DATELINE_LIBRARY;
  return join(userDataDir(env, platform), 'library');
}

export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Dateline');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Dateline');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Dateline');
}
