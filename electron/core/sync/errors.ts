import { DatelineError, type ApiError, type ErrorCode } from '../../shared/errors';

/** Why a request to a sync peer failed, which decides whether it is worth repeating. */
export type SyncFailure = 'network' | 'server' | 'auth' | 'forbidden' | 'too-large' | 'not-found' | 'protocol' | 'damaged';

const CODE: Record<SyncFailure, ErrorCode> = {
  network: 'OFFLINE',
  server: 'SERVER_ERROR',
  auth: 'SERVER_AUTH',
  forbidden: 'SERVER_AUTH',
  'too-large': 'FILE_TOO_LARGE',
  'not-found': 'NOT_FOUND',
  protocol: 'SERVER_ERROR',
  /** Bytes that do not match their hash: refused, never stored. */
  damaged: 'SERVER_ERROR',
};

export class SyncError extends DatelineError {
  constructor(
    readonly failure: SyncFailure,
    message: string,
    readonly status: number | null = null,
    /** More for the window to word the error with (the database a server does not have). */
    more: ApiError['params'] = {},
  ) {
    super(CODE[failure], message, { params: { failure, status, ...more } });
    this.name = 'SyncError';
  }
}

/** Network errors and 5xx answers pass; a 401, a 403 or a refusal will not change by asking again. */
export function isRetryable(e: unknown): boolean {
  return e instanceof SyncError && (e.failure === 'network' || e.failure === 'server');
}
