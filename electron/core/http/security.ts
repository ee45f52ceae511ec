import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/**
 * Web mode's guards. The server listens on 127.0.0.1, but any web page the user opens can
 * still aim requests at it: DNS rebinding makes a foreign name resolve to 127.0.0.1, and a
 * cross-site form or fetch can reach the port. So every request must name us in its Host
 * header, API calls must carry the per-run token in a header (a foreign page cannot set it
 * without a CORS preflight we refuse), and a present Origin must be ours.
 */

export { CONTENT_SECURITY_POLICY } from '../../shared/page-policy';
import { CONTENT_SECURITY_POLICY } from '../../shared/page-policy';

export const TOKEN_HEADER = 'x-dateline-token';

/** A fresh per-run token: 32 random bytes, base64url (safe in a header as is). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A caller-chosen token must be as hard to guess as ours and fit in a header and a URL unescaped. */
export function isStrongToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{32,512}$/.test(token);
}

/** Sent with every answer, errors included: a refused request must not be framed or sniffed either. */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // The page's URL may still carry a launch nonce when its first requests go out; none may pass it on.
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
}

/** The two names the server answers to; the page may have been opened with either. */
function ourHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** DNS rebinding defence: the Host header must be 127.0.0.1:PORT or localhost:PORT exactly. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  return ourHosts(port).includes(host.toLowerCase());
}

/**
 * A missing Origin is a same-origin GET or a non-browser client (the CLI, tests), which the
 * token check still covers; a present one must be ours ("null" from a sandboxed frame is not).
 */
export function originAllowed(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return ourHosts(port).some((h) => origin.toLowerCase() === `http://${h}`);
}

/**
 * Compares the presented token with ours in constant time. Both are hashed first so the
 * comparison always runs on equal-length buffers and the token's length does not leak.
 */
export function tokenMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string' || given === '') return false;
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}
