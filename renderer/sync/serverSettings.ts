/**
 * Where this computer syncs: the server database address and account, kept on this computer
 * (the browser profile or the app's window storage). The password is never stored here: it stays
 * in memory for this session only and is asked again after a restart or a refusal.
 */

export interface ServerSettings {
  remote: string;
  user: string;
}

const KEY = 'dateline.sync.server';

export function loadServerSettings(): ServerSettings {
  try {
    const raw: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? 'null');
    if (raw && typeof raw === 'object') {
      const o = raw as Record<string, unknown>;
      return { remote: typeof o.remote === 'string' ? o.remote : '', user: typeof o.user === 'string' ? o.user : '' };
    }
  } catch {
    // A damaged entry is the same as none: the person types the address again.
  }
  return { remote: '', user: '' };
}

export function saveServerSettings(s: ServerSettings): void {
  window.localStorage.setItem(KEY, JSON.stringify({ remote: s.remote.trim(), user: s.user.trim() }));
}

let sessionPassword: string | null = null;

export const passwordForSession = {
  get: (): string | null => sessionPassword,
  set: (p: string | null): void => {
    sessionPassword = p;
  },
};
