/**
 * Web mode's token: the page is opened with ?token=... (the URL `npm start` prints). The
 * token is kept in sessionStorage (this tab only, gone when it closes) and removed from the
 * address bar so it does not end up in history, bookmarks or a screenshot.
 */
export const TOKEN_KEY = 'dateline.token';

export function takeToken(win: Window = window): string | null {
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    try {
      win.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    } catch {
      // Storage can be disabled; the token still works for this page's life.
    }
    url.searchParams.delete('token');
    win.history.replaceState(win.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  try {
    return win.sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}
