import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, expect } from 'vitest';
import { DatelineError } from '../electron/shared/errors';

const made: string[] = [];

/** A fresh folder on disk, removed after the test. */
export function tempDir(prefix = 'dateline-test-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
}

afterEach(() => {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});

const kept: string[] = [];

/** A fresh folder on disk that lives for the whole test file (a library its beforeAll opens), removed after it. */
export function tempDirKept(prefix = 'dateline-test-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  kept.push(d);
  return d;
}

afterAll(() => {
  while (kept.length) rmSync(kept.pop()!, { recursive: true, force: true });
});

/** Waits for `p` and expects it to fail with a DatelineError of `code`, which it returns. */
export async function expectError(p: unknown, code: string): Promise<DatelineError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(DatelineError);
    expect((e as DatelineError).code).toBe(code);
    return e as DatelineError;
  }
  throw new Error(`expected ${code}, but it succeeded`);
}
