import { z } from 'zod';

/**
 * Stable error codes of the Dateline contract. The UI translates a code (with its params)
 * into the user's language; the message is the English fallback a person can act on.
 */
export const ERROR_CODES = [
  'UNKNOWN_METHOD',
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'RELEASE_INCOMPLETE',
  'RELEASE_UNAVAILABLE',
  'FORBIDDEN',
  'UNAUTHORIZED',
  'EMPTY_FILE',
  'FILE_TOO_LARGE',
  'NOT_A_FILE',
  'FILE_UNREADABLE',
  /** A file or folder to write that could not be (a folder this user may not write in, a read-only disk, a failed write); a full disk is DISK_FULL. */
  'FILE_UNWRITABLE',
  'NOT_A_RELEASE',
  'DUPLICATE',
  'NOT_A_LIBRARY',
  'LIBRARY_NEWER',
  'DOC_NEWER',
  'LIBRARY_DAMAGED',
  'LIBRARY_BUSY',
  'LIBRARY_READ_ONLY',
  'DISK_FULL',
  'NOT_A_BACKUP',
  'CANCELLED',
  'OFFLINE',
  'SERVER_ERROR',
  'SERVER_AUTH',
  'USAGE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Why a general code was raised (`params.reason`), for the window to say in the person's
 * language: the core's message is English, for the CLI and the logs. Every reason the core gives
 * one of these codes is listed here, and the window has words for each (renderer/i18n/errors.ts,
 * test/renderer/error-reasons.test.ts); the message is shown only for a reason it does not know.
 */
/**
 * Input refused for a reason the window words itself (INVALID_INPUT's `params.reason`), where no
 * field's check says it: sync set up without an office or not at all, an office not synced here,
 * an office logo that is no image, a journalist as an office's press contact, a language version
 * in the release's own language, a backup written over the open library, a withdrawal of a
 * release that never went out (a draft, one in review) or was already withdrawn, a new release
 * created withdrawn; and the checks the core makes by hand: input nested too deep, a revision
 * that is a deletion, a conflict answered for another case or without a side for a field, a page
 * cursor that is not one Dateline gave, a release not in the trash or not linked, a mapping that
 * names no column, an attachment with no file, a folder given without its full path, a name
 * reserved for sync, an import's contact or headline that cannot be stored, a revision out of
 * order, a stored file's name that is no SHA-256, a local record's id.
 */
export const INPUT_PROBLEMS = [
  'syncNoOffice',
  'syncNotSetUp',
  'syncOfficeNotSynced',
  'logoNotImage',
  'notSpokesperson',
  'alreadyInLanguage',
  'backupOntoLibrary',
  'withdrawDraft',
  'withdrawInReview',
  'alreadyWithdrawn',
  'createdWithdrawn',
  'nestedTooDeep',
  'markdownTooDeep',
  'restoreDeletion',
  'reservedField',
  'conflictOtherCase',
  'conflictNoSide',
  'staleCursor',
  'notInTrash',
  'notInTrashAny',
  'notLinked',
  'mappingNoColumns',
  'attachmentNoFile',
  'folderNotAbsolute',
  'importContactEmail',
  'importContactPhone',
  'importContactNoName',
  'importContactGone',
  'importHeadlineNoLetters',
  'revisionOutOfOrder',
  'revisionRefused',
  'notSha256',
  'localIdLength',
] as const;

export const ERROR_REASONS = {
  CONFLICT: ['changedSince', 'idTaken', 'languageTaken', 'alreadyVersion', 'libraryReplaced', 'changedSincePreview', 'localChanged', 'nameTaken', 'parentInTrash'],
  NOT_FOUND: [
    'gone',
    'noRevision',
    'revisionCompacted',
    'revisionDeleted',
    'conflictSettled',
    'segmentGone',
    'jobGone',
    'notOnComputer',
    'notAnImage',
    'previewUnreadable',
    'blobMissing',
    'logoNotAttachment',
    'contactGone',
    'kitItemGone',
    'kitNoLanguage',
    'noChromium',
    'backupGone',
    'downloadGone',
    'kitFileMissing',
    'erased',
    'mergedAway',
    'deletedWithFile',
    'trashFileGone',
  ],
  FILE_TOO_LARGE: ['tooLarge', 'importTooLarge', 'importTextTooLong', 'requestTooLarge', 'uploadTooLarge', 'systemLimit', 'tooManyPixels', 'syncFileTooLarge'],
  FILE_UNREADABLE: [
    'missing',
    'denied',
    'brokenLink',
    'isFolder',
    'diskFailed',
    'system',
    'cannotOpen',
    'changedWhileRead',
    'notDocx',
    'zipNotDocx',
    'binary',
    'tooManyElements',
    'tooDeep',
    'timeout',
    'tooMuchMemory',
    'readFailed',
    'readerStopped',
    'damagedImage',
    'imageDamaged',
    'kitFileMissing',
  ],
  FILE_UNWRITABLE: ['folderMissing', 'readOnlyDisk', 'denied', 'isFile', 'writeFailed'],
  FORBIDDEN: ['localOnly', 'cannotEditType', 'otherPage', 'outletInUse', 'mayNotCreate'],
  OFFLINE: ['fileNotDownloaded'],
  NOT_A_LIBRARY: ['isFile', 'dataIsFolder', 'fileInPath', 'notSqlite', 'otherProgram'],
  /** A library moved aside (what SQLite said in `detail`), a backup that cannot be restored, a file that no longer matches its hash. */
  LIBRARY_DAMAGED: ['cannotOpen', 'interruptedWrite', 'checkFailed', 'corrupt', 'backupUnreadable', 'backupCheckFailed', 'backupFileMismatch', 'fileMismatch'],
  NOT_A_BACKUP: ['empty', 'notSqlite', 'otherProgram', 'libraryNotBackup', 'noDescription', 'wrongTables', 'notMadeByDateline', 'syncFile'],
  /** A fault of Dateline's own, or of the machine it runs on; `detail` keeps what the system said, in English. */
  INTERNAL: [
    'unreachable',
    'badReply',
    'unexpected',
    'answerNotSent',
    'closing',
    'coreStopped',
    'coreKeepsStopping',
    'noJob',
    'keychain',
    'syncNotRunning',
    'libraryIncomplete',
    'noReplicationId',
    'importWorkerMissing',
    'importWorkerReply',
    'templatesMissing',
    'docxPacking',
    'unsafeZipEntry',
    'noPrinter',
    'notPdf',
    'printTimeout',
    'printWindowClosed',
    'printerStopped',
    'printPageFailed',
    'printFailed',
    'desktopFileOnly',
  ],
} as const satisfies Partial<Record<ErrorCode, readonly string[]>>;

export type ReasonCode = keyof typeof ERROR_REASONS;
export type ErrorReason<C extends ReasonCode> = (typeof ERROR_REASONS)[C][number];

/** Whether `reason` is one the window has words for under `code`. */
export function isKnownReason(code: ErrorCode, reason: unknown): reason is string {
  const known: readonly string[] | undefined = (ERROR_REASONS as Partial<Record<ErrorCode, readonly string[]>>)[code];
  return typeof reason === 'string' && known !== undefined && known.includes(reason);
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Where the problem is, e.g. ["body", 3, "text"] or ["row", 17, "Email"]. */
  path?: (string | number)[];
  /** Values for the UI's wording; a list (file names, say) as a list, for the UI to join in the person's language. */
  params?: Record<string, string | number | boolean | null | string[]>;
}

/** An ApiError as it arrives from another process (the window checks what the core sends it). */
export const ApiErrorSchema: z.ZodType<ApiError> = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  path: z.array(z.union([z.string(), z.number()])).optional(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())])).optional(),
});

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** An error raised inside the core that carries a stable code to the caller. */
export class DatelineError extends Error {
  readonly code: ErrorCode;
  readonly path: (string | number)[] | undefined;
  readonly params: ApiError['params'];

  constructor(
    code: ErrorCode,
    message: string,
    extra: { path?: (string | number)[]; params?: ApiError['params'] } = {},
  ) {
    super(message);
    this.name = 'DatelineError';
    this.code = code;
    this.path = extra.path;
    this.params = extra.params;
  }

  toApiError(): ApiError {
    const e: ApiError = { code: this.code, message: this.message };
    if (this.path) e.path = this.path;
    if (this.params) e.params = this.params;
    return e;
  }
}

const CANCELLED_MESSAGES = {
  job: 'The job was cancelled; nothing was changed.',
  export: 'The export was cancelled; nothing was written.',
} as const;

/** Work stopped at the person's request: a job changed nothing, an export wrote nothing. */
export function cancelledError(what: keyof typeof CANCELLED_MESSAGES = 'job'): DatelineError {
  return new DatelineError('CANCELLED', CANCELLED_MESSAGES[what], { params: { what } });
}

/** What zod found wrong, in words a person can act on ("is required", "unknown field "x""). */
export function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (isMissing(issue)) return 'is required';
  return issue.message;
}

// zod leaves the input out of its issues unless asked to: a missing field is told by the type it received.
function isMissing(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'invalid_type' && ('input' in issue ? issue.input === undefined : issue.message.endsWith('received undefined'));
}

/**
 * What is wrong with a field (INVALID_INPUT's `params.issue`), for the window to say in the
 * person's language beside the field's label; the message keeps zod's English for the CLI and
 * the logs. A check of the contract's own names its issue with `params: { issue }` (a date).
 */
export const INPUT_ISSUES = [
  'required',
  'empty',
  'tooLong',
  'tooShort',
  'tooMany',
  'tooFew',
  'tooBig',
  'tooSmall',
  'notText',
  'notNumber',
  'notWhole',
  'notYesNo',
  'notList',
  'notGroup',
  'wrongType',
  'notEmail',
  'notUrl',
  'notDate',
  'notInCalendar',
  'notDateTime',
  'notTimeZone',
  'notPhone',
  'badFormat',
  'notOneOf',
  'unknownField',
  'invalid',
] as const;

export type InputIssue = (typeof INPUT_ISSUES)[number];

/** An issue's code with what the window needs to word it: a limit, the allowed values, the unknown fields. */
export interface InputIssueParams {
  issue: InputIssue;
  limit?: number;
  values?: string[];
  keys?: string[];
  /** A phone number's problem (shared/documents.ts phoneProblem) and the character at fault. */
  phone?: string;
  char?: string;
}

/** Lists sent along are cut short: a person reads a few allowed values, not a thousand. */
const LISTED = 20;

const TYPE_ISSUES: Readonly<Record<string, InputIssue>> = {
  string: 'notText',
  number: 'notNumber',
  int: 'notWhole',
  boolean: 'notYesNo',
  array: 'notList',
  tuple: 'notList',
  set: 'notList',
  object: 'notGroup',
  record: 'notGroup',
  map: 'notGroup',
};

const FORMAT_ISSUES: Readonly<Record<string, InputIssue>> = { email: 'notEmail', url: 'notUrl', date: 'notDate', datetime: 'notDateTime' };

const isInputIssue = (v: unknown): v is InputIssue => typeof v === 'string' && (INPUT_ISSUES as readonly string[]).includes(v);
const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** A zod issue as the contract's `params.issue` and its numbers, the same whatever zod's English says. */
export function inputIssue(issue: z.core.$ZodIssue): InputIssueParams {
  switch (issue.code) {
    case 'unrecognized_keys':
      return { issue: 'unknownField', keys: issue.keys.slice(0, LISTED) };
    case 'invalid_type':
      if (isMissing(issue)) return { issue: 'required' };
      return { issue: own(TYPE_ISSUES, issue.expected) ? TYPE_ISSUES[issue.expected]! : 'wrongType' };
    case 'too_big': {
      const limit = Number(issue.maximum);
      if (issue.origin === 'string') return { issue: 'tooLong', limit };
      if (issue.origin === 'array' || issue.origin === 'set') return { issue: 'tooMany', limit };
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return { issue: 'tooBig', limit };
      return { issue: 'invalid' };
    }
    case 'too_small': {
      const limit = Number(issue.minimum);
      const list = issue.origin === 'array' || issue.origin === 'set';
      if ((issue.origin === 'string' || list) && limit <= 1) return { issue: 'empty' };
      if (issue.origin === 'string') return { issue: 'tooShort', limit };
      if (list) return { issue: 'tooFew', limit };
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return { issue: 'tooSmall', limit };
      return { issue: 'invalid' };
    }
    case 'invalid_format':
      return { issue: own(FORMAT_ISSUES, issue.format) ? FORMAT_ISSUES[issue.format]! : 'badFormat' };
    case 'invalid_value':
      return { issue: 'notOneOf', values: issue.values.slice(0, LISTED).map((v) => String(v)) };
    case 'custom': {
      const p = issue.params ?? {};
      if (!isInputIssue(p.issue)) return { issue: 'invalid' };
      return { issue: p.issue, ...(typeof p.phone === 'string' ? { phone: p.phone } : {}), ...(typeof p.char === 'string' ? { char: p.char } : {}) };
    }
    default:
      return { issue: 'invalid' };
  }
}

/**
 * The one way a zod failure becomes the contract's error: INVALID_INPUT naming the first
 * field that is wrong, as a path (after `prefix`, where the checked value sits inside a larger
 * input) and in the message after `context` (the method or command). The params say the same
 * as the message without its English (`issue`, inputIssue), for the window to word.
 */
export function invalidInput(error: z.ZodError, { context, prefix = [] }: { context?: string; prefix?: (string | number)[] } = {}): DatelineError {
  const issue = error.issues[0]!;
  const path = [...prefix, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
  const field = path.length ? path.join('.') : 'input';
  const problem = issueMessage(issue);
  // A check of the contract's own may name why it refused ({ params: { reason } }), for the UI to word.
  const reason: Record<string, string> = issue.code === 'custom' && typeof issue.params?.reason === 'string' ? { reason: issue.params.reason } : {};
  return new DatelineError('INVALID_INPUT', `${context ? `${context}: ` : ''}${field}: ${problem}`, {
    path,
    params: { ...(context ? { method: context } : {}), field, issues: error.issues.length, problem, ...inputIssue(issue), ...reason },
  });
}

/** What was stored: a document (of a type, or a `_local` record such as "sync settings"), or one of its revisions. */
export interface StoredPlace {
  type: string;
  id: string;
  rev?: string;
}

/**
 * The one way stored data this version cannot read becomes the contract's error: a document,
 * an old revision or a `_local` record damaged outside Dateline (every write here is checked
 * first). INVALID_INPUT saying which record and the first wrong field, never a stack trace;
 * `problem` is zod's finding, or a sentence when the text is not even JSON.
 */
export function unreadableStored(place: StoredPlace, problem: z.ZodError | string): DatelineError {
  const issue = typeof problem === 'string' ? null : problem.issues[0]!;
  const path = issue ? issue.path.map((p) => (typeof p === 'number' ? p : String(p))) : [];
  const field = path.join('.');
  const which = place.rev ? `Revision ${place.rev} of the ${place.type} "${place.id}"` : `The ${place.type} "${place.id}"`;
  const what = typeof problem === 'string' ? problem : `${field || 'its fields'}: ${issueMessage(issue!)}`;
  // The record and what is wrong with it, for the window's "Details" line: technical, and left in English.
  const detail = `${place.type} "${place.id}"${place.rev ? ` (revision ${place.rev})` : ''}: ${what}`;
  return new DatelineError('INVALID_INPUT', `${which} cannot be read: ${what}`, {
    path,
    params: { reason: 'unreadable', id: place.id, type: place.type, field, ...(place.rev ? { rev: place.rev } : {}), detail },
  });
}

export function isDatelineError(e: unknown): e is DatelineError {
  return e instanceof DatelineError;
}
