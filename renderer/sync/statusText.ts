import type { TFunction } from 'i18next';
import type { FileFailure, SyncStatus, SyncWaiting } from '../../electron/shared/contract';
import type { DateFormats } from '../i18n/dates';
import { formatBytes } from '../ui/languages';

const KINDS = ['releases', 'contacts', 'photos', 'files', 'offices', 'others', 'deletions'] as const satisfies readonly (keyof SyncWaiting)[];

/** "3 releases, 12 photos and 2 deletions (42 MB) waiting to upload", or "Nothing waiting to upload". */
export function waitingText(t: TFunction, w: SyncWaiting, locale: string): string {
  const parts = KINDS.filter((k) => w[k] > 0).map((k) => t(`sync.count.${k}`, { count: w[k] }));
  if (parts.length === 0) return t('sync.nothingWaiting');
  const list = new Intl.ListFormat(locale, { type: 'conjunction' }).format(parts);
  return sentenceStart(w.bytes > 0 ? t('sync.waitingWithSize', { list, size: formatBytes(w.bytes, locale) }) : t('sync.waiting', { list }), locale);
}

/** The list may open the sentence with a word ("The settings of 1 office waiting to upload"): it takes a capital there. */
function sentenceStart(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/**
 * Where sync stands, in one sentence. "Offline" only when the window sees no network: a server
 * that does not answer while the computer is connected is said to be out of reach, which asks
 * the person to look at the server or its address rather than at this computer's connection.
 * A password the server refused is said as refused.
 */
export function stateText(t: TFunction, s: Pick<SyncStatus, 'state' | 'online'> & Partial<Pick<SyncStatus, 'error'>>): string {
  if (s.state === 'offline' && s.online) return t('sync.state.unreachable');
  // The server turned down the password given: said so, rather than asked for as if none had been typed.
  if (s.state === 'needs-password' && s.error?.code === 'SERVER_AUTH' && s.error.params?.reason !== 'needsPassword') return t('sync.state.refused');
  return t(`sync.state.${s.state}`);
}

/**
 * The status line: what waits, and when the last sync was. A sync made today gives its time
 * alone; an older one its date too, so a laptop that has not synced for days does not read as
 * synced this morning.
 */
export function statusLine(t: TFunction, s: SyncStatus, locale: string, dates: DateFormats, now: Date = new Date()): string {
  const waiting = waitingText(t, s.waiting, locale);
  if (s.lastSyncedAt === null) return t('sync.neverSynced', { waiting });
  if (dates.sameDay(s.lastSyncedAt, now)) return t('sync.lastSynced', { waiting, time: dates.time(s.lastSyncedAt) });
  return t('sync.lastSyncedOn', { waiting, when: dates.dateTime(s.lastSyncedAt) });
}

/** Why a file did not come down, from the core's code and parameters: "part 2 on the server is damaged…". */
export function fileFailureText(t: TFunction, why: FileFailure, locale: string): string {
  if (why.code === 'size-mismatch') return t('sync.fileWhy.size-mismatch', { serverSize: formatBytes(why.serverSize, locale), size: formatBytes(why.size, locale) });
  if (why.code === 'chunk-missing' || why.code === 'chunk-damaged') return t(`sync.fileWhy.${why.code}`, { chunk: why.chunk });
  return t(`sync.fileWhy.${why.code}`);
}

/**
 * How far this computer's clock is from the server's, and which way ("3 hours behind"), so the
 * person knows what to correct. A positive skew is the server ahead of this computer.
 */
export function clockText(t: TFunction, skewMs: number, locale: string): string {
  const minutes = Math.abs(skewMs) / 60_000;
  const [n, unit] = minutes < 120 ? [Math.round(minutes), 'minute'] : minutes < 48 * 60 ? [Math.round(minutes / 60), 'hour'] : [Math.round(minutes / 1440), 'day'];
  const amount = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(n);
  return t(skewMs > 0 ? 'sync.clockBehind' : 'sync.clockAhead', { amount });
}
