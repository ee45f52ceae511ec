import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * A real CouchDB-protocol server for tests and the bench: pouchdb-server, in memory, on a free
 * port of 127.0.0.1, one per test file. No test runner here (the bench imports it). Its quirks: longpoll `_changes` ignores `timeout`, and
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

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });
}

const BIN = join(dirname(createRequire(import.meta.url).resolve('pouchdb-server/package.json')), 'bin', 'pouchdb-server');

export async function startCouch(): Promise<CouchServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, '--in-memory', '--host', '127.0.0.1', '--port', String(port), '-n'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    // pouchdb-server writes config.json and log.txt into its working folder: keep them out of the checkout.
    cwd: mkdtempSync(join(tmpdir(), 'dateline-couch-')),
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(url, child, () => stderr);
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

/** Asks until the server answers; fails at once if the process exits. */
async function waitUntilUp(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  let exited = false;
  child.once('exit', () => (exited = true));
  for (let i = 0; i < 400; i++) {
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
  throw new Error(`pouchdb-server did not start: ${stderr()}`);
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
