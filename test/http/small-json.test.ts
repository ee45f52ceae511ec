import { describe, expect, it } from 'vitest';
import { serveFresh, type Serving } from './running';

/**
 * The server's two small JSON requests, the launch exchange and a download ticket, refuse what is
 * not one in the same order and with the same status codes (405, 415, 413, 400), each in words of
 * its own: the method, the content type, the size of the body (one id is all it holds), then its
 * shape.
 */

async function start(): Promise<Serving> {
  return serveFresh();
}

interface Refusal {
  status: number;
  allow: string | null;
  code: string;
  message: string;
  params?: Record<string, unknown>;
}

async function refusal(res: Response): Promise<Refusal> {
  const body = (await res.json()) as { ok: false; error: { code: string; message: string; params?: Record<string, unknown> } };
  expect(body.ok).toBe(false);
  return { status: res.status, allow: res.headers.get('allow'), code: body.error.code, message: body.error.message, ...(body.error.params ? { params: body.error.params } : {}) };
}

const ROUTES = [
  {
    name: 'the launch exchange',
    path: '/launch',
    token: false,
    notPost: 'A launch link is exchanged with POST and a JSON body.',
    notJson: 'Send the launch link\'s nonce as JSON with "Content-Type: application/json".',
    wrongShape: 'The body must be {"nonce": "..."}, the value of the launch link\'s "launch" parameter.',
  },
  {
    name: 'a download ticket',
    path: '/api/download-ticket',
    token: true,
    notPost: 'A download ticket is asked for with POST and a JSON body.',
    notJson: 'Send {"download": "..."} as JSON with "Content-Type: application/json".',
    wrongShape: 'The body must be {"download": "..."}, the id a call answered for its file.',
  },
] as const;

describe('web mode: the small JSON requests', () => {
  for (const route of ROUTES) {
    it(`${route.name}: refuses another method, another content type, a big body, bad JSON and another shape, in its own words`, async () => {
      const r = await start();
      const send = (init: { method?: string; type?: string; body?: string }) =>
        fetch(`${r.server.origin}${route.path}`, {
          method: init.method ?? 'POST',
          headers: { ...(init.type ? { 'content-type': init.type } : {}), ...(route.token ? { 'x-dateline-token': r.server.token } : {}) },
          ...(init.body === undefined ? {} : { body: init.body }),
        });

      expect(await refusal(await send({ method: 'GET' }))).toEqual({ status: 405, allow: 'POST', code: 'USAGE', message: route.notPost });
      expect(await refusal(await send({ type: 'text/plain', body: '{}' }))).toEqual({ status: 415, allow: null, code: 'INVALID_INPUT', message: route.notJson });
      const big = await refusal(await send({ type: 'application/json', body: JSON.stringify({ id: 'x'.repeat(2000) }) }));
      expect(big).toMatchObject({ status: 413, code: 'FILE_TOO_LARGE', params: { limit: 1024 } });
      const broken = await refusal(await send({ type: 'application/json', body: '{"id": ' }));
      expect(broken).toMatchObject({ status: 400, code: 'INVALID_INPUT' });
      expect(broken.message).toMatch(/^The request body is not valid JSON: /);
      expect(await refusal(await send({ type: 'application/json', body: '{"id": "x"}' }))).toEqual({ status: 400, allow: null, code: 'INVALID_INPUT', message: route.wrongShape });
    });
  }
});
