import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, expect } from 'vitest';
import { DatelineError } from '../electron/shared/errors';

/** A fresh folder on disk, listed in `folders` for its removal. */
function freshFolder(folders: string[], prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  folders.push(d);
  return d;
}

/** Removes the listed folders, the last made first. */
function removeAll(folders: string[]): void {
  while (folders.length) rmSync(folders.pop()!, { recursive: true, force: true });
}

const made: string[] = [];
afterEach(() => removeAll(made));

/** A fresh folder on disk, removed after the test. */
export const tempDir = (prefix = 'dateline-test-'): string => freshFolder(made, prefix);

const kept: string[] = [];
afterAll(() => removeAll(kept));

/** A fresh folder on disk that lives for the whole test file (a library its beforeAll opens), removed after it. */
export const tempDirKept = (prefix = 'dateline-test-'): string => freshFolder(kept, prefix);

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

/** The SQL `db` prepared while `run` ran, each once: for the query plans a test checks. */
export async function preparedDuring(db: { prepare: (sql: string) => unknown }, run: () => Promise<unknown>): Promise<string[]> {
  const seen = new Set<string>();
  const prepare = db.prepare.bind(db);
  db.prepare = (sql: string) => {
    seen.add(sql);
    return prepare(sql);
  };
  try {
    await run();
  } finally {
    db.prepare = prepare;
  }
  return [...seen];
}
