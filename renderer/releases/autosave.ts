import type { ApiError, Result } from '../../electron/shared/errors';

/**
 * Autosave for a document being edited. Every change goes to the draft journal shortly after
 * the typing (so a crash or a dead battery loses at most a fraction of a second), and becomes a
 * revision once the person pauses, leaves the field or the page. Saves never overlap and
 * always run in the order the changes were made. "Saved" is shown only once the revision is
 * written: from then on lists, search, kits and exports see the edit (see README, "How saving
 * works"); a draft in the journal alone is still "Saving…".
 */

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'saving' }
  | { kind: 'error'; error: ApiError };

export interface AutosaveTransport<F> {
  saveDraft(fields: F, baseRev: string | null): Promise<Result<unknown>>;
  /** Returns the new revision, or null when there was nothing to commit. */
  commit(): Promise<Result<{ rev: string } | null>>;
}

/**
 * The core's refusal of a session begun in a library that a restore has since replaced: what
 * it holds was typed against the old library and is never to be written into the restored one.
 */
export function isLibraryReplaced(error: ApiError): boolean {
  return error.code === 'CONFLICT' && error.params?.reason === 'libraryReplaced';
}

export interface AutosaveOptions {
  saveDelayMs?: number;
  commitDelayMs?: number;
}

export class Autosave<F> {
  private pending: F | null = null;
  /** A draft was saved and not yet committed. */
  private uncommitted = false;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private commitTimer: ReturnType<typeof setTimeout> | null = null;
  private queue: Promise<void> = Promise.resolve();
  private stateValue: SaveState = { kind: 'saved' };
  private readonly listeners = new Set<(s: SaveState) => void>();
  private readonly saveDelay: number;
  private readonly commitDelay: number;
  private disposed = false;

  constructor(
    private readonly transport: AutosaveTransport<F>,
    private baseRevValue: string | null,
    opts: AutosaveOptions = {},
  ) {
    this.saveDelay = opts.saveDelayMs ?? 400;
    this.commitDelay = opts.commitDelayMs ?? 1500;
  }

  get state(): SaveState {
    return this.stateValue;
  }

  /** The revision the next draft is based on (moves on with every commit). */
  get baseRev(): string | null {
    return this.baseRevValue;
  }

  subscribe(listener: (s: SaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Records the latest full set of fields; writes them after a short pause in typing. */
  change(fields: F): void {
    if (this.disposed) return;
    this.pending = fields;
    this.setState({ kind: 'saving' });
    this.restart('save');
    this.restart('commit');
  }

  /** Writes whatever is pending and commits it now (blur, leaving the page, unload). */
  flush(): Promise<void> {
    this.clearTimers();
    this.enqueue(() => this.writePending());
    return this.enqueue(() => this.commitNow());
  }

  /** The person has stopped editing this document: finish the work, then stop the timers. */
  async close(): Promise<void> {
    await this.flush();
    this.disposed = true;
    this.listeners.clear();
  }

  private restart(which: 'save' | 'commit'): void {
    if (which === 'save') {
      if (this.saveTimer) clearTimeout(this.saveTimer);
      this.saveTimer = setTimeout(() => {
        this.saveTimer = null;
        void this.enqueue(() => this.writePending());
      }, this.saveDelay);
    } else {
      if (this.commitTimer) clearTimeout(this.commitTimer);
      this.commitTimer = setTimeout(() => {
        this.commitTimer = null;
        void this.flush();
      }, this.commitDelay);
    }
  }

  private clearTimers(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    if (this.commitTimer) clearTimeout(this.commitTimer);
    this.saveTimer = null;
    this.commitTimer = null;
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(work, work);
    return this.queue;
  }

  private async writePending(): Promise<void> {
    const fields = this.pending;
    if (fields === null) return;
    this.pending = null;
    const res = await this.transport.saveDraft(fields, this.baseRevValue);
    if (!res.ok) {
      if (isLibraryReplaced(res.error)) return this.stop(res.error);
      // Keep the fields so the next change or flush tries again, unless newer ones came.
      if (this.pending === null) this.pending = fields;
      this.setState({ kind: 'error', error: res.error });
      return;
    }
    // Safe from a crash now, but not yet what lists and kits read: the commit says "Saved".
    this.uncommitted = true;
  }

  private async commitNow(): Promise<void> {
    if (!this.uncommitted || this.pending !== null) return;
    const res = await this.transport.commit();
    if (!res.ok) {
      this.setState({ kind: 'error', error: res.error });
      return;
    }
    this.uncommitted = false;
    if (res.value) this.baseRevValue = res.value.rev;
    if (this.pending === null && this.saveTimer === null) this.setState({ kind: 'saved' });
  }

  /** The session's typing is dropped, never saved: nothing more is written, even on close. */
  private stop(error: ApiError): void {
    this.clearTimers();
    this.pending = null;
    this.uncommitted = false;
    this.disposed = true;
    this.setState({ kind: 'error', error });
  }

  private setState(s: SaveState): void {
    this.stateValue = s;
    for (const l of this.listeners) l(s);
  }
}
