import { addressWithoutAccount } from '../../electron/shared/sync/server-address';

/**
 * The database an address names when a person pasted an office database's address
 * (https://sync.example.org/dateline-off-…) where the server's goes: its last path segment
 * begins with the database prefix. Null for a server's address, including one served under a
 * path of its own (https://example.org/couchdb). Dateline names each office's database itself.
 */
export function databaseInAddress(server: string, prefix: string): string | null {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(server.trim()) ? server.trim() : `http://${server.trim()}`);
  } catch {
    return null;
  }
  const last = url.pathname.split('/').filter(Boolean).pop();
  if (!last) return null;
  const name = decodeURIComponent(last);
  return name === prefix || name.startsWith(`${prefix}-`) ? name : null;
}

/** The address without the database at its end (nor an account written into it): what belongs in the server field. */
export function serverPart(server: string, database: string): string {
  const trimmed = (addressWithoutAccount(server) ?? server).trim().replace(/\/+$/, '');
  return trimmed.slice(0, trimmed.length - encodeURIComponent(database).length).replace(/\/+$/, '') || trimmed;
}
