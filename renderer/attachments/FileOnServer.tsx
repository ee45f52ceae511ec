import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../electron/shared/errors';
import { useFailureShownHere } from '../app/failure-shown';
import { useClient } from '../client/context';
import { runJob } from '../client/run-job';
import { formatLocale } from '../i18n';
import { ErrorMessage } from '../ui/ErrorMessage';
import { formatBytes } from '../ui/languages';

/**
 * An attachment whose file is still on the server: "On the server, 12 MB" and a Download button
 * with its progress. With this computer's policy "when opened", opening it starts the download.
 */
export function FileOnServer({ id, size, onHere }: { id: string; size: number; onHere: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const locale = formatLocale(i18n.language);
  const [done, setDone] = useState<number | null>(null);
  // The failure and the download job that failed: the job tray names the job without repeating the words.
  const [error, setError] = useState<{ error: ApiError; job: string | null } | null>(null);
  useFailureShownHere(error?.job ?? null);
  const [notUploaded, setNotUploaded] = useState(false);
  const live = useRef(true);
  // The parent's callback changes with each of its renders; the download must not start again for that.
  const here = useRef(onHere);
  here.current = onHere;

  const download = useCallback(async () => {
    setError(null);
    setNotUploaded(false);
    setDone(0);
    let job: string | null = null;
    const res = await runJob(client, 'attachment.fetch', { id }, { onStart: (started) => (job = started), onProgress: (j) => live.current && setDone(j.done ?? 0) });
    if (!live.current) return;
    setDone(null);
    if (!res.ok) setError({ error: res.error, job });
    else if (res.value.outcome === 'not-on-server') setNotUploaded(true);
    else here.current();
  }, [client, id]);

  useEffect(() => {
    // Its own flag: a mount undone and done again (StrictMode) must not start two downloads.
    let mounted = true;
    live.current = true;
    void client.call('sync.filesPolicy', {}).then((res) => {
      if (mounted && res.ok && res.value === 'opened') void download();
    });
    return () => {
      mounted = false;
      live.current = false;
    };
  }, [client, download]);

  return (
    <div className="file-on-server">
      <p className="muted">{t('attachments.onServer', { size: formatBytes(size, locale) })}</p>
      {done === null ? (
        <button type="button" onClick={() => void download()}>
          {t('attachments.download')}
        </button>
      ) : (
        <p role="status">
          <progress max={size} value={done} /> {t('attachments.downloading', { done: formatBytes(done, locale), total: formatBytes(size, locale) })}
        </p>
      )}
      {notUploaded && <p className="notice">{t('attachments.notUploadedYet')}</p>}
      {error && <ErrorMessage error={error.error} />}
    </div>
  );
}
