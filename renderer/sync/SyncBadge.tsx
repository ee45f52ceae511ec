import { useTranslation } from 'react-i18next';
import type { SyncStatus, SyncWaiting } from '../../electron/shared/contract';
import { href } from '../app/router';
import { useDates } from '../i18n/useDates';
import type { DateFormats } from '../i18n/dates';
import { stateText, statusLine } from './statusText';
import { formatLocale } from '../i18n';
import { useSyncStatus } from './useSyncStatus';

/** Documents waiting to go up, all kinds together (bytes aside). */
export function waitingCount(w: SyncWaiting): number {
  return w.releases + w.contacts + w.photos + w.files + w.offices + w.others + w.deletions;
}

/** How the badge looks: calm when synced, busy while syncing, a warning when work stays here. */
export type BadgeTone = 'ok' | 'busy' | 'waiting' | 'problem';

export function badgeTone(s: Pick<SyncStatus, 'state'>): BadgeTone {
  switch (s.state) {
    case 'idle':
    case 'not-set-up':
      return 'ok';
    case 'syncing':
      return 'busy';
    case 'paused':
    case 'offline':
      return 'waiting';
    case 'needs-password':
    case 'failed':
      return 'problem';
  }
}

/**
 * The badge's few words: "Synced 14:32", "Offline · 3 to send", "Sync needs the password". A
 * sync made on another day gives its date too, so a laptop that has not synced for days does
 * not read as synced this morning.
 */
export function badgeText(t: (key: string, options?: Record<string, unknown>) => string, s: SyncStatus, dates: DateFormats, now: Date = new Date()): string {
  const waiting = waitingCount(s.waiting);
  let words: string;
  switch (s.state) {
    case 'not-set-up':
      return '';
    case 'idle':
      words =
        s.lastSyncedAt === null
          ? t('syncBadge.on')
          : dates.sameDay(s.lastSyncedAt, now)
            ? t('syncBadge.synced', { time: dates.time(s.lastSyncedAt) })
            : t('syncBadge.syncedOn', { when: dates.dateTime(s.lastSyncedAt) });
      break;
    case 'syncing':
      return t('syncBadge.syncing');
    case 'offline':
      words = s.online ? t('syncBadge.unreachable') : t('syncBadge.offline');
      break;
    case 'paused':
    case 'needs-password':
    case 'failed':
      words = t(`syncBadge.${s.state}`);
      break;
  }
  return waiting > 0 ? t('syncBadge.withWaiting', { words, count: waiting }) : words;
}

/**
 * Where sync stands, always in sight in the top bar: a link to the sync settings, with the whole
 * status in its title. Hidden while sync is not set up (a library kept on one computer has nothing
 * to say here). A change to offline, to a password needed or to a failed sync is announced once.
 */
export function SyncBadge() {
  const { t, i18n } = useTranslation();
  const dates = useDates();
  const { status } = useSyncStatus();
  if (status === null || status.state === 'not-set-up') return null;
  const tone = badgeTone(status);
  const text = badgeText(t, status, dates);
  const whole = `${stateText(t, status)} ${statusLine(t, status, formatLocale(i18n.language), dates)}`;
  return (
    <>
      <a className="sync-badge" data-tone={tone} href={href.syncSettings()} title={whole} aria-label={t('syncBadge.label', { text })}>
        <span className="sync-dot" aria-hidden="true" />
        <span className="sync-words">{text}</span>
      </a>
      <span className="visually-hidden" role="status">
        {tone === 'problem' || status.state === 'offline' ? stateText(t, status) : ''}
      </span>
    </>
  );
}
