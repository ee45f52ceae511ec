import path from 'node:path';
import { app, utilityProcess } from 'electron';
import type { ConnectCore } from './core-client';

/**
 * Runs the core host in an Electron utility process: a Node process of its own, so imports,
 * exports, sync and big queries never block the window's event loop, and a crash in native
 * code (SQLite, image decoding) takes down the core, not the app.
 */
export function forkCoreHost(modulePath: string, env: NodeJS.ProcessEnv): ConnectCore {
  const hostEnv = withResources(env, app.isPackaged, process.resourcesPath);
  return ({ message, exit }) => {
    const child = utilityProcess.fork(modulePath, [], { serviceName: 'Dateline core', env: hostEnv, stdio: 'inherit' });
    child.on('message', message);
    child.once('exit', exit);
    return {
      post: (m) => child.postMessage(m),
      kill: () => {
        child.kill();
      },
    };
  };
}

/**
 * Where the core finds the kit templates and fonts. A packaged app ships them as extra
 * resources next to app.asar (electron-builder.yml), which the core's own search upwards from
 * its module cannot reach, so it is told; that also overrides any DATELINE_RESOURCES inherited
 * from the user's environment, which must not swap the installed app's templates. A
 * development run leaves the variable as it is (the search finds the source tree's resources/).
 */
export function withResources(env: NodeJS.ProcessEnv, packaged: boolean, resourcesPath: string | undefined): NodeJS.ProcessEnv {
  // resourcesPath is undefined outside Electron (the tests), where nothing is packaged anyway.
  if (!packaged || typeof resourcesPath !== 'string') return env;
  return { ...env, DATELINE_RESOURCES: path.join(resourcesPath, 'resources') };
}
