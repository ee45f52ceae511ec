import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * A real CouchDB-protocol server for tests and the bench: pouchdb-server, in memory, on a free
 * port of 127.0.0.1, one per test file. The port is found free before the server starts, so
 * another process can take it in between: the server reports the port it listens on (REPORT_PORT),
 * and one that could not listen is started again on another port, so a test never talks to a
 * server that is not its own. (pouchdb-server cannot be given port 0: it reads 0 as "not given"
 * and takes CouchDB's 5984.) No test runner here (the bench imports it). Its quirks: longpoll `_changes` ignores `timeout`, and
 * `filter=_selector` crashes it, so the replicator uses neither.
 */

export interface CouchServer {
  url: string;
  /** A fresh empty database; its URL. */
  createDb(name: string): Promise<string>;
  /** An account that is no server admin (it may read and write databases, not create them). */
  addUser(name: string, password: string): Promise<void>;
  stop(): Promise<void>;
  /** The server process's CPU time so far in ms, where Linux tells it (/proc), else null: what the bench charges to the server. */
  cpuMs(): number | null;
  /** The server's process id, for a bench child that reads the server's CPU itself. */
  pid: number | undefined;
}

const BIN = join(dirname(createRequire(import.meta.url).resolve('pouchdb-server/package.json')), 'bin', 'pouchdb-server');
/**
 * Loaded into pouchdb-server before it starts (node --import, as a data: URL so it travels with
 * this module into the bench's build): writes to stderr the port the server listens on, or the
 * code of the error that kept it from listening (pouchdb-server's own report of a port in use
 * fails before it says so). With DATELINE_TEST_KEEP_IDLE=1 the server never closes an idle
 * kept-alive connection itself, see startCouch.
 */
const REPORT_PORT = `data:text/javascript,${encodeURIComponent(`
import net from 'node:net';
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (process.env.DATELINE_TEST_KEEP_IDLE === '1' && 'keepAliveTimeout' in this) this.keepAliveTimeout = 0;
  this.once('listening', () => {
    const a = this.address();
    if (a && typeof a === 'object') process.stderr.write('dateline-test-port ' + a.port + '\\n');
  });
  this.once('error', (e) => process.stderr.write('dateline-test-listen-error ' + e.code + '\\n'));
  return listen.apply(this, args);
};
`)}`;
/**
 * How long a server may take to start: loading pouchdb-server from a cold disk on a loaded
 * machine takes seconds. Under the hook timeout (60 s), so this message, with the server's own
 * words, is the one a failure shows.
 */
const START_MS = 45_000;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });
}

/** A port taken between finding it free and the server's start: start again on another. */
class PortTaken extends Error {}

/**
 * `keepIdle`, for tests: the server leaves idle kept-alive connections for the client to close.
 * Node's server closes one after 5 s and a test's fetch (undici) reuses one for up to 4 s: a test
 * process whose event loop lags by a second under load sent a request on a connection the server
 * was closing, and got "other side closed". The bench leaves the server as it is.
 */
export async function startCouch(opts: { keepIdle?: boolean } = {}): Promise<CouchServer> {
  const deadline = Date.now() + START_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await startCouchOn(await freePort(), deadline, opts.keepIdle ?? false);
    } catch (e) {
      if (!(e instanceof PortTaken) || attempt >= 5) throw e;
    }
  }
}

async function startCouchOn(port: number, deadline: number, keepIdle: boolean): Promise<CouchServer> {
  const child = spawn(process.execPath, ['--import', REPORT_PORT, BIN, '--in-memory', '--host', '127.0.0.1', '--port', String(port), '-n'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, DATELINE_TEST_KEEP_IDLE: keepIdle ? '1' : '0' },
    // pouchdb-server writes config.json and log.txt into its working folder: keep them out of the checkout.
    cwd: mkdtempSync(join(tmpdir(), 'dateline-couch-')),
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  await listening(child, port, () => stderr, deadline);
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(url, child, () => stderr, deadline);
  return {
    url,
    async createDb(name) {
      const res = await fetch(`${url}/${name}`, { method: 'PUT' });
      if (res.status !== 201) throw new Error(`could not create ${name}: HTTP ${res.status} ${await res.text()}`);
      return `${url}/${name}`;
    },
    async addUser(name, password) {
      const res = await fetch(`${url}/_users/org.couchdb.user:${encodeURIComponent(name)}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, password, roles: [], type: 'user' }),
      });
      if (res.status !== 201) throw new Error(`could not add the account ${name}: HTTP ${res.status} ${await res.text()}`);
    },
    stop: () => stopChild(child),
    cpuMs: () => processCpuMs(child.pid),
    pid: child.pid,
  };
}

/**
 * Waits until the server's own process says it listens on `port`; a process that ends on a port
 * in use (pouchdb-server logs it and exits) is PortTaken. Fails at once on any other exit, and
 * at the deadline.
 */
async function listening(child: ChildProcess, port: number, stderr: () => string, deadline: number): Promise<void> {
  let exited = child.exitCode !== null || child.signalCode !== null;
  child.once('exit', () => (exited = true));
  for (;;) {
    if (new RegExp(`^dateline-test-port ${port}$`, 'm').test(stderr())) return;
    if (exited) {
      if (/^dateline-test-listen-error EADDRINUSE$/m.test(stderr())) throw new PortTaken(`port ${port} was taken before pouchdb-server started`);
      throw new Error(`pouchdb-server exited before it listened: ${stderr()}`);
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`pouchdb-server did not listen within ${START_MS / 1000} s: ${stderr()}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Asks until the server answers; fails at once if the process exits, and at the deadline. */
async function waitUntilUp(url: string, child: ChildProcess, stderr: () => string, deadline: number): Promise<void> {
  let exited = child.exitCode !== null || child.signalCode !== null;
  child.once('exit', () => (exited = true));
  while (Date.now() <= deadline) {
    if (exited) throw new Error(`pouchdb-server exited: ${stderr()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setTimeout(r, 25));
  }
  child.kill('SIGKILL');
  throw new Error(`pouchdb-server did not answer at ${url} within ${START_MS / 1000} s: ${stderr()}`);
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGKILL');
  });
}

/** User and system CPU of a process in ms, from /proc/<pid>/stat (fields 14 and 15, in ticks of 10 ms); null elsewhere. */
export function processCpuMs(pid: number | undefined, thread?: number): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}
