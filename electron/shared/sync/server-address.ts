/**
 * "https://ana:secret@sync.example.org": an account (and a password) written into a server's
 * address. Null when there is none; else the address without it. The one rule behind the
 * settings' refusal (app-contract.ts) and what Settings → Server says as it is typed.
 */
export function addressWithoutAccount(server: string): string | null {
  const m = /^(\s*https?:\/\/)([^\s/?#]*)@/i.exec(server);
  return m ? `${m[1]!.trim()}${server.slice(m[0].length)}`.trim() : null;
}

/**
 * Whether the password known for one account of a server still goes with settings saved anew:
 * the same account on the same host, its address corrected (another port or path, a slash, http://
 * made https://). Another host or account is another account: its password is asked for. So is
 * https:// made http://, which would send the password unencrypted where it went encrypted.
 */
export function passwordStaysWith(before: { server: string; user: string }, next: { server: string; user: string }): boolean {
  if (before.user !== next.user || before.user === '') return false;
  const from = schemeAndHost(before.server);
  const to = schemeAndHost(next.server);
  if (from === null || to === null || from.host !== to.host) return false;
  return !(from.scheme === 'https' && to.scheme === 'http');
}

/** "https://Sync.Example.org:6984/couch" → https, sync.example.org; null for an address that is not http(s). Plain string code (no URL in shared code). */
function schemeAndHost(server: string): { scheme: string; host: string } | null {
  const text = server.trim();
  const sep = text.indexOf('://');
  if (sep < 0) return null;
  const scheme = text.slice(0, sep).toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return null;
  let end = sep + 3;
  while (end < text.length && !'/?#'.includes(text.charAt(end))) end++;
  let authority = text.slice(sep + 3, end);
  authority = authority.slice(authority.lastIndexOf('@') + 1);
  // A port after the last colon, except inside an IPv6 address's brackets.
  const colon = authority.lastIndexOf(':');
  const host = colon > authority.lastIndexOf(']') ? authority.slice(0, colon) : authority;
  return host === '' ? null : { scheme, host: host.toLowerCase() };
}
