import type { TFunction } from 'i18next';
import type { JobInfo, JobSubject } from '../../electron/shared/library/contract';
import { jobStepText } from '../../electron/shared/library/job-steps';
import { libraryProblemText, type LibraryProblem } from '../../electron/shared/library/problems';

/** What a job is doing, in the person's language; null before its first step. */
export function jobStepWords(t: TFunction, job: Pick<JobInfo, 'step'>): string | null {
  if (!job.step) return null;
  return t(`jobs.step.${job.step.code}`, { ...job.step.params, defaultValue: jobStepText(job.step) });
}

/** What a job works on, in words: "“Floods in Kassala” · PDF" (a kit's title and the format made). */
export function jobSubjectWords(t: TFunction, subject: JobSubject): string {
  return subject.format
    ? t('jobs.subject', { title: subject.title, format: t(`kitBuilder.format.${subject.format}`) })
    : t('jobs.subjectTitle', { title: subject.title });
}

/**
 * The job's name and state as the tray shows them. A contacts preview stores nothing, so it is
 * named as a preview ("Contacts file read", "Preview ready"), never as an import that is done.
 */
export function jobHeadWords(t: TFunction, job: Pick<JobInfo, 'method' | 'state' | 'step'>): { label: string; state: string } {
  if (job.step?.code === 'CONTACTS_READING' && job.step.params.preview === true) {
    return job.state === 'done'
      ? { label: t('jobs.preview.read'), state: t('jobs.preview.ready') }
      : { label: t('jobs.preview.reading'), state: t(`jobs.state.${job.state}`) };
  }
  return { label: t(`jobs.method.${job.method}`, { defaultValue: job.method }), state: t(`jobs.state.${job.state}`) };
}

/** A problem a library check found, in the person's language. */
export function libraryProblemWords(t: TFunction, problem: LibraryProblem): string {
  return t(`library.problem.${problem.code}`, { ...problem.params, defaultValue: libraryProblemText(problem) });
}

/** The tray's states in the order its heading names them: what still runs first. */
const TRAY_STATES = ['running', 'done', 'failed', 'cancelled'] as const satisfies readonly JobInfo['state'][];

/**
 * What the job tray holds, by state: "8 failed", "2 running, 3 done, 3 failed", each count
 * with its language's plural form (Arabic's six), listed as the language lists.
 */
export function jobTrayHeading(t: TFunction, jobs: readonly Pick<JobInfo, 'state'>[], locale: string): string {
  const parts = TRAY_STATES.flatMap((state) => {
    const count = jobs.filter((job) => job.state === state).length;
    return count > 0 ? [t(`jobs.count.${state}`, { count })] : [];
  });
  return new Intl.ListFormat(locale, { type: 'unit', style: 'short' }).format(parts);
}
