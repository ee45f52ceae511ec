import type { TFunction } from 'i18next';
import type { JobInfo } from '../../electron/shared/library/contract';
import { jobStepText } from '../../electron/shared/library/job-steps';
import { libraryProblemText, type LibraryProblem } from '../../electron/shared/library/problems';

/** What a job is doing, in the person's language; null before its first step. */
export function jobStepWords(t: TFunction, job: Pick<JobInfo, 'step'>): string | null {
  if (!job.step) return null;
  return t(`jobs.step.${job.step.code}`, { ...job.step.params, defaultValue: jobStepText(job.step) });
}

/** A problem a library check found, in the person's language. */
export function libraryProblemWords(t: TFunction, problem: LibraryProblem): string {
  return t(`library.problem.${problem.code}`, { ...problem.params, defaultValue: libraryProblemText(problem) });
}
