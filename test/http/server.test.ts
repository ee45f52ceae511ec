import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../electron/shared/contract';
import { openCore, type Core, type CoreOptions } from '../../electron/core/index';
import { startWebServer, type WebServer, type WebServerOptions } from '../../electron/core/http/server';
import { CONTENT_SECURITY_POLICY, tokenMatches } from '../../electron/core/http/security';
import { safeSegments } from '../../electron/core/http/static-files';
import { tempDir } from '../helpers';
import { serve, type Serving } from './running';

const SECRET = 'dateline-secret-outside-the-static-folder';
const INDEX = '<!doctype html><title>Dateline</title><script type="module" src="./assets/app.js"></script>';

interface Running extends Serving {
  libDir: string;
  staticDir: string;
}

/** A real library and a real server; the static folder sits next to a file it must never serve. */
async function start(opts: { core?: CoreOptions; server?: Partial<WebServerOptions>; built?: boolean } = {}): Promise<Running> {
  const root = tempDir();
  const libDir = join(root, 'library');
  const staticDir = join(root, 'static');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(root, 'package.json'), JSON.stringify({ secret: SECRET }));
  if (opts.built !== false) {
    writeFileSync(join(staticDir, 'index.html'), INDEX);
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("dateline");');
    writeFileSync(join(staticDir, 'assets', 'app.css'), 'body { margin: 0 }');
    writeFileSync(join(staticDir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  }
  return { ...(await serve(libDir, staticDir, opts.core, opts.server)), libDir, staticDir };
}

function call(server: WebServer, method: string, input: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dateline-token': server.token, ...headers },
    body: JSON.stringify(input),
  });
}

async function releaseCount(core: Core): Promise<number> {
  const info = await core.dispatch('library.info', {}, { transport: 'test' });
  if (!info.ok) throw new Error(info.error.message);
  return (info.value as { counts: { release: number } }).counts.release;
}

/** node:http, so the test controls the Host header and sends paths fetch would normalise. */
function raw(
  port: number,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** Reads an event stream and hands out the first event matching a test, waiting generously. */
async function events(server: WebServer) {
  const controller = new AbortController();
  const res = await fetch(`${server.origin}/api/events`, { headers: { 'x-dateline-token': server.token }, signal: controller.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  let ended = false;
  const seen: CoreEvent[] = [];
  const comments: string[] = [];

  async function readMore(): Promise<void> {
    const { value, done } = await reader.read();
    if (done) {
      ended = true;
      return;
    }
    text += value;
    let end = text.indexOf('\n\n');
    while (end !== -1) {
      const block = text.slice(0, end);
      text = text.slice(end + 2);
      if (block.startsWith('data: ')) seen.push(JSON.parse(block.slice(6)) as CoreEvent);
      else if (block.startsWith(':')) comments.push(block);
      end = text.indexOf('\n\n');
    }
  }

  async function until<T>(found: () => T | undefined, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = found();
      if (hit !== undefined) return hit;
      if (ended) throw new Error('the event stream ended before the awaited event arrived');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching event; saw ${JSON.stringify(seen)}`);
      let timer: NodeJS.Timeout | undefined;
      // A missing event fails with what did arrive, not with the test runner's bare timeout.
      await Promise.race([readMore(), new Promise<void>((resolve) => (timer = setTimeout(resolve, left)))]);
      clearTimeout(timer);
    }
  }

  return {
    next: (match: (e: CoreEvent) => boolean) => until(() => seen.find(match)),
    comment: (match: (c: string) => boolean) => until(() => comments.find(match)),
    ended: () => until(() => (ended ? true : undefined)),
    close: () => controller.abort(),
  };
}

describe('web mode: the token', () => {
  it('refuses a call without the token with 401 and runs nothing', async () => {
    const { server, core } = await start();
    const res = await fetch(`${server.origin}/api/release.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ headline: 'Floods in Kasese' }),
    });
    expect(res.status).toBe(401);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['error', 'ok']);
    expect(body.ok).toBe(false);
    expect(body.error).toEqual({ code: 'UNAUTHORIZED', message: expect.any(String) });
    expect(await releaseCount(core)).toBe(0);
  });

  it('refuses a wrong token, whatever its length, and a token in the query string or a cookie', async () => {
    const { server, core } = await start();
    const sameLength = server.token.slice(0, -1) + (server.token.endsWith('A') ? 'B' : 'A');
    for (const wrong of [sameLength, 'x', server.token + 'x']) {
      const res = await call(server, 'release.create', { headline: 'wrong' }, { 'x-dateline-token': wrong });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
    }
    const inQuery = await fetch(`${server.origin}/api/release.create?token=${server.token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `token=${server.token}; x-dateline-token=${server.token}` },
      body: JSON.stringify({ headline: 'smuggled' }),
    });
    expect(inQuery.status).toBe(401);
    expect(await releaseCount(core)).toBe(0);
  });

  it('compares tokens by content only', () => {
    expect(tokenMatches('a'.repeat(43), 'a'.repeat(43))).toBe(true);
    expect(tokenMatches('a'.repeat(43), 'b'.repeat(43))).toBe(false);
    expect(tokenMatches('', 'a'.repeat(43))).toBe(false);
    expect(tokenMatches(undefined, 'a'.repeat(43))).toBe(false);
    expect(tokenMatches(['a'.repeat(43)], 'a'.repeat(43))).toBe(false);
  });

  it('makes a fresh 32-byte token per run and never puts it in the URL it gives out', async () => {
    const a = await start();
    const b = await start();
    expect(a.server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.server.token, 'base64url')).toHaveLength(32);
    expect(a.server.token).not.toBe(b.server.token);
    const url = a.server.launchUrl();
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${a.server.port}/\\?launch=[A-Za-z0-9_-]{43}$`));
    expect(url).not.toContain(a.server.token);
    expect(a.server.launchUrl()).not.toBe(url);
    expect(a.server.origin).toBe(`http://127.0.0.1:${a.server.port}`);
  });
});

function launch(server: WebServer, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.origin}/launch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

const nonceOf = (url: string) => new URL(url).searchParams.get('launch')!;

describe('web mode: one-time launch links', () => {
  it('exchanges a launch link once for the token, which then works for calls and events', async () => {
    const { server } = await start();
    const nonce = nonceOf(server.launchUrl());
    const res = await launch(server, { nonce }, { origin: server.origin });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { ok: true; value: { token: string } };
    expect(body).toEqual({ ok: true, value: { token: server.token } });
    const created = await call(server, 'release.create', { headline: 'Launched' }, { 'x-dateline-token': body.value.token });
    expect(((await created.json()) as { ok: boolean }).ok).toBe(true);
    const events = await fetch(`${server.origin}/api/events`, { headers: { 'x-dateline-token': body.value.token }, signal: AbortSignal.timeout(5000) });
    expect(events.status).toBe(200);
    await events.body?.cancel();
  });

  it('refuses a used link, says so, and hands the terminal a fresh one that works', async () => {
    const fresh: string[] = [];
    const { server } = await start({ server: { onLaunchRefused: (url) => fresh.push(url) } });
    const nonce = nonceOf(server.launchUrl());
    expect((await launch(server, { nonce })).status).toBe(200);
    const again = await launch(server, { nonce });
    expect(again.status).toBe(401);
    const refused = (await again.json()) as { ok: false; error: { code: string; message: string; params: { reason: string } } };
    expect(refused.error.code).toBe('UNAUTHORIZED');
    expect(refused.error.params.reason).toBe('used');
    expect(refused.error.message).toContain('already used');
    expect(JSON.stringify(refused)).not.toContain(server.token);
    expect(fresh).toHaveLength(1);
    expect(fresh[0]).not.toContain(server.token);
    expect((await launch(server, { nonce: nonceOf(fresh[0]!) })).status).toBe(200);
  });

  it('refuses an expired link and one it never made', async () => {
    let now = 1_000_000;
    const { server } = await start({ server: { now: () => now } });
    const late = nonceOf(server.launchUrl());
    const inTime = nonceOf(server.launchUrl());
    now += 2 * 60_000 - 1;
    expect((await launch(server, { nonce: inTime })).status).toBe(200);
    now += 1;
    const expired = await launch(server, { nonce: late });
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { error: { params: { reason: string } } }).error.params.reason).toBe('expired');
    // Its second try is refused too: an expired link never comes back to life.
    expect((await launch(server, { nonce: late })).status).toBe(401);
    const forged = await launch(server, { nonce: 'A'.repeat(43) });
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as { error: { params: { reason: string } } }).error.params.reason).toBe('unknown');
    // The token itself is no launch link.
    expect((await launch(server, { nonce: server.token })).status).toBe(401);
  });

  it('guards the exchange like the API: Host, Origin, POST and JSON', async () => {
    const { server } = await start();
    const nonce = nonceOf(server.launchUrl());
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${server.port + 1}`]) {
      const res = await launch(server, { nonce }, { origin });
      expect(res.status).toBe(403);
    }
    const rebinding = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, path: '/launch', method: 'POST', headers: { host: `evil.example:${server.port}`, 'content-type': 'application/json' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ nonce }));
    });
    expect(rebinding).toBe(421);
    expect((await fetch(`${server.origin}/launch?nonce=${nonce}`)).status).toBe(405);
    const form = await fetch(`${server.origin}/launch`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `nonce=${nonce}` });
    expect(form.status).toBe(415);
    const bad = await launch(server, { nonce, extra: 1 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('INVALID_INPUT');
    // None of the refused attempts used the link up.
    expect((await launch(server, { nonce })).status).toBe(200);
  });
});

describe('web mode: calls', () => {
  it('creates a release and reads it back with the token', async () => {
    const { server, core } = await start();
    const created = await call(server, 'release.create', { headline: 'Floods in Kasese', language: 'fr' });
    expect(created.status).toBe(200);
    expect(created.headers.get('cache-control')).toBe('no-store');
    expect(created.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const c = (await created.json()) as { ok: true; value: { id: string; rev: string } };
    expect(c.ok).toBe(true);
    expect(c.value.rev).toMatch(/^1-[0-9a-f]{32}$/);

    const got = await call(server, 'release.get', { id: c.value.id });
    const g = (await got.json()) as { ok: true; value: { id: string; rev: string; headline: string; language: string } };
    expect(g.ok).toBe(true);
    expect(g.value).toMatchObject({ id: c.value.id, rev: c.value.rev, headline: 'Floods in Kasese', language: 'fr' });
    expect(await releaseCount(core)).toBe(1);
  });

  it('answers invalid JSON with 400 and INVALID_INPUT naming the problem', async () => {
    const { server, core } = await start();
    const res = await fetch(`${server.origin}/api/release.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dateline-token': server.token },
      body: '{"headline": "Floods",',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('INVALID_INPUT');
    expect(body.error.message).toMatch(/not valid JSON: .+/);
    expect(await releaseCount(core)).toBe(0);
  });

  it('names the field that is wrong', async () => {
    const { server } = await start();
    const res = await call(server, 'release.create', { headline: 42 });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; error: { code: string; path: string[]; params: { field: string } } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('INVALID_INPUT');
    expect(body.error.path).toEqual(['headline']);
    expect(body.error.params.field).toBe('headline');
  });

  it('answers an unknown method with 404 UNKNOWN_METHOD', async () => {
    const { server } = await start();
    const res = await call(server, 'release.destroyEverything', {});
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNKNOWN_METHOD');
  });

  it('refuses local-only methods over HTTP and writes no backup', async () => {
    const { server } = await start();
    const out = join(tempDir(), 'backup.dateline');
    const res = await call(server, 'library.backup', { out });
    const body = (await res.json()) as { ok: boolean; error: { code: string } };
    expect(body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(existsSync(out)).toBe(false);
  });

  it('requires JSON and POST', async () => {
    const { server, core } = await start();
    const form = await fetch(`${server.origin}/api/release.create`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-dateline-token': server.token },
      body: JSON.stringify({ headline: 'no' }),
    });
    expect(form.status).toBe(415);
    expect(((await form.json()) as { error: { code: string } }).error.code).toBe('INVALID_INPUT');
    const get = await fetch(`${server.origin}/api/release.list`, { headers: { 'x-dateline-token': server.token } });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(await releaseCount(core)).toBe(0);
  });

  it('treats an empty body as no input', async () => {
    const { server } = await start();
    const res = await fetch(`${server.origin}/api/library.info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'x-dateline-token': server.token },
    });
    const body = (await res.json()) as { ok: boolean; value: { author: string } };
    expect(body).toMatchObject({ ok: true, value: { author: 'amina' } });
  });

  it('refuses a body larger than a base64 attachment at the limit with 413 FILE_TOO_LARGE', async () => {
    const { server, core } = await start({ core: { attachmentLimit: 3000 } });
    // 3000 bytes of attachment → 4000 base64 characters + 1 MiB of room; send 1.5 MiB.
    const data = Buffer.alloc(1_200_000, 7).toString('base64');
    const res = await call(server, 'attachment.add', { name: 'big.bin', data });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { ok: boolean; error: { code: string; params: { limit: number } } };
    expect(body.error.code).toBe('FILE_TOO_LARGE');
    expect(body.error.params.limit).toBe(4000 + 1024 * 1024);
    const list = await core.dispatch('attachment.list', {}, { transport: 'test' });
    expect(list).toMatchObject({ ok: true, value: { total: 0 } });

    // Without a Content-Length the size is only known while reading; the answer is the same.
    const chunked = await raw(server.port, '/api/attachment.add', {
      method: 'POST',
      headers: { host: `127.0.0.1:${server.port}`, 'content-type': 'application/json', 'transfer-encoding': 'chunked', 'x-dateline-token': server.token },
      body: JSON.stringify({ name: 'big.bin', data }),
    });
    expect(chunked.status).toBe(413);
    expect((JSON.parse(chunked.body) as { error: { code: string } }).error.code).toBe('FILE_TOO_LARGE');
    expect(await core.dispatch('attachment.list', {}, { transport: 'test' })).toMatchObject({ ok: true, value: { total: 0 } });

    const fits = await call(server, 'attachment.add', { name: 'small.txt', data: Buffer.from('Kasese fact sheet').toString('base64') });
    expect(((await fits.json()) as { ok: boolean }).ok).toBe(true);
  });
});

describe('web mode: who may ask', () => {
  it('refuses a foreign Host header (DNS rebinding) on pages and on the API', async () => {
    const { server, core } = await start();
    for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, '127.0.0.1']) {
      const page = await raw(server.port, '/', { headers: { host } });
      expect(page.status).toBe(421);
      expect(page.body).not.toContain('Dateline</title>');
      const api = await raw(server.port, '/api/release.create', {
        method: 'POST',
        headers: { host, 'content-type': 'application/json', 'x-dateline-token': server.token },
        body: JSON.stringify({ headline: 'rebound' }),
      });
      expect(api.status).toBe(421);
      expect(api.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    }
    expect(await releaseCount(core)).toBe(0);
    const local = await raw(server.port, '/', { headers: { host: `localhost:${server.port}` } });
    expect(local.status).toBe(200);
    expect(local.body).toBe(INDEX);
  });

  it('refuses a foreign Origin on the API even with the token', async () => {
    const { server, core } = await start();
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${server.port + 1}`]) {
      const res = await raw(server.port, '/api/release.create', {
        method: 'POST',
        headers: { host: `127.0.0.1:${server.port}`, origin, 'content-type': 'application/json', 'x-dateline-token': server.token },
        body: JSON.stringify({ headline: 'cross-site' }),
      });
      expect(res.status).toBe(403);
      expect((JSON.parse(res.body) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    }
    expect(await releaseCount(core)).toBe(0);
    const own = await call(server, 'release.create', { headline: 'same origin' }, { origin: server.origin });
    expect(((await own.json()) as { ok: boolean }).ok).toBe(true);
  });

  it('listens on 127.0.0.1 only', async () => {
    const core = await openCore(tempDir(), { author: 'amina' });
    try {
      for (const host of ['0.0.0.0', '::', 'localhost', '192.168.1.10']) {
        await expect(startWebServer({ core, staticDir: tempDir(), host })).rejects.toMatchObject({ code: 'USAGE' });
      }
      await expect(startWebServer({ core, staticDir: tempDir(), token: 'short' })).rejects.toMatchObject({ code: 'USAGE' });
    } finally {
      core.close();
    }
  });
});

describe('web mode: static files', () => {
  it('serves the index without the token, with the security headers', async () => {
    const { server } = await start();
    const res = await fetch(`${server.origin}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(INDEX);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('serves assets with their content type and app routes as the index', async () => {
    const { server } = await start();
    const js = await fetch(`${server.origin}/assets/app.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log("dateline");');
    expect((await fetch(`${server.origin}/assets/app.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await fetch(`${server.origin}/assets/logo.svg`)).headers.get('content-type')).toBe('image/svg+xml');
    const route = await fetch(`${server.origin}/releases/new?x=1`);
    expect(route.status).toBe(200);
    expect(await route.text()).toBe(INDEX);
    expect((await fetch(`${server.origin}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${server.origin}/`, { method: 'POST' })).status).toBe(405);
  });

  it('never serves a file outside the static folder', async () => {
    const { server } = await start();
    const attempts = [
      '/../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E/package.json',
      '/assets/../../package.json',
      '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
      '/..%2fpackage.json',
      '/..%5cpackage.json',
      '//package.json',
      '/index.html%00.js',
      '/%c0%ae%c0%ae/package.json',
      '/.%2e/package.json',
    ];
    for (const path of attempts) {
      const res = await raw(server.port, path, { headers: { host: `127.0.0.1:${server.port}` } });
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toContain(SECRET);
    }
    expect(safeSegments('/a/b.js')).toEqual(['a', 'b.js']);
    expect(safeSegments('/a/%2e%2e/b')).toBeNull();
    expect(safeSegments('/C%3A/x')).toBeNull();
  });

  it('says the UI is not built when there is no index.html', async () => {
    const { server } = await start({ built: false });
    const res = await fetch(`${server.origin}/`);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('npm run build');
  });
});

describe('web mode: events', () => {
  it('refuses the event stream without the token', async () => {
    const { server } = await start();
    const res = await fetch(`${server.origin}/api/events`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
    const query = await fetch(`${server.origin}/api/events?token=${server.token}`);
    expect(query.status).toBe(401);
  });

  it('streams job events to a page with the token', async () => {
    const { server } = await start();
    const stream = await events(server);
    const started = (await (await call(server, 'library.check', {})).json()) as { ok: true; value: { jobId: string } };
    expect(started.ok).toBe(true);
    const done = await stream.next((e) => e.type === 'job.done' && e.job.id === started.value.jobId);
    expect(done).toMatchObject({ type: 'job.done', job: { method: 'library.check', state: 'done' }, result: { problems: [] } });
    stream.close();
  });

  it('tells the page when another process wrote to the library', async () => {
    const { server, libDir } = await start({ server: { events: { pollMs: 100, heartbeatMs: 15_000 } } });
    const stream = await events(server);
    const cli = await openCore(libDir, { author: 'cli' });
    try {
      const made = await cli.dispatch('release.create', { headline: 'Written by the CLI' }, { transport: 'cli' });
      expect(made.ok).toBe(true);
      const lastSeq = cli.library.docs.lastSeq();
      const changed = await stream.next((e) => e.type === 'library.changed' && e.lastSeq === lastSeq);
      expect(changed).toEqual({ type: 'library.changed', lastSeq });
    } finally {
      cli.close();
      stream.close();
    }
  });

  it('sends heartbeats and ends open streams on close()', async () => {
    const { server } = await start({ server: { events: { pollMs: 1000, heartbeatMs: 50 } } });
    const stream = await events(server);
    expect(await stream.comment((c) => c === ': ping')).toBe(': ping');
    await server.close();
    expect(await stream.ended()).toBe(true);
    await expect(fetch(`${server.origin}/`)).rejects.toThrow();
  });
});
