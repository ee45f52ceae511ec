import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/index';
import { growBestLists, type GrowOptions } from '../../electron/core/search/grow-lists';
import type { Library } from '../../electron/core/store/library';
import { MIGRATIONS } from '../../electron/core/store/migrations/index';
import { DB_FILE } from '../../electron/core/store/open';
import { tempDir } from '../helpers';
import { fill, fullRanking, libraries, page, pulled } from './fixtures';

const ctx = { author: 'amina' };
const library = libraries();

/** Steps the job until it has nothing left to do; `between` runs after every step. Returns the steps taken. */
function runToIdle(l: Library, opts: GrowOptions = {}, between: (step: number) => void = () => {}): number {
  for (let step = 1; step < 100_000; step++) {
    const r = growBestLists(l.db, opts);
    between(step);
    if (r === 'idle') return step;
  }
  throw new Error('the job never ended');
}

const listed = (l: Library, key: string): boolean => l.db.prepare('SELECT 1 FROM search_best_key WHERE key = ?').get(key) !== undefined;
const job = (l: Library) => l.db.prepare<[], { phase: string; after_rowid: number }>('SELECT phase, after_rowid FROM search_best_job').get()!;

/** Each query's page is exactly the full ranking's slice, whichever way it was found. */
function expectExact(db: Database.Database, queries: readonly string[]): void {
  for (const q of queries) {
    const got = page(db, q, 20);
    const want = fullRanking(db, q).slice(0, 20);
    got.scores.forEach((s, i) => expect(s, q).toBeCloseTo(want[i]!.score, 12));
    expect(got.ids, q).toEqual(want.map((r) => r.rowid));
  }
}

describe('lists for words that became frequent after the last build', () => {
  it('are made in the background for a library grown by writes alone, without any search', async () => {
    const l = await library();
    fill(l);
    expect(listed(l, 'water')).toBe(false);
    runToIdle(l);
    expect(listed(l, 'water')).toBe(true);
    expect(listed(l, 'wat')).toBe(true);
    // "desk" is in every contact's name; "vaccine" in a few hundred rows only.
    expect(listed(l, 'desk')).toBe(true);
    expect(listed(l, 'vaccine')).toBe(false);
    expect(l.db.prepare('SELECT count(*) FROM search_best_draft').pluck().get()).toBe(0);
    expect(page(l.db, 'water', 20).path).toBe('best-rows');
    expectExact(l.db, ['water', 'wat', 'desk', 'water camp']);
    // Nothing more to do until the index grows again by a tenth.
    expect(growBestLists(l.db)).toBe('idle');
  });

  it('are the same lists whether the build reads every entry or only those holding a drafted word, which takes fewer steps', async () => {
    const build = async (matchedMaxKeys: number) => {
      const l = await library();
      fill(l);
      // A few hundred contacts without any drafted word, so that reading only the matches reads less.
      l.docs.createMany('contact', Array.from({ length: 600 }, (_, i) => ({ fields: { name: `Nadia Okello ${i}`, kind: 'journalist' } })), ctx);
      while (job(l).phase !== 'build') growBestLists(l.db);
      let buildSteps = 0;
      while (job(l).phase === 'build') {
        // A step's time limit far out of reach, so that steps are counted in rows alone, whatever the machine's load.
        growBestLists(l.db, { buildRows: 100, matchedMaxKeys, stepMs: 60_000 });
        buildSteps++;
      }
      runToIdle(l);
      const lists = l.db.prepare('SELECT key, doc_rowid FROM search_best ORDER BY key, doc_rowid').all();
      const bounds = l.db.prepare('SELECT key, bound FROM search_best_key ORDER BY key').all();
      return { lists, bounds, buildSteps };
    };
    const every = await build(0);
    const matching = await build(64);
    expect(every.bounds.map((b) => (b as { key: string }).key)).toEqual(expect.arrayContaining(['wat', 'water', 'desk']));
    expect(matching.lists).toEqual(every.lists);
    expect(matching.bounds).toEqual(every.bounds);
    // 3,800 entries at 100 a step against the 3,200 holding a drafted word.
    expect(every.buildSteps).toBeGreaterThanOrEqual(38);
    expect(matching.buildSteps).toBeLessThan(every.buildSteps - 4);
  });

  it('find the same words when the scan of the vocabulary stops every few terms', async () => {
    const drafts = async (opts: GrowOptions): Promise<string[]> => {
      const l = await library();
      fill(l);
      while (job(l).phase !== 'build') growBestLists(l.db, opts);
      return l.db.prepare<[], string>('SELECT key FROM search_best_draft ORDER BY key').pluck().all();
    };
    const whole = await drafts({ scanTerms: 1_000_000, stepMs: 60_000 });
    expect(whole).toEqual(expect.arrayContaining(['wat', 'water', 'desk']));
    expect(await drafts({ scanTerms: 7 })).toEqual(whole);
  });

  it('are made for a library written before the job existed (migration 10), at its first idle moment', async () => {
    const dir = tempDir();
    const old = await library(dir, MIGRATIONS.filter((m) => m.version <= 8));
    fill(old);
    old.close();
    const l = await library(dir);
    expect(job(l)).toEqual({ phase: 'idle', after_rowid: 0 });
    expect(listed(l, 'water')).toBe(false);
    runToIdle(l);
    expect(listed(l, 'water')).toBe(true);
    expectExact(l.db, ['water', 'desk']);
  });

  it.each([
    ['only those holding a drafted word', 64],
    ['every entry', 0],
  ])('keep every page exact while writes and searches land between its steps (reading %s)', async (_, matchedMaxKeys) => {
    const dir = tempDir();
    const l = await library(dir);
    fill(l);
    // Searches from a read-only connection: one that may write would list a word in few rows at its first search.
    const reader = new Database(join(dir, DB_FILE), { readonly: true });
    const ids = l.db.prepare<[], string>("SELECT id FROM docs WHERE type = 'contact' ORDER BY rowid").pluck().all();
    let n = 0;
    const steps = runToIdle(l, { scanTerms: 300, buildRows: 150, checkpointRows: 300, saveKeys: 2, matchedMaxKeys }, (step) => {
      if (step % 3 === 0) {
        // An early row (read already by the build) rewritten to beat every other for "water", and
        // long enough that only its listing, not its length, can bound it.
        const doc = l.docs.require(ids[(step * 37) % ids.length]!);
        l.docs.update(doc.id, { ...doc.body, name: `Water Water ${n++}`, notes: 'water '.repeat(30) + 'camp '.repeat(30) }, ctx, doc.rev);
      }
      if (step % 5 === 0) l.docs.create('contact', { name: `watershed desk ${n++}`, kind: 'journalist', notes: 'waters' }, ctx);
      if (step % 7 === 0) l.docs.remove(ids[(step * 11) % ids.length]!, ctx);
      if (step % 4 === 0) expectExact(reader, ['water', 'wat', 'desk']);
    });
    expect(steps).toBeGreaterThan(20);
    expect(listed(l, 'water')).toBe(true);
    expect(page(reader, 'water', 20).path).toBe('best-rows');
    expectExact(reader, ['water', 'wat', 'water ', 'desk', 'watershed', 'water camp']);
    // The rows rewritten during the build are the best for "water" now, and the page has them.
    const best = page(reader, 'water', 5).ids;
    const names = l.db.prepare<[number], string>('SELECT name FROM contact_p WHERE doc_rowid = ?').pluck();
    expect(best.map((r) => names.get(r))).toEqual(expect.arrayContaining([expect.stringMatching(/^Water Water/)]));
    reader.close();
  });

  it('index the documents a sync queued a few at a time across steps, never the whole queue in one', async () => {
    const l = await library();
    fill(l);
    while (job(l).phase !== 'build') growBestLists(l.db);
    const batch = Array.from({ length: 100 }, (_, i) => pulled(`rel-pulled-${i}`, `p${i}`, 2, { headline: `Watering points ${i}`, notesToEditors: 'water water watershed' }));
    l.replication.bulkInsertRemote(batch, { _id: '_local/pull', since: 1 });
    const queued = l.db.prepare<[], number>('SELECT count(*) FROM search_pending').pluck();
    expect(queued.get()).toBe(100);
    // A step with no time to spare indexes one short transaction's worth and leaves the rest.
    growBestLists(l.db, { stepMs: 0 });
    expect(queued.get()).toBe(100 - 16);
    expect(job(l).phase).toBe('build');
    runToIdle(l);
    expect(queued.get()).toBe(0);
    expect(listed(l, 'water')).toBe(true);
    expectExact(l.db, ['water', 'watering', 'wat', 'desk']);
  });

  it('resume where they stopped after the library is closed in the middle of a build', async () => {
    const dir = tempDir();
    const l = await library(dir);
    fill(l);
    // Steps as short as can be: a batch of entries, or one draft saved, each.
    const opts = { stepMs: 0, checkpointRows: 1 };
    while (!(job(l).phase === 'build' && job(l).after_rowid > 300)) growBestLists(l.db, { buildRows: 400, checkpointRows: 1 });
    // Closed in the middle of saving the drafts at the next place.
    for (let i = 0; i < 3; i++) growBestLists(l.db, opts);
    const reached = job(l).after_rowid;
    l.close();

    const again = await library(dir);
    expect(job(again)).toEqual({ phase: 'build', after_rowid: reached });
    while (job(again).after_rowid === reached) growBestLists(again.db, opts);
    // On from the saved place, not from the first entry.
    expect(job(again).after_rowid).toBeGreaterThan(reached);
    runToIdle(again);
    expect(listed(again, 'water')).toBe(true);
    expectExact(again.db, ['water', 'wat', 'desk', 'water camp']);
  });

  it('run by themselves in a core that keeps the search up, after writes and when the library opens', async () => {
    const dir = tempDir();
    const core = await openCore(dir, { author: 'amina', searchUpkeep: true });
    try {
      fill(core.library);
      expect(listed(core.library, 'water')).toBe(false);
      const r = await core.dispatch('contact.create', { name: 'Water desk', kind: 'journalist' }, { transport: 'test' });
      expect(r.ok).toBe(true);
      await core.listGrowth.idle();
      expect(listed(core.library, 'water')).toBe(true);
      expect(page(core.library.db, 'water', 20).path).toBe('best-rows');
    } finally {
      core.close();
    }
    // Cut short: the library grew again and the scan found words, then the app stopped.
    const l = await library(dir);
    fill(l, 7);
    fill(l, 8);
    while (job(l).phase !== 'build') growBestLists(l.db);
    l.close();
    const again = await openCore(dir, { author: 'amina', searchUpkeep: true });
    try {
      await again.listGrowth.idle();
      expect(job(again.library)).toEqual({ phase: 'idle', after_rowid: 0 });
      expect(again.library.db.prepare('SELECT count(*) FROM search_best_draft').pluck().get()).toBe(0);
      expectExact(again.library.db, ['water', 'desk', 'wat']);
    } finally {
      again.close();
    }
  });
});
