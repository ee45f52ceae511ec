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

/**
 * Why a connection failed, from Node's error code, because each asks something different of the
 * person: nothing listening (a stopped server, a wrong port), a name no server has (a typo, or no
 * connection at all), a secure connection that failed (http and https mixed up, a certificate),
 * no answer in time, or a link cut midway.
 */
export type NetworkCause = 'refused' | 'no-such-host' | 'secure-connection' | 'timeout' | 'cut';

export function networkCause(code: string): NetworkCause {
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'no-such-host';
  if (/^(EPROTO|ERR_SSL|ERR_TLS|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_)/.test(code)) return 'secure-connection';
  if (code === 'ETIMEDOUT') return 'timeout';
  return 'cut';
}

/** Network errors and 5xx answers pass; a 401, a 403 or a refusal will not change by asking again. */
export function isRetryable(e: unknown): boolean {
  return e instanceof SyncError && (e.failure === 'network' || e.failure === 'server');
}
