// Entry of the utility process that runs the core (see core-process.ts). It gets the library
// folder and, in development, the Electron build of better-sqlite3 from its environment.
import { openCore } from '../core/index';
import { setPdfPrinter } from '../core/kits/pdf';
import { serveCore } from './core-server';

const port = process.parentPort;
const dir = process.env.DATELINE_LIBRARY;

const { printer } = serveCore(
  {
    postMessage: (message) => port.postMessage(message),
    onMessage: (listener) => port.on('message', (event) => listener(event.data)),
  },
  (secrets) => {
    if (!dir) return Promise.reject(new Error('the core host was started without a library folder'));
    const nativeBinding = process.env.DATELINE_NATIVE_BINDING || undefined;
    return openCore(dir, {
      backgroundCheck: true,
      searchUpkeep: true,
      watchOutsideWrites: 1000,
      // Syncs by itself when set up; the password in the system keychain, through the shell.
      sync: { auto: true, secrets },
      ...(nativeBinding ? { nativeBinding } : {}),
    });
  },
  () => process.exit(0),
);
// Kits print with the app's own Chromium, in the main process, rather than a system Chromium
// the user may not have. Registered before any message is read, so no export can miss it.
setPdfPrinter(printer);
