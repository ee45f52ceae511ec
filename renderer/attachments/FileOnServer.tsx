import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../electron/shared/errors';
import { useClient } from '../client/context';
import { runJob } from '../client/run-job';
import { formatLocale } from '../i18n';
import { ErrorMessage } from '../ui/ErrorMessage';
import { formatBytes } from '../ui/languages';

/** An attachment whose file is still on the server: "On the server, 12 MB" and a Download button with its progress. */
export function FileOnServer({ id, size, onHere }: { id: string; size: number; onHere: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const locale = formatLocale(i18n.language);
  const [done, setDone] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const download = async () => {
    setError(null);
    setDone(0);
    const res = await runJob(client, 'attachment.fetch', { id }, { onProgress: (job) => setDone(job.done ?? 0) });
    setDone(null);
    if (res.ok && res.value.outcome !== 'not-on-server') onHere();
    else if (!res.ok) setError(res.error);
  };

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
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
