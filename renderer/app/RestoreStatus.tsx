import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobInfo, RestoreResult } from '../../electron/shared/contract';
import { useClient, useCoreEvents } from '../client/context';
import { jobStepWords } from '../i18n/jobs';
import { useDates } from '../i18n/useDates';

/** The jobs that replace the library: the app's restore and the command line's (`dateline restore`, run against the app's core). */
const RESTORES = new Set(['library.restoreBackup', 'library.restore']);

/**
 * A restore replaces the whole library, so the whole window follows it, whichever screen or
 * window started it. While it runs, a modal cover says so with its progress (and Stop, until the
 * library is being swapped): nothing behind it can be clicked or typed into, and the core refuses
 * other calls meanwhile. Once done, `onRestored` lets the app show every screen afresh from the
 * restored library (no list or editor keeps what it showed), and a notice says which backup is
 * now the library and where the one it replaced is kept.
 */
export function RestoreStatus({ onRestored }: { onRestored: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const dates = useDates();
  const [running, setRunning] = useState<JobInfo | null>(null);
  const [done, setDone] = useState<RestoreResult | null>(null);
  const cover = useRef<HTMLDivElement>(null);
  const notice = useRef<HTMLDivElement>(null);

  useCoreEvents((e) => {
    if (e.type !== 'job.progress' && e.type !== 'job.done' && e.type !== 'job.failed') return;
    if (!RESTORES.has(e.job.method)) return;
    if (e.type === 'job.progress') {
      if (e.job.state === 'running') setRunning(e.job);
      return;
    }
    setRunning(null);
    if (e.type === 'job.done') {
      setDone(e.result as RestoreResult);
      onRestored();
    }
  });

  const open = running !== null;
  useLayoutEffect(() => {
    if (open) cover.current?.focus();
  }, [open]);
  useLayoutEffect(() => {
    if (done) notice.current?.focus();
  }, [done]);

  // Modal: focus stays on the cover (Tab goes nowhere behind it).
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Tab') return;
    e.preventDefault();
    const stop = cover.current?.querySelector('button');
    (document.activeElement === stop || !stop ? cover.current : stop)?.focus();
  };

  const swapping = running?.step?.code === 'RESTORE_REPLACING';
  const restoredAt = done?.createdAt ?? null;

  return (
    <>
      {done && (
        <div ref={notice} className="notice restored" role="status" tabIndex={-1} data-testid="restored">
          <p>{restoredAt === null ? t('restore.doneUndated') : t('restore.done', { date: dates.dateTime(restoredAt) })}</p>
          {done.previous && (
            <p className="muted">
              {t('restore.keptAt')} <code dir="ltr">{done.previous}</code>
            </p>
          )}
          <button type="button" onClick={() => setDone(null)}>
            {t('common.dismiss')}
          </button>
        </div>
      )}
      {running && (
        <div className="leave-backdrop">
          <div
            ref={cover}
            className="leave-question restoring"
            role="dialog"
            aria-modal="true"
            aria-labelledby="restoring-title"
            aria-describedby="restoring-explain"
            aria-busy="true"
            tabIndex={-1}
            onKeyDown={onKeyDown}
          >
            <h2 id="restoring-title">{t('restore.running')}</h2>
            <p id="restoring-explain">{t('restore.runningExplain')}</p>
            <progress aria-label={t('restore.running')} value={running.total ? running.done : undefined} max={running.total ?? undefined} />
            {running.step && <p className="muted">{jobStepWords(t, running)}</p>}
            {!swapping && (
              <div className="actions">
                <button type="button" onClick={() => void client.call('job.cancel', { id: running.id })}>
                  {t('restore.stop')}
                </button>
              </div>
            )}
          </div>
        </div>
      )}
    </>
  );
}
