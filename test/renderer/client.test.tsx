// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CoreEvent } from '../../electron/shared/contract';
import { setUpClient } from '../../renderer/client';
import { createHttpClient } from '../../renderer/client/http-client';
import { EventStreamParser } from '../../renderer/client/sse';
import { TOKEN_KEY, takeToken } from '../../renderer/client/token';

interface Seen {
  url: string;
  init: RequestInit | undefined;
}

/** A stand-in for the network that records requests and answers from a script. */
function scriptedFetch(answer: (url: string, init?: RequestInit) => Response | Promise<Response>) {
  const seen: Seen[] = [];
  const f = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    seen.push({ url, init });
    return answer(url, init);
  }) as typeof fetch;
  return { fetch: f, seen };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => {
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});

describe('web mode token', () => {
  it('exchanges the launch link once for the token, keeps it for the tab and removes the link from the address bar', async () => {
    window.history.replaceState(null, '', '/?launch=nonce123&x=1#/releases');
    const net = scriptedFetch(() => json({ ok: true, value: { token: 'tok-abc' } }));
    expect(await takeToken(window, net.fetch)).toEqual({ kind: 'token', token: 'tok-abc' });
    expect(net.seen).toHaveLength(1);
    expect(net.seen[0]!.url).toBe(`${window.location.origin}/launch`);
    expect(net.seen[0]!.init?.method).toBe('POST');
    expect(JSON.parse(String(net.seen[0]!.init?.body))).toEqual({ nonce: 'nonce123' });
    expect(sessionStorage.getItem(TOKEN_KEY)).toBe('tok-abc');
    expect(window.location.search).toBe('?x=1');
    expect(window.location.hash).toBe('#/releases');
    // A reload (no link in the URL any more) finds the token without asking again.
    expect(await takeToken(window, net.fetch)).toEqual({ kind: 'token', token: 'tok-abc' });
    expect(net.seen).toHaveLength(1);
  });

  it('says why a refused link did not open Dateline, and still removes it from the address bar', async () => {
    for (const reason of ['used', 'expired', 'unknown'] as const) {
      window.history.replaceState(null, '', '/?launch=old');
      const net = scriptedFetch(() => json({ ok: false, error: { code: 'UNAUTHORIZED', message: 'no', params: { reason } } }, 401));
      expect(await takeToken(window, net.fetch)).toEqual({ kind: 'refused', reason });
      expect(window.location.search).toBe('');
      expect(sessionStorage.getItem(TOKEN_KEY)).toBeNull();
    }
    window.history.replaceState(null, '', '/?launch=old');
    const down = scriptedFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await setUpClient(window, down.fetch)).toEqual({ kind: 'launch-refused', reason: 'unreachable' });
    window.history.replaceState(null, '', '/?launch=old');
    const odd = scriptedFetch(() => json({ ok: true, value: null }));
    expect(await takeToken(window, odd.fetch)).toEqual({ kind: 'refused', reason: 'unknown' });
  });

  it('never takes a token from the address', async () => {
    window.history.replaceState(null, '', '/?token=abc123');
    expect(await setUpClient(window)).toEqual({ kind: 'no-token' });
  });

  it('without a token there is no client, so the page shows how to open Dateline', async () => {
    expect(await setUpClient(window)).toEqual({ kind: 'no-token' });
  });

  it('the desktop preload wins over any token', async () => {
    const calls: [string, unknown][] = [];
    const win = window as Window;
    win.dateline = {
      invoke: async (m, i) => {
        calls.push([m, i]);
        return { ok: true, value: { id: 'rel-1', rev: '1-x' } };
      },
      on: () => () => undefined,
    };
    try {
      const setup = await setUpClient(win);
      expect(setup.kind).toBe('ready');
      if (setup.kind !== 'ready') return;
      const res = await setup.client.call('release.create', { headline: 'Floods' });
      expect(res).toEqual({ ok: true, value: { id: 'rel-1', rev: '1-x' } });
      expect(calls).toEqual([['release.create', { headline: 'Floods' }]]);
    } finally {
      delete win.dateline;
    }
  });
});

describe('HTTP client', () => {
  it('POSTs /api/<method> with the JSON input and the token header, and returns the Result', async () => {
    const net = scriptedFetch(() => json({ ok: true, value: { items: [], nextCursor: null, total: 0 } }));
    const client = createHttpClient({ token: 'tok', baseUrl: 'http://127.0.0.1:5000', fetch: net.fetch });
    const res = await client.call('release.list', { limit: 10, query: 'flood' });
    expect(res).toEqual({ ok: true, value: { items: [], nextCursor: null, total: 0 } });
    expect(net.seen[0]!.url).toBe('http://127.0.0.1:5000/api/release.list');
    expect(net.seen[0]!.init?.method).toBe('POST');
    expect((net.seen[0]!.init?.headers as Record<string, string>)['x-dateline-token']).toBe('tok');
    expect(JSON.parse(String(net.seen[0]!.init?.body))).toEqual({ limit: 10, query: 'flood' });
  });

  it('passes the core’s errors through and turns broken replies and a dead server into errors', async () => {
    const error = { code: 'NOT_FOUND', message: 'no release rel-9' };
    let reply: () => Response = () => json({ ok: false, error });
    const net = scriptedFetch(() => reply());
    const client = createHttpClient({ token: 't', baseUrl: 'http://127.0.0.1:1', fetch: net.fetch });
    expect(await client.call('release.get', { id: 'rel-9' })).toEqual({ ok: false, error });
    reply = () => json({ hello: 'world' });
    const broken = await client.call('release.get', { id: 'rel-9' });
    expect(broken.ok === false && broken.error.params?.reason).toBe('badReply');
    reply = () => {
      throw new TypeError('Failed to fetch');
    };
    const dead = await client.call('release.get', { id: 'rel-9' });
    expect(dead.ok === false && dead.error.params?.reason).toBe('unreachable');
  });

  it('a 401 tells the app (which shows how to open Dateline) and stops further calls', async () => {
    const net = scriptedFetch(() => json({ ok: false, error: { code: 'UNAUTHORIZED', message: 'no' } }, 401));
    const client = createHttpClient({ token: 'stale', baseUrl: 'http://127.0.0.1:1', fetch: net.fetch });
    let told = 0;
    client.onUnauthorized(() => (told += 1));
    const res = await client.call('library.info', {});
    expect(res.ok === false && res.error.code).toBe('UNAUTHORIZED');
    expect(told).toBe(1);
    await client.call('library.info', {});
    expect(net.seen.length).toBe(1);
  });

  it('reads events from the stream and reconnects after the link drops', async () => {
    const encoder = new TextEncoder();
    let connections = 0;
    const net = scriptedFetch((url) => {
      expect(url).toBe('http://127.0.0.1:1/api/events');
      connections += 1;
      const n = connections;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          // Split mid-event, as a slow link does.
          controller.enqueue(encoder.encode(`data: {"type":"library.changed","lastSeq":${n}}\n`));
          controller.enqueue(encoder.encode('\n: keep-alive\n\ndata: not json\n\n'));
          controller.close();
        },
      });
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    });
    const waits: number[] = [];
    const client = createHttpClient({
      token: 't',
      baseUrl: 'http://127.0.0.1:1',
      fetch: net.fetch,
      setTimeout: (fn, ms) => {
        waits.push(ms);
        if (waits.length < 3) setTimeout(fn, 0);
      },
    });
    const events: CoreEvent[] = [];
    const stop = client.on((e) => events.push(e));
    // The third reconnection's wait is asked for once its stream has been read and ended.
    await vi.waitFor(() => {
      if (waits.length < 3) throw new Error('still reading');
    });
    stop();
    expect(events).toEqual([
      { type: 'library.changed', lastSeq: 1 },
      { type: 'library.changed', lastSeq: 2 },
      { type: 'library.changed', lastSeq: 3 },
    ]);
    expect((net.seen[0]!.init?.headers as Record<string, string>)['x-dateline-token']).toBe('t');
    // The stream delivered data each time, so the wait starts over at one second.
    expect(waits).toEqual([1000, 1000, 1000]);
  });

  it('waits longer after each failed connection, up to the cap', async () => {
    const net = scriptedFetch(() => {
      throw new TypeError('offline');
    });
    const waits: number[] = [];
    let fifth = () => undefined as void;
    const fiveWaits = new Promise<void>((r) => (fifth = r));
    const client = createHttpClient({
      token: 't',
      baseUrl: 'http://127.0.0.1:1',
      fetch: net.fetch,
      maxBackoffMs: 5000,
      setTimeout: (fn, ms) => {
        waits.push(ms);
        if (waits.length < 5) setTimeout(fn, 0);
        else fifth();
      },
    });
    const stop = client.on(() => undefined);
    await fiveWaits;
    stop();
    expect(waits).toEqual([1000, 2000, 4000, 5000, 5000]);
  });
});

describe('event-stream parser', () => {
  it('joins multi-line data and handles CRLF', () => {
    const out: string[] = [];
    const p = new EventStreamParser((d) => out.push(d));
    p.push('data: a\r\ndata: b\r\n\r\nevent: x\ndata:c\n\n');
    expect(out).toEqual(['a\nb', 'c']);
  });
});
