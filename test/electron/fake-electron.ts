// A stand-in for the 'electron' module, which cannot run here (no binary, no display). It only
// records what the shell asks of Electron, so tests can look at the options and call the
// handlers the shell installed. Test files load it with:
//   vi.mock('electron', async () => (await import('./fake-electron')).electronModule);
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) l(...args);
  }
  count(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** An Electron-style event: records whether a handler cancelled it. */
export class FakeEvent {
  prevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.prevented = true;
  }
}

export type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
export type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;
export type BeforeRequestHandler = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;

export class FakeSession {
  permissionRequest: PermissionRequestHandler | null = null;
  permissionCheck: PermissionCheckHandler | null = null;
  devicePermission: ((details: unknown) => boolean) | null = null;
  beforeRequest: { filter: { urls: string[] }; handler: BeforeRequestHandler } | null = null;
  setPermissionRequestHandler(h: PermissionRequestHandler): void {
    this.permissionRequest = h;
  }
  setPermissionCheckHandler(h: PermissionCheckHandler): void {
    this.permissionCheck = h;
  }
  setDevicePermissionHandler(h: (details: unknown) => boolean): void {
    this.devicePermission = h;
  }
  readonly webRequest = {
    onBeforeRequest: (filter: { urls: string[] }, handler: BeforeRequestHandler) => {
      this.beforeRequest = { filter, handler };
    },
  };
}

export interface FakeFrame {
  url: string;
  processId: number;
  routingId: number;
  parent: FakeFrame | null;
}

let nextId = 1;

export class FakeWebContents extends Emitter {
  readonly id = nextId++;
  readonly session = new FakeSession();
  readonly mainFrame: FakeFrame = { url: '', processId: 100 + this.id, routingId: 1, parent: null };
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  destroyed = false;
  readonly send = vi.fn();
  setWindowOpenHandler(h: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = h;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class FakeBrowserWindow extends Emitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  destroyed = false;
  shown = false;
  loaded: string | null = null;
  constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loaded = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  show(): void {
    this.shown = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** What Electron does when the window closes. */
  close(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

export const shell = { openExternal: vi.fn((_url: string) => Promise.resolve()) };

export const ipcMain = {
  handlers: new Map<string, (...args: unknown[]) => unknown>(),
  handle(channel: string, handler: (...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
};

/**
 * The system's file dialogs: each call is recorded with its window and options, and answers what
 * the test queued (a path chosen, or cancelled); with nothing queued, cancelled.
 */
export const dialog = {
  answers: [] as ({ canceled: true } | { canceled: false; path: string })[],
  showSaveDialog: vi.fn((_win: unknown, _options: Record<string, unknown>) => {
    const a = dialog.answers.shift() ?? { canceled: true };
    return Promise.resolve(a.canceled ? { canceled: true, filePath: '' } : { canceled: false, filePath: a.path });
  }),
  showOpenDialog: vi.fn((_win: unknown, _options: Record<string, unknown>) => {
    const a = dialog.answers.shift() ?? { canceled: true };
    return Promise.resolve(a.canceled ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [a.path] });
  }),
  /** The index of the button the person presses in a message box; with nothing queued, its cancel button. */
  buttonAnswers: [] as number[],
  showMessageBoxSync: vi.fn((_win: unknown, options: { cancelId?: number }) => dialog.buttonAnswers.shift() ?? options.cancelId ?? 0),
};

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn(),
};

export const ipcRenderer = {
  invoke: vi.fn((..._args: unknown[]) => Promise.resolve<unknown>({ ok: true, value: null })),
  on: vi.fn(),
  removeListener: vi.fn(),
};

export const contextBridge = { exposeInMainWorld: vi.fn() };

/** The preload's webUtils: a file's path on disk is the `path` a test gave it, or none (a file dragged out of a browser). */
export const webUtils = {
  getPathForFile: vi.fn((file: unknown) => {
    if (typeof file !== 'object' || file === null) throw new TypeError('Error processing argument at index 0, conversion failure');
    return (file as { path?: string }).path ?? '';
  }),
};

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown) => ({ template })),
  setApplicationMenu: vi.fn(),
};

export class FakeApp extends Emitter {
  lock = true;
  isPackaged = false;
  paths: Record<string, string> = {};
  /** What the OS says the person reads, best first. */
  systemLanguages: string[] = ['en-GB'];
  readonly quit = vi.fn();
  readonly setName = vi.fn();
  private markReady: () => void = () => undefined;
  private ready = Promise.resolve();

  constructor() {
    super();
    this.reset();
  }

  /** A freshly started app that is not ready yet. */
  reset(): void {
    this.listeners.clear();
    this.lock = true;
    this.isPackaged = false;
    this.paths = { appData: '/home/officer/.config', userData: '/home/officer/.config/dateline', documents: '/home/officer/Documents' };
    this.systemLanguages = ['en-GB'];
    this.quit.mockClear();
    this.setName.mockClear();
    this.ready = new Promise<void>((resolve) => {
      this.markReady = resolve;
    });
  }

  requestSingleInstanceLock(): boolean {
    return this.lock;
  }
  setPath(name: string, value: string): void {
    this.paths[name] = value;
  }
  getPath(name: string): string {
    const p = this.paths[name];
    if (p === undefined) throw new Error(`no path ${name}`);
    return p;
  }
  getPreferredSystemLanguages(): string[] {
    return this.systemLanguages;
  }
  whenReady(): Promise<void> {
    return this.ready;
  }
  /** What Electron does once it has started. */
  becomeReady(): Promise<void> {
    this.markReady();
    return this.ready.then(() => undefined);
  }
}

export class FakeUtilityProcess extends Emitter {
  readonly postMessage = vi.fn();
  readonly kill = vi.fn(() => true);
  constructor(
    readonly modulePath: string,
    readonly options: { env?: Record<string, string | undefined>; serviceName?: string },
  ) {
    super();
  }
}

export const utilityProcess = {
  fork: vi.fn((modulePath: string, _args: string[], options: FakeUtilityProcess['options']) => new FakeUtilityProcess(modulePath, options)),
};

export const app = new FakeApp();

/**
 * Electron's safeStorage with a keychain that tests switch on and off. Its "encryption" is a
 * reversible scramble with a marker, enough to see that what is written is not the plain text
 * and that only this fake opens it again.
 */
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret' as string,
  isEncryptionAvailable(): boolean {
    return this.available;
  },
  getSelectedStorageBackend(): string {
    return this.backend;
  },
  encryptString(plain: string): Buffer {
    if (!this.available) throw new Error('Encryption is not available.');
    return Buffer.concat([Buffer.from('SEALED:'), Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)]);
  },
  decryptString(sealed: Buffer): string {
    if (!this.available) throw new Error('Decryption is not available.');
    const head = Buffer.from('SEALED:');
    if (!sealed.subarray(0, head.length).equals(head)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(sealed.subarray(head.length).map((b) => b ^ 0x5a)).toString('utf8');
  },
};

export const electronModule = {
  app,
  utilityProcess,
  BrowserWindow: FakeBrowserWindow,
  shell,
  ipcMain,
  protocol,
  ipcRenderer,
  contextBridge,
  webUtils,
  Menu,
  safeStorage,
  dialog,
};
