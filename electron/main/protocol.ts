import path from 'node:path';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY, PAGE_MEDIA_TYPES } from '../shared/page-policy';
import { readRegularFile } from './files';
import { APP_HOST, APP_SCHEME } from './urls';

export { CONTENT_SECURITY_POLICY } from '../shared/page-policy';

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const MEDIA_TYPES = PAGE_MEDIA_TYPES;

/**
 * Must run before the app is ready: makes app:// behave like an https origin (standard URL
 * parsing, secure context, fetch) so the page gets a real origin and the CSP's 'self' means it.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer (out/renderer) on app://dateline/. */
export function installAppProtocol(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot));
}

/**
 * Maps app://dateline/<path> to a file under `root`. Anything that would leave `root` (dot
 * segments, encoded slashes or backslashes, NUL, absolute or drive paths) is refused with 403
 * before the disk is touched; other hosts get 404. Every response carries the CSP.
 */
export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  const base = path.resolve(root);
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return respond(400, 'Bad request');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return respond(404, 'Not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, 'Method not allowed');

    const relative = safeRelativePath(url.pathname);
    if (relative === null) return respond(403, 'Forbidden');
    const file = path.resolve(base, relative === '' ? 'index.html' : relative);
    if (!isInside(base, file)) return respond(403, 'Forbidden');

    const found = await readRegularFile(file);
    if (found !== null) return serve(found, file, request.method === 'HEAD');
    // Client-side routes (no file extension) load the app shell; missing assets stay 404s.
    if (path.extname(relative) === '') {
      const shell = await readRegularFile(path.join(base, 'index.html'));
      if (shell !== null) return serve(shell, 'index.html', request.method === 'HEAD');
    }
    return respond(404, 'Not found');
  };
}

/** The path below the root, decoded; null when it tries to climb out or is not a plain path. */
export function safeRelativePath(pathname: string): string | null {
  // No built file name contains a slash, so an encoded one is only ever an attempt to hide "..".
  if (/%2f|%5c/i.test(pathname)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const segments = decoded.split(/[/\\]+/).filter((s) => s !== '');
  for (const segment of segments) {
    if (segment === '.' || segment === '..') return null;
    // "C:" would let path.resolve jump to another drive on Windows; no built file has a colon.
    if (segment.includes(':')) return null;
  }
  return segments.join('/');
}

function isInside(base: string, file: string): boolean {
  const rel = path.relative(base, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

function serve(body: Buffer, file: string, headOnly: boolean): Response {
  const type = MEDIA_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  return new Response(headOnly ? null : new Uint8Array(body), {
    status: 200,
    headers: { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': String(body.length) },
  });
}

function respond(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
