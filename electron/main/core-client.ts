import type { CoreEvent } from '../shared/contract';
import { DatelineError, type ApiError, type Result } from '../shared/errors';
import { isFromCore, type ToCore } from './core-protocol';

/** A running core host, as the shell sees it. */
export interface CoreLink {
  post(message: ToCore): void;
  kill(): void;
}

/** Starts a core host; `message` gets everything it sends, `exit` fires once when it ends. */
export type ConnectCore = (handlers: { message(message: unknown): void; exit(code: number): void }) => CoreLink;

/**
 * Prints one kit the core asked for (print.ts). The request is as the core sent it, unchecked;
 * the handler checks it. Rejects with a DatelineError when there is no PDF (cancelled, timed out).
 */
export type PrintHandler = (request: unknown, signal: AbortSignal) => Promise<Uint8Array>;

const STOPPED: Result<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'The Dateline core stopped unexpectedly; your last action may not have been saved. Try again.', params: { reason: 'coreStopped' } },
};
const GAVE_UP: Result<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'The Dateline core keeps stopping; restart Dateline. If it happens again, the library may need a check.', params: { reason: 'coreKeepsStopping' } },
};
// More crashes than this within CRASH_WINDOW_MS means restarting will not help.
const MAX_CRASHES = 3;
const CRASH_WINDOW_MS = 60_000;

/**
 * The shell's side of the link to the core host: numbers each call, matches answers to calls,
 * fans events out, restarts a crashed host on the next call (callers in flight get an error,
 * never a hang) and closes it cleanly on quit.
 */
export class CoreClient {
  private link: CoreLink | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private readonly listeners = new Set<(event: CoreEvent) => void>();
  private crashes: number[] = [];
  private closing: Promise<void> | null = null;
  private onClosed: (() => void) | null = null;
  private printer: PrintHandler | null = null;
  private secrets: ((request: unknown) => unknown) | null = null;
  /** Prints the current host asked for and that are still running, by the host's request id. */
  private readonly prints = new Map<number, AbortController>();

  constructor(
    private readonly connect: ConnectCore,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts the host now rather than on the first call, so the library opens while the window loads. */
  start(): void {
    this.ensureLink();
  }

  invoke(method: string, input: unknown): Promise<Result<unknown>> {
    if (this.closing) return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'Dateline is closing.', params: { reason: 'closing' } } });
    const link = this.ensureLink();
    if (link === null) return Promise.resolve(GAVE_UP);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      link.post({ type: 'call', id, method, input });
    });
  }

  /** Who prints kits for the core; without one, print requests are answered with an error. */
  handlePrints(printer: PrintHandler): void {
    this.printer = printer;
  }

  /** Who answers the core's keychain requests (secrets.ts); without one, the core has no keychain. */
  handleSecrets(handler: (request: unknown) => unknown): void {
    this.secrets = handler;
  }

  onEvent(listener: (event: CoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asks the host to close the library (checkpointing it) and waits; kills it after `timeoutMs`. */
  close(timeoutMs = 3000): Promise<void> {
    if (this.closing) return this.closing;
    const link = this.link;
    if (link === null) return (this.closing = Promise.resolve());
    this.closing = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        link.kill();
        finish();
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.onClosed = null;
        resolve();
      };
      this.onClosed = finish;
      link.post({ type: 'close' });
    });
    return this.closing;
  }

  private ensureLink(): CoreLink | null {
    if (this.link) return this.link;
    const since = this.now() - CRASH_WINDOW_MS;
    this.crashes = this.crashes.filter((t) => t >= since);
    if (this.crashes.length >= MAX_CRASHES) return null;
    let current: CoreLink | null = null;
    current = this.connect({
      message: (m) => this.receive(m, current),
      exit: () => this.exited(current),
    });
    this.link = current;
    return current;
  }

  private receive(message: unknown, from: CoreLink | null): void {
    if (!isFromCore(message)) return;
    if (message.type === 'print') {
      this.print(message.id, message.request, from);
    } else if (message.type === 'secret') {
      from?.post({ type: 'secret-reply', id: message.id, result: this.secret(message.request) });
    } else if (message.type === 'print-cancel') {
      this.prints.get(message.id)?.abort();
    } else if (message.type === 'result') {
      const resolve = this.pending.get(message.id);
      this.pending.delete(message.id);
      resolve?.(message.result);
    } else if (message.type === 'event') {
      for (const listener of this.listeners) {
        try {
          listener(message.event);
        } catch {
          // One closed window must not keep the others from hearing about a job.
        }
      }
    } else {
      this.onClosed?.();
    }
  }

  /** Runs one print for the host `from` and answers it under the host's id, if that host still runs. */
  private print(id: number, request: unknown, from: CoreLink | null): void {
    const controller = new AbortController();
    // A host never reuses an id while its print runs; should one arrive anyway, the older print is dropped.
    this.prints.get(id)?.abort();
    this.prints.set(id, controller);
    const printer = this.printer;
    const printing = printer
      ? Promise.resolve().then(() => printer(request, controller.signal))
      : Promise.reject(new DatelineError('INTERNAL', 'This Dateline cannot print PDFs: no printer was set up.', { params: { reason: 'noPrinter' } }));
    void printing
      .then(
        (pdf): Result<Uint8Array> => ({ ok: true, value: pdf }),
        (e: unknown): Result<Uint8Array> => ({ ok: false, error: printError(e) }),
      )
      .then((result) => {
        if (this.prints.get(id) === controller) this.prints.delete(id);
        // A host that stopped (or was replaced) meanwhile is not waiting any more.
        if (from !== null && this.link === from) from.post({ type: 'printed', id, result });
      });
  }

  private secret(request: unknown): Result<unknown> {
    if (!this.secrets) return { ok: true, value: null };
    try {
      return { ok: true, value: this.secrets(request) };
    } catch {
      // The core then treats the keychain as absent and asks the person for the password.
      return { ok: false, error: { code: 'INTERNAL', message: 'The system keychain could not be used for the sync password.', params: { reason: 'keychain' } } };
    }
  }

  private exited(link: CoreLink | null): void {
    if (link !== null && this.link !== link) return;
    this.link = null;
    // Nobody is left to receive these PDFs: their print windows close now.
    for (const controller of this.prints.values()) controller.abort();
    this.prints.clear();
    if (this.onClosed) {
      this.onClosed();
    } else {
      this.crashes.push(this.now());
    }
    for (const resolve of this.pending.values()) resolve(STOPPED);
    this.pending.clear();
  }
}

function printError(e: unknown): ApiError {
  if (e instanceof DatelineError) return e.toApiError();
  const detail = e instanceof Error ? e.message : String(e);
  return { code: 'INTERNAL', message: `Dateline could not print the kit: ${detail}`, params: { reason: 'printFailed', detail } };
}
