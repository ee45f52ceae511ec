import path from 'node:path';
import { session, type BrowserWindow } from 'electron';
import { KIT_PAGE_URL } from '../shared/kits/layout';
import { cancelledError, DatelineError } from '../shared/errors';
import type { PageSize } from '../shared/kits/layout';
import type { PrintRequest } from './core-protocol';
import { readRegularFile } from './files';
import { createPrintWindow } from './window';

/**
 * Prints kits to PDF with Electron's own Chromium, for the core in the utility process (which
 * has none): each print gets a hidden window with JavaScript off, in an in-memory session of its
 * own whose http handler answers the kit page and the kit's files and refuses everything else.
 * The window is closed and the handler removed however the print ends.
 */

/** Longer than any real kit takes; a print still running then is stuck, not slow. */
export const PRINT_TIME_LIMIT_MS = 120_000;

/** Where the kit page and its files are served from (KIT_ORIGIN, a name that never resolves). */
export const KIT_FILES_ORIGIN = new URL(KIT_PAGE_URL).origin;

/**
 * The policy sent with the kit page, on top of the one in its own <meta>: no script, no frames,
 * no connections; images, fonts and style sheets only from the kit's files (and inline styles,
 * which the template uses); no <base> or form that could point elsewhere.
 */
export const KIT_PAGE_CSP = [
  "default-src 'none'",
  `img-src ${KIT_FILES_ORIGIN} data:`,
  `font-src ${KIT_FILES_ORIGIN}`,
  `style-src 'unsafe-inline' ${KIT_FILES_ORIGIN}`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const PAGE_SIZES: readonly PageSize[] = ['A4', 'Letter'];

// The kinds of file a kit page loads: its photos and logos, and the bundled fonts.
const MEDIA_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.css': 'text/css; charset=utf-8',
};

// Nothing of a print may outlive it, not even in the session's memory cache.
const COMMON_HEADERS: Record<string, string> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

const cancelled = (): DatelineError => cancelledError('export');

/**
 * Checks a print request from the core host before the main process acts on it. The host is a
 * separate process that parses untrusted files, so its messages are checked like any input:
 * every file must be a URL on the kit's origin (other than the page itself) answered by an
 * absolute local path.
 */
export function parsePrintRequest(value: unknown): PrintRequest {
  const invalid = (why: string) => new DatelineError('INVALID_INPUT', `The print request is not valid: ${why}.`);
  if (typeof value !== 'object' || value === null) throw invalid('it is not an object');
  const { html, pageSize, files, tagged } = value as Record<string, unknown>;
  if (typeof html !== 'string') throw invalid('the page is not text');
  if (!PAGE_SIZES.includes(pageSize as PageSize)) throw invalid('the page size is neither A4 nor Letter');
  if (tagged !== undefined && typeof tagged !== 'boolean') throw invalid('"tagged" is not true or false');
  if (!Array.isArray(files)) throw invalid('the files are not a list');
  const checked: [string, string][] = [];
  for (const entry of files as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 2) throw invalid('a file is not a URL and a path');
    const [url, file] = entry as unknown[];
    const canonical = typeof url === 'string' ? canonicalUrl(url) : null;
    if (canonical === null || new URL(canonical).origin !== KIT_FILES_ORIGIN || canonical === KIT_PAGE_URL) {
      throw invalid(`a file URL is not on ${KIT_FILES_ORIGIN}`);
    }
    if (typeof file !== 'string' || file.includes('\0') || !path.isAbsolute(file)) throw invalid('a file path is not absolute');
    checked.push([canonical, file]);
  }
  const request: PrintRequest = { html, pageSize: pageSize as PageSize, files: checked };
  if (tagged !== undefined) request.tagged = tagged;
  return request;
}

/**
 * The print session's http handler: the kit page (with KIT_PAGE_CSP) at KIT_PAGE_URL, each
 * registered URL from its file, and a refusal for anything else — a tracking pixel in pasted
 * text, a web font, a link to the library folder.
 */
export function kitRequestHandler(html: string, files: ReadonlyMap<string, string>): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET') return refuse(405);
    const url = canonicalUrl(request.url);
    if (url === KIT_PAGE_URL) {
      return new Response(html, {
        status: 200,
        headers: { ...COMMON_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': KIT_PAGE_CSP },
      });
    }
    const file = url === null ? undefined : files.get(url);
    if (file === undefined) return refuse(404);
    const body = await readRegularFile(file);
    if (body === null) return refuse(404);
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        ...COMMON_HEADERS,
        'Content-Type': MEDIA_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': String(body.length),
      },
    });
  };
}

export interface PrintLimits {
  /** How long loading and printing may take together. */
  timeLimitMs?: number;
}

/**
 * Prints one kit: the handler the shell gives CoreClient.handlePrints. Rejects with a
 * DatelineError: CANCELLED when `signal` aborts, INVALID_INPUT for a malformed request,
 * INTERNAL when the page does not load, Chromium fails or the time limit passes.
 */
export async function printKitPdf(raw: unknown, signal: AbortSignal, limits: PrintLimits = {}): Promise<Uint8Array> {
  const request = parsePrintRequest(raw);
  if (signal.aborted) throw cancelled();
  const timeLimitMs = limits.timeLimitMs ?? PRINT_TIME_LIMIT_MS;
  const files = new Map(request.files);
  const tagged = request.tagged ?? true;

  const partition = takePartition();
  // No "persist:" prefix: the session lives in memory only and writes nothing to disk; and no
  // HTTP cache, so nothing of one kit is there for the next print on the same partition.
  const ses = session.fromPartition(`dateline-print-${partition}`, { cache: false });
  // The session's network guard lets the kit's URLs through only while this print runs.
  let running = true;
  const serves = (url: string): boolean => {
    if (!running) return false;
    const canonical = canonicalUrl(url);
    return canonical === KIT_PAGE_URL || (canonical !== null && files.has(canonical));
  };
  let win: BrowserWindow | null = null;
  let timer: NodeJS.Timeout | undefined;
  let onAbort: () => void = () => undefined;
  try {
    ses.protocol.handle('http', kitRequestHandler(request.html, files));
    const stopped = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new DatelineError('INTERNAL', `Printing the kit to PDF took more than ${Math.round(timeLimitMs / 1000)} seconds and was stopped. Try again; if it happens again, try the kit-lite rendition.`, { params: { reason: 'printTimeout', seconds: Math.round(timeLimitMs / 1000) } })),
        timeLimitMs,
      );
      onAbort = () => reject(cancelled());
      signal.addEventListener('abort', onAbort, { once: true });
    });
    const opened = createPrintWindow({ session: ses, serves });
    win = opened.window;
    const contents = opened.window.webContents;
    const gone = new Promise<never>((_resolve, reject) => {
      opened.window.once('closed', () => reject(new DatelineError('INTERNAL', 'The print window closed before the PDF was ready.', { params: { reason: 'printWindowClosed' } })));
      contents.once('render-process-gone', (_event, details) => reject(new DatelineError('INTERNAL', `Chromium stopped while printing the kit (${details.reason}).`, { params: { reason: 'printerStopped', detail: details.reason } })));
    });
    // Each of these may settle after the print has ended one way or another: observed, never unhandled.
    stopped.catch(() => undefined);
    gone.catch(() => undefined);
    const loaded = opened.loaded.catch((e: unknown) => {
      throw new DatelineError('INTERNAL', `The kit page did not load for printing: ${firstLine(e)}`, { params: { reason: 'printPageFailed', detail: firstLine(e) } });
    });
    await Promise.race([loaded, stopped, gone]);
    const printed = contents
      .printToPDF({
        printBackground: true,
        preferCSSPageSize: true,
        pageSize: request.pageSize,
        generateTaggedPDF: tagged,
        generateDocumentOutline: tagged,
      })
      .catch((e: unknown) => {
        throw new DatelineError('INTERNAL', `Chromium could not print the kit: ${firstLine(e)}`, { params: { reason: 'printFailed', detail: firstLine(e) } });
      });
    return await Promise.race([printed, stopped, gone]);
  } finally {
    running = false;
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
    try {
      ses.protocol.unhandle('http');
    } catch {
      // Nothing was handled (handle itself failed): nothing to remove.
    }
    closeThenRelease(win, partition);
  }
}

/** Print sessions by number, reused once their window has closed, so a day of exports keeps a handful of sessions rather than one per print. */
const partitionsInUse = new Set<number>();

function takePartition(): number {
  let n = 1;
  while (partitionsInUse.has(n)) n++;
  partitionsInUse.add(n);
  return n;
}

function closeThenRelease(win: BrowserWindow | null, partition: number): void {
  if (win === null || win.isDestroyed()) {
    partitionsInUse.delete(partition);
    return;
  }
  // Closing completes later in Electron; the session is only handed to another print after.
  win.once('closed', () => partitionsInUse.delete(partition));
  win.close();
}

/** The URL as Chromium will ask for it (host lower-cased, escapes normalised, no fragment); null when it is not one. */
function canonicalUrl(raw: string): string | null {
  try {
    const url = new URL(raw);
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

function refuse(status: number): Response {
  return new Response('Not part of this kit', { status, headers: { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
}
