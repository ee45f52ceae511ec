import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tempDir } from '../helpers';

/** Mounts and unmounts a tiny tmpfs once: root on Linux may still be refused (a container without the right). */
function mountWorks(): boolean {
  if (process.getuid?.() !== 0 || process.platform !== 'linux') return false;
  const probe = mkdtempSync(join(tmpdir(), 'dateline-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

/**
 * Whether this machine lets the tests mount a small disk of their own; the full-disk tests run
 * only then, and are reported as skipped otherwise (never passed without running).
 */
export const canMount = mountWorks();

/**
 * Runs `work` on a fresh tmpfs of `size` (a mount option such as "1m") mounted on a test folder,
 * and unmounts it after, whatever `work` did. Throws when the mount fails: callers run only where
 * `canMount` found that it works.
 */
export async function withSmallDisk(size: string, work: (disk: string) => Promise<void>): Promise<void> {
  const disk = tempDir();
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', disk]);
  try {
    await work(disk);
  } finally {
    execFileSync('umount', [disk]);
  }
}

/** Fills `disk` to its last byte with a file named "filler". */
export function fillDisk(disk: string): void {
  try {
    execFileSync('dd', ['if=/dev/zero', `of=${join(disk, 'filler')}`, 'bs=64k'], { stdio: 'ignore' });
  } catch {
    // dd stops when the disk is full, as intended.
  }
}
