import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, FakeEvent, protocol, shell } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { createWindow, appWindows, secureWebPreferences } = await import('../../electron/main/window');
const { CONTENT_SECURITY_POLICY, createAppProtocolHandler, registerAppScheme, safeRelativePath } = await import('../../electron/main/protocol');

beforeEach(() => {
  FakeBrowserWindow.created = [];
  shell.openExternal.mockClear();
});

function open(opts: Parameters<typeof createWindow>[0] = {}): FakeBrowserWindow {
  createWindow(opts);
  const win = FakeBrowserWindow.created.at(-1);
  if (!win) throw new Error('no window was made');
  return win;
}

/**
 * Every window's settings, written out here rather than read from window.ts: DESIGN.md's list
 * (sandbox, context isolation, no Node, web security, no webview, ...) and no spell checker,
 * which would download dictionaries. A setting weakened or dropped in the code fails the tests.
 */
const SECURE = {
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
  spellcheck: false,
  javascript: true,
  devTools: false,
};

describe('the window factory', () => {
  it('turns on every isolation setting and loads the app page over app://', () => {
    const win = open({ preload: '/app/out/preload/index.cjs' });
    expect(win.options.webPreferences).toEqual({ ...SECURE, preload: '/app/out/preload/index.cjs' });
    expect(win.loaded).toBe('app://dateline/index.html');
    expect(win.options.show).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it('makes a print window with JavaScript off, no preload, never shown — and the same isolation', () => {
    const win = open({ javascript: false, show: false, url: 'app://dateline/print.html' });
    const prefs = win.options.webPreferences ?? {};
    expect(prefs).not.toHaveProperty('preload');
    expect(prefs).toEqual({ ...SECURE, javascript: false });
    win.emit('ready-to-show');
    expect(win.shown).toBe(false);
    expect(win.loaded).toBe('app://dateline/print.html');
  });

  it('keeps the secure settings whatever the options say', () => {
    expect(secureWebPreferences({ devTools: true })).toEqual({ ...SECURE, devTools: true });
  });

  it('refuses to load anything but app://dateline pages', () => {
    for (const url of ['https://example.org/', 'file:///etc/passwd', 'app://other/index.html', 'http://127.0.0.1:3000/']) {
      expect(() => createWindow({ url })).toThrow(/only load the app's own pages/);
    }
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });

  it('tracks its windows until they close', () => {
    const win = open();
    expect(appWindows()).toContain(win);
    win.close();
    expect(appWindows()).not.toContain(win);
  });
});

describe('navigation, new windows and webviews', () => {
  const outside = ['https://example.org/', 'http://localhost/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://other/', 'data:text/html,hi', 'about:blank'];

  for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
    it(`${event}: blocks every destination outside app://dateline and allows the app's own pages`, () => {
      const win = open();
      expect(win.webContents.count(event)).toBeGreaterThan(0);
      for (const url of outside) {
        const e = new FakeEvent(url);
        win.webContents.emit(event, e, url);
        expect(e.prevented, url).toBe(true);
      }
      const inside = new FakeEvent('app://dateline/index.html#/kits/42');
      win.webContents.emit(event, inside, inside.url);
      expect(inside.prevented).toBe(false);
    });
  }

  it('never attaches a <webview>', () => {
    const win = open();
    const e = new FakeEvent();
    const prefs = { nodeIntegration: true };
    win.webContents.emit('will-attach-webview', e, prefs, { src: 'https://example.org/' });
    expect(e.prevented).toBe(true);
  });

  it('denies every new window and hands only https and mailto links to the system', async () => {
    const win = open();
    const handler = win.webContents.windowOpenHandler;
    expect(handler).not.toBeNull();
    for (const url of ['https://reliefweb.int/report', 'mailto:press@example.org', 'http://example.org/', 'javascript:alert(1)', 'file:///etc/passwd', 'app://dateline/index.html']) {
      expect(handler!({ url }), url).toEqual({ action: 'deny' });
    }
    await Promise.resolve();
    expect(shell.openExternal.mock.calls.map((c) => c[0])).toEqual(['https://reliefweb.int/report', 'mailto:press@example.org']);
  });
});

describe('permissions and the network', () => {
  it('refuses every permission request and check', () => {
    const win = open();
    const ses = win.webContents.session;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      const callback = vi.fn();
      ses.permissionRequest!(win.webContents, permission, callback, {});
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(ses.permissionCheck!(win.webContents, permission, 'app://dateline', {}), permission).toBe(false);
    }
    expect(ses.devicePermission!({ deviceType: 'usb' })).toBe(false);
  });

  it('cancels every http, https and websocket request', () => {
    const ses = open().webContents.session;
    expect(ses.beforeRequest!.filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
    const callback = vi.fn();
    ses.beforeRequest!.handler({ url: 'https://tracker.example/pixel.gif' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });
});

describe('the app:// protocol', () => {
  let base: string;
  let root: string;
  let serve: (r: Request) => Promise<Response>;

  beforeAll(() => {
    base = mkdtempSync(path.join(tmpdir(), 'dateline-protocol-'));
    root = path.join(base, 'renderer');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Dateline</title>');
    writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log("dateline")');
    writeFileSync(path.join(base, 'secret.txt'), 'journalist phone numbers');
    writeFileSync(path.join(base, 'renderer-evil.txt'), 'sibling with a shared prefix');
    serve = createAppProtocolHandler(root);
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('is registered as a standard, secure, fetch-capable scheme', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves the built files with the strict CSP as a header', async () => {
    const page = await serve(new Request('app://dateline/'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Dateline</title>');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' blob: data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).toBe(page.headers.get('content-security-policy'));
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');

    const script = await serve(new Request('app://dateline/assets/app.js'));
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log("dateline")');
  });

  it('answers client-side routes with the app shell but missing assets with 404, CSP on both', async () => {
    const route = await serve(new Request('app://dateline/kits/42'));
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Dateline</title>');
    const missing = await serve(new Request('app://dateline/assets/missing.js'));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses every way out of the renderer folder', async () => {
    const attempts = [
      'app://dateline/..%2fsecret.txt',
      'app://dateline/..%2F..%2F..%2Fetc%2Fpasswd',
      'app://dateline/assets/..%2f..%2fsecret.txt',
      'app://dateline/..%5csecret.txt',
      'app://dateline/%2e%2e%5csecret.txt',
      'app://dateline/index.html%00.png',
      'app://dateline/C:%5cWindows%5cwin.ini',
      'app://dateline/%2fetc%2fpasswd',
      'app://dateline/%E0%A4%A',
    ];
    for (const url of attempts) {
      const res = await serve(new Request(url));
      const body = await res.text();
      expect([400, 403, 404], url).toContain(res.status);
      expect(body, url).not.toContain('journalist');
      expect(res.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
    }
    expect((await serve(new Request('app://dateline/..%2fsecret.txt'))).status).toBe(403);
    expect((await serve(new Request('app://dateline/..%5c..%5csecret.txt'))).status).toBe(403);
  });

  it('decodes safe paths and rejects climbing ones', () => {
    expect(safeRelativePath('/assets/logo%20dark.svg')).toBe('assets/logo dark.svg');
    expect(safeRelativePath('/')).toBe('');
    expect(safeRelativePath('/a/..%2fb')).toBeNull();
    expect(safeRelativePath('/a/%2e%2e/b')).toBeNull();
    expect(safeRelativePath('/a%00')).toBeNull();
    expect(safeRelativePath('/%zz')).toBeNull();
  });

  it('serves only the dateline host and only reads', async () => {
    expect((await serve(new Request('app://elsewhere/index.html'))).status).toBe(404);
    expect((await serve(new Request('app://dateline/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
