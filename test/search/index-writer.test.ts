import { describe, expect, it } from 'vitest';
import { CATCH_UP_PAGE_SQL, catchUpSearch } from '../../electron/core/search/index-writer';
import { searchLibrary } from '../../electron/core/search/query';
import { Library } from '../../electron/core/store/library';
import { m0001 } from '../../electron/core/store/migrations/0001-initial';
import { m0002 } from '../../electron/core/store/migrations/0002-drafts';
import { m0003 } from '../../electron/core/store/migrations/0003-replication';
import { LATEST_VERSION } from '../../electron/core/store/migrations/index';
import { rebuildProjections } from '../../electron/core/store/projections';
import type { Page, ReleaseSummary } from '../../electron/shared/contract';
import type { SearchHit } from '../../electron/shared/search/contract';
import type { RemoteRevision } from '../../electron/core/store/replication-api';
import { call, core } from '../core-harness';
import { tempDir } from '../helpers';
import { pulled } from './fixtures';

const queued = (l: Library): number[] => l.db.prepare('SELECT doc_rowid FROM search_pending ORDER BY 1').pluck().all() as number[];
/** What the index itself holds for a word, without catching up first. */
const inIndex = (l: Library, word: string): number[] => l.db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ?').pluck().all(word) as number[];
const rowOf = (l: Library, id: string): number => l.db.prepare('SELECT rowid FROM docs WHERE id = ?').pluck().get(id) as number;

describe('the search index after a pull: queued in the batch, caught up before any search answers', () => {
  it('queues new winners in the batch and finds them through search and through a list query', async () => {
    const c = await core();
    const l = c.library;
    l.replication.bulkInsertRemote([pulled('rel-1', 'a', 3, { headline: 'Cholera response in Kasese' })], { _id: '_local/pull', since: 1 });
    expect(queued(l)).toEqual([rowOf(l, 'rel-1')]);
    expect(inIndex(l, 'kasese')).toEqual([]);

    const hits = await call<SearchHit[]>(c, 'search', { query: 'kasese', limit: 10 });
    expect(hits.map((h) => [h.id, h.title])).toEqual([['rel-1', 'Cholera response in Kasese']]);
    expect(queued(l)).toEqual([]);
    expect(inIndex(l, 'kasese')).toEqual([rowOf(l, 'rel-1')]);

    // A newer revision replaces the entry: its old words are gone at once, its new ones queued.
    l.replication.bulkInsertRemote([pulled('rel-1', 'a', 4, { headline: 'Measles vaccination in Gulu' })], { _id: '_local/pull', since: 2 });
    expect(inIndex(l, 'kasese')).toEqual([]);
    const page = await call<Page<ReleaseSummary>>(c, 'release.list', { query: 'gulu', limit: 10 });
    expect(page.items.map((r) => r.headline)).toEqual(['Measles vaccination in Gulu']);
    expect(await call<SearchHit[]>(c, 'search', { query: 'kasese', limit: 10 })).toEqual([]);
  });

  it('indexes a queued document once when a local edit comes first, and never indexes a pulled deletion', async () => {
    const c = await core();
    const l = c.library;
    l.replication.bulkInsertRemote(
      [pulled('rel-1', 'a', 2, { headline: 'Drought in Turkana' }), pulled('rel-2', 'b', 2, { headline: 'Drought in Marsabit' })],
      { _id: '_local/pull', since: 1 },
    );
    l.docs.update('rel-1', { headline: 'Drought relief reaches Lodwar', language: 'en' }, { author: 'amina' });
    expect(queued(l)).toEqual([rowOf(l, 'rel-2')]);
    l.replication.bulkInsertRemote([pulled('rel-2', 'b', 3, { headline: 'Drought in Marsabit' }, true)], { _id: '_local/pull', since: 2 });

    expect(catchUpSearch(l.db)).toBe(1);
    expect(queued(l)).toEqual([]);
    expect(inIndex(l, 'lodwar')).toEqual([rowOf(l, 'rel-1')]);
    expect(inIndex(l, 'drought')).toEqual([rowOf(l, 'rel-1')]);
    expect(inIndex(l, 'turkana OR marsabit')).toEqual([]);
    expect(catchUpSearch(l.db)).toBe(0);
  });

  it('catches up when the library closes, so a reopened library starts with an empty queue', async () => {
    const dir = tempDir();
    const l = await Library.open(dir, { author: 'amina' });
    l.replication.bulkInsertRemote([pulled('rel-1', 'a', 1, { headline: 'Floods in Beledweyne' })], { _id: '_local/pull', since: 1 });
    expect(queued(l)).toHaveLength(1);
    l.close();
    const again = await Library.open(dir, { author: 'amina' });
    expect(queued(again)).toEqual([]);
    expect(inIndex(again, 'beledweyne')).toEqual([rowOf(again, 'rel-1')]);
    again.close();
  });

  it("reads a page of the queue by its documents' keys, never by building every revision's body", async () => {
    const l = await Library.open(tempDir(), { author: 'amina' });
    l.replication.bulkInsertRemote(
      Array.from({ length: 40 }, (_, i) => pulled(`rel-${i}`, `p${i}`, 3, { headline: `Report ${i}` })),
      { _id: '_local/pull', since: 1 },
    );
    // Statistics as a grown library has them, so the planner chooses as it would there.
    l.db.exec('ANALYZE');
    const plan = (l.db.prepare(`EXPLAIN QUERY PLAN ${CATCH_UP_PAGE_SQL}`).all(16) as { detail: string }[]).map((r) => r.detail);
    // A LEFT JOIN onto the revisions view made SQLite materialise the whole view (every
    // revision and its body) for each page, so each step cost more the larger the library.
    expect(plan.filter((d) => /MATERIALIZE|SCAN (t|b|rev_tree|bodies|revs)\b/.test(d))).toEqual([]);
    expect(plan.some((d) => /SEARCH t USING PRIMARY KEY \(doc_rowid=\? AND rev=\?\)/.test(d))).toBe(true);
    // And it still hands the winners' bodies over, in queue order.
    const rows = l.db.prepare(CATCH_UP_PAGE_SQL).all(50) as { doc_rowid: number; body: string | null }[];
    expect(rows).toHaveLength(40);
    expect(rows.map((r) => r.doc_rowid)).toEqual([...rows.map((r) => r.doc_rowid)].sort((a, b) => a - b));
    expect(rows.every((r) => r.body !== null && (JSON.parse(r.body) as { headline: string }).headline.startsWith('Report '))).toBe(true);
    l.close();
  });

  it('answers exactly what indexing every winner at once answers', async () => {
    const l = await Library.open(tempDir(), { author: 'amina' });
    const words = ['water', 'health', 'school', 'floods', 'camp', 'vaccine', 'Bogotá', 'école', 'المنظمة'];
    const batch: RemoteRevision[] = [];
    for (let i = 0; i < 120; i++) {
      const pick = (k: number): string => words[(i * k + k) % words.length]!;
      batch.push(pulled(`rel-${i}`, `s${i}`, 1 + (i % 3), { headline: `${pick(1)} ${pick(2)} report ${i}`, tags: [pick(5)] }));
      if (batch.length === 40) l.replication.bulkInsertRemote(batch.splice(0), { _id: '_local/pull', since: i });
    }
    const queries = [...words, 'report', 'water health', 'ecole', 'bogota', 'منظمة', 'vacc'];
    const answers = (): string[][] => queries.map((q) => searchLibrary(l.db, q, { limit: 200 }).map((h) => h.id));
    const caughtUp = answers();
    expect(caughtUp.flat().length).toBeGreaterThan(200);
    l.db.transaction(() => rebuildProjections(l.db))();
    expect(answers()).toEqual(caughtUp);
    l.close();
  });

  it('adds the queue to a version 3 library with data, which searches as before', async () => {
    const dir = tempDir();
    const old = await Library.open(dir, { migrations: [m0001, m0002, m0003] });
    old.replication.bulkInsertRemote([pulled('rel-1', 'a', 2, { headline: 'Floods in Beledweyne' })]);
    old.close();
    const l = await Library.open(dir);
    expect(l.migrationBackup).not.toBeNull();
    expect(l.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(queued(l)).toEqual([]);
    expect(searchLibrary(l.db, 'beledweyne', { limit: 5 }).map((h) => h.id)).toEqual(['rel-1']);
    l.close();
  });
});
