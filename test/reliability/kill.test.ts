import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/store/library';
import { tempDir } from '../helpers';
import { buildChild } from './child-build';
import { start } from './processes';

/**
 * Kill -9 at chosen points across creates, updates, imports, exports and backups, then check
 * that every library passes SQLite's integrity check and still holds every write that was
 * acknowledged before its process died. Lanes run side by side, each on its own library; a
 * process is killed right after its k-th acknowledgement, so the next write is in flight.
 */
const KILLS = Number(process.env.DATELINE_RELIABILITY_KILLS ?? 200);
const LANES = 4;
/** Far beyond a few writes on a loaded machine; only a process that hangs reaches it. */
const STALL_MS = 120_000;

let child: Awaited<ReturnType<typeof buildChild>>;
beforeAll(async () => {
  child = await buildChild();
}, 120_000);
afterAll(() => child?.remove());

type Ack = Record<string, unknown> & { op: string };

async function lane(dir: string, lane: number, kills: number): Promise<{ acks: Ack[]; failures: Record<string, unknown>[] }> {
  const acks: Ack[] = [];
  const failures: Record<string, unknown>[] = [];
  for (let k = 0; k < kills; k++) {
    const seed = lane * 10_000 + k + 1;
    const r = start(child.script, ['work', dir, String(seed)]);
    // The chosen point: after 1 to 6 acknowledgements, the next write already under way.
    const after = 1 + (seed % 6);
    // A child that makes no progress at all is a hang, reported with what it printed.
    const stalled = setTimeout(() => {
      failures.push({ seed, stalled: true, printed: r.lines.length });
      r.child.kill('SIGKILL');
    }, STALL_MS);
    try {
      await r.until(() => r.lines.filter((l) => 'op' in l).length >= after);
    } catch {
      // The child ended on its own; its lines say why.
    } finally {
      clearTimeout(stalled);
    }
    r.child.kill('SIGKILL');
    await r.exited;
    for (const l of r.lines) {
      if ('op' in l) acks.push(l as Ack);
      else failures.push({ seed, ...l });
    }
  }
  return { acks, failures };
}

describe('kill -9 at chosen points', () => {
  it(`loses no acknowledged write and damages no library over ${KILLS} kills`, async () => {
    const root = tempDir();
    const dirs = Array.from({ length: LANES }, (_, i) => join(root, `lane-${i}`, 'library'));
    for (const d of dirs) mkdirSync(join(d, '..'), { recursive: true });
    const results = await Promise.all(dirs.map((d, i) => lane(d, i, Math.ceil(KILLS / LANES))));

    const ops = new Set<string>();
    for (const [i, dir] of dirs.entries()) {
      const { acks, failures } = results[i]!;
      expect(failures, `lane ${i}`).toEqual([]);
      const lib = await Library.open(dir);
      try {
        expect(lib.integrityCheck(), `lane ${i}`).toEqual([]);
        const lastRev = new Map<string, Ack>();
        for (const a of acks) {
          ops.add(a.op);
          if (a.op === 'create' || a.op === 'update' || a.op === 'import' || a.op === 'kit') {
            const history = lib.docs.revisions(a.id as string);
            expect(history.some((h) => h.rev === a.rev), `${a.op} ${String(a.id)} ${String(a.rev)}`).toBe(true);
            lastRev.set(a.id as string, a);
          }
          if (a.op === 'backup') {
            expect(existsSync(a.out as string)).toBe(true);
            const b = new Database(a.out as string, { readonly: true });
            expect(b.pragma('integrity_check', { simple: true })).toBe('ok');
            b.close();
          }
        }
        // The newest acknowledged revision of each document is its winner, or an ancestor of
        // it (a write that committed just before the kill, unacknowledged).
        for (const [id, a] of lastRev) {
          const d = lib.docs.getStored(id)!;
          expect(Number(d.rev.split('-')[0]), id).toBeGreaterThanOrEqual(Number((a.rev as string).split('-')[0]));
          if (a.op !== 'kit' && d.rev === a.rev) expect(d.body.headline).toBe(a.headline);
        }
      } finally {
        lib.close();
      }
    }
    expect([...ops].sort()).toEqual(['backup', 'create', 'export', 'import', 'kit', 'update']);
    // A hang guard, not a speed check: 200 kills take about 3 minutes on a quiet 2-core machine
    // and twice that on a loaded one; each process has its own stall guard above.
  }, 600_000);
});
