import type { CallResult, CoreEvent, InputOf, MethodName } from '../../electron/shared/contract';
import type { Result } from '../../electron/shared/errors';
import type { CheckedBackup } from '../../electron/shared/library/contract';
import { EventStreamParser } from './sse';
import { asCoreEvent, asResult, unreachable, type CoreListener, type DatelineClient } from './types';

export interface HttpClientOptions {
  token: string;
  /** Where the API lives; the page's own origin in web mode. */
  baseUrl: string;
  fetch?: typeof fetch;
  /** Waits before reconnecting the event stream: 1 s, 2 s, 4 s... up to this. */
  maxBackoffMs?: number;
  setTimeout?: (fn: () => void, ms: number) => unknown;
}

// keepalive lets a save started while the page unloads reach the server; browsers cap
// keepalive bodies at 64 KiB, so bigger ones go without it.
const KEEPALIVE_LIMIT = 60_000;

const unauthorizedResult = <T>(): Result<T> => ({
  ok: false,
  error: { code: 'UNAUTHORIZED', message: 'This page does not have a valid Dateline token.' },
});

/** Web mode's client: POST /api/<method> and a streamed GET /api/events, both with the token header. */
export function createHttpClient(opts: HttpClientOptions): DatelineClient {
  const doFetch = opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const wait = opts.setTimeout ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const maxBackoff = opts.maxBackoffMs ?? 30_000;
  const listeners = new Set<CoreListener>();
  const unauthorizedListeners = new Set<() => void>();
  let refused = false;
  let stream: AbortController | null = null;
  let attempt = 0;

  const url = (path: string) => new URL(path, opts.baseUrl).toString();
  const headers = { 'x-dateline-token': opts.token };

  function refuse(): void {
    if (refused) return;
    refused = true;
    stream?.abort();
    stream = null;
    for (const l of unauthorizedListeners) l();
  }

  function emit(event: CoreEvent): void {
    for (const l of [...listeners]) l(event);
  }

  async function readStream(controller: AbortController): Promise<'closed' | 'refused'> {
    const res = await doFetch(url('/api/events'), {
      headers: { ...headers, accept: 'text/event-stream' },
      signal: controller.signal,
      cache: 'no-store',
    });
    if (res.status === 401) return 'refused';
    if (!res.ok || !res.body) throw new Error(`event stream answered ${res.status}`);
    const parser = new EventStreamParser((data) => {
      try {
        const event = asCoreEvent(JSON.parse(data));
        if (event) emit(event);
      } catch {
        // A line that is not JSON is not an event of ours; skip it.
      }
    });
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return 'closed';
      parser.push(value);
      attempt = 0;
    }
  }

  function connect(): void {
    if (stream || refused || listeners.size === 0) return;
    const controller = new AbortController();
    stream = controller;
    readStream(controller)
      .then((outcome) => {
        if (outcome === 'refused') refuse();
        return outcome;
      })
      .catch(() => 'failed' as const)
      .then((outcome) => {
        if (stream !== controller || controller.signal.aborted || outcome === 'refused') return;
        stream = null;
        // Links in the field drop often: retry, waiting longer each time, never give up.
        const delay = Math.min(maxBackoff, 1000 * 2 ** attempt);
        attempt += 1;
        wait(connect, delay);
      });
  }

  /** One request with the token: the response, or the result a refused token or an unreachable server gives. */
  async function send(path: string, init: RequestInit): Promise<{ res: Response } | { failed: Result<never> }> {
    if (refused) return { failed: unauthorizedResult() };
    let res: Response;
    try {
      res = await doFetch(url(path), { ...init, headers: { ...headers, ...(init.headers as Record<string, string> | undefined) } });
    } catch (e) {
      return { failed: unreachable(e instanceof Error ? e.message : String(e)) };
    }
    if (res.status === 401) {
      refuse();
      return { failed: unauthorizedResult() };
    }
    return { res };
  }

  /** The JSON result an answer carries, checked; an answer that is not JSON says the server could not be read. */
  async function answer<T>(res: Response, method?: MethodName): Promise<Result<T>> {
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      return unreachable(`HTTP ${res.status}`);
    }
    return asResult<T>(json, method);
  }

  return {
    async call<M extends MethodName>(method: M, input: InputOf<M>): Promise<Result<CallResult<M>>> {
      if (refused) return unauthorizedResult();
      const body = JSON.stringify(input ?? {});
      const sent = await send(`/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        keepalive: body.length < KEEPALIVE_LIMIT,
      });
      return 'failed' in sent ? sent.failed : answer<CallResult<M>>(sent.res, method);
    },
    async downloadLink(id: string): Promise<Result<string>> {
      const sent = await send('/api/download-ticket', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ download: id }) });
      if ('failed' in sent) return sent.failed;
      const r = await answer<{ url?: unknown }>(sent.res);
      if (!r.ok) return r;
      const link = r.value.url;
      // The server's own path, nothing else: the page follows this link.
      if (typeof link !== 'string' || !link.startsWith('/download/')) {
        return { ok: false, error: { code: 'INTERNAL', message: 'The download link Dateline sent could not be read.', params: { reason: 'badReply' } } };
      }
      return { ok: true, value: url(link) };
    },
    // The file itself is the body, streamed by the browser from disk: no base64, no copy in memory.
    async uploadBackup(file: Blob): Promise<Result<CheckedBackup>> {
      const sent = await send('/api/upload/backup', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: file });
      return 'failed' in sent ? sent.failed : answer<CheckedBackup>(sent.res);
    },
    on(listener: CoreListener) {
      listeners.add(listener);
      connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && stream) {
          stream.abort();
          stream = null;
        }
      };
    },
    onUnauthorized(listener: () => void) {
      unauthorizedListeners.add(listener);
      if (refused) listener();
      return () => unauthorizedListeners.delete(listener);
    },
  };
}
