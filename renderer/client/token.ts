import { asResult } from './types';

/**
 * Web mode's token. The page is opened with a one-time launch link (`/?launch=<nonce>`, the
 * link `npm start` prints or gives the browser): the page removes the nonce from the address
 * bar and exchanges it once (POST /launch) for the session token. The token never travels in
 * a URL; it is kept in sessionStorage (this tab only, gone when it closes), so a reload needs
 * no new link.
 */
export const TOKEN_KEY = 'dateline.token';

/** Why a launch link did not let the page in: the server's reason, or no answer at all. */
export type LaunchRefusal = 'used' | 'expired' | 'unknown' | 'unreachable';

export type TokenOutcome = { kind: 'token'; token: string } | { kind: 'none' } | { kind: 'refused'; reason: LaunchRefusal };

const REASONS: readonly LaunchRefusal[] = ['used', 'expired', 'unknown'];

function remember(win: Window, token: string): void {
  try {
    win.sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    // Storage can be disabled; the token still works for this page's life.
  }
}

function remembered(win: Window): string | null {
  try {
    return win.sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

async function exchange(win: Window, nonce: string, doFetch: typeof fetch): Promise<TokenOutcome> {
  let json: unknown;
  try {
    const res = await doFetch(new URL('/launch', win.location.origin).toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ nonce }),
      cache: 'no-store',
    });
    json = await res.json();
  } catch {
    return { kind: 'refused', reason: 'unreachable' };
  }
  const result = asResult<{ token?: unknown } | null>(json);
  const token = result.ok ? result.value?.token : undefined;
  if (typeof token === 'string' && token !== '') {
    remember(win, token);
    return { kind: 'token', token };
  }
  const reason = result.ok ? undefined : result.error.params?.reason;
  return { kind: 'refused', reason: REASONS.find((r) => r === reason) ?? 'unknown' };
}

export async function takeToken(win: Window = window, doFetch: typeof fetch = (input, init) => fetch(input, init)): Promise<TokenOutcome> {
  const url = new URL(win.location.href);
  const nonce = url.searchParams.get('launch');
  if (nonce !== null) {
    // Gone from the address bar (history, bookmarks, screenshots) before anything else happens.
    url.searchParams.delete('launch');
    win.history.replaceState(win.history.state, '', url.pathname + url.search + url.hash);
    return exchange(win, nonce, doFetch);
  }
  const token = remembered(win);
  return token ? { kind: 'token', token } : { kind: 'none' };
}
