/**
 * What a running job is doing, as a code and its parameters: the UI words it in the person's
 * language (jobs.step.<code>), the CLI and an older window show the English text made here.
 */
interface StepParams {
  CHECK_RUNNING: Record<string, never>;
  CHECK_CLEAN: Record<string, never>;
  CHECK_DONE: { count: number };
  BACKUP_DATABASE: Record<string, never>;
  BACKUP_FILES: { done: number; total: number };
  BACKUP_WRITTEN: Record<string, never>;
  RESTORE_CHECKING: Record<string, never>;
  RESTORE_FILES: { done: number; total: number };
  RESTORE_REPLACING: Record<string, never>;
  SYNC_RECEIVING: Record<string, never>;
  SYNC_SENDING: Record<string, never>;
  SYNC_MERGING: Record<string, never>;
  SYNC_FILE_WRITING: Record<string, never>;
  SYNC_FILE_READING: Record<string, never>;
  SYNC_FILE_MERGING: Record<string, never>;
  FILE_DOWNLOADING: { name: string };
  KIT_READING: Record<string, never>;
  KIT_PHOTOS: Record<string, never>;
  KIT_LIGHT_PHOTOS: Record<string, never>;
  KIT_WORD: Record<string, never>;
  KIT_PDF: Record<string, never>;
  KIT_ZIP: Record<string, never>;
  KIT_LITE: Record<string, never>;
  /** `preview`: read to show what an import would do, storing nothing (the tray must not call it an import). */
  CONTACTS_READING: { count: number; preview?: boolean };
  COMPACT_REMOVING: Record<string, never>;
}

export type JobStepCode = keyof StepParams;
export type JobStep = { [C in JobStepCode]: { code: C; params: StepParams[C] } }[JobStepCode];

const ENGLISH: { [C in JobStepCode]: (p: StepParams[C]) => string } = {
  CHECK_RUNNING: () => 'Checking the library',
  CHECK_CLEAN: () => 'No problems',
  CHECK_DONE: (p) => (p.count === 1 ? '1 problem' : `${p.count} problems`),
  BACKUP_DATABASE: () => 'Copying the library',
  BACKUP_FILES: (p) => `Copying files (${p.done} of ${p.total})`,
  BACKUP_WRITTEN: () => 'Backup written',
  RESTORE_CHECKING: () => 'Checking the backup',
  RESTORE_FILES: (p) => `Checking files (${p.done} of ${p.total})`,
  RESTORE_REPLACING: () => 'Replacing the library',
  SYNC_RECEIVING: () => 'Receiving',
  SYNC_SENDING: () => 'Sending',
  SYNC_MERGING: () => 'Merging',
  SYNC_FILE_WRITING: () => 'Writing the sync file',
  SYNC_FILE_READING: () => 'Checking the sync file',
  SYNC_FILE_MERGING: () => 'Merging the sync file into this library',
  FILE_DOWNLOADING: (p) => `Downloading ${p.name}`,
  KIT_READING: () => 'Reading the kit',
  KIT_PHOTOS: () => 'Preparing photos',
  KIT_LIGHT_PHOTOS: () => 'Preparing light photos',
  KIT_WORD: () => 'Building the Word document',
  KIT_PDF: () => 'Printing the PDF',
  KIT_ZIP: () => 'Writing the ZIP bundle',
  KIT_LITE: () => 'Printing kit-lite',
  CONTACTS_READING: (p) => `Reading contacts${p.preview ? ' for a preview' : ''} (${p.count === 1 ? '1 row' : `${p.count} rows`})`,
  COMPACT_REMOVING: () => 'Removing old versions',
};

export const JOB_STEP_CODES = Object.keys(ENGLISH) as JobStepCode[];

type ParamArgs<C extends JobStepCode> = StepParams[C] extends Record<string, never> ? [] : [params: StepParams[C]];

/** A step with its parameters, checked against its code. */
export function jobStep<C extends JobStepCode>(code: C, ...params: ParamArgs<C>): JobStep {
  return { code, params: params[0] ?? {} } as JobStep;
}

/** The step in English, for the CLI and as the fallback of a UI without words for it. */
export function jobStepText(step: JobStep): string {
  return (ENGLISH[step.code] as (p: JobStep['params']) => string)(step.params);
}
