import type { ServerResponse } from 'node:http';
import type { ApiError, ErrorCode, Result } from '../../shared/errors';

/** Every /api/ answer is a contract Result, so the web client reads refusals like any other error. */
export function sendResult(res: ServerResponse, status: number, result: Result<unknown>, extraHeaders: Record<string, string> = {}): void {
  let body: string;
  try {
    body = JSON.stringify(result);
  } catch (e) {
    // A value JSON cannot carry (a cycle, a BigInt) is a bug in a handler; the caller still gets an answer.
    status = 500;
    const detail = e instanceof Error ? e.message : String(e);
    body = JSON.stringify(failure('INTERNAL', `The answer could not be sent: ${detail}`, { reason: 'answerNotSent', detail }));
  }
  send(res, status, 'application/json; charset=utf-8', body, extraHeaders);
}

export function failure(code: ErrorCode, message: string, params?: ApiError['params']): Result<never> {
  const error: ApiError = { code, message };
  if (params) error.params = params;
  return { ok: false, error };
}

export function sendText(res: ServerResponse, status: number, text: string, extraHeaders: Record<string, string> = {}): void {
  send(res, status, 'text/plain; charset=utf-8', `${text}\n`, extraHeaders);
}

export function send(res: ServerResponse, status: number, contentType: string, body: string | Buffer, extraHeaders: Record<string, string> = {}): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.statusCode = status;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', String(bytes.length));
  for (const [k, v] of Object.entries(extraHeaders)) res.setHeader(k, v);
  res.end(res.req.method === 'HEAD' ? undefined : bytes);
}
