import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoreEvent } from '../../electron/shared/contract';
import type { ConnectCore } from '../../electron/main/core-client';
import type { HostedCore } from '../../electron/main/core-server';
import type { PrintRequest } from '../../electron/main/core-protocol';
import { FakeBrowserWindow, FakeSession, app, electronModule, utilityProcess, type FakeUtilityProcess } from './fake-electron';

// Printing needs two things the shared stand-in does not have: sessions made by partition, with
// a protocol object each, and web contents that print. They are added here, still mocking only
// the 'electron' module.

type Handler = (request: Request) => Response | Promise<Response>;

class FakePrintSession extends FakeSession {
  readonly handlers = new Map<string, Handler>();
  readonly protocol = {
    handle: vi.fn((scheme: string, handler: Handler) => {
      if (this.handlers.has(scheme)) throw new Error(`${scheme} is already handled`);
      this.handlers.set(scheme, handler);
    }),
    unhandle: vi.fn((scheme: string) => {
      this.handlers.delete(scheme);
    }),
  };
  constructor(readonly partition: string) {
    super();
  }
  /** What Chromium gets for `url` in this session: the network guard first, then the handler. */
  async request(url: string, method = 'GET'): Promise<{ cancelled: boolean; response: Response | null }> {
    let cancelled = false;
    this.beforeRequest?.handler({ url }, (r) => (cancelled = r.cancel === true));
    if (cancelled) return { cancelled, response: null };
    const handler = this.handlers.get(new URL(url).protocol.slice(0, -1));
    return { cancelled, response: handler ? await handler(new Request(url, { method })) : null };
  }
}

const partitions = new Map<string, FakePrintSession>();
const session = {
  fromPartition: vi.fn((name: string, _options?: { cache?: boolean }) => {
    let ses = partitions.get(name);
    if (!ses) partitions.set(name, (ses = new FakePrintSession(name)));
    return ses;
  }),
};

type PrintOptions = Record<string, unknown>;

class PrintableWindow extends FakeBrowserWindow {
  /** How the next windows load their page; by default, like Chromium, through the session. */
  static loading: (win: PrintableWindow) => Promise<void> = (win) => win.fetchPage();
  /** What printToPDF does. */
  static printing: (win: PrintableWindow, options: PrintOptions) => Promise<Buffer> = () => Promise.resolve(Buffer.from('%PDF-1.7 kit'));

  readonly printToPDF = vi.fn((options: PrintOptions) => PrintableWindow.printing(this, options));
  readonly session: FakePrintSession | null;

  constructor(options: ConstructorParameters<typeof FakeBrowserWindow>[0]) {
    super(options);
    const given = options.webPreferences?.session;
    this.session = given instanceof FakePrintSession ? given : null;
    // A window made with webPreferences.session uses that session, as in Electron.
    if (this.session) Object.assign(this.webContents, { session: this.session });
    Object.assign(this.webContents, { printToPDF: this.printToPDF });
  }

  override loadURL(url: string): Promise<void> {
    const loaded = super.loadURL(url);
    return this.session ? PrintableWindow.loading(this) : loaded;
  }

  async fetchPage(): Promise<void> {
    const got = await this.session!.request(this.loaded!);
    if (got.response?.status !== 200) throw new Error('ERR_FAILED (-2) loading the page');
  }
}

vi.mock('electron', () => ({ ...electronModule, BrowserWindow: PrintableWindow, session }));

const { KIT_PAGE_URL } = await import('../../electron/core/kits/pdf');
const { KIT_ORIGIN } = await import('../../electron/core/kits/html');
const { DatelineError } = await import('../../electron/shared/errors');
const { printKitPdf, parsePrintRequest, KIT_PAGE_CSP, PRINT_TIME_LIMIT_MS } = await import('../../electron/main/print');
const { appWindows, createWindow } = await import('../../electron/main/window');
const { CoreClient } = await import('../../electron/main/core-client');
const { serveCore } = await import('../../electron/main/core-server');
const { forkCoreHost, withResources } = await import('../../electron/main/core-process');

const dir = mkdtempSync(path.join(tmpdir(), 'dateline-print-'));
const photo = path.join(dir, 'photo.jpg');
const font = path.join(dir, 'NotoSans-Regular.ttf');
writeFileSync(photo, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
writeFileSync(font, Buffer.from('font bytes'));
writeFileSync(path.join(dir, 'secret.txt'), 'the library password');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PHOTO_URL = `${KIT_ORIGIN}/images/att-1-print.jpg`;
const FONT_URL = `${KIT_ORIGIN}/fonts/NotoSans-Regular.ttf`;
const HTML = '<!doctype html><title>Flood relief</title><img src="http://kit.dateline.invalid/images/att-1-print.jpg">';

function kit(overrides: Partial<PrintRequest> = {}): PrintRequest {
  return { html: HTML, pageSize: 'A4', files: [[PHOTO_URL, photo], [FONT_URL, font]], ...overrides };
}

function printWindows(): PrintableWindow[] {
  return FakeBrowserWindow.created.filter((w): w is PrintableWindow => w instanceof PrintableWindow && w.session !== null);
}

function lastPrintWindow(): PrintableWindow {
  const win = printWindows().at(-1);
  if (!win) throw new Error('no print window was made');
  return win;
}

/** A promise and the hands that settle it, for loads and prints the test finishes itself. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

async function rejection(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DatelineError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected the print to fail');
}

const tick = () => new Promise((r) => setImmediate(r));

beforeEach(() => {
  for (const win of FakeBrowserWindow.created) if (!win.isDestroyed()) win.close();
  FakeBrowserWindow.created = [];
  PrintableWindow.loading = (win) => win.fetchPage();
  PrintableWindow.printing = () => Promise.resolve(Buffer.from('%PDF-1.7 kit'));
  session.fromPartition.mockClear();
});

describe('the print request from the core host', () => {
  it('is accepted when it names only kit URLs answered by absolute paths', () => {
    expect(parsePrintRequest(kit({ tagged: false }))).toEqual(kit({ tagged: false }));
  });

  const refused: [string, unknown][] = [
    ['not an object', 'print me'],
    ['a page that is not text', { ...kit(), html: 42 }],
    ['an unknown paper size', { ...kit(), pageSize: 'A3' }],
    ['"tagged" that is not a boolean', { ...kit(), tagged: 'yes' }],
    ['files that are not pairs', { ...kit(), files: [[PHOTO_URL]] }],
    ['a file on another origin', { ...kit(), files: [['http://tracker.example/pixel.gif', photo]] }],
    ['a file over https', { ...kit(), files: [['https://kit.dateline.invalid/x.png', photo]] }],
    ['the page itself as a file', { ...kit(), files: [[KIT_PAGE_URL, photo]] }],
    ['a relative path', { ...kit(), files: [[PHOTO_URL, 'photo.jpg']] }],
    ['a path with NUL', { ...kit(), files: [[PHOTO_URL, `${photo}\0.png`]] }],
  ];
  for (const [name, request] of refused) {
    it(`is refused with ${name}, before any window opens`, async () => {
      expect(await rejection(printKitPdf(request, new AbortController().signal))).toMatchObject({ code: 'INVALID_INPUT' });
      expect(session.fromPartition).not.toHaveBeenCalled();
      expect(printWindows()).toHaveLength(0);
    });
  }
});

describe('the print window', () => {
  it('is made by the factory with JavaScript off, no preload, every isolation setting, and never shown', async () => {
    await printKitPdf(kit(), new AbortController().signal);
    const win = lastPrintWindow();
    const prefs = win.options.webPreferences ?? {};
    expect(prefs).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    expect(prefs).not.toHaveProperty('preload');
    expect(win.options.show).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(false);
    expect(win.loaded).toBe(KIT_PAGE_URL);
  });

  it('uses an in-memory session of its own, numbered, and is never one of the app windows', async () => {
    let during: unknown[] = [];
    PrintableWindow.loading = async (win) => {
      during = appWindows();
      await win.fetchPage();
    };
    const app = createWindow();
    await printKitPdf(kit(), new AbortController().signal);
    const win = lastPrintWindow();
    expect(session.fromPartition).toHaveBeenCalledOnce();
    const name = session.fromPartition.mock.calls[0]![0];
    expect(name).toMatch(/^dateline-print-\d+$/);
    expect(session.fromPartition.mock.calls[0]![1]).toEqual({ cache: false });
    expect(win.options.webPreferences?.session).toBe(partitions.get(name));
    expect(win.webContents.session).toBe(partitions.get(name));
    expect(during).toEqual([app]);
  });

  it('refuses every permission in the print session', async () => {
    await printKitPdf(kit(), new AbortController().signal);
    const ses = lastPrintWindow().session!;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      ses.permissionRequest!(null, permission, callback, {});
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(ses.permissionCheck!(null, permission, KIT_ORIGIN, {}), permission).toBe(false);
    }
    expect(ses.devicePermission!({ deviceType: 'hid' })).toBe(false);
  });

  it('serves the kit page with its CSP and the registered files, and refuses every other request', async () => {
    const seen = new Map<string, { cancelled: boolean; status: number | null; type: string | null; csp: string | null; body: string | null }>();
    const asked = [
      KIT_PAGE_URL,
      PHOTO_URL,
      FONT_URL,
      `${KIT_ORIGIN}/images/att-2-print.jpg`,
      `${KIT_ORIGIN}/secret.txt`,
      `${KIT_ORIGIN}/images/../secret.txt`,
      `${KIT_ORIGIN}/kit.html?x=1`,
      'http://tracker.example/pixel.gif',
      'https://fonts.example/font.woff2',
      'http://127.0.0.1:4000/api/library.info',
    ];
    PrintableWindow.loading = async (win) => {
      for (const url of asked) {
        const { cancelled, response } = await win.session!.request(url);
        seen.set(url, {
          cancelled,
          status: response?.status ?? null,
          type: response?.headers.get('Content-Type') ?? null,
          csp: response?.headers.get('Content-Security-Policy') ?? null,
          body: response && response.status === 200 ? Buffer.from(await response.arrayBuffer()).toString('latin1') : null,
        });
      }
      const post = await win.session!.request(KIT_PAGE_URL, 'POST');
      seen.set('POST page', { cancelled: post.cancelled, status: post.response?.status ?? null, type: null, csp: null, body: null });
    };
    await printKitPdf(kit(), new AbortController().signal);

    expect(seen.get(KIT_PAGE_URL)).toEqual({ cancelled: false, status: 200, type: 'text/html; charset=utf-8', csp: KIT_PAGE_CSP, body: HTML });
    expect(KIT_PAGE_CSP.split('; ')).toEqual([
      "default-src 'none'",
      'img-src http://kit.dateline.invalid data:',
      'font-src http://kit.dateline.invalid',
      "style-src 'unsafe-inline' http://kit.dateline.invalid",
      "base-uri 'none'",
      "form-action 'none'",
    ]);
    expect(seen.get(PHOTO_URL)).toMatchObject({ cancelled: false, status: 200, type: 'image/jpeg', body: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]).toString('latin1') });
    expect(seen.get(FONT_URL)).toMatchObject({ cancelled: false, status: 200, type: 'font/ttf', body: 'font bytes' });
    for (const url of asked.slice(3)) {
      const got = seen.get(url)!;
      // Off the kit's list: the network guard cancels it, or the handler refuses it, and no file is read.
      expect(got.cancelled || (got.status !== null && got.status >= 400), url).toBe(true);
      expect(got.body, url).toBeNull();
    }
    expect(seen.get('http://tracker.example/pixel.gif')!.cancelled).toBe(true);
    expect(seen.get('https://fonts.example/font.woff2')!.cancelled).toBe(true);
    expect(seen.get('POST page')!.status).toBe(405);
  });

  it('takes its handler away and lets nothing through once the print is over', async () => {
    await printKitPdf(kit(), new AbortController().signal);
    const ses = lastPrintWindow().session!;
    expect(ses.protocol.handle).toHaveBeenCalledWith('http', expect.any(Function));
    expect(ses.protocol.unhandle).toHaveBeenCalledWith('http');
    expect(ses.handlers.size).toBe(0);
    expect((await ses.request(KIT_PAGE_URL)).cancelled).toBe(true);
    expect((await ses.request(PHOTO_URL)).cancelled).toBe(true);
  });

  it('prints with the page size asked for, backgrounds, the CSS page size, and tagging and outline unless turned off', async () => {
    const pdf = await printKitPdf(kit(), new AbortController().signal);
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7 kit');
    expect(lastPrintWindow().printToPDF).toHaveBeenCalledExactlyOnceWith({
      printBackground: true,
      preferCSSPageSize: true,
      pageSize: 'A4',
      generateTaggedPDF: true,
      generateDocumentOutline: true,
    });
    await printKitPdf(kit({ pageSize: 'Letter', tagged: false }), new AbortController().signal);
    expect(lastPrintWindow().printToPDF).toHaveBeenCalledExactlyOnceWith({
      printBackground: true,
      preferCSSPageSize: true,
      pageSize: 'Letter',
      generateTaggedPDF: false,
      generateDocumentOutline: false,
    });
  });

  it('prints only once the page has loaded', async () => {
    const load = deferred<void>();
    PrintableWindow.loading = () => load.promise;
    const printing = printKitPdf(kit(), new AbortController().signal);
    await tick();
    expect(lastPrintWindow().printToPDF).not.toHaveBeenCalled();
    load.resolve();
    await printing;
    expect(lastPrintWindow().printToPDF).toHaveBeenCalledOnce();
  });

  it('closes the window after a print that worked', async () => {
    await printKitPdf(kit(), new AbortController().signal);
    expect(lastPrintWindow().isDestroyed()).toBe(true);
  });

  it('closes the window and says why when Chromium fails to print', async () => {
    PrintableWindow.printing = () => Promise.reject(new Error('Printing failed\n  at native code'));
    expect(await rejection(printKitPdf(kit(), new AbortController().signal))).toEqual({
      code: 'INTERNAL',
      message: 'Chromium could not print the kit: Printing failed',
    });
    const win = lastPrintWindow();
    expect(win.isDestroyed()).toBe(true);
    expect(win.session!.handlers.size).toBe(0);
  });

  it('closes the window when the page does not load, and never prints', async () => {
    PrintableWindow.loading = () => Promise.reject(new Error("ERR_NAME_NOT_RESOLVED (-105) loading 'http://kit.dateline.invalid/kit.html'"));
    const failed = await rejection(printKitPdf(kit(), new AbortController().signal));
    expect(failed.code).toBe('INTERNAL');
    expect(failed.message).toMatch(/^The kit page did not load for printing: ERR_NAME_NOT_RESOLVED/);
    expect(lastPrintWindow().isDestroyed()).toBe(true);
    expect(lastPrintWindow().printToPDF).not.toHaveBeenCalled();
  });

  it('fails, and closes the window, when its renderer dies', async () => {
    const load = deferred<void>();
    PrintableWindow.loading = () => load.promise;
    const printing = printKitPdf(kit(), new AbortController().signal);
    await tick();
    lastPrintWindow().webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 9 });
    expect(await rejection(printing)).toEqual({ code: 'INTERNAL', message: 'Chromium stopped while printing the kit (oom).' });
    expect(lastPrintWindow().isDestroyed()).toBe(true);
  });

  it('stops at once when cancelled while loading or printing, closing the window', async () => {
    for (const stage of ['loading', 'printing'] as const) {
      const hang = deferred<void>();
      PrintableWindow.loading = stage === 'loading' ? () => hang.promise : (win) => win.fetchPage();
      PrintableWindow.printing = () => hang.promise.then(() => Buffer.from('late'));
      const cancel = new AbortController();
      const printing = printKitPdf(kit(), cancel.signal);
      await tick();
      const win = lastPrintWindow();
      expect(win.isDestroyed(), stage).toBe(false);
      cancel.abort();
      expect(await rejection(printing), stage).toMatchObject({ code: 'CANCELLED' });
      expect(win.isDestroyed(), stage).toBe(true);
      expect(win.session!.handlers.size, stage).toBe(0);
      // What the window does after it was closed changes nothing and raises nothing.
      hang.reject(new Error('ERR_ABORTED (-3)'));
      await tick();
    }
  });

  it('opens no window for a print cancelled before it starts', async () => {
    const cancel = new AbortController();
    cancel.abort();
    expect(await rejection(printKitPdf(kit(), cancel.signal))).toMatchObject({ code: 'CANCELLED' });
    expect(printWindows()).toHaveLength(0);
  });

  it('gives up after the time limit with a clear error, closing the window', async () => {
    expect(PRINT_TIME_LIMIT_MS).toBe(120_000);
    PrintableWindow.loading = () => new Promise(() => undefined);
    // The page never loads: only the time limit can end this print, so its error is the proof.
    const failed = await rejection(printKitPdf(kit(), new AbortController().signal, { timeLimitMs: 30 }));
    expect(failed.code).toBe('INTERNAL');
    expect(failed.message).toMatch(/^Printing the kit to PDF took more than \d+ seconds and was stopped\./);
    expect(lastPrintWindow().isDestroyed()).toBe(true);
  });

  it('gives prints in flight sessions of their own, and reuses a session only after its window closed', async () => {
    const first = deferred<void>();
    PrintableWindow.loading = () => first.promise;
    const a = printKitPdf(kit(), new AbortController().signal);
    PrintableWindow.loading = (win) => win.fetchPage();
    await printKitPdf(kit(), new AbortController().signal);
    first.resolve();
    await a;
    await printKitPdf(kit(), new AbortController().signal);
    const names = session.fromPartition.mock.calls.map((c) => c[0]);
    expect(names[0]).not.toBe(names[1]);
    expect(names[2]).toBe(names[0]);
  });

  it('is the only window allowed off app://, and only through the print entry point', () => {
    expect(() => createWindow({ url: KIT_PAGE_URL, javascript: false, show: false })).toThrow(/only load the app's own pages/);
  });
});

/**
 * The two processes in memory: the core host's serveCore on one side, CoreClient on the other,
 * each message cloned and delivered later as across a real process boundary. Records what went
 * each way.
 */
function printLink() {
  const toHost: unknown[] = [];
  const toShell: unknown[] = [];
  let printer: ReturnType<typeof serveCore>['printer'] | null = null;
  let crash: () => void = () => undefined;
  const core: HostedCore = {
    dispatch: () => Promise.resolve({ ok: true, value: null }),
    jobs: { on: (_l: (e: CoreEvent) => void) => () => undefined },
    close: () => undefined,
  };
  const connect: ConnectCore = ({ message, exit }) => {
    let alive = true;
    const listeners: ((m: unknown) => void)[] = [];
    crash = () => {
      alive = false;
      setImmediate(() => exit(1));
    };
    ({ printer } = serveCore(
      {
        postMessage: (m) => {
          const copy = structuredClone(m);
          toShell.push(copy);
          if (alive) setImmediate(() => message(copy));
        },
        onMessage: (l) => listeners.push(l),
      },
      () => Promise.resolve(core),
      () => undefined,
    ));
    return {
      post: (m) => {
        const copy = structuredClone(m);
        toHost.push(copy);
        setImmediate(() => alive && listeners.forEach((l) => l(copy)));
      },
      kill: () => crash(),
    };
  };
  const client = new CoreClient(connect);
  client.start();
  return {
    client,
    toHost,
    toShell,
    crash: () => crash(),
    get printer() {
      if (!printer) throw new Error('the host did not start');
      return printer;
    },
  };
}

const asOptions = (r: PrintRequest, signal?: AbortSignal) => ({
  pageSize: r.pageSize,
  files: new Map(r.files),
  ...(r.tagged !== undefined ? { tagged: r.tagged } : {}),
  ...(signal ? { signal } : {}),
});

describe('printing from the core host through the main process', () => {
  it('sends the page, paper, files and tagging, and matches each PDF to its request by id', async () => {
    const link = printLink();
    link.client.handlePrints((request, signal) => printKitPdf(request, signal));
    const slow = deferred<void>();
    PrintableWindow.printing = async (win) => {
      const page = await win.session!.request(KIT_PAGE_URL);
      const html = await page.response!.text();
      if (html.includes('first')) await slow.promise;
      return Buffer.from(`%PDF of ${html}`);
    };
    const first = link.printer.print('<p>first</p>', asOptions(kit()));
    const second = link.printer.print('<p>second</p>', asOptions(kit({ pageSize: 'Letter', tagged: false })));
    const done = await second;
    expect(Buffer.isBuffer(done)).toBe(true);
    expect(done.toString()).toBe('%PDF of <p>second</p>');
    slow.resolve();
    expect((await first).toString()).toBe('%PDF of <p>first</p>');

    const requests = link.toShell.filter((m): m is { type: 'print'; id: number; request: PrintRequest } => (m as { type: string }).type === 'print');
    expect(requests.map((m) => m.id)).toEqual([1, 2]);
    expect(requests[0]!.request).toEqual({ html: '<p>first</p>', pageSize: 'A4', files: [[PHOTO_URL, photo], [FONT_URL, font]] });
    expect(requests[1]!.request).toEqual({ html: '<p>second</p>', pageSize: 'Letter', files: [[PHOTO_URL, photo], [FONT_URL, font]], tagged: false });
    const answers = link.toHost.filter((m) => (m as { type: string }).type === 'printed') as { id: number; result: { ok: boolean } }[];
    expect(answers.map((m) => [m.id, m.result.ok])).toEqual([
      [2, true],
      [1, true],
    ]);
    expect(printWindows().every((w) => w.isDestroyed())).toBe(true);
  });

  it("brings the main process's error back to the export as a DatelineError with its code", async () => {
    const link = printLink();
    link.client.handlePrints((request, signal) => printKitPdf(request, signal));
    PrintableWindow.printing = () => Promise.reject(new Error('Printing failed'));
    expect(await rejection(link.printer.print(HTML, asOptions(kit())))).toEqual({ code: 'INTERNAL', message: 'Chromium could not print the kit: Printing failed' });
  });

  it('refuses a request the main process finds malformed, without opening a window', async () => {
    const link = printLink();
    link.client.handlePrints((request, signal) => printKitPdf(request, signal));
    const files = new Map([['http://tracker.example/pixel.gif', photo]]);
    expect(await rejection(link.printer.print(HTML, { pageSize: 'A4', files }))).toMatchObject({ code: 'INVALID_INPUT' });
    expect(printWindows()).toHaveLength(0);
  });

  it('carries a cancel to the main process, which closes the print window', async () => {
    const link = printLink();
    const signals: AbortSignal[] = [];
    link.client.handlePrints((request, signal) => {
      signals.push(signal);
      return printKitPdf(request, signal);
    });
    PrintableWindow.loading = () => new Promise(() => undefined);
    const cancel = new AbortController();
    const printing = link.printer.print(HTML, asOptions(kit(), cancel.signal));
    await vi.waitFor(() => expect(printWindows()).toHaveLength(1));
    const win = lastPrintWindow();
    cancel.abort();
    // The export stops at once; it does not wait for the main process.
    expect(await rejection(printing)).toMatchObject({ code: 'CANCELLED' });
    expect(link.toShell).toContainEqual({ type: 'print-cancel', id: 1 });
    await vi.waitFor(() => expect(win.isDestroyed()).toBe(true));
    expect(signals[0]!.aborted).toBe(true);
    // The late "cancelled" answer under the same id is dropped on the core's side.
    await vi.waitFor(() => expect(link.toHost).toContainEqual({ type: 'printed', id: 1, result: { ok: false, error: expect.objectContaining({ code: 'CANCELLED' }) } }));
  });

  it('sends nothing for an export already cancelled', async () => {
    const link = printLink();
    const cancel = new AbortController();
    cancel.abort();
    expect(await rejection(link.printer.print(HTML, asOptions(kit(), cancel.signal)))).toMatchObject({ code: 'CANCELLED' });
    expect(link.toShell.filter((m) => (m as { type: string }).type === 'print')).toHaveLength(0);
  });

  it('closes the print windows of a core host that stopped', async () => {
    const link = printLink();
    link.client.handlePrints((request, signal) => printKitPdf(request, signal));
    PrintableWindow.loading = () => new Promise(() => undefined);
    void link.printer.print(HTML, asOptions(kit())).catch(() => undefined);
    await vi.waitFor(() => expect(printWindows()).toHaveLength(1));
    link.crash();
    await vi.waitFor(() => expect(lastPrintWindow().isDestroyed()).toBe(true));
    expect(link.toHost.filter((m) => (m as { type: string }).type === 'printed')).toHaveLength(0);
  });

  it('answers with an error when the shell has no printer', async () => {
    const link = printLink();
    expect(await rejection(link.printer.print(HTML, asOptions(kit())))).toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/cannot print PDFs/) });
  });
});

describe("the core host's kit templates and fonts", () => {
  it('are looked for next to app.asar in a packaged app, whatever the environment says', () => {
    const resourcesPath = path.join(path.sep, 'opt', 'Dateline', 'resources');
    expect(withResources({ DATELINE_LIBRARY: '/lib', DATELINE_RESOURCES: '/tmp/evil' }, true, resourcesPath)).toEqual({
      DATELINE_LIBRARY: '/lib',
      DATELINE_RESOURCES: path.join(resourcesPath, 'resources'),
    });
    expect(withResources({ DATELINE_RESOURCES: '/src/resources' }, false, resourcesPath)).toEqual({ DATELINE_RESOURCES: '/src/resources' });
  });

  it('reach the utility process it forks', () => {
    const resourcesPath = path.join(path.sep, 'opt', 'Dateline', 'resources');
    app.reset();
    app.isPackaged = true;
    Object.defineProperty(process, 'resourcesPath', { value: resourcesPath, configurable: true });
    try {
      utilityProcess.fork.mockClear();
      forkCoreHost('/app/out/main/core-host.js', { DATELINE_LIBRARY: '/lib' })({ message: () => undefined, exit: () => undefined });
      const host = utilityProcess.fork.mock.results[0]!.value as FakeUtilityProcess;
      expect(host.options.env).toEqual({ DATELINE_LIBRARY: '/lib', DATELINE_RESOURCES: path.join(resourcesPath, 'resources') });
    } finally {
      Reflect.deleteProperty(process, 'resourcesPath');
      app.reset();
    }
  });
});
