import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import { PAGE_MEDIA_TYPES } from '../../shared/page-policy';
import { send, sendText } from './respond';

const CONTENT_TYPES = PAGE_MEDIA_TYPES;

export function contentTypeFor(path: string): string | null {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? null;
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Dateline</title></head>
<body><h1>Dateline</h1><p>The user interface is not built yet. Run <code>npm run build</code>, then start web mode again.</p></body></html>
`;

/**
 * Splits a request path into safe segments, or null when it tries to leave the folder.
 * Traversal is refused rather than normalised away, in raw and percent-encoded form:
 * "..", ".", hidden files, backslashes, NUL, drive letters and malformed escapes.
 */
export function safeSegments(rawPath: string): string[] | null {
  if (!rawPath.startsWith('/')) return null;
  const raw = rawPath.slice(1).split('/');
  const segments: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    let s: string;
    try {
      s = decodeURIComponent(raw[i]!);
    } catch {
      return null;
    }
    if (s === '') {
      // Only a trailing slash may leave an empty segment; "//" could read as an absolute path.
      if (i === raw.length - 1) continue;
      return null;
    }
    if (s.startsWith('.') || /[\\/:\0]/.test(s) || hasControl(s)) return null;
    segments.push(s);
  }
  return segments;
}

function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 0x20) return true;
  return false;
}

/**
 * Serves the built renderer from `staticDir` without the token (the page takes its token
 * from the URL it was opened with). Paths without an extension are app routes and get
 * index.html; anything else missing, or outside the folder, is 404.
 */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, rawPath: string, staticDir: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
    return;
  }
  const segments = safeSegments(rawPath);
  if (!segments) return notFound(res);
  const root = await realpath(staticDir).catch(() => null);
  if (segments.length === 0) return serveIndex(res, root);

  const last = segments[segments.length - 1]!;
  const type = contentTypeFor(last);
  if (root) {
    const file = await insideFile(root, join(root, ...segments));
    if (file && type) return serveFile(res, file.path, file.size, type, last === 'index.html' ? 'no-store' : 'no-cache');
  }
  if (extname(last) === '' || last === 'index.html') return serveIndex(res, root);
  return notFound(res);
}

/** The file at `path` if it is a regular file whose real location (symlinks followed) is inside `root`. */
async function insideFile(root: string, path: string): Promise<{ path: string; size: number } | null> {
  try {
    const real = await realpath(path);
    if (!real.startsWith(root + sep)) return null;
    const st = await stat(real);
    return st.isFile() ? { path: real, size: st.size } : null;
  } catch {
    return null;
  }
}

async function serveIndex(res: ServerResponse, root: string | null): Promise<void> {
  const index = root ? await insideFile(root, join(root, 'index.html')) : null;
  if (!index) {
    send(res, 200, 'text/html; charset=utf-8', NOT_BUILT_PAGE, { 'Cache-Control': 'no-store' });
    return;
  }
  serveFile(res, index.path, index.size, 'text/html; charset=utf-8', 'no-store');
}

function serveFile(res: ServerResponse, path: string, size: number, type: string, cache: string): void {
  res.statusCode = 200;
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Length', String(size));
  res.setHeader('Cache-Control', cache);
  if (res.req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(path);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

function notFound(res: ServerResponse): void {
  sendText(res, 404, 'Not found.');
}
