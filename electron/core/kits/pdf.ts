import type { BrowserContext, Page } from 'playwright-core';
import { cancelledError, DatelineError } from '../../shared/errors';
import type { PageSize } from '../../shared/kits/layout';
import { HEADLESS_CHROMIUM_ARGS, systemChromiumPath } from '../chromium';
import { createPrintFolder, removePrintFolder, sweepPrintFolders, type PrintFolder } from './print-profiles';

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

/** How the system Chromium is started for printing: no network, no background work. */
export const CHROMIUM_LAUNCH_ARGS: readonly string[] = [
  ...HEADLESS_CHROMIUM_ARGS,
  '--disable-extensions',
  '--disable-default-apps',
  // A second lock on the door: should a request ever get past the route guard, no name resolves.
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

/** How long a warm browser waits for the next print before it is closed. */
const IDLE_MS = 60_000;

const cancelled = (): DatelineError => cancelledError('export');

/** How long a print waits for Chromium to close its page before it settles all the same. */
const PAGE_CLOSE_WAIT_MS = 10_000;

async function closeWithin(page: Page, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
    timer.unref();
  });
  await Promise.race([page.close().catch(() => undefined), waited]);
  clearTimeout(timer);
}

/** A started browser: its one context, and the folder it keeps its profile in. */
interface Warm {
  context: BrowserContext;
  folder: PrintFolder;
}

/**
 * The system Chromium through playwright-core, kept warm between prints in one process. Its
 * profile lives in a folder of ours (print-profiles.ts), not in one Playwright names itself,
 * so a run that was killed leaves something the next run can recognise and remove.
 */
export class ChromiumPrinter implements PdfPrinter {
  private browser: Promise<Warm> | null = null;
  private idle: NodeJS.Timeout | null = null;
  private active = 0;

  /** `tempRoot`: where print folders go (the system temp folder unless a test says otherwise). */
  constructor(private readonly tempRoot?: string) {}

  private launch(): Promise<Warm> {
    if (!this.browser) {
      const started = (async () => {
        sweepPrintFolders(this.tempRoot);
        const { chromium } = await import('playwright-core');
        const folder = createPrintFolder(this.tempRoot);
        let context: BrowserContext;
        try {
          context = await chromium.launchPersistentContext(folder.profile, {
            executablePath: systemChromiumPath(),
            args: [...CHROMIUM_LAUNCH_ARGS],
            // Chromium's own temp files inside ours too, unless the path would make its singleton
            // socket's name too long for a Unix socket (108 bytes; a macOS temp folder is long).
            env: folder.temp.length <= 56 ? { ...process.env, TMPDIR: folder.temp } : process.env,
            handleSIGINT: false,
            handleSIGTERM: false,
            javaScriptEnabled: false,
            serviceWorkers: 'block',
            acceptDownloads: false,
            bypassCSP: false,
            // Playwright's own working folder, inside ours (it would otherwise make one in the temp folder).
            ...({ artifactsDir: folder.artifacts } as object),
          });
        } catch (e) {
          removePrintFolder(folder);
          throw e;
        }
        // Registered after Playwright's own exit handler, which kills Chromium first.
        const onExit = () => removePrintFolder(folder);
        process.once('exit', onExit);
        context.on('close', () => {
          if (this.browser === started) this.browser = null;
          process.removeListener('exit', onExit);
        });
        return { context, folder };
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
    let page: Page | null = null;
    // Every step races the cancel: a page closed while Chromium is still opening it would
    // otherwise wait for the page's own time limit.
    let onAbort: (() => void) | null = null;
    const aborted = new Promise<never>((_resolve, reject) => {
      onAbort = () => {
        void page?.close().catch(() => undefined);
        reject(cancelled());
      };
      opts.signal?.addEventListener('abort', onAbort, { once: true });
    });
    aborted.catch(() => undefined);
    const step = <T>(p: Promise<T>): Promise<T> => (opts.signal ? Promise.race([p, aborted]) : p);
    try {
      const { context } = await step(this.launch());
      const opening = context.newPage();
      // A page that arrives after a cancel is closed at once rather than left open.
      void opening.then((p) => (opts.signal?.aborted ? p.close() : undefined)).catch(() => undefined);
      page = await step(opening);
      // Each print routes its own page: routing also turns Chromium's cache off, so one kit's
      // files are never answered from another's.
      await step(
        page.route('**/*', async (route) => {
          const url = route.request().url();
          if (url === KIT_PAGE_URL) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
          const path = opts.files.get(url);
          if (path) return route.fulfill({ status: 200, path });
          // Anything else (a tracking pixel in pasted text, a font from the web): refused.
          return route.abort('blockedbyclient');
        }),
      );
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
      const detail = (e as Error).message.split('\n')[0] ?? '';
      throw new DatelineError('INTERNAL', `Chromium could not print the kit: ${detail}`, { params: { reason: 'printFailed', detail } });
    } finally {
      if (onAbort) opts.signal?.removeEventListener('abort', onAbort);
      // The print settles even if Chromium is slow to close the page (a close that lands in the
      // middle of a print under load): the page is left to the browser's idle close then.
      if (page) await closeWithin(page, PAGE_CLOSE_WAIT_MS);
      this.active--;
      if (this.active === 0) {
        this.idle = setTimeout(() => void this.close(), IDLE_MS);
        this.idle.unref();
      }
    }
  }

  /** Closes the browser, if one was started, and removes its profile. */
  async close(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const b = this.browser;
    this.browser = null;
    if (!b) return;
    const warm = await b.catch(() => null);
    if (!warm) return;
    await warm.context.close().catch(() => undefined);
    removePrintFolder(warm.folder);
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
