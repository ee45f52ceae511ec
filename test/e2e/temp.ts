import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { rmSync } from 'node:fs';

const made: string[] = [];

/** A folder that lives for the whole test file (the shared helper cleans up after each test). */
export function tempDirKept(prefix = 'dateline-e2e-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
}

afterAll(() => {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});
