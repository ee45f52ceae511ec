import type { CoreEvent } from '../shared/contract';
import { cancelledError, DatelineError, type Result } from '../shared/errors';
import { toApiError } from '../core/jobs';
import type { PdfPrinter, PdfPrintOptions } from '../core/kits/pdf';
import type { SecretKeeper } from '../core/sync/secrets';
import { isToCore, type FromCore, type PrintRequest } from './core-protocol';

/** What the core host needs of the opened core (openCore's result has this shape). */
export interface HostedCore {
  dispatch(method: string, input: unknown, caller: { transport: 'ipc' }): Promise<Result<unknown>>;
  jobs: { on(listener: (event: CoreEvent) => void): () => void };
  close(): void;
}

export interface CorePort {
  postMessage(message: FromCore): void;
  onMessage(listener: (message: unknown) => void): void;
}

/**
 * The core host's side of the link: answers every call with its Result under the call's id and
 * pushes the core's events. A library that fails to open (newer version, damaged, not a
 * library) does not kill the host: every call is answered with that error, so the window can
 * say what is wrong instead of showing a dead app.
 */
export function serveCore(port: CorePort, open: (secrets: SecretKeeper) => Promise<HostedCore>, exit: () => void): { printer: PdfPrinter } {
  // Posted directly, not through send(): a request that cannot be posted must fail its print
  // at once rather than leave the export waiting for an answer that will never come.
  const prints = new PrintProxy((message) => port.postMessage(message));
  const secrets = new SecretProxy((message) => port.postMessage(message));
  const opening = open(secrets).then((core) => {
    core.jobs.on((event) => send(port, { type: 'event', event }));
    return core;
  });
  // Reported to each caller below; an unobserved rejection would crash the host instead.
  opening.catch(() => undefined);
  let closing = false;

  port.onMessage((message) => {
    if (!isToCore(message)) return;
    if (message.type === 'printed') {
      prints.settle(message.id, message.result);
      return;
    }
    if (message.type === 'secret-reply') {
      secrets.settle(message.id, message.result);
      return;
    }
    if (message.type === 'close') {
      if (closing) return;
      closing = true;
      void opening
        .then((core) => core.close(), () => undefined)
        .catch(() => undefined)
        .finally(() => {
          send(port, { type: 'closed' });
          exit();
        });
      return;
    }
    const { id, method, input } = message;
    void answer(opening, closing, method, input).then((result) => send(port, { type: 'result', id, result }));
  });

  async function answer(core: Promise<HostedCore>, isClosing: boolean, method: string, input: unknown): Promise<Result<unknown>> {
    if (isClosing) return { ok: false, error: { code: 'INTERNAL', message: 'Dateline is closing; the request was not run.', params: { reason: 'closing' } } };
    try {
      return await (await core).dispatch(method, input, { transport: 'ipc' });
    } catch (e) {
      return { ok: false, error: toApiError(e) };
    }
  }

  return { printer: prints };
}

const cancelled = (): DatelineError => cancelledError('export');

/**
 * The core's printer inside the utility process, which has no Chromium of its own: each print
 * goes to the main process as a numbered request (see print.ts there) and the PDF comes back
 * under the same number. Cancelling the export withdraws the request, so the main process
 * closes its print window instead of finishing a PDF nobody will read.
 */
export class PrintProxy implements PdfPrinter {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(pdf: Buffer): void; reject(error: Error): void }>();

  constructor(private readonly post: (message: FromCore) => void) {}

  print(html: string, opts: PdfPrintOptions): Promise<Buffer> {
    const { signal } = opts;
    if (signal?.aborted) return Promise.reject(cancelled());
    const id = this.nextId++;
    const request: PrintRequest = { html, pageSize: opts.pageSize, files: [...opts.files] };
    if (opts.tagged !== undefined) request.tagged = opts.tagged;
    return new Promise<Buffer>((resolve, reject) => {
      const onAbort = () => {
        if (!this.pending.delete(id)) return;
        this.post({ type: 'print-cancel', id });
        reject(cancelled());
      };
      const finish = () => signal?.removeEventListener('abort', onAbort);
      this.pending.set(id, {
        resolve: (pdf) => {
          finish();
          resolve(pdf);
        },
        reject: (error) => {
          finish();
          reject(error);
        },
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        this.post({ type: 'print', id, request });
      } catch (e) {
        this.settle(id, { ok: false, error: toApiError(e) });
      }
    });
  }

  /** The main process's answer to request `id`; one for a withdrawn request is dropped. */
  settle(id: number, result: Result<Uint8Array>): void {
    const waiting = this.pending.get(id);
    if (!waiting) return;
    this.pending.delete(id);
    if (!result.ok) {
      const { code, message, path, params } = result.error;
      waiting.reject(new DatelineError(code, message, { ...(path ? { path } : {}), ...(params ? { params } : {}) }));
    } else if (result.value instanceof Uint8Array) {
      // Structured cloning delivers a plain Uint8Array; the core's callers expect a Buffer.
      waiting.resolve(Buffer.from(result.value.buffer, result.value.byteOffset, result.value.byteLength));
    } else {
      waiting.reject(new DatelineError('INTERNAL', 'The PDF printer answered without a PDF.', { params: { reason: 'notPdf' } }));
    }
  }
}

/**
 * The keychain inside the utility process, which has no safeStorage: each request goes to the
 * main process (secrets.ts there) and the answer comes back under the same number. A keychain
 * that cannot answer counts as none: the person is asked for the password.
 */
export class SecretProxy implements SecretKeeper {
  private nextId = 1;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();

  constructor(private readonly post: (message: FromCore) => void) {}

  async available(): Promise<boolean> {
    return (await this.ask({ op: 'available' })) === true;
  }

  async load(account: string): Promise<string | null> {
    const got = await this.ask({ op: 'load', account });
    return typeof got === 'string' ? got : null;
  }

  async save(account: string, secret: string): Promise<void> {
    await this.ask({ op: 'save', account, secret });
  }

  async forget(account: string): Promise<void> {
    await this.ask({ op: 'forget', account });
  }

  settle(id: number, result: Result<unknown>): void {
    const waiting = this.pending.get(id);
    this.pending.delete(id);
    waiting?.(result);
  }

  private ask(request: Record<string, unknown>): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, (r) => resolve(r.ok ? r.value : null));
      try {
        this.post({ type: 'secret', id, request });
      } catch {
        this.settle(id, { ok: true, value: null });
      }
    });
  }
}

function send(port: CorePort, message: FromCore): void {
  try {
    port.postMessage(message);
  } catch (e) {
    // A value that cannot cross processes (a function, say) must still get its caller an answer.
    if (message.type === 'result') {
      port.postMessage({ type: 'result', id: message.id, result: { ok: false, error: toApiError(e) } });
    }
  }
}
