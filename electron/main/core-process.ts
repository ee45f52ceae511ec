import { utilityProcess } from 'electron';
import type { ConnectCore } from './core-client';

/**
 * Runs the core host in an Electron utility process: a Node process of its own, so imports,
 * exports, sync and big queries never block the window's event loop, and a crash in native
 * code (SQLite, image decoding) takes down the core, not the app.
 */
export function forkCoreHost(modulePath: string, env: NodeJS.ProcessEnv): ConnectCore {
  return ({ message, exit }) => {
    const child = utilityProcess.fork(modulePath, [], { serviceName: 'Dateline core', env, stdio: 'inherit' });
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
