import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Where the library lives when no --library flag says: DATELINE_LIBRARY when set (tests, a
 * second library), else `library` in the per-user application data folder. The desktop app
 * passes Electron's own data folder; the CLI and web mode work out the same one.
 */
export function libraryDir(env: NodeJS.ProcessEnv = process.env, userData: string = userDataDir(env)): string {
  const chosen = env.DATELINE_LIBRARY?.trim();
  return chosen ? resolve(chosen) : join(userData, 'library');
}

export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Dateline');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Dateline');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Dateline');
}
