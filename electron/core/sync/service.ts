import { randomUUID } from 'node:crypto';
import type { CoreEvent } from '../../shared/contract';
import type { ServerFilesDownload } from '../../shared/kits/contract';
import { DatelineError, isDatelineError } from '../../shared/errors';
import { FAILED_FILES_SHOWN, SyncSettingsSchema, type OfficeFiles, type SyncSettings, type SyncStatus } from '../../shared/sync/app-contract';
import { passwordStaysWith } from '../../shared/sync/server-address';
import type { FilePolicy, FilesSummary } from '../../shared/sync/contract';
import type { BlobStore } from '../attachments/blobs';
import { toApiError } from '../jobs';
import type { Library } from '../store/library';
import type { RetryPolicy } from './backoff';
import { syncLibrary } from './library-sync';
import { SyncError } from './errors';
import { downloadFile, type DownloadStats } from './files/download';
import { FilesPeer } from './files/files-peer';
import { isServerAdmin, openFilesDatabase } from './files-database';
import { CouchPeer } from './couch-peer';
import { noteFilesOnServer } from './files/on-server';
import { filePolicy } from './files/policy';
import { OfficePeer } from './office-peer';
import { SyncScheduler, realTimers, type Timers } from './scheduler';
import { accountKey, noKeychain, type SecretKeeper } from './secrets';
import { CLOCK_WARNING_MS } from './session';
import { WaitingCounter, type OfficeTarget } from './waiting';

/**
 * Sync in the app: where and what this library syncs (kept in the library as `_local`
 * documents, which never replicate), the password (in memory, and in the keychain when the
 * person asks and there is one), the schedule, and a status with events. One sync is, per
 * office, a pull from and a push to that office's database `<server>/<prefix>-<office>`, then
 * its attachment files with `<server>/<prefix>-<office>-files` by this computer's download
 * policy; each office's database receives only its own documents and files (those of no office
 * go to the first).
 */

export interface SyncServiceOptions {
  /** Plan syncs by itself (the desktop app, web mode). Without it, only "Sync now" runs one. */
  auto?: boolean;
  timers?: Timers;
  secrets?: SecretKeeper;
  /** How each request is retried (tests make a dead server fail at once). */
  retry?: Partial<RetryPolicy>;
}

const SETTINGS_ID = '_local/dateline-sync-settings';
const LAST_ID = '_local/dateline-sync-last';

interface Last {
  at: string;
  summary: NonNullable<SyncStatus['last']>;
  clockSkewMs: number | null;
}

/** The database of one office on the server. */
export function officeDatabase(settings: Pick<SyncSettings, 'server' | 'prefix'>, office: string): string {
  // Trailing slashes dropped by a scan from the end: /\/+$/ would retry from every slash.
  let end = settings.server.length;
  while (end > 0 && settings.server.charAt(end - 1) === '/') end--;
  return `${settings.server.slice(0, end)}/${settings.prefix}-${office}`;
}

export class SyncService {
  private readonly scheduler: SyncScheduler;
  private readonly timers: Timers;
  private readonly secrets: SecretKeeper;
  private password: string | null = null;
  /** The password came from the keychain (or was put there). */
  private kept = false;
  private keychain = false;
  private paused = false;
  /**
   * Whether the machine is online: what the window last reported, corrected by the server. The
   * window's "offline" only means it saw no network interface besides loopback; a server on this
   * machine or the office's own network still answers, and a server that answers proves it.
   */
  private online = true;
  private refused = false;
  private error: SyncStatus['error'] = null;
  private nextAt: number | null = null;
  private seenSeq = -1;
  /** Numbers each status produced, so the window can tell the latest from an older one arriving late. */
  private statusSeq = 0;
  /** This run of the core, so the window does not compare a restarted core's numbers with the old one's. */
  private readonly run = randomUUID();
  private busy = false;
  /** Something wrote to the library while a sync ran (its own pull, or a change made here). */
  private wroteDuringRun = false;
  /** A run ended and the plan that follows it has not been told to the window yet. */
  private ran = false;
  private closed = false;
  private readonly ready: Promise<void>;
  private officeResults: SyncStatus['offices'] = [];
  /**
   * Office files databases seen on the server with the current server and account (by URL): each
   * is looked for once, not at every sync. Forgotten when the settings change or its office fails.
   */
  private readonly filesSeen = new Set<string>();
  /** What waits to upload, kept up to date from the changes feed (the status is asked after every write). */
  private readonly waiting = new WaitingCounter();
  /** Runs in a row that could not reach the server: the next try comes sooner than the interval (nextRunMs). */
  private unreachableRuns = 0;

  constructor(
    private readonly library: () => Library,
    private readonly emit: (e: CoreEvent) => void,
    private readonly opts: SyncServiceOptions = {},
    /** The library's files, for a file someone opens or exports that is still on the server. */
    private readonly blobs?: BlobStore,
  ) {
    this.timers = opts.timers ?? realTimers;
    this.secrets = opts.secrets ?? noKeychain;
    this.scheduler = new SyncScheduler(
      {
        run: () => this.runAll(),
        intervalMs: () => nextRunMs(this.unreachableRuns, this.settings().intervalMinutes * 60_000),
        active: () => this.auto && this.setUp() && !this.paused && this.online && !this.refused,
        planned: (at) => {
          this.nextAt = at;
          // The next sync is planned only once a run has ended, after its last status went out: the window hears of it.
          if (at !== null && this.ran) {
            this.ran = false;
            this.changed();
          }
        },
      },
      this.timers,
    );
    this.ready = this.unlock().then(() => {
      this.seenSeq = this.lastSeq();
      this.paused = this.readLast()?.paused === true;
      this.scheduler.start();
    });
  }

  private get auto(): boolean {
    return this.opts.auto === true;
  }

  /** Resolves once the keychain has been asked and the schedule started. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  settings(): SyncSettings {
    // Read once per open library (a restore opens another): every call asks whether sync is set up.
    const library = this.library();
    if (this.cached?.library === library) return this.cached.settings;
    let settings = SyncSettingsSchema.parse({});
    let unreadable: SyncStatus['error'] = null;
    try {
      settings = library.repo.local(SETTINGS_ID, SyncSettingsSchema, 'sync settings') ?? settings;
    } catch (e) {
      // Damaged outside Dateline: sync reads as not set up, the status says why, and saving
      // the settings again replaces the record.
      if (!isDatelineError(e)) throw e;
      unreadable = e.toApiError();
    }
    this.cached = { library, settings, unreadable };
    return settings;
  }

  private cached: { library: Library; settings: SyncSettings; unreadable: SyncStatus['error'] } | null = null;

  async configure(next: SyncSettings): Promise<SyncStatus> {
    const before = this.settings();
    if (next.server !== '' && next.offices.length === 0) {
      throw new DatelineError('INVALID_INPUT', 'offices: choose at least one office to sync with this server.', { path: ['offices'], params: { field: 'offices', reason: 'syncNoOffice' } });
    }
    this.library().replication.putLocal({ _id: SETTINGS_ID, ...next });
    this.cached = null;
    this.filesSeen.clear();
    // How each office fared speaks of a server, an account and a database name no longer used.
    if (before.server !== next.server || before.user !== next.user || before.prefix !== next.prefix) this.officeResults = [];
    else this.officeResults = this.officeResults.filter((r) => next.offices.includes(r.office));
    if ((before.server !== next.server || before.user !== next.user) && this.password !== null && passwordStaysWith(before, next)) {
      // The same account on the same host, its address corrected: the password stays, and in
      // the keychain it moves to the address now used.
      if (this.kept) {
        await this.secrets.save(accountKey(next.server, next.user), this.password);
        await this.secrets.forget(accountKey(before.server, before.user));
      }
    } else if (before.server !== next.server || before.user !== next.user) {
      // Another server or account: the password known was for the old one, and is forgotten
      // (Settings says so), in the keychain too.
      if (this.password !== null && this.kept) await this.secrets.forget(accountKey(before.server, before.user));
      this.password = null;
      this.kept = false;
      this.refused = false;
      await this.unlock();
    }
    this.error = null;
    this.unreachableRuns = 0;
    this.replan();
    // Saved settings are tried soon, as a local change is; not when the account's password is
    // still to come (the password's call plans it once the password is stored).
    if (this.credentialsReady()) this.scheduler.changed();
    return this.changed();
  }

  async setPassword(password: string | null, remember: boolean): Promise<SyncStatus> {
    const s = this.settings();
    const account = accountKey(s.server, s.user);
    this.password = password;
    this.refused = false;
    this.kept = false;
    if (password === null || !remember) await this.secrets.forget(account);
    else if (await this.secrets.available()) {
      await this.secrets.save(account, password);
      this.kept = true;
    }
    if (this.error?.code === 'SERVER_AUTH') this.error = null;
    // The offices refused the password this one replaces: their refusals no longer describe it.
    if (password !== null) this.officeResults = this.officeResults.filter((r) => r.error?.code !== 'SERVER_AUTH');
    this.replan();
    // A password given (or corrected after a refusal) is tried soon, only now that it is stored.
    if (password !== null) this.scheduler.changed();
    return this.changed();
  }

  status(): SyncStatus {
    const s = this.settings();
    this.statusSeq += 1;
    const last = this.readLast();
    const skew = last?.clockSkewMs ?? null;
    let waiting: SyncStatus['waiting'] = { releases: 0, contacts: 0, photos: 0, files: 0, offices: 0, others: 0, deletions: 0, bytes: 0 };
    if (this.setUp()) waiting = this.waiting.count(this.library().replication, this.targets(s));
    return {
      seq: this.statusSeq,
      run: this.run,
      state: this.state(),
      paused: this.paused,
      online: this.online,
      password: this.password === null ? 'none' : this.kept ? 'kept' : 'session',
      keychain: this.keychain,
      waiting,
      lastSyncedAt: last?.at ?? null,
      nextAt: this.nextAt === null || !this.scheduledVisible() ? null : new Date(this.nextAt).toISOString(),
      error: this.error ?? this.cached?.unreadable ?? null,
      clockSkewMs: skew,
      clockWarning: skew !== null && Math.abs(skew) > CLOCK_WARNING_MS,
      last: last?.summary ?? null,
      offices: this.officeResults,
    };
  }

  /** This computer's download policy for attachment files. */
  filesPolicy(): FilePolicy {
    return filePolicy(this.library().replication);
  }

  /**
   * How a file left on the server would come down for a kit export now (see fetchFile): by the
   * export itself; only once sync can reach a server (not set up, paused, offline as the window
   * reports it, or waiting for its password); or only when the person asks, downloads being set
   * to "never" on this computer.
   */
  exportDownloads(): ServerFilesDownload {
    if (this.filesPolicy() === 'never') return 'on-request';
    const s = this.settings();
    if (!this.blobs || !this.setUp() || this.paused || !this.online || (s.user !== '' && this.password === null)) return 'sync-first';
    return 'export';
  }

  /**
   * Brings one file down from the first chosen office whose server holds it, for someone who
   * opened or exports it. 'unavailable' when sync cannot reach a server now (not set up, paused,
   * offline, no password, the link down): the file stays on the server and nothing is stored.
   */
  async fetchFile(file: { sha256: string; size: number }, onBytes?: (bytes: number) => void, signal?: AbortSignal): Promise<'stored' | 'here' | 'not-on-server' | 'unavailable'> {
    await this.ready;
    const s = this.settings();
    if (!this.blobs) return 'unavailable';
    if (this.blobs.has(file.sha256)) return 'here';
    if (!this.setUp() || this.paused || (s.user !== '' && this.password === null)) return 'unavailable';
    const stats: DownloadStats = { chunks: 0, bytes: 0 };
    for (const t of this.targets(s)) {
      // Reported offline, the server is asked once, without the retries a dropped link earns.
      const peer = new FilesPeer(this.remote(s, t, signal, this.online ? undefined : 1));
      let outcome: Awaited<ReturnType<typeof downloadFile>>;
      try {
        outcome = await downloadFile(peer, this.blobs, file, stats, signal, onBytes);
      } catch (e) {
        if (e instanceof SyncError && e.failure !== 'network') this.answered();
        if (e instanceof SyncError && (e.failure === 'network' || e.failure === 'auth' || e.failure === 'forbidden')) return 'unavailable';
        throw e;
      }
      this.answered();
      if (outcome !== 'not-on-server') {
        noteFilesOnServer(this.library().replication, { here: [file.sha256] });
        return outcome;
      }
    }
    return 'not-on-server';
  }

  /**
   * "Sync now": resumes a paused sync (pressing it says the person wants to sync) and runs at
   * once, also after a refused password; refused only when sync is not set up. The status
   * follows as events.
   */
  syncNow(): SyncStatus {
    if (!this.setUp()) {
      throw new DatelineError('INVALID_INPUT', 'Sync is not set up: enter the server address and choose an office in Settings.', { path: ['server'], params: { field: 'server', reason: 'syncNotSetUp' } });
    }
    this.refused = false;
    if (this.paused) this.setPaused(false);
    void this.ready.then(() => this.scheduler.now());
    return this.changed();
  }

  setPaused(paused: boolean): SyncStatus {
    this.paused = paused;
    this.writeLast({ paused });
    this.replan();
    return this.changed();
  }

  setOnline(online: boolean): SyncStatus {
    const was = this.online;
    this.online = online;
    if (online && !was && this.auto && this.setUp() && !this.paused) this.scheduler.now();
    else this.replan();
    return this.changed();
  }

  /**
   * Called after any call or job that may have written: when the library has changes this
   * service has not seen (not its own pulls), a sync follows shortly after the last of them.
   */
  noteWrites(): void {
    if (this.closed || this.seenSeq < 0 || !this.setUp()) return;
    const seq = this.lastSeq();
    if (seq <= this.seenSeq) return;
    if (this.busy) {
      // During a sync, most of what is new is what it pulled: the run decides at its end, from
      // what still waits to upload, whether a change made here came too late for it.
      this.wroteDuringRun = true;
      this.changed();
      return;
    }
    this.seenSeq = seq;
    this.scheduler.changed();
    this.changed();
  }

  /** Resolves when no sync runs (tests wait on this, never on time). */
  async idle(): Promise<void> {
    await this.ready;
    while (this.scheduler.isRunning) await this.scheduler.idle();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.ready.catch(() => undefined);
    await this.scheduler.close();
  }

  /** Whether a sync could log in now: the server needs no account, or its password is known. */
  private credentialsReady(): boolean {
    return this.settings().user === '' || this.password !== null;
  }

  private setUp(): boolean {
    const s = this.settings();
    return s.server !== '' && s.offices.length > 0;
  }

  private targets(s: SyncSettings): OfficeTarget[] {
    return s.offices.map((office) => ({ office, url: officeDatabase(s, office) }));
  }

  private state(): SyncStatus['state'] {
    if (!this.setUp()) return 'not-set-up';
    if (this.busy) return 'syncing';
    if (this.paused) return 'paused';
    if (!this.online) return 'offline';
    if (this.refused || (this.settings().user !== '' && this.password === null)) return 'needs-password';
    if (this.error?.code === 'OFFLINE') return 'offline';
    if (this.error) return 'failed';
    return 'idle';
  }

  private scheduledVisible(): boolean {
    return this.auto && !this.paused && this.online && !this.refused;
  }

  /**
   * Every chosen office in turn: pull, merge, push. An office that fails is
   * reported and the others still sync (one office's database down or refused must not hold
   * the others back); a refused password stops the run, since every office uses the same one.
   */
  private async runAll(): Promise<void> {
    const s = this.settings();
    if (s.user !== '' && this.password === null) {
      this.refused = true;
      this.changed();
      return;
    }
    this.error = null;
    this.busy = true;
    this.changed();
    const total = { sent: 0, received: 0, merged: 0, conflicts: 0, denied: 0 };
    let skew: number | null = null;
    const results: SyncStatus['offices'] = [];
    try {
      const library = this.library();
      const home = s.offices[0]!;
      for (const t of this.targets(s)) {
        try {
          // Files travel with the office's documents when its files database is there (see files-database.ts).
          const seen = this.filesSeen.has(t.url);
          const filesDb = !this.blobs ? null : seen ? 'ready' : await openFilesDatabase(this.remote(s, t));
          if (filesDb === 'ready') this.filesSeen.add(t.url);
          const summary = await syncLibrary(
            library,
            {
              remote: {
                ...this.remote(s, t),
                // The device clock the server's Date header is compared with (it decides nothing).
                clock: () => this.timers.now(),
              },
              pushSource: (local) => new OfficePeer(local, library.replication, t.office, home),
            },
            filesDb === 'ready' ? this.blobs : undefined,
            { office: t.office, home },
            filesDb === 'ready',
          );
          this.answered();
          total.sent += summary.pushed.docs;
          total.received += summary.pulled.docs;
          total.merged += summary.merged;
          total.conflicts += summary.conflicts.length;
          total.denied += summary.denied.length;
          skew = summary.clockSkewMs ?? skew;
          results.push({ office: t.office, error: null, files: filesDb === 'ready' ? filesOutcome(library, summary.files) : filesDb });
        } catch (e) {
          // Its files database is looked for again next time (it may be what failed).
          this.filesSeen.delete(t.url);
          if (e instanceof SyncError && e.failure !== 'network') this.answered();
          const err = toApiError(e);
          const missing = await this.missingDatabase(s, t, e);
          results.push({ office: t.office, error: err, files: null, ...(missing ? { missing } : {}) });
          this.error ??= err;
          if (err.code === 'SERVER_AUTH') throw e;
        }
      }
      if (results.some((r) => r.error === null)) this.writeLast({ at: new Date(this.timers.now()).toISOString(), summary: total, clockSkewMs: skew });
    } catch (e) {
      const err = toApiError(e);
      this.error = err;
      if (err.code === 'SERVER_AUTH') {
        // Never asked again by itself: the person gives the password again.
        this.refused = true;
        this.password = null;
        if (this.kept) await this.secrets.forget(accountKey(s.server, s.user));
        this.kept = false;
      }
    } finally {
      this.officeResults = results;
      this.unreachableRuns = this.error?.code === 'OFFLINE' ? this.unreachableRuns + 1 : 0;
      this.busy = false;
      this.seenSeq = this.lastSeq();
    }
    if (this.wroteDuringRun) {
      this.wroteDuringRun = false;
      // A second run for nothing would replace what this one received with "0 received".
      if (this.setUp() && waitingAny(this.waiting.count(this.library().replication, this.targets(this.settings())))) this.scheduler.changed();
    }
    this.ran = true;
    this.changed();
  }

  /**
   * Creates the database of one of the offices this library syncs, then syncs (the status
   * follows as events). Only an account the server names an administrator may: CouchDB refuses
   * anyone else, and pouchdb-server drops the connection instead of answering, which would read
   * as a lost link; so anyone else is told plainly without asking, as is an account the server
   * refuses (401, 403) when asked. The office's files database is made by the sync that follows.
   */
  async createDatabase(office: string): Promise<SyncStatus> {
    await this.ready;
    const s = this.settings();
    const t = this.setUp() ? this.targets(s).find((x) => x.office === office) : undefined;
    if (!t) {
      throw new DatelineError('INVALID_INPUT', `office: ${office} is not one of the offices this library syncs; tick it in Settings first.`, { path: ['office'], params: { field: 'office', office, reason: 'syncOfficeNotSynced' } });
    }
    if (s.user !== '' && this.password === null) {
      throw new DatelineError('SERVER_AUTH', "The server needs the account's password before it can create the office's database: enter it in Settings.", { params: { reason: 'needsPassword' } });
    }
    const remote = this.remote(s, t, undefined, 1);
    const database = `${s.prefix}-${office}`;
    const refused = () =>
      new DatelineError('FORBIDDEN', `This account may not create databases on ${s.server}: ask the server's administrator to create ${database}.`, {
        params: { reason: 'mayNotCreate', database },
      });
    let admin: boolean;
    try {
      admin = await isServerAdmin(remote);
    } catch (e) {
      // A 401 here is the password refused, said as such; a 403, this account shut out.
      if (e instanceof SyncError && e.failure === 'forbidden') throw refused();
      throw e;
    }
    if (!admin) throw refused();
    try {
      await new CouchPeer(remote).create();
    } catch (e) {
      // CouchDB answers a database creation by anyone but an administrator with 401.
      if (e instanceof SyncError && (e.failure === 'auth' || e.failure === 'forbidden')) throw refused();
      throw e;
    }
    this.answered();
    this.filesSeen.delete(t.url);
    // The office's failure is over: the window stops offering to create it while the sync starts.
    this.officeResults = this.officeResults.map((r) => (r.office === office ? { office, error: null, files: null } : r));
    this.error = this.officeResults.find((r) => r.error !== null)?.error ?? null;
    return this.syncNow();
  }

  /** Whether the office failed for want of its database on the server, and if so whether this account may create it. */
  private async missingDatabase(s: SyncSettings, t: OfficeTarget, e: unknown): Promise<SyncStatus['offices'][number]['missing']> {
    if (!(e instanceof SyncError) || e.failure !== 'not-found' || typeof e.params?.database !== 'string') return undefined;
    const mayCreate = await isServerAdmin(this.remote(s, t, undefined, 1)).catch(() => false);
    return { database: e.params.database, mayCreate };
  }

  /** One office database on the server, with this account's password and the retry policy. */
  private remote(s: SyncSettings, t: OfficeTarget, signal?: AbortSignal, attempts?: number) {
    return {
      url: t.url,
      ...(s.user ? { user: s.user, password: this.password ?? '' } : {}),
      retry: { attempts: 3, ...this.opts.retry, ...(attempts ? { attempts } : {}), ...(signal ? { signal } : {}) },
    };
  }

  /**
   * The server answered (documents, a file or a refusal): the machine is online whatever the
   * window last reported, so the status stops saying "offline" and the schedule resumes.
   */
  private answered(): void {
    this.online = true;
  }

  private async unlock(): Promise<void> {
    const s = this.settings();
    this.keychain = await this.secrets.available().catch(() => false);
    if (!this.keychain || s.user === '' || this.password !== null) return;
    const kept = await this.secrets.load(accountKey(s.server, s.user)).catch(() => null);
    if (kept !== null) {
      this.password = kept;
      this.kept = true;
    }
  }

  private replan(): void {
    if (this.closed) return;
    this.scheduler.stop();
    this.scheduler.start();
  }

  private lastSeq(): number {
    return this.library().docs.lastSeq();
  }

  private readLast(): (Partial<Last> & { paused?: boolean }) | null {
    const doc = this.library().replication.getLocal(LAST_ID);
    return doc ? (withoutUnderscored(doc) as Partial<Last> & { paused?: boolean }) : null;
  }

  private writeLast(change: Partial<Last> & { paused?: boolean }): void {
    this.library().replication.putLocal({ _id: LAST_ID, ...(this.readLast() ?? {}), ...change });
  }

  private changed(): SyncStatus {
    const status = this.status();
    if (!this.closed) this.emit({ type: 'sync.status', status });
    return status;
  }
}

/** An office's files in the status: the counts, and the first few failed files by the name of an attachment that holds them. */
function filesOutcome(library: Library, f: FilesSummary | undefined): OfficeFiles | null {
  if (!f) return null;
  const nameOf = library.db.prepare<[string], { name: string }>(
    `SELECT a.original_name AS name FROM attachment_p a JOIN docs d ON d.rowid = a.doc_rowid
     WHERE a.sha256 = ? AND d.deleted = 0 AND d.type = 'attachment' ORDER BY d.rowid LIMIT 1`,
  );
  const failedFiles = f.failed.slice(0, FAILED_FILES_SHOWN).map(({ sha256, why }) => ({ name: (sha256 && nameOf.get(sha256)?.name) || sha256, sha256, why }));
  return { state: 'synced', uploaded: f.uploaded.files, downloaded: f.downloaded.files, notHere: f.notHere.files, failed: f.failed.length, failedFiles };
}

function withoutUnderscored(doc: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc).filter(([k]) => !k.startsWith('_')));
}

/** The first try after a run that could not reach the server; each further one waits twice as long. */
export const UNREACHABLE_RETRY_MS = 30_000;

/**
 * When the next sync is due after a run: the interval, or after `unreachable` runs in a row that
 * found no server, 30 s, 1, 2, 4 minutes… up to the interval, so a link that comes back (a
 * server restarted, a dropped satellite link) is used within a minute or two rather than after
 * the whole interval, and a server down for long is not asked more often than a sync would.
 */
export function nextRunMs(unreachable: number, intervalMs: number): number {
  if (unreachable === 0) return intervalMs;
  return Math.min(intervalMs, UNREACHABLE_RETRY_MS * 2 ** Math.min(unreachable - 1, 20));
}

/** Whether anything at all waits to go to the server. */
function waitingAny(w: SyncStatus['waiting']): boolean {
  return w.releases + w.contacts + w.photos + w.files + w.offices + w.others + w.deletions > 0;
}
