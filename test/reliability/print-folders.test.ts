import { existsSync, mkdirSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';
import { buildChild } from './child-build';
import { run, start } from './processes';

/**
 * The Chromium profile PDF printing uses lives in the temp folder. It goes when the printer is
 * closed, when a print is cancelled and the printer closed (the CLI's Ctrl-C), and when the
 * process exits; a process killed with SIGKILL leaves it, and the next print removes it. The
 * child runs with TMPDIR pointed at a folder of the test's own, so anything Chromium or
 * Playwright would leave in the temp folder shows up there.
 */

/**
 * A short root: Chromium's own temp files move into the print folder only when that path fits
 * its lock socket's limit (see pdf.ts), and a long test folder (with a five-digit pid in the
 * print folder's name) would leave them in the root instead.
 */
const shortRoot = () => tempDir('dp-');

let child: Awaited<ReturnType<typeof buildChild>>;
beforeAll(async () => {
  child = await buildChild();
}, 120_000);
afterAll(() => child?.remove());

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Resolves once `pid` has exited (a Chromium is not our child: there is no exit event to wait for). */
async function gone(pid: number): Promise<void> {
  while (isAlive(pid)) await new Promise((r) => setTimeout(r, 50));
}

describe('browser profiles of PDF printing', () => {
  it('are removed when a print is cancelled, and when the process exits (the next test closes one normally)', async () => {
    for (const mode of ['cancel', 'exit']) {
      const root = shortRoot();
      const r = await run(child.script, ['print', root, mode], { TMPDIR: root });
      expect(r.code, JSON.stringify(r.lines)).toBe(0);
      if (mode === 'cancel') expect(r.lines[0]).toEqual({ outcome: 'CANCELLED', left: [] });
      else {
        expect(r.lines[0]!.printed).toBe('%PDF-');
        // While printing, everything sat in the one folder of ours.
        expect(r.lines[0]!.folders).toEqual([expect.stringMatching(/^dateline-print-\d+-[0-9a-f]{8}$/)]);
      }
      expect(readdirSync(root), mode).toEqual([]);
    }
  }, 180_000);

  it('a run killed while its browser is open leaves its profile, and the next run removes it', async () => {
    const root = shortRoot();
    const killed = start(child.script, ['print', root, 'hang'], { TMPDIR: root });
    await killed.until((l) => 'printed' in l);
    const [folder] = readdirSync(root);
    expect(folder).toMatch(new RegExp(`^dateline-print-${killed.child.pid}-`));
    const chromium = Number(readlinkSync(join(root, folder!, 'profile', 'SingletonLock')).split('-').pop());
    killed.child.kill('SIGKILL');
    await killed.exited;
    await gone(chromium);
    expect(existsSync(join(root, folder!, 'profile'))).toBe(true);
    // A folder of a process that is still running, and one that is not ours, stay.
    const live = `dateline-print-${process.pid}-00000000`;
    mkdirSync(join(root, live));
    mkdirSync(join(root, 'playwright_chromiumdev_profile-abc'));

    const next = await run(child.script, ['print', root, 'finish'], { TMPDIR: root });
    expect(next.lines[0]!.printed).toBe('%PDF-');
    expect(next.lines[1]).toEqual({ left: [live, 'playwright_chromiumdev_profile-abc'] });
    expect(readdirSync(root).sort()).toEqual([live, 'playwright_chromiumdev_profile-abc']);
  }, 180_000);
});
