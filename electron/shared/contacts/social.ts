import { headerKey } from './columns';

/**
 * A contact's social handles in a file: one CSV cell ("X: @name; LinkedIn: in/name"), the
 * network a phone's vCard names in a property or a parameter (X-TWITTER, type=linkedin), or a
 * column of a sheet made by hand ("Twitter", "Compte LinkedIn"). Pure, shared by the export,
 * the import and the header guesses. Plain string code: cells and cards come from anywhere.
 */

export interface SocialHandle {
  network: string;
  handle: string;
}

/** The contact schema's limits on a handle (shared/documents.ts SocialHandleSchema). */
export const SOCIAL_LIMITS = { network: 40, handle: 200, handles: 20 } as const;

/**
 * The networks a file names in its own words (a header, a vCard type, an X- property), as
 * Dateline writes them. Twitter is written X, its name since 2023, so a phone's X-TWITTER and
 * a sheet's "Twitter" column meet the handles typed since.
 */
const NETWORKS: Record<string, string> = {
  x: 'X',
  twitter: 'X',
  linkedin: 'LinkedIn',
  facebook: 'Facebook',
  instagram: 'Instagram',
  bluesky: 'Bluesky',
  bsky: 'Bluesky',
  mastodon: 'Mastodon',
  threads: 'Threads',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  telegram: 'Telegram',
  github: 'GitHub',
};

/** The network one word names ("twitter", "LinkedIn"), as Dateline writes it, or null. */
export function knownNetwork(word: string): string | null {
  return NETWORKS[word.toLowerCase()] ?? null;
}

/** The network a column's header names ("Twitter handle", "Compte LinkedIn", "X"), or null ("Social"). */
export function headerNetwork(header: string): string | null {
  for (const word of headerKey(header).split(' ')) {
    const n = knownNetwork(word);
    if (n) return n;
  }
  return null;
}

/** A network a vCard names in lower case ("github", "weibo"): its first letter raised; one Dateline knows, as it writes it. */
export function networkName(word: string): string {
  const w = word.trim();
  return knownNetwork(w) ?? (w === w.toLowerCase() ? w.charAt(0).toUpperCase() + w.slice(1) : w);
}

/**
 * The cell: "Network: handle" joined by "; ", or by line breaks when a handle holds a ";" (a
 * handle is typed on one line, so a line break never splits one).
 */
export function socialCell(handles: readonly SocialHandle[]): string {
  const sep = handles.some((h) => h.handle.includes(';') || h.network.includes(';')) ? '\n' : '; ';
  return handles.map((h) => `${h.network}: ${h.handle}`).join(sep);
}

/** Whether the text is a web address (a handle given as its profile's link), whose ":" does not follow a network. */
function isLink(text: string): boolean {
  const t = text.toLowerCase();
  return t.startsWith('http://') || t.startsWith('https://');
}

export type SocialCellRead =
  | { handles: SocialHandle[] }
  /** A piece that names no network, where the column does not name one either. */
  | { problem: 'noNetwork'; value: string }
  /** A network or handle longer than the contact keeps. */
  | { problem: 'tooLong'; value: string; limit: number }
  | { problem: 'tooMany'; value: string; limit: number };

/**
 * A Social cell read back: "Network: handle" pieces split on line breaks when it has any,
 * else on ";". In a column whose header names a network ("Twitter"), a piece with no network
 * of its own ("@name", a profile's link) is that network's.
 */
export function readSocialCell(cell: string, columnNetwork: string | null): SocialCellRead {
  const pieces = (cell.includes('\n') ? cell.split('\n') : cell.split(';')).map((p) => p.trim()).filter((p) => p !== '');
  const handles: SocialHandle[] = [];
  for (const piece of pieces) {
    const colon = piece.indexOf(':');
    const named = colon > 0 && !isLink(piece) && piece.charAt(colon + 1) !== '/';
    const network = named ? piece.slice(0, colon).trim() : columnNetwork;
    const handle = named ? piece.slice(colon + 1).trim() : piece;
    if (network === null || network === '' || handle === '') return { problem: 'noNetwork', value: piece };
    if (network.length > SOCIAL_LIMITS.network) return { problem: 'tooLong', value: network, limit: SOCIAL_LIMITS.network };
    if (handle.length > SOCIAL_LIMITS.handle) return { problem: 'tooLong', value: handle, limit: SOCIAL_LIMITS.handle };
    if (!handles.some((h) => sameHandle(h, { network, handle }))) handles.push({ network, handle });
  }
  if (handles.length > SOCIAL_LIMITS.handles) return { problem: 'tooMany', value: cell, limit: SOCIAL_LIMITS.handles };
  return { handles };
}

/** Two handles are the same when their network and handle are, case aside ("@Name" on "x" is "@name" on "X"). */
export function socialKey(h: SocialHandle): string {
  return `${h.network.trim().toLowerCase()}\u0000${h.handle.trim().toLowerCase()}`;
}

export function sameHandle(a: SocialHandle, b: SocialHandle): boolean {
  return socialKey(a) === socialKey(b);
}
