import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, FakeEvent, FakeWebContents, app, dialog, type FakeApp, type FakeUtilityProcess, Menu, ipcMain, protocol, utilityProcess } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const outMain = path.resolve(import.meta.dirname, '..', '..', 'electron', 'main');

let launches = 0;

/** Runs the shell's entry module afresh (a new module instance each time) on a freshly started app. */
async function launch(setUp: (a: FakeApp) => void = () => undefined): Promise<FakeApp> {
  app.reset();
  setUp(app);
  const entry = `../../electron/main/index.ts?launch=${++launches}`;
  await import(/* @vite-ignore */ entry);
  return app;
}

beforeEach(() => {
  for (const win of FakeBrowserWindow.created) if (!win.isDestroyed()) win.close();
  FakeBrowserWindow.created = [];
  ipcMain.handlers.clear();
  protocol.handle.mockClear();
  protocol.registerSchemesAsPrivileged.mockClear();
  utilityProcess.fork.mockClear();
  Menu.setApplicationMenu.mockClear();
  vi.unstubAllEnvs();
});

describe('the Electron shell', () => {
  it('quits at once, opening nothing, when another Dateline already runs', async () => {
    const app = await launch((a) => (a.lock = false));
    expect(app.quit).toHaveBeenCalledOnce();
    await app.becomeReady();
    expect(FakeBrowserWindow.created).toHaveLength(0);
    expect(utilityProcess.fork).not.toHaveBeenCalled();
    expect(protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
  });

  it('when ready: serves app://, starts the core host on the library, listens on IPC, opens one secure window', async () => {
    vi.stubEnv('DATELINE_LIBRARY', '');
    vi.stubEnv('DATELINE_NATIVE_BINDING', '/cache/better_sqlite3.node');
    const app = await launch();
    expect(app.paths.userData).toBe(path.join('/home/officer/.config', 'Dateline'));
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce();
    expect(FakeBrowserWindow.created).toHaveLength(0);

    await app.becomeReady();
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(Menu.setApplicationMenu).toHaveBeenCalledOnce();
    expect(ipcMain.handlers.has('dateline:invoke')).toBe(true);

    expect(utilityProcess.fork).toHaveBeenCalledOnce();
    const host = utilityProcess.fork.mock.results[0]!.value as FakeUtilityProcess;
    expect(host.modulePath).toBe(path.join(outMain, 'core-host.js'));
    expect(host.options.env?.DATELINE_LIBRARY).toBe(path.join('/home/officer/.config', 'Dateline', 'library'));
    expect(host.options.env?.DATELINE_NATIVE_BINDING).toBe(path.resolve('/cache/better_sqlite3.node'));

    expect(FakeBrowserWindow.created).toHaveLength(1);
    const win = FakeBrowserWindow.created[0]!;
    expect(win.loaded).toBe('app://dateline/index.html');
    expect(win.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      preload: path.join(path.dirname(outMain), 'preload', 'index.cjs'),
    });
  });

  it('words the menu in the OS language, then in the language the window announces', async () => {
    const app = await launch((a) => (a.systemLanguages = ['fr-CA', 'en-US']));
    await app.becomeReady();
    const labels = () => {
      const menu = Menu.setApplicationMenu.mock.lastCall?.[0] as { template: { label?: string }[] };
      return menu.template.map((m) => m.label);
    };
    expect(labels()).toContain('&Édition');
    const host = utilityProcess.fork.mock.results[0]!.value as FakeUtilityProcess;
    host.emit('message', { type: 'event', event: { type: 'ui.language', language: 'ar' } });
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(2);
    expect(labels()).toContain('&تحرير');
  });

  it('asks before the window closes on unsaved changes, in the language the window announced last', async () => {
    const app = await launch((a) => (a.systemLanguages = ['es-ES']));
    await app.becomeReady();
    const win = FakeBrowserWindow.created[0]!;
    dialog.showMessageBoxSync.mockClear();
    win.webContents.emit('will-prevent-unload', new FakeEvent());
    expect(dialog.showMessageBoxSync.mock.lastCall?.[1]).toMatchObject({ message: '¿Descartar los cambios?' });
    const host = utilityProcess.fork.mock.results[0]!.value as FakeUtilityProcess;
    host.emit('message', { type: 'event', event: { type: 'ui.language', language: 'fr' } });
    win.webContents.emit('will-prevent-unload', new FakeEvent());
    expect(dialog.showMessageBoxSync.mock.lastCall?.[1]).toMatchObject({ message: 'Abandonner les modifications ?' });
  });

  it('honours DATELINE_LIBRARY, and a packaged app ignores DATELINE_NATIVE_BINDING', async () => {
    vi.stubEnv('DATELINE_LIBRARY', '/srv/press/library');
    vi.stubEnv('DATELINE_NATIVE_BINDING', '/tmp/evil.node');
    const app = await launch((a) => (a.isPackaged = true));
    await app.becomeReady();
    const host = utilityProcess.fork.mock.results[0]!.value as FakeUtilityProcess;
    expect(host.options.env?.DATELINE_LIBRARY).toBe(path.resolve('/srv/press/library'));
    expect(host.options.env).not.toHaveProperty('DATELINE_NATIVE_BINDING');
    expect(FakeBrowserWindow.created[0]!.options.webPreferences?.devTools).toBe(false);
  });

  it('a second launch focuses the open window; quitting first closes the library in the core host', async () => {
    const app = await launch();
    await app.becomeReady();
    const win = FakeBrowserWindow.created[0]!;
    const focus = vi.fn();
    Object.assign(win, { isMinimized: () => false, restore: vi.fn(), focus });
    app.emit('second-instance', {}, [], '/');
    expect(focus).toHaveBeenCalledOnce();

    const host = utilityProcess.fork.mock.results[0]!.value as FakeUtilityProcess;
    const quitting = { preventDefault: vi.fn() };
    app.emit('will-quit', quitting);
    expect(quitting.preventDefault).toHaveBeenCalledOnce();
    expect(host.postMessage).toHaveBeenCalledWith({ type: 'close' });
    expect(app.quit).not.toHaveBeenCalled();
    for (const l of host.listeners.get('message') ?? []) l({ type: 'closed' });
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce());
    const again = { preventDefault: vi.fn() };
    app.emit('will-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });

  it('guards every web contents the app creates, not only factory windows', async () => {
    const app = await launch();
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(contents.count('will-navigate')).toBe(1);
  });
});
