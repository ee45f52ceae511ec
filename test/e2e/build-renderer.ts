import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const RENDERER_OUT = join(ROOT, 'out', 'renderer');
/** Held by the one test process building the renderer; it names that process. */
const LOCK = join(ROOT, 'out', '.renderer-build.lock');
/** How long a test file waits for another one's build before it says so: a cold build on a loaded machine included. */
const LOCK_WAIT_MS = 5 * 60_000;

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function isBuilt(): boolean {
  const index = join(RENDERER_OUT, 'index.html');
  const sources = Math.max(newestSource(join(ROOT, 'renderer')), newestSource(join(ROOT, 'electron', 'shared')));
  return existsSync(index) && statSync(index).mtimeMs >= sources;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockMadeAt(): number {
  try {
    return statSync(LOCK).mtimeMs;
  } catch {
    return Date.now();
  }
}

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Takes the build lock (a folder: making one is atomic), waiting while another live test process
 * holds it; a lock left by a process that has gone is taken over.
 */
function lock(): () => void {
  mkdirSync(join(ROOT, 'out'), { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      return () => rmSync(LOCK, { recursive: true, force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let holder = NaN;
    try {
      holder = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
    } catch {
      // just made, its pid not written yet (or its maker died before writing it)
    }
    const orphan = Number.isNaN(holder) && Date.now() - lockMadeAt() > 10_000;
    if (orphan || (Number.isInteger(holder) && holder > 0 && !isAlive(holder))) {
      rmSync(LOCK, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`the renderer build in ${RENDERER_OUT} is still held by process ${holder} after ${LOCK_WAIT_MS / 1000} s (lock ${LOCK})`);
    sleepMs(200);
  }
}

/**
 * Builds the renderer when there is no build or the sources are newer than it. Test files run
 * in parallel: one builds while the others wait for it (a second build would empty the folder
 * a running test's server reads from), then they find the build fresh and use it.
 */
export function ensureRendererBuilt(): void {
  if (isBuilt()) return;
  const release = lock();
  try {
    if (isBuilt()) return;
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '-c', 'renderer/vite.config.ts', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  } finally {
    release();
  }
}
