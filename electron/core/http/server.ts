import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { DatelineError } from '../../shared/errors';
import { bodyLimit, isJsonContentType, readJsonBody } from './body';
import type { WebCore } from './core';
import { EventStreams, type EventStreamTiming } from './events';
import { launchNonces } from './launch';
import { OneTimeCodes } from './one-time';
import { failure, sendResult, sendText } from './respond';
import { hostAllowed, isStrongToken, newToken, originAllowed, setSecurityHeaders, TOKEN_HEADER, tokenMatches } from './security';
import { serveStatic } from './static-files';
import { DOWNLOAD_TICKET_TTL_MS, sendDownload } from './download';
import { refuseDownloadLink } from './download-page';
import { hasDownload } from '../library/downloads';
import { receiveBackup } from './upload';
import { BACKUP_UPLOAD_MAX_BYTES } from '../../shared/library/contract';

export interface WebServerOptions {
  core: WebCore;
  /** The built renderer (index.html and its assets). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Only '127.0.0.1' is accepted; the option exists so a wrong value fails loudly instead of being ignored. */
  host?: string;
  /** Defaults to a fresh random token; a given one must be at least 32 base64url characters. */
  token?: string;
  /** For tests of the event stream; the defaults suit a person's browser. */
  events?: EventStreamTiming;
  /** The clock launch links expire by (tests move it instead of waiting). */
  now?: () => number;
  /**
   * Called with a fresh launch link after one was refused (used or expired), so the terminal
   * web mode runs in always offers a link that works; the refused page points there.
   */
  onLaunchRefused?: (freshLaunchUrl: string) => void;
  /** The largest backup a page may upload for a restore (tests lower it); BACKUP_UPLOAD_MAX_BYTES by default. */
  backupUploadLimit?: number;
}

export interface WebServer {
  /**
   * What to open in a browser: a fresh one-time launch link each call, never the token (a URL
   * given to a browser on its command line is visible to every user of the machine).
   */
  launchUrl(): string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const API_PREFIX = '/api/';
/** `GET /api/download/<id>`: a file a call made for the browser (library.backupFile), sent once. */
const DOWNLOAD_PREFIX = 'download/';
/**
 * `POST /api/download-ticket {"download": "<id>"}` (with the token): a ticket for that download,
 * good once and for a minute, so that the browser fetches it by a plain link, `GET /download/<ticket>`,
 * and saves it to disk as it arrives, never holding it in the page's memory.
 */
const DOWNLOAD_TICKET = 'download-ticket';
const DOWNLOAD_LINK_PREFIX = '/download/';
const TicketBody = z.object({ download: z.string().min(1).max(200) }).strict();
/** A ticket's request body is one download id; anything bigger is not one. */
const TICKET_BODY_LIMIT = 1024;
/** `POST /api/upload/backup`: a backup sent for a restore, streamed to the library's tmp/ and checked (upload.ts). */
const BACKUP_UPLOAD = 'upload/backup';
const LaunchBody = z.object({ nonce: z.string().min(1).max(200) }).strict();
/** Where the page exchanges its launch nonce for the token. */
const LAUNCH_PATH = '/launch';
/** A launch exchange body is one nonce; anything bigger is not one. */
const LAUNCH_BODY_LIMIT = 1024;

/**
 * A small JSON request of the server's own (the launch exchange, a download ticket) and what it
 * says, in its own words, when a request is not one: sent with another method (405), without a
 * JSON content type (415), or with a body that is not JSON, too big or not the shape asked (400).
 */
interface SmallJsonRequest<T> {
  schema: z.ZodType<T>;
  /** The most bytes its body may have: it holds one id, anything bigger is not one. */
  limit: number;
  notPost: string;
  notJson: string;
  wrongShape: string;
}

/**
 * One step for both small JSON requests: method, content type, bounded body, schema. Gives the
 * body read, or null once the refusal is sent; the caller then has nothing left to do.
 */
async function smallJsonBody<T>(req: IncomingMessage, res: ServerResponse, request: SmallJsonRequest<T>): Promise<T | null> {
  if (req.method !== 'POST') {
    sendResult(res, 405, failure('USAGE', request.notPost), { Allow: 'POST' });
    return null;
  }
  if (!isJsonContentType(req.headers['content-type'])) {
    sendResult(res, 415, failure('INVALID_INPUT', request.notJson));
    return null;
  }
  const body = await readJsonBody(req, request.limit);
  if (!body.ok) {
    sendResult(res, body.status, failure(body.code, body.message, body.params));
    return null;
  }
  const parsed = request.schema.safeParse(body.value);
  if (!parsed.success) {
    sendResult(res, 400, failure('INVALID_INPUT', request.wrongShape));
    return null;
  }
  return parsed.data;
}

const LAUNCH_REQUEST: SmallJsonRequest<z.infer<typeof LaunchBody>> = {
  schema: LaunchBody,
  limit: LAUNCH_BODY_LIMIT,
  notPost: 'A launch link is exchanged with POST and a JSON body.',
  notJson: 'Send the launch link\'s nonce as JSON with "Content-Type: application/json".',
  wrongShape: 'The body must be {"nonce": "..."}, the value of the launch link\'s "launch" parameter.',
};

const TICKET_REQUEST: SmallJsonRequest<z.infer<typeof TicketBody>> = {
  schema: TicketBody,
  limit: TICKET_BODY_LIMIT,
  notPost: 'A download ticket is asked for with POST and a JSON body.',
  notJson: 'Send {"download": "..."} as JSON with "Content-Type: application/json".',
  wrongShape: 'The body must be {"download": "..."}, the id a call answered for its file.',
};

/**
 * Web mode: the core's dispatcher over HTTP on 127.0.0.1, plus the built UI. API calls are
 * `POST /api/<method>` with a JSON body and the token in the x-dateline-token header; events
 * arrive on `GET /api/events` as a text/event-stream.
 */
export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const host = opts.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') {
    throw new DatelineError('USAGE', `Web mode listens on 127.0.0.1 only, so no other computer can reach the library; "${host}" was refused.`, { params: { host } });
  }
  const requestedPort = opts.port ?? 0;
  if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65535) {
    throw new DatelineError('USAGE', `The port must be a whole number from 0 to 65535, not ${String(requestedPort)}.`);
  }
  if (opts.token !== undefined && !isStrongToken(opts.token)) {
    throw new DatelineError('USAGE', 'A web mode token must be at least 32 letters, digits, "-" or "_".');
  }
  const token = opts.token ?? newToken();
  const { core, staticDir } = opts;
  const streams = new EventStreams(core, opts.events);
  const nonces = launchNonces(opts.now);
  // Kept by their hash, like the launch nonces; a ticket is never written to any log.
  const tickets = new OneTimeCodes<string>(DOWNLOAD_TICKET_TTL_MS, opts.now);
  let port = 0;
  let origin = '';
  const launchUrl = () => `${origin}/?launch=${nonces.issue(null)}`;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    if (!hostAllowed(req.headers.host, port)) {
      sendText(res, 421, 'This server answers only to 127.0.0.1 and localhost.');
      return;
    }
    const target = req.url ?? '/';
    const query = target.search(/[?#]/);
    const rawPath = query === -1 ? target : target.slice(0, query);
    if (rawPath === '/api' || rawPath.startsWith(API_PREFIX)) {
      await handleApi(req, res, rawPath.slice(API_PREFIX.length));
      return;
    }
    if (rawPath === LAUNCH_PATH) {
      await handleLaunch(req, res);
      return;
    }
    if (rawPath.startsWith(DOWNLOAD_LINK_PREFIX)) {
      handleDownloadLink(req, res, rawPath.slice(DOWNLOAD_LINK_PREFIX.length));
      return;
    }
    await serveStatic(req, res, rawPath, staticDir);
  }

  /**
   * POST /launch {"nonce": "..."} answers the session token once per nonce. The same guards
   * as the API stand in front of it (Host above, Origin and a JSON body here, which a
   * foreign page cannot send without a CORS preflight we never answer).
   */
  async function handleLaunch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    if (!originAllowed(req.headers.origin, port)) {
      sendResult(res, 403, failure('FORBIDDEN', 'Requests from other web pages are refused.', { reason: 'otherPage' }));
      return;
    }
    const body = await smallJsonBody(req, res, LAUNCH_REQUEST);
    if (!body) return;
    const redeemed = nonces.redeem(body.nonce);
    if (!redeemed.ok) {
      opts.onLaunchRefused?.(launchUrl());
      const why = redeemed.reason === 'used' ? 'was already used' : redeemed.reason === 'expired' ? 'has expired' : 'is not one this server made';
      sendResult(res, 401, failure('UNAUTHORIZED', `This launch link ${why}. Open the newest link printed in the terminal where Dateline runs.`, { reason: redeemed.reason }));
      return;
    }
    sendResult(res, 200, { ok: true, value: { token } });
  }

  /**
   * GET /download/<ticket>: the file the ticket was minted for, once. The ticket stands in for the
   * token, which a plain link cannot send in a header: minted behind the token, used up at the
   * first fetch, worthless after a minute.
   */
  function handleDownloadLink(req: IncomingMessage, res: ServerResponse, ticket: string): void {
    res.setHeader('Cache-Control', 'no-store');
    if (!originAllowed(req.headers.origin, port)) {
      sendResult(res, 403, failure('FORBIDDEN', 'Requests from other web pages are refused.', { reason: 'otherPage' }));
      return;
    }
    if (req.method !== 'GET') {
      sendResult(res, 405, failure('USAGE', 'A download link is read with GET.'), { Allow: 'GET' });
      return;
    }
    const redeemed = tickets.redeem(ticket);
    if (!redeemed.ok) {
      refuseDownloadLink(res, redeemed.reason);
      return;
    }
    sendDownload(res, redeemed.value, (r) => refuseDownloadLink(r, 'gone'));
  }

  /** POST /api/download-ticket: a ticket for a download that waits, or NOT_FOUND in words for one that does not. */
  async function mintTicket(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await smallJsonBody(req, res, TICKET_REQUEST);
    if (!body) return;
    if (!hasDownload(body.download)) {
      sendResult(res, 404, failure('NOT_FOUND', 'This download is not here: it was fetched already, or it waited too long and was removed. Make it again.', { reason: 'downloadGone' }));
      return;
    }
    sendResult(res, 200, { ok: true, value: { url: `${DOWNLOAD_LINK_PREFIX}${tickets.issue(body.download)}` } });
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    if (!originAllowed(req.headers.origin, port)) {
      sendResult(res, 403, failure('FORBIDDEN', 'Requests from other web pages are refused.', { reason: 'otherPage' }));
      return;
    }
    // Only the header counts: a query string leaks into logs and history, and a cookie would
    // ride along on a foreign page's requests.
    if (!tokenMatches(req.headers[TOKEN_HEADER], token)) {
      sendResult(res, 401, failure('UNAUTHORIZED', 'This request does not carry the Dateline token of this session. Open the address web mode printed.'));
      return;
    }
    if (name === 'events') {
      if (req.method !== 'GET') {
        sendResult(res, 405, failure('USAGE', 'The event stream is read with GET.'), { Allow: 'GET' });
        return;
      }
      streams.open(req, res);
      return;
    }
    if (name === DOWNLOAD_TICKET) {
      await mintTicket(req, res);
      return;
    }
    if (name.startsWith(DOWNLOAD_PREFIX)) {
      if (req.method !== 'GET') {
        sendResult(res, 405, failure('USAGE', 'A download is read with GET.'), { Allow: 'GET' });
        return;
      }
      sendDownload(res, name.slice(DOWNLOAD_PREFIX.length));
      return;
    }
    if (req.method !== 'POST') {
      sendResult(res, 405, failure('USAGE', 'Call API methods with POST and a JSON body.'), { Allow: 'POST' });
      return;
    }
    if (name === BACKUP_UPLOAD) {
      await receiveBackup(req, res, core.ctx.dir, opts.backupUploadLimit ?? BACKUP_UPLOAD_MAX_BYTES);
      return;
    }
    if (!isJsonContentType(req.headers['content-type'])) {
      sendResult(res, 415, failure('INVALID_INPUT', 'Send the input as JSON with "Content-Type: application/json".'));
      return;
    }
    const body = await readJsonBody(req, bodyLimit(core.ctx.attachmentLimit));
    if (!body.ok) {
      sendResult(res, body.status, failure(body.code, body.message, body.params));
      return;
    }
    const result = await core.dispatch(name, body.value, { transport: 'http' });
    const status = !result.ok && result.error.code === 'UNKNOWN_METHOD' ? 404 : 200;
    sendResult(res, status, result);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      // The dispatcher never throws; this is a fault in the transport itself.
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const detail = e instanceof Error ? e.message : String(e);
      const message = `Unexpected error in web mode: ${detail}`;
      if (req.url?.startsWith(API_PREFIX)) sendResult(res, 500, failure('INTERNAL', message, { reason: 'unexpected', detail }));
      else sendText(res, 500, message);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(requestedPort, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | null = null;
  return {
    launchUrl,
    origin,
    port,
    token,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        streams.closeAll();
        server.close((e) => (e ? reject(e) : resolve()));
        // Idle keep-alive connections would otherwise hold close() open for seconds.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
