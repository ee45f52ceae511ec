import type { IncomingMessage } from 'node:http';
import type { ErrorCode } from '../../shared/errors';

export type BodyOutcome =
  | { ok: true; value: unknown }
  | { ok: false; status: number; code: ErrorCode; message: string; params?: Record<string, string | number> };

/** The largest request body: an attachment at the library's limit, base64-encoded, plus room for its fields. */
export function bodyLimit(attachmentLimit: number): number {
  return Math.ceil((attachmentLimit * 4) / 3) + 1024 * 1024;
}

/** True when Content-Type is JSON (UTF-8, the only charset JSON may use on the wire). */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...params] = header.split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => !p.startsWith('charset=') || p === 'charset=utf-8' || p === 'charset="utf-8"');
}

/**
 * Reads and parses a JSON request body, refusing one over `limit` bytes as soon as it is
 * known to be too big. An empty body means "no input" (methods without fields need none).
 */
export function readJsonBody(req: IncomingMessage, limit: number): Promise<BodyOutcome> {
  const tooLarge: BodyOutcome = {
    ok: false,
    status: 413,
    code: 'FILE_TOO_LARGE',
    message: `The request is larger than ${limit} bytes, the most this library accepts (its attachment limit, base64-encoded).`,
    params: { limit, reason: 'requestTooLarge' },
  };
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(tooLarge);

  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (outcome: BodyOutcome) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      resolve(outcome);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        // Node discards the rest of the body once the answer is sent, so the client still reads the 413.
        finish(tooLarge);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => finish(parse(Buffer.concat(chunks))));
    req.on('error', (e) => finish({ ok: false, status: 400, code: 'INVALID_INPUT', message: `The request body could not be read: ${e.message}` }));
  });
}

function parse(bytes: Buffer): BodyOutcome {
  let text: string;
  try {
    // fatal: a body that is not UTF-8 is refused rather than silently mangled into U+FFFD.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, status: 400, code: 'INVALID_INPUT', message: 'The request body is not UTF-8 text.', params: { problem: 'not UTF-8' } };
  }
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const problem = e instanceof Error ? e.message : String(e);
    return { ok: false, status: 400, code: 'INVALID_INPUT', message: `The request body is not valid JSON: ${problem}`, params: { problem } };
  }
}
