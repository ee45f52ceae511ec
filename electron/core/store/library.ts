import type Database from 'better-sqlite3';
import { userInfo } from 'node:os';
import { openDatabase, type OpenDbOptions } from './open';
import { DocStore } from './docstore';

export interface LibraryOptions extends OpenDbOptions {
  /** Who writes: shown in revision history. Defaults to the OS user name. */
  author?: string;
  clock?: () => Date;
}

/** An open library: its folder, its database, and the document store on it. */
export class Library {
  readonly docs: DocStore;
  private lastDataVersion: number;

  private constructor(
    readonly dir: string,
    readonly db: Database.Database,
    readonly author: string,
    readonly migrationBackup: string | null,
    clock: () => Date,
  ) {
    this.docs = new DocStore(db, clock);
    this.lastDataVersion = this.dataVersion();
  }

  static async open(dir: string, opts: LibraryOptions = {}): Promise<Library> {
    const { db, migrationBackup } = await openDatabase(dir, opts);
    return new Library(dir, db, opts.author ?? defaultAuthor(), migrationBackup, opts.clock ?? (() => new Date()));
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
  integrityCheck(): string[] {
    const rows = this.db.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
    const fk = this.db.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0) problems.push(`${fk.length} broken references between tables`);
    return problems;
  }

  close(): void {
    if (this.db.open) {
      this.db.pragma('optimize');
      this.db.close();
    }
  }
}

function defaultAuthor(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}
