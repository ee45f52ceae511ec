import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../electron/shared/contract';
import type { ApiError } from '../../electron/shared/errors';
import { href } from '../app/router';
import { useClient } from '../client/context';
import { useConflictCount } from '../conflicts/useConflictCount';
import { formatLocale } from '../i18n';
import { errorText } from '../i18n/errors';
import { ErrorMessage } from '../ui/ErrorMessage';
import { useFocusBack } from '../ui/pageFocus';
import { useCall } from '../ui/useCall';
import { clockText, fileFailureText, stateText, statusLine } from './statusText';
import { useDates } from '../i18n/useDates';

/** Where sync stands, in words, with "Sync now" and "Pause" / "Resume". */
export function SyncStatusPanel({ status, onStatus }: { status: SyncStatus; onStatus: (s: SyncStatus) => void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const locale = formatLocale(i18n.language);
  const dates = useDates();
  const [error, setError] = useState<ApiError | null>(null);
  const [creating, setCreating] = useState<string | null>(null);
  const setUp = status.state !== 'not-set-up';
  const syncNow = useFocusBack<HTMLButtonElement>(status.state === 'syncing');
  const offices = useCall('office.list', { limit: 500 }, `sync-offices-${status.lastSyncedAt ?? ''}`);
  const conflicts = useConflictCount();
  // Offices by name where this library has them; one typed by id (not here yet) by its id.
  const names = new Map(offices.status === 'ok' ? offices.value.items.map((o) => [o.id, o.name]) : []);
  const nameOf = (id: string) => names.get(id) ?? id;

  // A refused password is said once, by the state's sentence: every office uses it, and a line
  // per office ("check them in Settings", on Settings) would only repeat it.
  const saidAbove = (e: ApiError) => e.code === 'SERVER_AUTH' && status.state === 'needs-password';
  const failures = status.offices.flatMap((o) => (o.error && !saidAbove(o.error) ? [{ ...o, error: o.error }] : []));

  const act = async (run: () => ReturnType<typeof client.call<'sync.now'>>) => {
    setError(null);
    const res = await run();
    if (res.ok) onStatus(res.value);
    else setError(res.error);
  };

  // The server has no database for an office and this account may create it: one button each.
  const creatable = status.state === 'syncing' ? [] : status.offices.filter((o) => o.error && o.missing?.mayCreate);
  const create = async (office: string) => {
    setCreating(office);
    await act(() => client.call('sync.createDatabase', { office }));
    setCreating(null);
  };

  return (
    <div className="sync-status" aria-labelledby="sync-status-title">
      <h3 id="sync-status-title">{t('sync.statusTitle')}</h3>
      <div role="status">
        <p className={status.state === 'failed' || status.state === 'needs-password' ? 'error' : 'notice'}>{stateText(t, status)}</p>
        {setUp && <p>{statusLine(t, status, locale, dates)}</p>}
        {status.state === 'idle' && status.nextAt && <p className="muted">{t('sync.next', { time: dates.time(status.nextAt) })}</p>}
        {/* Out of reach or failed: when it is tried again, rather than a "later" the person cannot plan around. */}
        {(status.state === 'offline' || status.state === 'failed') && status.nextAt && <p className="muted">{t('sync.nextTry', { time: dates.time(status.nextAt) })}</p>}
        {status.last && status.lastSyncedAt && (
          <p className="muted">
            {t('sync.lastResult', { sent: status.last.sent, received: status.last.received })}
            {status.last.merged > 0 && ` ${t('sync.merged', { merged: status.last.merged })}`}
          </p>
        )}
        {/* What waits in the inbox, not only what the last sync found: a case stays until someone resolves it. */}
        {setUp && conflicts !== null && conflicts > 0 && (
          <p>
            <a href={href.conflicts()}>{t('sync.toResolve', { count: conflicts })}</a>
          </p>
        )}
        {status.last && status.last.denied > 0 && <p className="error">{t('sync.denied', { denied: status.last.denied })}</p>}
        {failures.length > 0 && status.state !== 'syncing' ? (
          <ul className="error">
            {failures.map(({ office, error, missing }) => (
              <li key={office}>
                {missing
                  ? `${t('sync.officeNoDatabase', { office: nameOf(office), database: missing.database })}${missing.mayCreate ? '' : ` ${t('sync.askToCreate', { database: missing.database })}`}`
                  : t('sync.officeFailed', { office: nameOf(office), reason: errorText(t, error) })}
              </li>
            ))}
          </ul>
        ) : (
          status.error && !saidAbove(status.error) && status.state !== 'syncing' && <p className="error">{errorText(t, status.error)}</p>
        )}
        {status.state !== 'syncing' && <FilesNotes status={status} nameOf={nameOf} locale={locale} />}
        {status.clockWarning && status.clockSkewMs !== null && <p className="error">{clockText(t, status.clockSkewMs, locale)}</p>}
      </div>
      {creatable.length > 0 && (
        <div className="button-row">
          {creatable.map((o) => (
            <button key={o.office} type="button" disabled={creating !== null} onClick={() => void create(o.office)}>
              {t('sync.createDatabase', { office: nameOf(o.office) })}
            </button>
          ))}
        </div>
      )}
      {error && <ErrorMessage error={error} />}
      <div className="button-row">
        <button ref={syncNow} type="button" disabled={!setUp || status.state === 'syncing'} onClick={() => void act(() => client.call('sync.now', {}))}>
          {/* The core resumes a paused sync on "Sync now"; the button says so rather than surprise. */}
          {status.paused ? t('sync.nowResume') : t('sync.now')}
        </button>
        <button type="button" disabled={!setUp} onClick={() => void act(() => client.call('sync.pause', { paused: !status.paused }))}>
          {status.paused ? t('sync.resume') : t('sync.pause')}
        </button>
      </div>
    </div>
  );
}

/**
 * What became of attachment files in the last sync: how many went each way, any office whose
 * files could not travel, and under an office whose files failed the first few by name, with why.
 */
function FilesNotes({ status, nameOf, locale }: { status: SyncStatus; nameOf: (office: string) => string; locale: string }) {
  const { t } = useTranslation();
  const synced = status.offices.flatMap((o) => (o.files?.state === 'synced' ? [o.files] : []));
  const sum = (k: 'uploaded' | 'downloaded' | 'notHere') => synced.reduce((n, f) => n + f[k], 0);
  const notes = status.offices.flatMap(({ office, files }) => {
    if (!files) return [];
    const name = nameOf(office);
    if (files.state === 'synced') return files.failed > 0 ? [{ office, text: t('sync.filesFailed', { office: name, count: files.failed }), failed: files.failedFiles, more: files.failed - files.failedFiles.length }] : [];
    return [{ office, failed: [], more: 0, text: t(files.state === 'no-database' ? 'sync.filesNoDatabase' : 'sync.filesRefused', { office: name, database: files.database }) }];
  });
  return (
    <>
      {synced.length > 0 && <p className="muted">{t('sync.filesResult', { uploaded: sum('uploaded'), downloaded: sum('downloaded'), notHere: sum('notHere') })}</p>}
      {notes.length > 0 && (
        <ul className="notice">
          {notes.map((n) => (
            <li key={n.office}>
              {n.text}
              {n.failed.length > 0 && (
                <ul className="failed-files">
                  {n.failed.map((f, i) => (
                    <li key={`${f.sha256}-${i}`}>{f.name ? t('sync.fileFailed', { name: f.name, reason: fileFailureText(t, f.why, locale) }) : fileFailureText(t, f.why, locale)}</li>
                  ))}
                  {n.more > 0 && <li>{t('sync.filesMore', { count: n.more })}</li>}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
