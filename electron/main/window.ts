import { BrowserWindow, type Session, type WebContents, type WebPreferences } from 'electron';
import { KIT_PAGE_URL } from '../shared/kits/layout';
import { APP_ENTRY_URL, isAppUrl, isSafeExternalUrl, openExternal } from './urls';

export interface WindowOptions {
  /** The preload bridge; the hidden print window has none. */
  preload?: string;
  /** Where to load; defaults to the app's entry page. Must be an app:// URL. */
  url?: string;
  /** Off for the print window, which only lays out HTML. */
  javascript?: boolean;
  show?: boolean;
  width?: number;
  height?: number;
  title?: string;
  /** Developer tools; the shell turns them off in packaged builds. */
  devTools?: boolean;
}

/** The session print.ts made for one print, and the requests its protocol handler answers. */
export interface PrintSession {
  session: Session;
  serves(url: string): boolean;
}

const windows = new Set<BrowserWindow>();
const securedSessions = new WeakSet<Session>();
const guardedContents = new WeakSet<WebContents>();
/** Per print session, while its window is open: the requests the network guard lets through. */
const printAllowances = new WeakMap<Session, (url: string) => boolean>();

/** The windows this factory made and that are still open: the only ones IPC listens to. */
export function appWindows(): BrowserWindow[] {
  return [...windows].filter((w) => !w.isDestroyed());
}

/**
 * The settings no Dateline window may run without. They are spread last in createWindow, so
 * no option can weaken them.
 */
export function secureWebPreferences(opts: Pick<WindowOptions, 'preload' | 'javascript' | 'devTools'> = {}): WebPreferences {
  const prefs: WebPreferences = {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // The spell checker downloads dictionaries from a Google server on Windows and Linux,
    // which this app must never contact.
    spellcheck: false,
    javascript: opts.javascript ?? true,
    devTools: opts.devTools ?? false,
  };
  if (opts.preload !== undefined) prefs.preload = opts.preload;
  return prefs;
}

/** The one way Dateline opens a window. */
export function createWindow(opts: WindowOptions = {}): BrowserWindow {
  const { window, loaded } = openWindow(opts, null);
  void loaded;
  return window;
}

/**
 * The hidden window that prints a kit (print.ts): the one window whose page is not an app://
 * page. The kit's HTML is built from imported text, so it must not share the app's origin; it
 * is served as KIT_PAGE_URL, on a name that never resolves, from the session made for this one
 * print (its http handler answers the page and the kit's files, nothing else). Everything else
 * is fixed here rather than left to the caller: JavaScript off, no preload, never shown, not
 * one of appWindows() (IPC, focus and "reopen a window" ignore it). `loaded` settles when the
 * page has loaded or failed to.
 */
export function createPrintWindow(print: PrintSession): { window: BrowserWindow; loaded: Promise<void> } {
  // About an A4 page at 96 dpi; printToPDF lays out for the paper, so this only sets the first layout.
  return openWindow({ url: KIT_PAGE_URL, javascript: false, show: false, width: 794, height: 1123, title: 'Dateline print' }, print);
}

function openWindow(opts: WindowOptions, print: PrintSession | null): { window: BrowserWindow; loaded: Promise<void> } {
  const url = opts.url ?? APP_ENTRY_URL;
  const allowed = print ? url === KIT_PAGE_URL && opts.javascript === false && opts.preload === undefined : isAppUrl(url);
  if (!allowed) throw new Error(`Dateline windows only load the app's own pages, not ${url}`);
  const win = new BrowserWindow({
    width: opts.width ?? 1280,
    height: opts.height ?? 820,
    // The layout works down to 600 px: under 720 the sections fold into a menu button.
    minWidth: 600,
    minHeight: 480,
    show: false,
    title: opts.title ?? 'Dateline',
    // The session first, so the secure settings still come last.
    webPreferences: { ...(print ? { session: print.session } : {}), ...secureWebPreferences(opts) },
  });
  if (print) {
    const { session, serves } = print;
    printAllowances.set(session, serves);
    // Only if no later print on the same partition has set its own since.
    win.on('closed', () => {
      if (printAllowances.get(session) === serves) printAllowances.delete(session);
    });
  } else {
    windows.add(win);
    win.on('closed', () => windows.delete(win));
  }
  guardWebContents(win.webContents);
  secureSession(win.webContents.session);
  // Showing only once painted avoids a white flash; the print window never shows.
  if (opts.show ?? true) win.once('ready-to-show', () => win.show());
  return { window: win, loaded: win.loadURL(url) };
}

/**
 * Keeps a page where it belongs: no <webview>, no navigation or redirect away from
 * app://dateline (in any frame), no new windows. Links a person may follow (https, mailto) go to
 * the system browser or mail program instead. Also applied to every web contents the app
 * creates, as a second line behind the factory.
 */
export function guardWebContents(contents: WebContents): void {
  if (guardedContents.has(contents)) return;
  guardedContents.add(contents);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void openExternal(url);
    return { action: 'deny' };
  });
}

/**
 * Per session, once: every permission (camera, notifications, geolocation, clipboard read, …)
 * is refused, and no request may go to the network — the pages are local and imported content
 * must never call out (a tracking pixel would tell a third party who opened a release). A print
 * session's own kit URLs are the one exception, and only while its print window is open: its
 * protocol handler answers them from memory and disk, and whether webRequest also sees requests
 * to an intercepted scheme has varied between Electron versions (electron/electron#45865), so
 * they must not be cancelled here.
 */
export function secureSession(ses: Session): void {
  if (securedSessions.has(ses)) return;
  securedSessions.add(ses);
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] },
    (details, callback) => callback({ cancel: !(printAllowances.get(ses)?.(details.url) ?? false) }),
  );
}
