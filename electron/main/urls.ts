import { shell } from 'electron';

/** The origin every Dateline page is served from (see protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'dateline';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

// Longer than any real link a press officer would click; anything bigger is almost surely crafted.
const MAX_EXTERNAL_URL = 2048;

/** True when `raw` is a page of the app itself: app://dateline/…, nothing else. */
export function isAppUrl(raw: string): boolean {
  const url = parse(raw);
  return url !== null && url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
}

/**
 * The one rule for links that leave the app: only https: pages and mailto: addresses, with no
 * user name or password in them (they hide the real host from the reader, "https://bank@evil").
 * Everything else — http:, file:, javascript:, data:, app:, custom schemes of other programs —
 * could run code or leak data through the system's URL handlers, so it is refused.
 */
export function isSafeExternalUrl(raw: unknown): raw is string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_EXTERNAL_URL) return false;
  // The URL parser silently drops surrounding blanks and tabs/newlines inside; a link that needs
  // such repairs is not the link the reader saw, so it is refused instead of repaired.
  if (hasBlankOrControl(raw)) return false;
  const url = parse(raw);
  if (url === null) return false;
  if (url.protocol === 'https:') {
    // The parser repairs "https:host", "https:///host" and backslashes into some host; a link
    // that needs repair may not go where the reader thinks, so only the plain form passes.
    if (!/^https:\/\/[^/\\]/i.test(raw) || raw.includes('\\')) return false;
    return url.hostname !== '' && url.username === '' && url.password === '';
  }
  if (url.protocol === 'mailto:') {
    // The address part (before any ?subject=…) must name at least one mailbox.
    return url.pathname.includes('@');
  }
  return false;
}

/** Opens a link in the system's browser or mail program; refuses anything isSafeExternalUrl refuses. */
export async function openExternal(raw: unknown): Promise<boolean> {
  if (!isSafeExternalUrl(raw)) return false;
  const url = parse(raw);
  if (url === null) return false;
  try {
    await shell.openExternal(url.href);
    return true;
  } catch {
    // No browser or mail program configured: nothing to open, and nothing for the page to learn.
    return false;
  }
}

function hasBlankOrControl(s: string): boolean {
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (code <= 0x20 || code === 0x7f || /\s/u.test(ch)) return true;
    // Bidirectional controls make a link display as something other than where it goes.
    if ((code >= 0x200e && code <= 0x200f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return true;
  }
  return false;
}

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}
