import { isAscii } from 'node:buffer';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';

/**
 * HTTP for sync: Node's own client over keep-alive agents, one per protocol for the whole
 * process, so a sync reuses a few connections instead of opening one per request, and without
 * the web streams `fetch` wraps around every body (a visible share of a push's client CPU in
 * its profile). Answers are asked for gzipped when the caller says so (CouchDB and
 * pouchdb-server compress JSON: over a satellite link it shrinks four times); they are inflated
 * off the main thread.
 */

export interface HttpAnswer {
  status: number;
  /** The server's Date header, for the clock check. */
  date: string | null;
  bytes: Buffer;
  /** The answer's size on the wire (compressed, when it came so). */
  wireBytes: number;
  /** Milliseconds from sending the request to the answer's headers: the link's round trip plus the server's time. */
  headersMs: number;
}

/** A failure before a whole answer arrived: `code` is Node's (ECONNRESET, ECONNREFUSED…) or ETIMEDOUT. */
export class HttpFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpFailure';
  }
}

// Idle connections are closed before pouchdb-server's and CouchDB's own 5 s keep-alive limit, so
// a request rarely meets a socket the server is closing; when it does, the retry takes another.
const agents = {
  'http:': new HttpAgent({ keepAlive: true, maxSockets: 8, timeout: 4_000 }),
  'https:': new HttpsAgent({ keepAlive: true, maxSockets: 8, timeout: 4_000 }),
};

const gunzipAsync = promisify(gunzip);
/**
 * Off the main thread in pieces of 512 KiB, not zlib's 16 KiB: each piece is a trip to the
 * thread pool, and with 16 KiB those trips cost three times the inflating itself (a pull of
 * 2,000 releases: 450 ms of its CPU in the profile).
 */
const inflate = (raw: Buffer) => gunzipAsync(raw, { chunkSize: 512 * 1024 });

export function httpExchange(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: Buffer | undefined,
  timeoutMs: number,
  gzip: boolean,
): Promise<HttpAnswer> {
  const secure = url.protocol === 'https:';
  const send = secure ? httpsRequest : httpRequest;
  return new Promise<HttpAnswer>((done, fail) => {
    let settled = false;
    const finish = (e: HttpFailure | null, answer?: HttpAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (e) fail(e);
      else done(answer!);
    };
    const req = send(url, {
      method,
      agent: agents[secure ? 'https:' : 'http:'],
      headers: { ...headers, ...(gzip ? { 'Accept-Encoding': 'gzip' } : {}), ...(body ? { 'Content-Length': String(body.byteLength) } : {}) },
    });
    const timer = setTimeout(() => {
      if (settled) return;
      finish(new HttpFailure('ETIMEDOUT', 'no answer in time'));
      req.destroy();
    }, timeoutMs);
    const sent = performance.now();
    const broken = (e: Error & { code?: unknown }) => finish(new HttpFailure(typeof e.code === 'string' ? e.code : 'ECONNRESET', e.message));
    req.on('error', broken);
    req.on('response', (res: IncomingMessage) => {
      const headersMs = performance.now() - sent;
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('error', broken);
      res.on('aborted', () => finish(new HttpFailure('ECONNRESET', 'the answer was cut')));
      res.on('end', () => {
        // Whole: the socket has gone back to the pool, so the timer must not destroy it now.
        clearTimeout(timer);
        if (!res.complete) return finish(new HttpFailure('ECONNRESET', 'the answer was cut'));
        const raw = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
        const date = typeof res.headers.date === 'string' ? res.headers.date : null;
        const status = res.statusCode ?? 0;
        if (res.headers['content-encoding'] !== 'gzip') return finish(null, { status, date, bytes: raw, wireBytes: raw.byteLength, headersMs });
        inflate(raw).then(
          (bytes) => finish(null, { status, date, bytes, wireBytes: raw.byteLength, headersMs }),
          () => finish(new HttpFailure('EBADGZIP', 'the answer was damaged on the way')),
        );
      });
    });
    req.end(body);
  });
}

/**
 * An answer's bytes as text. ASCII (base64 chunks, ids, sequences, revision lists) is read as
 * it is: Node 20 decodes UTF-8 at about 100 MB/s even when every byte is ASCII, and copies ASCII
 * at memory speed (the chunks of 200 photos came to 700 ms of a pull's CPU in its profile, the
 * check and copy to a few ms); anything else is decoded as UTF-8.
 */
export function answerText(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('ascii') : bytes.toString('utf8');
}
