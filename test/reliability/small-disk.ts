import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tempDir } from '../helpers';

/** Whether this process may mount a small disk of its own (root on Linux); the full-disk tests run only then. */
export const canMount = process.getuid?.() === 0 && process.platform === 'linux';

/**
 * Runs `work` on a fresh tmpfs of `size` (a mount option such as "1m") mounted on a test folder,
 * and unmounts it after, whatever `work` did. False, without running `work`, when this machine
 * cannot mount one.
 */
export async function withSmallDisk(size: string, work: (disk: string) => Promise<void>): Promise<boolean> {
  const disk = tempDir();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', disk]);
  } catch {
    return false;
  }
  try {
    await work(disk);
  } finally {
    execFileSync('umount', [disk]);
  }
  return true;
}

/** Fills `disk` to its last byte with a file named "filler". */
export function fillDisk(disk: string): void {
  try {
    execFileSync('dd', ['if=/dev/zero', `of=${join(disk, 'filler')}`, 'bs=64k'], { stdio: 'ignore' });
  } catch {
    // dd stops when the disk is full, as intended.
  }
}
