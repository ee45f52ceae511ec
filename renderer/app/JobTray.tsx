import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobInfo } from '../../electron/shared/contract';
import type { ApiError } from '../../electron/shared/errors';
import { useClient, useCoreEvents } from '../client/context';
import { errorText } from '../i18n/errors';
import { jobHeadWords, jobStepWords } from '../i18n/jobs';

interface TrayJob {
  job: JobInfo;
  error: { code: string; message: string } | null;
}

/** Long work (checks, imports, exports) shows here with its progress and a Cancel button. */
export function JobTray() {
  const { t } = useTranslation();
  const client = useClient();
  const [jobs, setJobs] = useState<Map<string, TrayJob>>(new Map());
  const [cancelError, setCancelError] = useState<ApiError | null>(null);

  const put = (job: JobInfo, error: TrayJob['error'] = null) =>
    setJobs((prev) => {
      const next = new Map(prev);
      next.set(job.id, { job, error });
      return next;
    });
  const drop = (id: string) =>
    setJobs((prev) => {
      const next = new Map(prev);
      next.delete(id);
      return next;
    });

  useCoreEvents((e) => {
    if (e.type === 'job.progress') put(e.job);
    else if (e.type === 'job.done') {
      put(e.job);
      // A finished job stays a moment so the person sees it went through.
      setTimeout(() => drop(e.job.id), 4000);
    } else if (e.type === 'job.failed') put(e.job, e.error);
  });

  if (jobs.size === 0) return null;

  const cancel = async (id: string) => {
    const res = await client.call('job.cancel', { id });
    if (res.ok) put(res.value);
    else setCancelError(res.error);
  };

  return (
    <section className="job-tray" aria-label={t('jobs.title')}>
      {cancelError && <p className="error">{errorText(t, cancelError)}</p>}
      <ul>
        {[...jobs.values()].map(({ job, error }) => {
          const { label, state } = jobHeadWords(t, job);
          return (
            <li key={job.id} className="job">
              <div className="job-head">
                <span>{label}</span>
                <span className="muted">{state}</span>
              </div>
              {job.state === 'running' && (
                <progress
                  aria-label={t('jobs.progress', { job: label })}
                  value={job.total ? job.done : undefined}
                  max={job.total ?? undefined}
                />
              )}
              {job.state === 'running' && job.step && <p className="muted">{jobStepWords(t, job)}</p>}
              {error && <p className="error">{t(`errors.${error.code}`, { defaultValue: error.message, message: error.message })}</p>}
              <div className="job-actions">
                {job.state === 'running' ? (
                  <button type="button" onClick={() => void cancel(job.id)}>
                    {t('common.cancel')}
                  </button>
                ) : (
                  <button type="button" onClick={() => drop(job.id)}>
                    {t('common.dismiss')}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
