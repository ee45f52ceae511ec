/**
 * Whether a process still runs, from its pid: what tells the leftovers of a killed run (a
 * half-built library, a ".part" file, a browser profile) from the work of one still going.
 * A process of another user answers EPERM, and is alive.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}
