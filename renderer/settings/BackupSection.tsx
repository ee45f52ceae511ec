import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFromLink } from '../app/download';
import { useClient } from '../client/context';
import { runJob, runStartedJob } from '../client/run-job';
import { useJobError } from '../app/failure-shown';
import type { DatelineClient } from '../client/types';
import { formatLocale } from '../i18n';
import { useDates } from '../i18n/useDates';
import { ErrorMessage } from '../ui/ErrorMessage';
import { formatBytes } from '../ui/languages';
import { useFocusBack } from '../ui/pageFocus';
import { useCall } from '../ui/useCall';

type Dialog = NonNullable<DatelineClient['backupDialog']>;
/** Where the backup went: a path in the desktop app, the browser's downloads in web mode. */
type Outcome = { path: string | null; name: string; bytes: number; documents: number; files: number; leftOut: number };

/**
 * Settings → Library, "Back up now…": the whole library, database and files, in one file that
 * `dateline restore` (or a later restore in the app) puts back. In the desktop app the system's
 * save dialog picks the place and the core's `library.backup` job writes it there; in web mode
 * the core makes it in the library's tmp/ (`library.backupFile`) and the browser downloads it
 * from there, streamed, after which it is removed. Either way the job tray shows its progress.
 */
export function BackupSection() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const dates = useDates();
  const locale = formatLocale(i18n.language);
  const last = useCall('library.lastBackup', {}, 'last-backup');
  const [busy, setBusy] = useState(false);
  const button = useFocusBack<HTMLButtonElement>(busy);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // A failed job is said here once, not again in the job tray.
  const [error, setError] = useJobError();
  const dialog = client.backupDialog;

  const throughDialog = async (dialog: Dialog) => {
    let name = '';
    const r = await runStartedJob(client, 'library.backup', async () => {
      const d = await dialog({ words: { title: t('backup.saveTitle'), filter: t('backup.filter') } });
      if (!d.ok || d.value.cancelled) return d.ok ? { ok: true, value: null } : d;
      name = d.value.name;
      return { ok: true, value: { jobId: d.value.jobId } };
    }, { onStart: () => setBusy(true) });
    setBusy(false);
    if (r === null) return;
    if (!r.ok) return setError(r.error, r.job);
    setOutcome({ path: r.value.path, name, bytes: r.value.bytes, documents: r.value.documents, files: r.value.files, leftOut: r.value.leftOut.length });
    last.reload();
  };

  const throughDownload = async () => {
    setBusy(true);
    const r = await runJob(client, 'library.backupFile', {});
    if (!r.ok) {
      setBusy(false);
      return setError(r.error, r.job);
    }
    // The browser saves the file as it arrives, by a one-time link: a backup never sits in the page's memory.
    const link = client.downloadLink ? await client.downloadLink(r.value.download) : null;
    setBusy(false);
    last.reload();
    if (!link) return setError({ code: 'INTERNAL', message: t('backup.noDownload') });
    if (!link.ok) return setError(link.error);
    downloadFromLink(link.value, r.value.name);
    setOutcome({ path: null, name: r.value.name, bytes: r.value.bytes, documents: r.value.documents, files: r.value.files, leftOut: r.value.leftOut.length });
  };

  const start = async () => {
    setOutcome(null);
    setError(null);
    await (dialog ? throughDialog(dialog) : throughDownload());
  };

  return (
    <div className="backup">
      <p>{t('backup.explain')}</p>
      {last.status === 'ok' && (
        <p className="muted" data-testid="last-backup">
          {last.value ? t('backup.last', { date: dates.dateTime(last.value.at), size: formatBytes(last.value.bytes, locale) }) : t('backup.never')}
        </p>
      )}
      {last.status === 'error' && <ErrorMessage error={last.error} />}
      <button ref={button} type="button" onClick={() => void start()} disabled={busy}>
        {t('backup.now')}
      </button>
      {busy && (
        <p className="muted" role="status">
          {t('backup.running')}
        </p>
      )}
      {error && <ErrorMessage error={error} />}
      {outcome && (
        <div className="notice" role="status">
          <p>
            {outcome.path === null
              ? t('backup.downloaded', { name: outcome.name, size: formatBytes(outcome.bytes, locale) })
              : t('backup.written', { size: formatBytes(outcome.bytes, locale) })}
          </p>
          {outcome.path !== null && (
            <p>
              <code dir="ltr">{outcome.path}</code>
            </p>
          )}
          <p>{t('backup.holds', { documents: outcome.documents, files: outcome.files })}</p>
          {outcome.leftOut > 0 && <p>{t('backup.leftOut', { count: outcome.leftOut })}</p>}
        </div>
      )}
    </div>
  );
}
