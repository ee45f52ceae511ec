import type Database from 'better-sqlite3';
import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { endianness } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * Copies a pull's WAL back into the library on a worker thread, as LevelDB merges its log in a
 * background thread: the writing connection commits its pulled batches without checkpointing
 * (`wal_autocheckpoint` off for them), and a worker with its own connection to the same file
 * runs a PASSIVE checkpoint after each batch once the WAL holds WAL_SOFT_BYTES of frames, whenever
 * some are not copied yet. A PASSIVE checkpoint never waits for the writer: it copies the
 * frames committed when it starts while the writer appends more; when it has copied them all
 * before the next batch begins (a pull waits for the network between batches), that batch
 * starts the WAL again from its beginning. The WAL is bounded all the same: once it holds
 * WAL_HARD_BYTES of frames (copied or not), the writer waits for the worker's copy to end and
 * copies the rest itself, so the next batch starts the WAL again.
 *
 * Everything else is as before: local writes keep SQLite's own checkpoint every 1,000 pages (on
 * a copy running in the worker it simply finds the lock taken and leaves it), closing stops the
 * worker and then closes the library's connection, which as the last one copies everything back
 * and removes the WAL; a crash leaves a WAL SQLite recovers at the next open.
 *
 * How full the WAL is comes from its index (the -shm file, whose header SQLite documents: the
 * last frame at byte 16, the last copied frame at byte 96, both in the machine's byte order),
 * read after each pulled commit: one pread, with no query and no lock.
 */

/** WAL, in bytes of frames, from which the worker is asked after each batch to copy what is not copied yet. */
export const WAL_SOFT_BYTES = 4 * 1024 * 1024;
/** WAL, in bytes of frames copied or not, at which the writer copies it back and rewinds it itself. */
export const WAL_HARD_BYTES = 16 * 1024 * 1024;

/** The wal-index format this reads (its header's first word); any other turns the worker off. */
const WAL_INDEX_VERSION = 3007000;
const INDEX_HEADER_BYTES = 136;

/** Slots of the control array shared with the worker (Int32). */
const ASKED = 0; // copies asked for so far
const DONE = 1; // copies answered so far (DONE === ASKED: idle)
const STATE = 2; // see below
const STOP = 3; // 1: close the connection and end
const COPIES = 4; // checkpoints the worker ran
const INT_SLOTS = 8;
/** After the Int32 slots: one Float64, the worker's CPU time in its copies (ms), then why it failed (UTF-8). */
const CPU_AT = INT_SLOTS * 4;
const REASON_AT = CPU_AT + 8;
const REASON_BYTES = 256;

const STARTING = 0;
const READY = 1;
const CLOSED = 2;
const FAILED = 3;

export interface WalCopierOptions {
  /** Path to an Electron build of better-sqlite3 (the desktop app); Node's build otherwise. */
  nativeBinding?: string | undefined;
}

export interface WalCopierStats {
  /** Checkpoints run on the worker thread. */
  workerCopies: number;
  /** Checkpoints the writer ran itself at the hard bound. */
  writerCopies: number;
  /** CPU time the worker spent in its checkpoints, in ms (Linux only; null elsewhere). */
  workerCpuMs: number | null;
  /** Why the worker does not run (the writer then checkpoints as SQLite does), or null. */
  failure: string | null;
}

export class WalCopier {
  private readonly control = new SharedArrayBuffer(REASON_AT + REASON_BYTES);
  private readonly c = new Int32Array(this.control, 0, INT_SLOTS);
  private readonly cpu = new Float64Array(this.control, CPU_AT, 1);
  private worker: Worker | undefined;
  private shm: number | undefined;
  private readonly header = Buffer.alloc(INDEX_HEADER_BYTES);
  private readonly littleEndian = endianness() === 'LE';
  private softPages = 0;
  private hardPages = 0;
  private writerCopies = 0;
  private failure: string | null = null;
  private released = false;

  constructor(
    private readonly db: Database.Database,
    private readonly opts: WalCopierOptions = {},
  ) {}

  /**
   * False when the writer must checkpoint as before: the worker failed, the library is not a
   * file in WAL mode, or its index cannot be read. Decided at the first pulled batch.
   */
  get usable(): boolean {
    if (this.failure !== null || this.released) return false;
    if (this.shm !== undefined) return Atomics.load(this.c, STATE) !== FAILED || this.failed(this.workerReason());
    if (this.db.memory || this.db.readonly) return this.failed('not a library file that can be written');
    if (String(this.db.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') return this.failed('not in WAL mode');
    try {
      this.shm = openSync(`${this.db.name}-shm`, 'r');
    } catch (e) {
      return this.failed(`its WAL index cannot be read: ${(e as Error).message}`);
    }
    const pageSize = this.db.pragma('page_size', { simple: true }) as number;
    this.softPages = Math.floor(WAL_SOFT_BYTES / pageSize);
    this.hardPages = Math.floor(WAL_HARD_BYTES / pageSize);
    return true;
  }

  /** After a batch committed with `wal_autocheckpoint` off: asks the worker to copy, or copies at the bound. */
  afterCommit(): void {
    if (!this.usable) return;
    const wal = this.readIndex();
    if (!wal) return;
    if (wal.last >= this.hardPages) {
      // Wait for the worker's copy to end (it holds the checkpoint lock), then copy the rest
      // here, so that the next batch starts the WAL again. PASSIVE too: a RESTART would wait
      // for every reader (another process's export, a backup) up to the busy timeout, at every
      // batch while it reads; a reader of an older snapshot only lets the WAL grow until it
      // ends, as with SQLite's own checkpoints.
      this.idle();
      try {
        this.db.pragma('wal_checkpoint(PASSIVE)');
        this.writerCopies++;
      } catch {
        // The batch is committed; a disk that fails the copy fails the next write, which says so.
      }
      return;
    }
    // Once the WAL is long, the worker copies whatever is left, so that it is all copied before
    // the next batch, which then starts the WAL again from its beginning.
    if (wal.last >= this.softPages && wal.copied < wal.last && Atomics.load(this.c, DONE) === Atomics.load(this.c, ASKED)) {
      this.start();
      Atomics.add(this.c, ASKED, 1);
      Atomics.notify(this.c, ASKED);
    }
  }

  stats(): WalCopierStats {
    const cpu = this.cpu[0]!;
    return { workerCopies: Atomics.load(this.c, COPIES), writerCopies: this.writerCopies, workerCpuMs: cpu >= 0 ? cpu : null, failure: this.failure };
  }

  /**
   * Stops the worker, waiting for a copy under way to end and for its connection to close, so
   * that the library's connection, closed next, is the last one and leaves no WAL behind.
   */
  stop(): void {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    Atomics.store(this.c, STOP, 1);
    Atomics.add(this.c, ASKED, 1);
    Atomics.notify(this.c, ASKED);
    // A thread still starting opens its connection first; a copy of a big WAL on a slow disk
    // takes a while. Past a minute the library's own close copies what is left.
    for (let state = Atomics.load(this.c, STATE); state === STARTING || state === READY; state = Atomics.load(this.c, STATE)) {
      if (Atomics.wait(this.c, STATE, state, 60_000) === 'timed-out') break;
    }
    void worker.terminate();
  }

  /**
   * Lets go of the WAL index, only once the library's connection is closed: closing a file
   * releases every POSIX lock this process holds on it, SQLite's own locks on the index among
   * them, so it must not happen while the library is open.
   */
  release(): void {
    if (this.shm === undefined) return;
    closeSync(this.shm);
    this.shm = undefined;
    this.released = true;
  }

  /** Waits for a copy under way (or asked for) on the worker to end. */
  idle(): void {
    for (;;) {
      const done = Atomics.load(this.c, DONE);
      const state = Atomics.load(this.c, STATE);
      if (done === Atomics.load(this.c, ASKED) || state === FAILED || state === CLOSED) return;
      if (Atomics.wait(this.c, DONE, done, 60_000) === 'timed-out') return;
    }
  }

  /**
   * The writer then checkpoints as before, and the reason is logged once as a JSON line on
   * standard error (the core has no other log), as the search lists' job does.
   */
  private failed(reason: string): false {
    this.failure = reason;
    process.stderr.write(`${JSON.stringify({ at: new Date().toISOString(), code: 'WAL_COPIER_FAILED', params: { reason } })}\n`);
    return false;
  }

  private workerReason(): string {
    const bytes = new Uint8Array(this.control, REASON_AT, REASON_BYTES);
    const end = bytes.indexOf(0);
    return `the worker stopped: ${Buffer.from(bytes.slice(0, end < 0 ? REASON_BYTES : end)).toString('utf8') || 'no reason given'}`;
  }

  private start(): void {
    if (this.worker) return;
    this.cpu[0] = -1;
    const module = createRequire(import.meta.url).resolve('better-sqlite3');
    const workerData = { module, path: this.db.name, nativeBinding: this.opts.nativeBinding ?? null, control: this.control };
    this.worker = new Worker(COPY_WORKER, { eval: true, workerData });
    // Never what keeps a process alive; close() ends it.
    this.worker.unref();
    this.worker.on('error', (e) => {
      const reason = new Uint8Array(this.control, REASON_AT, REASON_BYTES);
      if (reason[0] === 0) reason.set(Buffer.from(e.message, 'utf8').subarray(0, REASON_BYTES - 1));
      Atomics.store(this.c, STATE, FAILED);
      Atomics.notify(this.c, STATE);
      Atomics.store(this.c, DONE, Atomics.load(this.c, ASKED));
      Atomics.notify(this.c, DONE);
    });
  }

  /** The WAL's last frame and last copied frame, or null when its index is not the format read here. */
  private readIndex(): { last: number; copied: number } | null {
    const h = this.header;
    if (readSync(this.shm!, h, 0, INDEX_HEADER_BYTES, 0) < INDEX_HEADER_BYTES) return null;
    const u32 = (at: number): number => (this.littleEndian ? h.readUInt32LE(at) : h.readUInt32BE(at));
    if (u32(0) !== WAL_INDEX_VERSION) return this.failed(`its WAL index is of another version (${u32(0)})`) || null;
    return { last: u32(16), copied: u32(96) };
  }
}

/**
 * The worker (CommonJS, from source text, so no build of its own is needed: the app's main
 * bundle and the CLI in out/cli run it alike). It waits on the shared control array, not on
 * messages, so a copy is asked for and its end awaited without either thread's event loop.
 */
const COPY_WORKER = `
const { workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const c = new Int32Array(workerData.control, 0, ${INT_SLOTS});
const f = new Float64Array(workerData.control, ${CPU_AT}, 1);
const cpuNs = () => {
  try { return Number(readFileSync('/proc/thread-self/schedstat', 'latin1').split(' ')[0]); } catch { return NaN; }
};
let db;
let state = ${FAILED};
try {
  const Database = require(workerData.module);
  db = new Database(workerData.path, Object.assign({ fileMustExist: true }, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}));
  db.pragma('busy_timeout = 0');
  Atomics.store(c, ${STATE}, ${READY});
  Atomics.notify(c, ${STATE});
  let cpu = 0;
  let seen = 0;
  for (;;) {
    Atomics.wait(c, ${ASKED}, seen);
    seen = Atomics.load(c, ${ASKED});
    if (Atomics.load(c, ${STOP}) === 1) break;
    const before = cpuNs();
    db.pragma('wal_checkpoint(PASSIVE)');
    const used = cpuNs() - before;
    if (used >= 0) f[0] = (cpu += used / 1e6);
    Atomics.add(c, ${COPIES}, 1);
    Atomics.store(c, ${DONE}, seen);
    Atomics.notify(c, ${DONE});
  }
  state = ${CLOSED};
} catch (e) {
  state = ${FAILED};
  const why = Buffer.from(String((e && e.message) || e).split('\\n')[0], 'utf8').subarray(0, ${REASON_BYTES - 1});
  new Uint8Array(workerData.control, ${REASON_AT}, ${REASON_BYTES}).set(why);
} finally {
  try { if (db) db.close(); } catch {}
  // The state first: a writer woken by DONE reads it.
  Atomics.store(c, ${STATE}, state);
  Atomics.notify(c, ${STATE});
  Atomics.store(c, ${DONE}, Atomics.load(c, ${ASKED}));
  Atomics.notify(c, ${DONE});
}
`;
