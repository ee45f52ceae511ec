import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { growBestLists, type GrowOptions } from '../../electron/core/search/grow-lists';
import { ListGrowth, type GrowthFailure } from '../../electron/core/search/list-growth';
import { Library } from '../../electron/core/store/library';
import { DB_FILE } from '../../electron/core/store/open';
import { closedAfterTest } from '../core-harness';
import { tempDir } from '../helpers';
import { fill, fullRanking, page } from './fixtures';

const listed = (db: Database.Database, key: string): boolean => db.prepare('SELECT 1 FROM search_best_key WHERE key = ?').get(key) !== undefined;
const phase = (db: Database.Database): string => db.prepare<[], string>('SELECT phase FROM search_best_job').pluck().get()!;

/**
 * A filled library told at once when it is busy (as after the wait runs out), its list job with
 * a log that keeps every failure, and a second connection standing for another process.
 */
async function busyLibrary(options: GrowOptions = {}): Promise<{ l: Library; logged: GrowthFailure[]; growth: ListGrowth; other: Database.Database }> {
  const dir = tempDir();
  const l = await Library.open(dir, { author: 'amina' });
  closedAfterTest(l);
  fill(l);
  l.db.pragma('busy_timeout = 0');
  const logged: GrowthFailure[] = [];
  const growth = new ListGrowth(() => l.db, options, (f) => logged.push(f));
  closedAfterTest(growth);
  const other = new Database(join(dir, DB_FILE));
  closedAfterTest(other);
  return { l, logged, growth, other };
}

describe('the background list job in a running core', () => {
  it('logs a step that fails because another process holds the library, and goes on from its place at the next writes', async () => {
    const { l, logged, growth, other } = await busyLibrary();

    // Another process writes to the library: every step that would write fails.
    other.exec('BEGIN IMMEDIATE');
    growth.noteWrites();
    await growth.idle();
    expect(logged).toEqual([{ code: 'SEARCH_LISTS_STEP_FAILED', params: { cause: 'SQLITE_BUSY', message: expect.stringMatching(/locked|busy/i) } }]);
    expect(listed(l.db, 'water')).toBe(false);
    other.exec('ROLLBACK');

    // The next writes start it again; it ends with the lists, nothing more logged.
    growth.noteWrites();
    await growth.idle();
    expect(logged).toHaveLength(1);
    expect(phase(l.db)).toBe('idle');
    expect(listed(l.db, 'water')).toBe(true);
    const got = page(l.db, 'water', 20);
    expect(got.path).toBe('best-rows');
    expect(got.ids).toEqual(fullRanking(l.db, 'water').slice(0, 20).map((r) => r.rowid));
  });

  it('logs a failure in the middle of a build and resumes the build, not a new one', async () => {
    const { l, logged, growth, other } = await busyLibrary({ buildRows: 200, checkpointRows: 400 });
    const job = l.db.prepare<[], { build: number; after_rowid: number }>('SELECT build, after_rowid FROM search_best_job');
    // Held from the first checkpoint of the build on.
    while (!(phase(l.db) === 'build' && job.get()!.after_rowid > 0)) growBestLists(l.db, { buildRows: 200, checkpointRows: 400 });
    const at = job.get()!;
    other.exec('BEGIN IMMEDIATE');
    growth.noteWrites();
    await growth.idle();
    expect(logged.map((f) => f.params.cause)).toEqual(['SQLITE_BUSY']);
    expect(job.get()).toEqual(at);
    other.exec('ROLLBACK');
    growth.noteWrites();
    await growth.idle();
    expect(logged).toHaveLength(1);
    expect(phase(l.db)).toBe('idle');
    // The same build finished: the failure did not set it back to a new one.
    expect(job.get()!.build).toBe(at.build);
    expect(listed(l.db, 'water')).toBe(true);
  });
});
