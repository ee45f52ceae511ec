import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fault-injecting HTTP proxy in front of a CouchDB-protocol server, on 127.0.0.1 only: it
 * relays every request and, when a rule matches, answers with an error status, cuts the
 * connection at a chosen point, or delivers the request twice. It counts the bytes each way,
 * which is what the link in a field office pays for.
 */

export type Fault =
  /** Answers with this status without asking the server. */
  | { kind: 'status'; status: number; error?: string }
  /** Cuts while the request is being sent: the server never sees it. */
  | { kind: 'cut-upload' }
  /** The server answers; the connection is cut after this fraction of the answer reached the client. */
  | { kind: 'cut-download'; fraction?: number }
  /** The server did the work and answered; the client never hears of it. */
  | { kind: 'cut-after-save' }
  /** The request reaches the server twice (a retransmission); the client gets the second answer. */
  | { kind: 'duplicate' }
  /** Never answered: `onHold` is told (a test kills the client there). */
  | { kind: 'hold'; onHold: () => void };

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
}

export class FaultProxy {
  readonly stats: ProxyStats = { requests: 0, bytesUp: 0, bytesDown: 0, faults: 0 };
  readonly log: { method: string; path: string; status: number | 'cut' }[] = [];
  private rules: LiveRule[] = [];
  private constructor(
    private readonly server: Server,
    private readonly upstream: URL,
    readonly url: string,
  ) {}

  static async start(upstream: string): Promise<FaultProxy> {
    let proxy: FaultProxy | null = null;
    const server = createServer((req, res) => void proxy!.handle(req, res));
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
    try {
      for await (const c of req) chunks.push(c as Buffer);
    } catch {
      return;
    }
    const body = Buffer.concat(chunks);
    if (fault?.kind === 'hold') {
      this.stats.bytesUp += body.length;
      this.log.push({ method, path, status: 'cut' });
      fault.onHold();
      return;
    }
    if (fault?.kind === 'cut-upload') {
      // Count what was sent: the client paid for it even though the server never got it.
      this.stats.bytesUp += body.length;
      this.log.push({ method, path, status: 'cut' });
      req.socket.destroy();
      return;
    }
    this.stats.bytesUp += body.length;
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
      res.write(answer.body.subarray(0, part), () => req.socket.destroy());
      this.stats.bytesDown += part;
      return;
    }
    this.log.push({ method, path, status: answer.status });
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
    this.stats.bytesDown += answer.body.length;
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
    this.server.closeAllConnections();
    return new Promise((done) => this.server.close(() => done()));
  }
}

interface Answer {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}
