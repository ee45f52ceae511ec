// The Electron shell: lifecycle, one window, the app:// protocol, the IPC bridge and the menu.
// The core itself runs in a utility process (core-host.ts).
import path from 'node:path';
import { app, type BrowserWindow } from 'electron';
import { CoreClient } from './core-client';
import { forkCoreHost } from './core-process';
import { registerIpc } from './ipc';
import { registerSyncFileDialog } from './sync-file-dialog';
import { registerBackupDialog } from './backup-dialog';
import { registerRestoreDialog } from './restore-dialog';
import { registerContactFileDialog } from './contact-file-dialog';
import { preferredUiLanguage, type UiLanguageCode } from '../shared/ui/languages';
import { installMenu } from './menu';
import { askBeforeDiscarding } from './unsaved';
import { libraryDir } from '../core/paths';
import { builtPaths, nativeBindingFor } from './paths';
import { printKitPdf } from './print';
import { KeychainSecrets } from './secrets';
import { installAppProtocol, registerAppScheme } from './protocol';
import { appWindows, createWindow, guardWebContents } from './window';

// The same data folder in development (package name "dateline") and packaged ("Dateline").
app.setName('Dateline');
app.setPath('userData', path.join(app.getPath('appData'), 'Dateline'));

// A second copy would open the same library from two processes and show two windows.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  registerAppScheme();
  const paths = builtPaths(import.meta.url);
  const developer = !app.isPackaged;

  const env: NodeJS.ProcessEnv = { ...process.env, DATELINE_LIBRARY: libraryDir(process.env, app.getPath('userData')) };
  const nativeBinding = nativeBindingFor(process.env, app.isPackaged);
  if (nativeBinding) env.DATELINE_NATIVE_BINDING = nativeBinding;
  else delete env.DATELINE_NATIVE_BINDING;
  // Like the native binding: no variable, and no file in the working folder, may choose the
  // code an installed app runs on the files it imports.
  if (app.isPackaged) {
    env.DATELINE_PACKAGED = '1';
    delete env.DATELINE_IMPORT_WORKER;
  } else delete env.DATELINE_PACKAGED;
  const core = new CoreClient(forkCoreHost(paths.coreHost, env));
  // The core prints kit PDFs through the app's own Chromium (print.ts), not a system one.
  core.handlePrints((request, signal) => printKitPdf(request, signal));
  // The sync password, kept only where the OS has a keychain (secrets.ts).
  const keychain = new KeychainSecrets(app.getPath('userData'));
  core.handleSecrets((request) => keychain.handle(request));

  // The interface's language: the OS's (once ready) until the window says which one the
  // person chose in Settings.
  let language: UiLanguageCode = 'en';
  const openWindow = (): BrowserWindow => {
    const win = createWindow({ preload: paths.preload, devTools: developer });
    // Closing or reloading with unsaved changes asks first (unsaved.ts).
    askBeforeDiscarding(win, () => language);
    return win;
  };

  // Every web contents, whoever creates it, gets the same navigation and window rules.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

  app.on('second-instance', () => {
    const [win] = appWindows();
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (appWindows().length === 0) openWindow();
  });

  // Let the core close the library (WAL checkpoint, running jobs told to stop) before exiting.
  let coreClosed = false;
  app.on('will-quit', (event) => {
    if (coreClosed) return;
    event.preventDefault();
    void core.close().finally(() => {
      coreClosed = true;
      app.quit();
    });
  });

  void app.whenReady().then(() => {
    installAppProtocol(paths.renderer);
    language = preferredUiLanguage(app.getPreferredSystemLanguages());
    installMenu(process.platform, developer, language);
    core.start();
    registerIpc(core, appWindows);
    // The sync file, saved and opened through the system's dialogs and streamed by the core.
    registerSyncFileDialog(core, appWindows, { folder: () => app.getPath('documents') });
    // "Back up now…": the save dialog picks the file, the core's library.backup job writes it.
    registerBackupDialog(core, appWindows, { folder: () => app.getPath('documents') });
    // "Restore from a backup…": the open dialog picks the file, the core checks it before the window asks to confirm.
    registerRestoreDialog(core, appWindows, { folder: () => app.getPath('documents') });
    // Importing contacts: the open dialog (or a drop) picks the file, the core's contact.importFile job streams it.
    registerContactFileDialog(core, appWindows, { folder: () => app.getPath('documents') });
    core.onEvent((e) => {
      if (e.type !== 'ui.language') return;
      language = e.language;
      installMenu(process.platform, developer, language);
    });
    openWindow();
  });
}
