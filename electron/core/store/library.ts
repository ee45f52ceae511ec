import type Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LibraryNotice } from '../../shared/library/notices';
import type { LibraryProblem } from '../../shared/library/problems';
import { DB_FILE, FULL_CHECK_AT_OPEN_BYTES, openDatabase, type OpenDbOptions } from './open';
import { DocStore } from './docstore';
import { Repository } from './repository';
import { LibraryReplication } from './replication';
import { catchUpSearch } from '../search/index-writer';
import type { ReplicationStore } from './replication-api';
import { WalCopier } from './wal-copier';

export interface LibraryOptions extends OpenDbOptions {
  /** Who writes: shown in revision history. Defaults to the OS user name. */
  author?: string;
  clock?: () => Date;
}

/** An open library: its folder, its database, and the document store on it. */
export class Library {
  readonly docs: DocStore;
  private lastDataVersion: number;
  private replicationStore: ReplicationStore | undefined;
  private repository: Repository | undefined;
  /** Copies a pull's WAL back on a worker thread (its thread starts at the first pull that needs it). */
  readonly walCopier: WalCopier;

  private constructor(
    readonly dir: string,
    readonly db: Database.Database,
    readonly author: string,
    readonly migrationBackup: string | null,
    clock: () => Date,
    private readonly nativeBinding: string | undefined,
    /** True when this process may only read the library (a read-only file, folder or disk). */
    readonly readOnly: boolean = false,
    /** A damaged library was moved aside before this open and the person was not told yet (read from disk at open). */
    readonly notice: LibraryNotice | null = null,
  ) {
    this.docs = new DocStore(db, clock);
    this.walCopier = new WalCopier(db, { nativeBinding });
    this.lastDataVersion = this.dataVersion();
  }

  static async open(dir: string, opts: LibraryOptions = {}): Promise<Library> {
    const { db, migrationBackup, readOnly, notice } = await openDatabase(dir, opts);
    return new Library(dir, db, opts.author ?? defaultAuthor(), migrationBackup, opts.clock ?? (() => new Date()), opts.nativeBinding, readOnly, notice);
  }

  /** Typed documents in and out: `repo.get('release', id)` (the store's revision machinery is `docs`). */
  get repo(): Repository {
    return (this.repository ??= new Repository(this.db, this.docs, this.author));
  }

  /** The library's side of the replication protocol (the replicator and the sync file use it). */
  get replication(): ReplicationStore {
    return (this.replicationStore ??= new LibraryReplication(this.docs, this.walCopier));
  }

  private dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  /**
   * True once another connection (the CLI, a second window) has committed a write since the
   * last call: PRAGMA data_version changes only for other connections' commits.
   */
  changedOutside(): boolean {
    const v = this.dataVersion();
    const changed = v !== this.lastDataVersion;
    this.lastDataVersion = v;
    return changed;
  }

  /** The full integrity check; slow on big libraries, so it runs on demand or in the background. */
  integrityCheck(): LibraryProblem[] {
    const rows = this.db.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.filter((r) => r.integrity_check !== 'ok').map((r) => damaged(r.integrity_check));
    const fk = this.db.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0) problems.push({ code: 'BROKEN_REFERENCES', params: { count: fk.length } });
    return problems;
  }

  /**
   * SQLite's quick check over the whole file on a read-only connection in a worker thread, so a
   * big library is checked without blocking anything. Resolves with the problems found (none
   * for a healthy file); a library small enough was already checked whole at open.
   */
  checkInBackground(always = false): Promise<LibraryProblem[]> {
    const path = join(this.dir, DB_FILE);
    if (!always && statSync(path).size <= FULL_CHECK_AT_OPEN_BYTES) return Promise.resolve([]);
    const module = createRequire(import.meta.url).resolve('better-sqlite3');
    return new Promise((done) => {
      const worker = new Worker(CHECK_WORKER, { eval: true, workerData: { module, path, nativeBinding: this.nativeBinding ?? null } });
      worker.unref();
      worker.once('message', (m: { problems?: string[]; error?: string }) => {
        done(m.problems ? m.problems.map(damaged) : [checkFailed(m.error ?? 'unknown reason')]);
        void worker.terminate();
      });
      worker.once('error', (e) => done([checkFailed(e.message)]));
    });
  }

  /**
   * Closes the library; never throws, since it runs in `finally` blocks after a result was
   * given. PRAGMA optimize may write (refused on a read-only library, failing on a full disk):
   * it is a nicety, and its failure changes nothing that was stored.
   */
  close(): void {
    if (!this.db.open) return;
    if (!this.readOnly) {
      try {
        // When idle: what the last sync queued for the search index is indexed now.
        catchUpSearch(this.db);
      } catch {
        // Caught up before the next search instead.
      }
      try {
        this.db.pragma('optimize');
      } catch {
        // See above: nothing stored depends on it.
      }
    }
    // Before the library's connection closes, so that it is the last one and copies back and
    // removes the WAL.
    this.walCopier.stop();
    try {
      this.db.close();
    } catch {
      // Committed data is already in the file (synchronous=FULL); the OS releases the handle.
    }
    this.walCopier.release();
  }
}

const damaged = (detail: string): LibraryProblem => ({ code: 'DATABASE_DAMAGED', params: { detail } });
const checkFailed = (reason: string): LibraryProblem => ({ code: 'CHECK_FAILED', params: { reason } });

/** Runs in a worker thread (CommonJS, from source text, so no separate build entry is needed). */
const CHECK_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
let db;
try {
  const Database = require(workerData.module);
  db = new Database(workerData.path, Object.assign({ readonly: true, fileMustExist: true },
    workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}));
  db.pragma('busy_timeout = 10000');
  const rows = db.pragma('quick_check(100)');
  parentPort.postMessage({ problems: rows.map((r) => r.quick_check).filter((m) => m !== 'ok') });
} catch (e) {
  parentPort.postMessage({ error: String((e && e.message) || e) });
} finally {
  if (db) db.close();
}
`;

function defaultAuthor(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}
