import { useId, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { JobInfo } from '../../electron/shared/contract';
import { ApiErrorSchema, type ApiError } from '../../electron/shared/errors';
import { useClient, useCoreEvents } from '../client/context';
import { errorText } from '../i18n/errors';
import { formatLocale } from '../i18n';
import { jobHeadWords, jobStepWords, jobSubjectWords, jobTrayHeading } from '../i18n/jobs';
import { useShownElsewhere } from './failure-shown';

interface TrayJob {
  job: JobInfo;
  error: { code: string; message: string; params?: ApiError['params'] } | null;
}

/**
 * Long work (checks, imports, exports) shows here with its progress and a Cancel button, newest
 * first. The tray keeps to the lower part of the window however many jobs it holds (its list
 * scrolls), and can be folded down to its heading, or cleared of finished jobs at once, so that it
 * never sits for long over the controls of the page. Its heading says what it holds ("2 running,
 * 3 failed"); a failure the page that ran the job already explains is not worded twice.
 */
export function JobTray() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const shownElsewhere = useShownElsewhere();
  const [jobs, setJobs] = useState<Map<string, TrayJob>>(new Map());
  const [cancelError, setCancelError] = useState<ApiError | null>(null);
  const [open, setOpen] = useState(true);
  const listId = useId();

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

  const all = [...jobs.values()].reverse();
  const finished = all.filter(({ job }) => job.state !== 'running');
  const dismissFinished = () =>
    setJobs((prev) => new Map([...prev].filter(([, { job }]) => job.state === 'running')));

  return (
    <section className="job-tray" aria-label={t('jobs.title')}>
      <div className="job-tray-head">
        <h2>{jobTrayHeading(t, all.map(({ job }) => job), formatLocale(i18n.language))}</h2>
        {finished.length > 1 && (
          <button type="button" onClick={dismissFinished}>
            {t('jobs.dismissFinished')}
          </button>
        )}
        <button type="button" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
          {open ? t('jobs.fold') : t('jobs.unfold')}
        </button>
      </div>
      {cancelError && <p className="error">{errorText(t, cancelError)}</p>}
      <ul id={listId} hidden={!open}>
        {all.map(({ job, error }) => {
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
              {job.subject && (
                <p className="job-subject" title={jobSubjectWords(t, job.subject)}>
                  {jobSubjectWords(t, job.subject)}
                </p>
              )}
              {job.state === 'running' && job.step && <p className="muted">{jobStepWords(t, job)}</p>}
              {error && !shownElsewhere(job.id) && <p className="error">{failureText(t, error)}</p>}
              <div className="job-actions">
                {job.state === 'running' ? (
                  <button type="button" onClick={() => void cancel(job.id)}>
                    {t('common.cancel')}
                  </button>
                ) : (
                  <button type="button" aria-label={t('jobs.dismissOne', { job: label })} onClick={() => drop(job.id)}>
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

/** A job's failure in the same words as any other error from the core; one the window cannot read, by its own message. */
function failureText(t: TFunction, error: NonNullable<TrayJob['error']>): string {
  const checked = ApiErrorSchema.safeParse(error);
  return checked.success ? errorText(t, checked.data) : error.message;
}
