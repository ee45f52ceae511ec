import type { z } from 'zod';
import { issueMessage } from '../../shared/errors';
import type { LocalDoc, LocalDocInput, RemoteRevision, RevisionJson, RevsDiffRequest, RevsDiffResult } from '../store/replication-api';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from './backoff';
import { BulkDocsReply, BulkGetReply, ChangesReply, ErrorReply, isBulkGetReply, LocalDocReply, OpenRevsReply, PutReply, RevsDiffReply } from './couch-schemas';
import { isRetryable, networkCause, SyncError } from './errors';
import { answerText, HttpFailure, httpExchange } from './http';
import { parseResultsAnswer } from './results-answer';
import { NEAR_PAGE, PAGE, type Denied, type Peer, type PeerChanges, type RevRequest, type Seq, type WriteOutcome } from './peer';

/**
 * A database on a CouchDB-protocol server (CouchDB 3, or pouchdb-server in tests), spoken to
 * with the replication protocol as CouchDB documents it: `_changes?style=all_docs`,
 * `_revs_diff`, `_bulk_get` (or `open_revs` where a server lacks it), `_bulk_docs` with
 * `new_edits: false` and `_local` documents. Every request is retried with full-jitter backoff
 * on network errors and 5xx; 401 and 403 are never retried.
 */

export interface CouchPeerOptions {
  /** The database URL, e.g. https://sync.example.org/office-kampala. Credentials in it are moved to a header. */
  url: string;
  user?: string;
  password?: string;
  /** Per request, so a link that stalls without closing still fails and is retried. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Most revisions per `_bulk_get` or `_bulk_docs` request; PAGE unless given (NEAR_PAGE to a near server). */
  batchCount?: number;
  /** Most bytes per `_bulk_docs` request; halved for the rest of the session when the server answers 413. */
  batchBytes?: number;
  clock?: () => number;
  /** Answers quicker than this (ms) mean a near server, whose answers are not asked compressed; NEAR_MS unless given. */
  nearMs?: number;
}

export interface WireStats {
  requests: number;
  bytesSent: number;
  bytesReceived: number;
  retries: number;
}

interface Reply {
  status: number;
  body: unknown;
}

export class CouchPeer implements Peer {
  readonly identity: string;
  /**
   * Two `_bulk_docs` on the way in a push: with one, the server waited between batches while
   * this process read its answer and sent the next (see the bench README, 6 December, later).
   */
  readonly writesAtOnce = 2;
  readonly stats: WireStats = { requests: 0, bytesSent: 0, bytesReceived: 0, retries: 0 };
  /** Server clock minus ours, from the Date header of the latest answer; null before any answer. */
  skewMs: number | null = null;
  private readonly base: string;
  private readonly auth: string | null;
  private readonly retry: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly givenBatchCount: number | undefined;
  private batchBytes: number;
  private readonly clock: () => number;
  private readonly nearMs: number;
  /** The quickest answer yet to a small request (ms to its headers): the link's round trip, at most. */
  private quickestMs: number | null = null;
  /** Learnt from the first `_bulk_get`: older servers answer it with 404 or 405. */
  private bulkGet: boolean | null = null;

  constructor(opts: CouchPeerOptions) {
    let url: URL;
    try {
      url = new URL(opts.url);
    } catch {
      throw new SyncError('protocol', `"${opts.url}" is not a server address; it should look like https://sync.example.org/office-db.`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new SyncError('protocol', `"${opts.url}" is not an http or https address.`);
    }
    const user = opts.user ?? decodeURIComponent(url.username);
    const password = opts.password ?? decodeURIComponent(url.password);
    url.username = '';
    url.password = '';
    url.search = '';
    url.hash = '';
    // Trailing slashes dropped by a scan from the end: /\/+$/ retries from every slash.
    const href = url.toString();
    let end = href.length;
    while (end > 0 && href.charAt(end - 1) === '/') end--;
    this.base = href.slice(0, end);
    this.identity = this.base;
    this.auth = user ? `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}` : null;
    this.retry = { ...DEFAULT_RETRY, ...opts.retry, onRetry: (e, n, w) => { this.stats.retries++; opts.retry?.onRetry?.(e, n, w); } };
    this.timeoutMs = opts.timeoutMs ?? 60_000;
    this.givenBatchCount = opts.batchCount;
    this.batchBytes = opts.batchBytes ?? 4 * 1024 * 1024;
    this.clock = opts.clock ?? Date.now;
    this.nearMs = opts.nearMs ?? NEAR_MS;
  }

  /**
   * Whether what crosses the link is compressed (answers asked for gzipped, and file chunks sent
   * gzipped by files-peer.ts): not once a small request has been answered within `nearMs` (the
   * link's round trip cannot be longer than that), a server on this computer or its local
   * network. There bytes cost nothing and compressing costs both machines CPU (a pull of 2,000
   * releases from pouchdb-server: about 100 ms of the client's to inflate, and the server's time
   * to deflate at level 6; a push of 200 photos: the client's gzip and the server's gunzip of
   * 67 MB of base64); over any link farther away, where JSON shrinking four times and base64 going
   * back to the size of its bytes pay, it is.
   */
  get compresses(): boolean {
    return this.quickestMs === null || this.quickestMs >= this.nearMs;
  }

  /** Answered within `nearMs`: on this computer or its local network. */
  get near(): boolean {
    return !this.compresses;
  }

  /** Most revisions per request (see PAGE). */
  private get batchCount(): number {
    return this.givenBatchCount ?? (this.near ? NEAR_PAGE : PAGE);
  }

  /** The quickest answer yet to a small request, in ms (null before any): what `compresses` goes by. */
  get roundTripMs(): number | null {
    return this.quickestMs;
  }

  /** The database URL without credentials, for messages and the replication id. */
  get url(): string {
    return this.base;
  }

  /** Checks the database answers (and creates it when asked and missing). */
  async open(create = false): Promise<void> {
    const r = await this.send('GET', '', undefined, [200, 404]);
    if (r.status === 404) {
      if (!create) {
        const database = decodeURIComponent(new URL(this.base).pathname.split('/').filter((p) => p !== '').pop() ?? '');
        throw new SyncError('not-found', `There is no database at ${this.base}. Check the server address in Settings.`, 404, { database, url: this.base });
      }
      await this.create();
    }
  }

  /** Creates the database; one made meanwhile by someone else (412) is as good. */
  async create(): Promise<void> {
    await this.send('PUT', '', undefined, [201, 202, 412]);
  }

  async changes(since: Seq, limit: number): Promise<PeerChanges> {
    const q = new URLSearchParams({ style: 'all_docs', since: String(since), limit: String(limit) });
    const r = parse(ChangesReply, (await this.send('GET', `/_changes?${q}`)).body, '_changes');
    return { results: r.results, lastSeq: r.last_seq };
  }

  async revsDiff(request: RevsDiffRequest): Promise<RevsDiffResult> {
    if (Object.keys(request).length === 0) return {};
    return parse(RevsDiffReply, (await this.send('POST', '/_revs_diff', request)).body, '_revs_diff');
  }

  async getRevs(requests: readonly RevRequest[]): Promise<RemoteRevision[]> {
    return (await this.fetchRevs(requests))();
  }

  async fetchRevs(requests: readonly RevRequest[]): Promise<() => RemoteRevision[]> {
    const got: (Buffer | RemoteRevision[])[] = [];
    for (let i = 0; i < requests.length; ) {
      // A batch is bounded by revisions, not documents: one document can have many leaves.
      let n = 0;
      let j = i;
      while (j < requests.length && (j === i || n + requests[j]!.revs.length <= this.batchCount)) n += requests[j++]!.revs.length;
      const batch = requests.slice(i, j);
      i = j;
      if (this.bulkGet !== false) {
        const answer = await this.bulkGetBatch(batch);
        if (answer) {
          got.push(answer);
          continue;
        }
      }
      for (const req of batch) got.push(await this.openRevs(req));
    }
    return () => got.flatMap((g) => (Buffer.isBuffer(g) ? this.bulkGetRevisions(g) : g));
  }

  /** One `_bulk_get` of these revisions: its answer's bytes, or null where the server has no `_bulk_get`. */
  private async bulkGetBatch(batch: readonly RevRequest[]): Promise<Buffer | null> {
    const docs = batch.flatMap((r) => r.revs.map((rev) => ({ id: r.id, rev })));
    const r = await this.sendBytes('POST', '/_bulk_get?revs=true&latest=true', { data: JSON.stringify({ docs }), type: 'application/json' }, [200, 400, 404, 405, 501]);
    if (r.status !== 200) {
      this.bulkGet = false;
      return null;
    }
    this.bulkGet = true;
    return r.bytes;
  }

  /** The revisions a `_bulk_get` answer holds, checked. */
  private bulkGetRevisions(bytes: Buffer): RemoteRevision[] {
    let body: unknown;
    try {
      body = parseResultsAnswer(bytes, true);
    } catch {
      throw new SyncError('protocol', `${this.base}/_bulk_get did not answer with JSON; is this a CouchDB server?`, 200);
    }
    const reply = isBulkGetReply(body) ? body : parse(BulkGetReply, body, '_bulk_get');
    return reply.results.flatMap((res) => res.docs.flatMap((d) => (d.ok ? [d.ok as RemoteRevision] : [])));
  }

  private async openRevs(req: RevRequest): Promise<RemoteRevision[]> {
    const q = new URLSearchParams({ revs: 'true', latest: 'true', open_revs: JSON.stringify(req.revs) });
    const r = await this.send('GET', `/${encodeURIComponent(req.id)}?${q}`, undefined, [200, 404]);
    if (r.status === 404) return [];
    return parse(OpenRevsReply, r.body, 'open_revs').flatMap((d) => (d.ok ? [d.ok as RemoteRevision] : []));
  }

  writeRevs(docs: readonly RemoteRevision[]): Promise<WriteOutcome & { checkpoint: null }> {
    return this.writeRevsJson(docs.map((d) => ({ id: d._id, rev: d._rev, json: Buffer.from(JSON.stringify(d), 'utf8') })));
  }

  /** As writeRevs, for revisions already serialised (each is sent as it is, never parsed again). */
  async writeRevsJson(docs: readonly RevisionJson[]): Promise<WriteOutcome & { checkpoint: null }> {
    const outcome: WriteOutcome = { written: 0, denied: [] };
    let batch: Sized[] = [];
    let bytes = 0;
    for (const doc of docs) {
      const size = doc.json.byteLength + 1;
      if (batch.length > 0 && (batch.length >= this.batchCount || bytes + size > this.batchBytes)) {
        await this.bulkDocs(batch, bytes, outcome);
        batch = [];
        bytes = 0;
      }
      batch.push({ ...doc, size });
      bytes += size;
    }
    if (batch.length > 0) await this.bulkDocs(batch, bytes, outcome);
    return { ...outcome, checkpoint: null };
  }

  /** One `_bulk_docs`; on 413 the batch is halved (and so is every later one) until it fits. */
  private async bulkDocs(batch: readonly Sized[], bytes: number, outcome: WriteOutcome): Promise<void> {
    // The body is put together from the revisions' JSON: one buffer, its size known beforehand.
    const body = Buffer.allocUnsafe(BULK_HEAD.length + bytes + BULK_TAIL.length - 1);
    let at = body.write(BULK_HEAD, 0, 'latin1');
    batch.forEach((d, i) => {
      if (i > 0) body[at++] = 0x2c; // ','
      at += d.json.copy(body, at);
    });
    body.write(BULK_TAIL, at, 'latin1');
    const r = await this.sendJson('POST', '/_bulk_docs', body, [201, 202, 413]);
    if (r.status === 413) {
      if (batch.length === 1) {
        const d = batch[0]!;
        outcome.denied.push({ id: d.id, rev: d.rev, reason: 'too large for the server' });
        return;
      }
      const half = Math.ceil(batch.length / 2);
      this.batchBytes = Math.max(1024, Math.floor(this.batchBytes / 2));
      const first = batch.slice(0, half);
      const second = batch.slice(half);
      await this.bulkDocs(first, sizeOf(first), outcome);
      await this.bulkDocs(second, sizeOf(second), outcome);
      return;
    }
    const refused = new Map<string, Denied>();
    for (const item of parse(BulkDocsReply, r.body, '_bulk_docs')) {
      if (item.error && item.id) refused.set(item.id, { id: item.id, rev: item.rev ?? '', reason: `${item.error}${item.reason ? `: ${item.reason}` : ''}` });
    }
    for (const d of batch) {
      const denied = refused.get(d.id);
      if (denied) outcome.denied.push({ ...denied, rev: denied.rev || d.rev });
      else outcome.written++;
    }
  }

  async getLocal(id: string): Promise<LocalDoc | null> {
    const r = await this.send('GET', `/${localPath(id)}`, undefined, [200, 404]);
    if (r.status === 404) return null;
    return parse(LocalDocReply, r.body, '_local') as LocalDoc;
  }

  async putLocal(doc: LocalDocInput): Promise<LocalDoc> {
    const { _rev: _given, ...rest } = doc;
    const r = await this.send('PUT', `/${localPath(doc._id)}`, doc, [200, 201, 202, 409]);
    if (r.status === 409) {
      // Someone else (a replay of our own cut request) moved it on: take the current rev and write again.
      const now = await this.getLocal(doc._id);
      const again = await this.send('PUT', `/${localPath(doc._id)}`, { ...rest, ...(now ? { _rev: now._rev } : {}) }, [200, 201, 202]);
      return { ...doc, _rev: parse(PutReply, again.body, '_local').rev };
    }
    return { ...doc, _rev: parse(PutReply, r.body, '_local').rev };
  }

  private send(method: string, path: string, body?: unknown, accept: readonly number[] = [200]): Promise<Reply> {
    return this.sendJson(method, path, body === undefined ? undefined : Buffer.from(JSON.stringify(body), 'utf8'), accept);
  }

  /** A JSON request (its body already serialised), answered in JSON; retried as every other request. */
  private sendJson(method: string, path: string, body: Buffer | undefined, accept: readonly number[]): Promise<Reply> {
    return withRetry(() => this.once(method, path, body, accept), isRetryable, this.retry);
  }

  /**
   * One request whose body and answer are bytes, not JSON (file chunks travel raw, not as base64),
   * retried as every other request. `timeoutMs` replaces the per-request one: a large body over a
   * slow link needs longer than a page of changes.
   */
  sendBytes(method: string, path: string, payload: Payload | undefined, accept: readonly number[], timeoutMs?: number): Promise<RawReply> {
    const body = payload && {
      data: typeof payload.data === 'string' ? Buffer.from(payload.data, 'utf8') : Buffer.from(payload.data.buffer, payload.data.byteOffset, payload.data.byteLength),
      type: payload.type,
      ...(payload.encoding ? { encoding: payload.encoding } : {}),
    };
    return withRetry(() => this.exchange(method, path, body, accept, timeoutMs ?? this.timeoutMs), isRetryable, this.retry);
  }

  /** A JSON request, answered in JSON. */
  private async once(method: string, path: string, body: Buffer | undefined, accept: readonly number[]): Promise<Reply> {
    const payload = body === undefined ? undefined : { data: body, type: 'application/json' };
    const { status, bytes } = await this.exchange(method, path, payload, accept, this.timeoutMs);
    let json: unknown = undefined;
    if (bytes.byteLength > 0) {
      try {
        json = JSON.parse(answerText(bytes));
      } catch {
        throw new SyncError('protocol', `${this.base}${path.split('?')[0]} did not answer with JSON (HTTP ${status}); is this a CouchDB server?`, status, { host: this.host });
      }
    }
    return { status, body: json };
  }

  /** One HTTP exchange: counts the bytes, reads the server's clock, and turns a refusal into a SyncError. */
  private async exchange(method: string, path: string, payload: { data: Buffer; type: string; encoding?: 'gzip' } | undefined, accept: readonly number[], timeoutMs: number): Promise<RawReply> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.auth) headers.Authorization = this.auth;
    if (payload) headers['Content-Type'] = payload.type;
    if (payload?.encoding) headers['Content-Encoding'] = payload.encoding;
    const where = `${this.base}${path.split('?')[0]}`;
    this.stats.requests++;
    if (payload) this.stats.bytesSent += payload.data.byteLength;
    let answer;
    try {
      answer = await httpExchange(new URL(`${this.base}${path}`), method, headers, payload?.data, timeoutMs, this.compresses);
    } catch (e) {
      throw this.connectionFailed(e);
    }
    const { status, bytes, date, headersMs, wireBytes } = answer;
    if ((payload?.data.byteLength ?? 0) <= SMALL_REQUEST && (this.quickestMs === null || headersMs < this.quickestMs)) this.quickestMs = headersMs;
    this.stats.bytesReceived += wireBytes;
    if (date) {
      const server = Date.parse(date);
      if (!Number.isNaN(server)) this.skewMs = server - this.clock();
    }
    if (accept.includes(status)) return { status, bytes };
    let json: unknown = undefined;
    try {
      json = JSON.parse(answerText(bytes));
    } catch {
      // Not JSON: the status alone says what went wrong.
    }
    const err = ErrorReply.safeParse(json);
    const reason = err.success ? `${err.data.error}${err.data.reason ? `: ${err.data.reason}` : ''}` : `HTTP ${status}`;
    const host = { host: this.host };
    if (status === 401) throw new SyncError('auth', `${this.base} refused the account or password (${reason}).`, status, host);
    if (status === 403) throw new SyncError('forbidden', `${this.base} does not let this account do that (${reason}).`, status, host);
    if (status === 413) throw new SyncError('too-large', `${where}: the request is larger than the server accepts.`, status, host);
    if (status === 404) throw new SyncError('not-found', `${where} was not found (${reason}).`, status, { ...host, url: this.base });
    if (status >= 500 || status === 408 || status === 429) throw new SyncError('server', `${where} answered HTTP ${status} (${reason}).`, status, host);
    throw new SyncError('protocol', `${where} answered HTTP ${status} (${reason}).`, status, host);
  }

  /** The server's name and port, for a message that names the server rather than a database's URL. */
  private get host(): string {
    return new URL(this.base).host;
  }

  /** A request that got no answer, said by what the person can check (the window words it by `cause`). */
  private connectionFailed(e: unknown): SyncError {
    const code = e instanceof HttpFailure ? e.code : '';
    const cause = networkCause(code);
    const said = e instanceof HttpFailure ? e.code : describe(e);
    const message =
      cause === 'refused'
        ? `Nothing answers at ${this.base} (${said}): the server may be stopped, or the address wrong.`
        : cause === 'no-such-host'
          ? `No server called ${this.host} was found (${said}): check the address, and this computer's connection.`
          : cause === 'secure-connection'
            ? `The secure connection to ${this.host} failed (${said}): check whether the address begins with http:// or https://, as the server expects.`
            : `The connection to ${this.base} failed (${describe(e)}).`;
    return new SyncError('network', message, null, { cause, host: this.host });
  }
}

/** A request body that is not JSON: its bytes and their Content-Type. */
export interface Payload {
  data: string | Uint8Array;
  type: string;
  /** The body is compressed so (CouchDB and pouchdb-server inflate a gzipped JSON body). */
  encoding?: 'gzip';
}

export interface RawReply {
  status: number;
  bytes: Buffer;
}

function localPath(id: string): string {
  const name = id.startsWith('_local/') ? id.slice('_local/'.length) : id;
  return `_local/${encodeURIComponent(name)}`;
}

/** A revision to send with its size in bytes (plus one for the comma between two). */
interface Sized extends RevisionJson {
  size: number;
}

/**
 * An answer this quick comes from a server on this computer or its local network: a satellite
 * round trip takes 500 ms (20 in low orbit), a mobile one 30 or more, whatever the server does.
 * Under 2 ms on a quiet machine, a local pouchdb-server took up to 8 on a busy one; a slow
 * answer only keeps answers compressed, as before.
 */
const NEAR_MS = 10;
/** Requests up to this size time the link; a larger body's own sending would count in. */
const SMALL_REQUEST = 16 * 1024;

/** The frame of a `_bulk_docs` body of revisions written elsewhere, around the documents' JSON. */
export const BULK_HEAD = '{"new_edits":false,"docs":[';
export const BULK_TAIL = ']}';

const sizeOf = (batch: readonly Sized[]) => batch.reduce((n, d) => n + d.size, 0);

/** zod stays on everything the server sends: a proxy or captive portal in between can answer anything. */
function parse<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new SyncError('protocol', `The server's ${what} answer is not what CouchDB sends (${issue.path.join('.') || 'answer'}: ${issueMessage(issue)}).`);
  }
  return r.data;
}

function describe(e: unknown): string {
  if (e instanceof HttpFailure) return e.code === 'ETIMEDOUT' ? 'no answer in time' : e.code;
  return e instanceof Error ? e.message : String(e);
}
