import { afterEach } from 'vitest';
import { openCore, type Core } from '../electron/core/index';
import { toApiError } from '../electron/core/jobs';
import { markdownToRichText } from '../electron/core/markdown';
import type { ApiError } from '../electron/shared/errors';
import { tempDir } from './helpers';

/** A core on a fresh library folder per test (closed after each test), and calls that throw on failure. */

const open: { close(): void }[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

/** Closes `c` after the test, with the cores this harness opened. */
export function closedAfterTest<T extends { close(): void }>(c: T): T {
  open.push(c);
  return c;
}

export async function core(dir = tempDir()): Promise<Core> {
  return closedAfterTest(await openCore(dir, { author: 'amina' }));
}

/** A core on a fresh library folder written by `author` (one laptop of a test's office), closed after each test. */
export async function library(author: string): Promise<Core> {
  return closedAfterTest(await openCore(tempDir(), { author }));
}

/** Starts a job (`sync.export`, `sync.import`, ...) and waits for its end: its result. */
export async function job<T = unknown>(c: Core, method: string, input: unknown): Promise<T> {
  const { jobId } = await call<{ jobId: string }>(c, method, input);
  return (await c.jobs.wait(jobId)) as T;
}

/** A job method that must fail, before it starts or as it runs: its error. */
export async function jobFails(c: Core, method: string, input: unknown): Promise<ApiError> {
  const r = await c.dispatch(method, input, { transport: 'test' });
  if (!r.ok) return r.error;
  try {
    await c.jobs.wait((r.value as { jobId: string }).jobId);
  } catch (e) {
    return toApiError(e);
  }
  throw new Error(`${method} should have failed`);
}

export async function call<T = Record<string, unknown>>(c: Core, method: string, input: unknown): Promise<T> {
  const r = await c.dispatch(method, input, { transport: 'test' });
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

export async function fail(c: Core, method: string, input: unknown): Promise<ApiError> {
  const r = await c.dispatch(method, input, { transport: 'test' });
  if (r.ok) throw new Error(`${method} should have failed`);
  return r.error;
}

/** A release with everything approval asks for (headline, dateline place, date, body); `over` changes any field. */
export const release = (over: Record<string, unknown> = {}) => ({
  headline: 'Clean water reaches 40,000 people in Kasese',
  language: 'en',
  datelinePlace: 'Kampala',
  releaseDate: '2026-11-30',
  body: markdownToRichText('The organisation **today** completed twelve boreholes.'),
  ...over,
});
