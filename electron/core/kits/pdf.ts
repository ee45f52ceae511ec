import { existsSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { cancelledError, DatelineError } from '../../shared/errors';
import type { PageSize } from '../../shared/kits/layout';

/**
 * Printing the kit's HTML to PDF. The desktop app prints with Electron's own Chromium
 * (printToPDF in a hidden, sandboxed window; see the shell); the CLI, web mode and tests print
 * with the system's Chromium through playwright-core. Either way the page runs without
 * JavaScript and can reach nothing but the kit's own files.
 */

export interface PdfPrintOptions {
  pageSize: PageSize;
  /** Every URL the page may load (under KIT_ORIGIN) → the local file that answers it. */
  files: Map<string, string>;
  /** Aborted when the export is cancelled. */
  signal?: AbortSignal;
  /**
   * Tagged (accessible) PDF with bookmarks; on by default. Kit-lite leaves it off: it is the
   * rendition for a slow link, and tagging costs a third of its print time.
   */
  tagged?: boolean;
}

export interface PdfPrinter {
  /** The page is served as KIT_ORIGIN + '/kit.html'; any request not in `files` must fail. */
  print(html: string, opts: PdfPrintOptions): Promise<Buffer>;
  close?(): Promise<void>;
}

export { KIT_PAGE_URL } from '../../shared/kits/layout';
import { KIT_PAGE_URL } from '../../shared/kits/layout';

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** How the system Chromium is started for printing: no network, no background work. */
export const CHROMIUM_LAUNCH_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-default-apps',
  // A second lock on the door: should a request ever get past the route guard, no name resolves.
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

/** How long a warm browser waits for the next print before it is closed. */
const IDLE_MS = 60_000;

function chromiumPath(): string {
  const given = process.env.DATELINE_CHROMIUM;
  if (given) {
    if (!existsSync(given)) throw new DatelineError('NOT_FOUND', `DATELINE_CHROMIUM points to ${given}, which does not exist.`);
    return given;
  }
  const found = CHROMIUM_CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new DatelineError(
      'NOT_FOUND',
      'Printing a kit to PDF outside the desktop app needs Chromium: install it (on Debian or Ubuntu: apt install chromium) or set DATELINE_CHROMIUM to its path.',
    );
  }
  return found;
}

const cancelled = (): DatelineError => cancelledError('export');

/** The system Chromium through playwright-core, kept warm between prints in one process. */
export class ChromiumPrinter implements PdfPrinter {
  private browser: Promise<Browser> | null = null;
  private idle: NodeJS.Timeout | null = null;
  private active = 0;

  private launch(): Promise<Browser> {
    if (!this.browser) {
      const started = (async () => {
        const { chromium } = await import('playwright-core');
        const b = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_LAUNCH_ARGS], handleSIGINT: false, handleSIGTERM: false });
        b.on('disconnected', () => {
          if (this.browser === started) this.browser = null;
        });
        return b;
      })();
      this.browser = started;
      started.catch(() => {
        if (this.browser === started) this.browser = null;
      });
    }
    return this.browser;
  }

  async print(html: string, opts: PdfPrintOptions): Promise<Buffer> {
    if (opts.signal?.aborted) throw cancelled();
    this.active++;
    if (this.idle) clearTimeout(this.idle);
    let context: BrowserContext | null = null;
    // Every step races the cancel: a context closed while Chromium is still opening a page
    // would otherwise wait for the page's own time limit.
    let onAbort: (() => void) | null = null;
    const aborted = new Promise<never>((_resolve, reject) => {
      onAbort = () => {
        void context?.close().catch(() => undefined);
        reject(cancelled());
      };
      opts.signal?.addEventListener('abort', onAbort, { once: true });
    });
    aborted.catch(() => undefined);
    const step = <T>(p: Promise<T>): Promise<T> => (opts.signal ? Promise.race([p, aborted]) : p);
    try {
      const browser = await step(this.launch());
      const opening = browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block', acceptDownloads: false, bypassCSP: false });
      // A context that arrives after a cancel is closed at once rather than left open.
      void opening.then((c) => (opts.signal?.aborted ? c.close() : undefined)).catch(() => undefined);
      context = await step(opening);
      await step(
        context.route('**/*', async (route) => {
          const url = route.request().url();
          if (url === KIT_PAGE_URL) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
          const path = opts.files.get(url);
          if (path) return route.fulfill({ status: 200, path });
          // Anything else (a tracking pixel in pasted text, a font from the web): refused.
          return route.abort('blockedbyclient');
        }),
      );
      const page = await step(context.newPage());
      await step(page.goto(KIT_PAGE_URL, { waitUntil: 'load', timeout: 120_000 }));
      const pdf = await step(
        page.pdf({
          preferCSSPageSize: true,
          format: opts.pageSize === 'Letter' ? 'Letter' : 'A4',
          printBackground: true,
          tagged: opts.tagged ?? true,
          outline: opts.tagged ?? true,
        }),
      );
      if (opts.signal?.aborted) throw cancelled();
      return pdf;
    } catch (e) {
      if (opts.signal?.aborted) throw cancelled();
      if (e instanceof DatelineError) throw e;
      throw new DatelineError('INTERNAL', `Chromium could not print the kit: ${(e as Error).message.split('\n')[0]}`);
    } finally {
      if (onAbort) opts.signal?.removeEventListener('abort', onAbort);
      await context?.close().catch(() => undefined);
      this.active--;
      if (this.active === 0) {
        this.idle = setTimeout(() => void this.close(), IDLE_MS);
        this.idle.unref();
      }
    }
  }

  async close(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const b = this.browser;
    this.browser = null;
    if (b) await b.then((x) => x.close()).catch(() => undefined);
  }
}

let shared: ChromiumPrinter | null = null;
let given: PdfPrinter | null = null;

/**
 * Lets the desktop shell print with Electron's Chromium instead (call once at start-up with
 * its printToPDF adapter; null goes back to the system Chromium).
 */
export function setPdfPrinter(printer: PdfPrinter | null): void {
  given = printer;
}

export function pdfPrinter(): PdfPrinter {
  if (given) return given;
  shared ??= new ChromiumPrinter();
  return shared;
}

/** Closes the warm browser, if one was started (the CLI calls this before it exits; core close should too). */
export async function closePdfPrinter(): Promise<void> {
  const s = shared;
  shared = null;
  await s?.close();
}
