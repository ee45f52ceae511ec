import { describe, expect, it } from 'vitest';
import type { SearchPath } from '../../electron/core/search/best-page';
import { bm25, entryTokens, idf, matchPhrases, phraseFrequencies } from '../../electron/core/search/bm25';
import { indexTotals, LAZY_LIST_MAX_ROWS, rebuildBestLists } from '../../electron/core/search/champions';
import { MIGRATIONS } from '../../electron/core/store/migrations/index';
import { TRASHED } from '../../electron/shared/releases/rules';
import { ftsQuery } from '../../electron/shared/search/terms';
import { tempDir } from '../helpers';
import { fill, fullRanking, libraries, page } from './fixtures';

const ctx = { author: 'amina' };
const library = libraries();

describe('bm25 written out', () => {
  it('scores every match of every query as FTS5 ranks it, to the last bit or two', async () => {
    const l = await library();
    fill(l);
    const totals = indexTotals(l.db);
    const texts = l.db.prepare<[], { doc_rowid: number; title: string; body: string }>('SELECT doc_rowid, title, body FROM search_text').all();
    for (const q of ['water', 'water ', 'wat', 'water camp', 'søren', 'Łódź', 'المنظمة', 'report flood he', 'vaccine water']) {
      const match = ftsQuery(q)!;
      const phrases = matchPhrases(match)!;
      const count = l.db.prepare<[string], number>('SELECT count(*) FROM search_fts WHERE search_fts MATCH ?').pluck();
      const idfs = phrases.map((p) => idf(totals.rows, count.get(`"${p.token}"${p.prefix ? '*' : ''}`)!));
      const ours = new Map<number, number>();
      for (const t of texts) {
        const tokens = entryTokens(t.title, t.body)!;
        const f = phraseFrequencies(tokens, phrases);
        if (!f.includes(0)) ours.set(t.doc_rowid, bm25(f, idfs, tokens.length, totals.tokens / totals.rows));
      }
      const theirs = l.db.prepare<[string], [number, number]>('SELECT rowid, rank FROM search_fts WHERE search_fts MATCH ?').raw().all(match);
      expect(theirs.length, q).toBeGreaterThan(0);
      expect(theirs.map(([rowid]) => rowid).sort(), q).toEqual([...ours.keys()].sort());
      // The same arithmetic in the same order; the logarithms of V8 and of the C library may differ in the last bit.
      for (const [rowid, score] of theirs) expect(Math.abs(ours.get(rowid)! - score), q).toBeLessThan(1e-15 * Math.abs(score) + 1e-300);
    }
  });

  it('reads the Latin letters folding leaves alone and Arabic letters as FTS5 does', async () => {
    const l = await library();
    l.docs.create('contact', { name: 'søren łodz tromsø đa ðe þa ıb ŋa ħa', kind: 'journalist', notes: 'المنظمة ٣٤' }, ctx);
    l.db.exec('CREATE VIRTUAL TABLE temp.probe USING fts5vocab(main, search_fts, row)');
    const vocab = l.db.prepare<[], string>('SELECT term FROM temp.probe').pluck().all().sort();
    const kept = l.db.prepare<[], { title: string; body: string }>('SELECT title, body FROM search_text').get()!;
    expect([...new Set(entryTokens(kept.title, kept.body))].sort()).toEqual(vocab);
    expect(vocab).toContain('søren');
  });
});

describe('a page proven from the lists of best rows', () => {
  it('is the top of the full ranking, on every page, with filters, trash and later writes', async () => {
    const l = await library();
    fill(l);
    l.db.transaction(() => rebuildBestLists(l.db))();
    expect(l.db.prepare('SELECT count(*) FROM search_best_key WHERE key IN (?, ?)').pluck().get('wat', 'water')).toBe(2);

    const check = (query: string, limit: number, offset = 0, types?: ('release' | 'contact')[]): SearchPath | undefined => {
      const got = page(l.db, query, limit, offset, types);
      const want = fullRanking(l.db, query, types ?? null).slice(offset, offset + limit);
      expect(got.ids.length, query).toBe(want.length);
      got.scores.forEach((s, i) => expect(s).toBeCloseTo(want[i]!.score, 12));
      // Equal scores may come in either order only among equal release dates and rowids: none here, so the ids agree.
      expect(got.ids, query).toEqual(want.map((w) => w.rowid));
      return got.path;
    };
    expect(check('water', 20)).toBe('best-rows');
    expect(check('wat', 20)).toBe('best-rows');
    // Two words: the lists of each alone prove nothing here; bounds by row length and rows scored one by one do.
    expect(check('water wat', 20)).toBe('best-rows');
    expect(check('water camp', 10)).toBeDefined();
    check('water', 20, 20);
    check('water', 20, 0, ['release']);

    // A short contact written after the build beats every listed row: the write lists it.
    const best = l.docs.create('contact', { name: 'Water Water', kind: 'journalist', notes: 'water' }, ctx);
    const bestRow = l.db.prepare<[string], number>('SELECT rowid FROM docs WHERE id = ?').pluck().get(best.id)!;
    expect(page(l.db, 'water', 5).ids[0]).toBe(bestRow);
    expect(check('water', 20)).toBe('best-rows');

    // The best rows trashed or deleted: the page goes on to the next ones.
    const top = fullRanking(l.db, 'water').slice(0, 3).map((r) => r.rowid);
    const idOf = l.db.prepare<[number], string>('SELECT id FROM docs WHERE rowid = ?').pluck();
    for (const rowid of top) {
      const doc = l.docs.require(idOf.get(rowid)!);
      if (doc.type === 'release') l.docs.update(doc.id, { ...doc.body, status: TRASHED }, ctx, doc.rev);
      else l.docs.remove(doc.id, ctx);
    }
    check('water', 20);
    expect(page(l.db, 'water', 20).ids).not.toContain(top[0]);
  });

  it('makes the list of a word the first time it is searched often enough, and a migrated library has its lists', async () => {
    const fresh = await library();
    fill(fresh, 2);
    expect(fresh.db.prepare("SELECT count(*) FROM search_best_key WHERE key = 'water'").pluck().get()).toBe(0);
    const first = page(fresh.db, 'water', 20);
    expect(first.path).toBe('best-rows');
    expect(first.ids).toEqual(fullRanking(fresh.db, 'water').slice(0, 20).map((r) => r.rowid));

    const dir = tempDir();
    const old = await library(dir, MIGRATIONS.filter((m) => m.version <= 5));
    fill(old, 3);
    old.close();
    const l = await library(dir);
    expect(l.db.prepare("SELECT count(*) FROM search_best_key WHERE key = 'wat'").pluck().get()).toBe(1);
    const got = page(l.db, 'wat', 20);
    expect(got.path).toBe('best-rows');
    expect(got.ids).toEqual(fullRanking(l.db, 'wat').slice(0, 20).map((r) => r.rowid));
  });

  it('does not make a search wait to list a word in more rows than it builds lists for: it ranks every match instead', async () => {
    const l = await library();
    fill(l, 4);
    fill(l, 5);
    const rows = l.db.prepare<[string], number>('SELECT count(*) FROM search_fts WHERE search_fts MATCH ?').pluck().get('"water"*')!;
    expect(rows).toBeGreaterThan(LAZY_LIST_MAX_ROWS);
    const got = page(l.db, 'water', 20);
    expect(got.path).toBe('full');
    expect(l.db.prepare("SELECT count(*) FROM search_best_key WHERE key = 'water'").pluck().get()).toBe(0);
    expect(got.ids).toEqual(fullRanking(l.db, 'water').slice(0, 20).map((r) => r.rowid));
    // A rebuild lists it; the page stays the top of the full ranking.
    rebuildBestLists(l.db);
    expect(l.db.prepare("SELECT count(*) FROM search_best_key WHERE key = 'water'").pluck().get()).toBe(1);
    expect(page(l.db, 'water', 20).ids).toEqual(fullRanking(l.db, 'water').slice(0, 20).map((r) => r.rowid));
  });
});
