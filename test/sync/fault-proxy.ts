import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

/**
 * A fault-injecting HTTP proxy in front of a CouchDB-protocol server, on 127.0.0.1 only: it
 * relays every request and, when a rule matches, answers with an error status, cuts the
 * connection at a chosen point, or delivers the request twice. It counts the bytes each way,
 * which is what the link in a field office pays for.
 */

export type Fault =
  /** Answers with this status without asking the server. */
  | { kind: 'status'; status: number; error?: string }
  /** Cuts while the request is being sent (after this fraction of its body, or all of it): the server never sees it. */
  | { kind: 'cut-upload'; fraction?: number }
  /** The server answers; the connection is cut after this fraction of the answer reached the client. */
  | { kind: 'cut-download'; fraction?: number }
  /** The server did the work and answered; the client never hears of it. */
  | { kind: 'cut-after-save' }
  /** The request reaches the server twice (a retransmission); the client gets the second answer. */
  | { kind: 'duplicate' }
  /** Never answered: `onHold` is told (a test kills the client there). */
  | { kind: 'hold'; onHold: () => void }
  /** Held until `open` resolves, then relayed as usual: `onHold` is told (a test looks at the client mid-transfer). */
  | { kind: 'gate'; open: Promise<void>; onHold?: () => void };

export interface Rule {
  method?: string;
  path: RegExp;
  fault: Fault;
  /** Matching requests let through before the fault applies. */
  skip?: number;
  /** How many times it applies; once by default. */
  times?: number;
}

interface LiveRule extends Rule {
  seen: number;
  fired: number;
}

export interface ProxyStats {
  requests: number;
  /** Request bodies received from the client. */
  bytesUp: number;
  /** Response bodies sent to the client (cut ones only as far as they got). */
  bytesDown: number;
  faults: number;
  /** TCP connections the client opened (a client that keeps them alive opens few). */
  connections: number;
}

/** A slow link that drops: both directions share `bytesPerSecond`; every open connection is cut every `dropEveryMs`. */
export interface Link {
  bytesPerSecond?: number;
  dropEveryMs?: number;
}

export class FaultProxy {
  readonly stats: ProxyStats = { requests: 0, bytesUp: 0, bytesDown: 0, faults: 0, connections: 0 };
  readonly log: { method: string; path: string; status: number | 'cut' }[] = [];
  private rules: LiveRule[] = [];
  private readonly sockets = new Set<Socket>();
  private linkRate: number | null = null;
  /** When the link has sent everything queued so far (both directions share it). */
  private linkFreeAt = 0;
  private dropTimer: NodeJS.Timeout | null = null;
  /** Drops that cut at least one connection. */
  drops = 0;
  private constructor(
    private readonly server: Server,
    private readonly upstream: URL,
    readonly url: string,
  ) {}

  static async start(upstream: string): Promise<FaultProxy> {
    let proxy: FaultProxy | null = null;
    const server = createServer((req, res) => void proxy!.handle(req, res));
    server.on('connection', (socket) => {
      proxy!.stats.connections++;
      proxy!.sockets.add(socket);
      socket.once('close', () => proxy!.sockets.delete(socket));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const port = (server.address() as AddressInfo).port;
    proxy = new FaultProxy(server, new URL(upstream), `http://127.0.0.1:${port}`);
    return proxy;
  }

  /** The URL of a database on the server, through the proxy. */
  db(name: string): string {
    return `${this.url}/${name}`;
  }

  add(rule: Rule): void {
    this.rules.push({ ...rule, seen: 0, fired: 0 });
  }

  /** Faults that fired so far. */
  fired(): number {
    return this.rules.reduce((n, r) => n + r.fired, 0);
  }

  clear(): void {
    this.rules = [];
  }

  /** Makes the link slow and unreliable (or, with `{}`, clean again). */
  link(link: Link): void {
    this.linkRate = link.bytesPerSecond ?? null;
    this.linkFreeAt = 0;
    if (this.dropTimer) clearInterval(this.dropTimer);
    this.dropTimer = null;
    if (link.dropEveryMs) {
      this.dropTimer = setInterval(() => {
        if (this.sockets.size > 0) this.drops++;
        for (const socket of this.sockets) socket.destroy();
      }, link.dropEveryMs);
      this.dropTimer.unref();
    }
  }

  /** Waits as long as a slow link takes to carry `bytes` after what it already carries. */
  private async carry(bytes: number): Promise<void> {
    if (!this.linkRate) return;
    const now = performance.now();
    this.linkFreeAt = Math.max(now, this.linkFreeAt) + (bytes / this.linkRate) * 1000;
    const wait = this.linkFreeAt - now;
    if (wait >= 1) await new Promise((done) => setTimeout(done, wait));
  }

  /** Sends an answer body through the link, a slice at a time, counting what gets through. */
  private async send(res: ServerResponse, body: Buffer, upTo = body.length): Promise<boolean> {
    const slice = this.linkRate ? 1024 : Math.max(upTo, 1);
    for (let at = 0; at < upTo; at += slice) {
      const part = body.subarray(at, Math.min(upTo, at + slice));
      await this.carry(part.length);
      if (res.destroyed) return false;
      res.write(part);
      this.stats.bytesDown += part.length;
    }
    return true;
  }

  private match(method: string, path: string): Fault | null {
    for (const r of this.rules) {
      if ((r.method && r.method !== method) || !r.path.test(path)) continue;
      if (r.fired >= (r.times ?? 1)) continue;
      r.seen++;
      if (r.seen <= (r.skip ?? 0)) continue;
      r.fired++;
      this.stats.faults++;
      return r.fault;
    }
    return null;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    this.stats.requests++;
    const fault = this.match(method, path);
    const chunks: Buffer[] = [];
    const declared = Number(req.headers['content-length'] ?? 0);
    const cutAt = fault?.kind === 'cut-upload' && fault.fraction !== undefined ? Math.floor(declared * fault.fraction) : Infinity;
    let received = 0;
    try {
      for await (const c of req) {
        const piece = c as Buffer;
        // The link carries the bytes before the proxy has them: what a drop cuts was still paid for.
        await this.carry(piece.length);
        const take = Math.min(piece.length, cutAt - received);
        received += take;
        this.stats.bytesUp += take;
        chunks.push(piece.subarray(0, take));
        if (received >= cutAt) {
          this.log.push({ method, path, status: 'cut' });
          req.socket.destroy();
          return;
        }
      }
    } catch {
      this.log.push({ method, path, status: 'cut' });
      return;
    }
    if (req.socket.destroyed) {
      this.log.push({ method, path, status: 'cut' });
      return;
    }
    const body = Buffer.concat(chunks);
    if (fault?.kind === 'hold') {
      this.log.push({ method, path, status: 'cut' });
      fault.onHold();
      return;
    }
    if (fault?.kind === 'gate') {
      fault.onHold?.();
      await fault.open;
    }
    if (fault?.kind === 'cut-upload') {
      this.log.push({ method, path, status: 'cut' });
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') {
      const text = JSON.stringify({ error: fault.error ?? 'injected', reason: `fault injected by the test proxy (HTTP ${fault.status})` });
      this.log.push({ method, path, status: fault.status });
      res.writeHead(fault.status, { 'Content-Type': 'application/json', Date: new Date().toUTCString() });
      res.end(text);
      this.stats.bytesDown += Buffer.byteLength(text);
      return;
    }
    let answer: Answer;
    try {
      if (fault?.kind === 'duplicate') await this.forward(method, path, req, body);
      answer = await this.forward(method, path, req, body);
    } catch {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'cut-after-save') {
      this.log.push({ method, path, status: 'cut' });
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'cut-download') {
      const part = Math.floor(answer.body.length * (fault.fraction ?? 0.5));
      this.log.push({ method, path, status: 'cut' });
      res.writeHead(answer.status, answer.headers);
      await this.send(res, answer.body, part);
      res.write(Buffer.alloc(0), () => req.socket.destroy());
      return;
    }
    res.writeHead(answer.status, answer.headers);
    if (!(await this.send(res, answer.body))) {
      this.log.push({ method, path, status: 'cut' });
      return;
    }
    this.log.push({ method, path, status: answer.status });
    res.end();
  }

  private forward(method: string, path: string, req: IncomingMessage, body: Buffer): Promise<Answer> {
    return new Promise((done, fail) => {
      const headers = { ...req.headers, host: this.upstream.host, 'content-length': String(body.length) };
      delete headers.connection;
      const up = request({ host: this.upstream.hostname, port: this.upstream.port, method, path, headers }, (r) => {
        const parts: Buffer[] = [];
        r.on('data', (c: Buffer) => parts.push(c));
        r.on('end', () => {
          const h: Record<string, string | string[]> = {};
          for (const [k, v] of Object.entries(r.headers)) {
            if (v !== undefined && k !== 'transfer-encoding' && k !== 'connection' && k !== 'content-length') h[k] = v;
          }
          const all = Buffer.concat(parts);
          h['content-length'] = String(all.length);
          done({ status: r.statusCode ?? 502, headers: h, body: all });
        });
        r.on('error', fail);
      });
      up.on('error', fail);
      up.end(body);
    });
  }

  close(): Promise<void> {
    if (this.dropTimer) clearInterval(this.dropTimer);
    this.server.closeAllConnections();
    return new Promise((done) => this.server.close(() => done()));
  }
}

interface Answer {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}
