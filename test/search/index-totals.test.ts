import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { catchUpSearch } from '../../electron/core/search/index-writer';
import { varint } from '../../electron/core/search/bm25';
import type { Library } from '../../electron/core/store/library';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/core/store/migrations/index';
import { rebuildProjections } from '../../electron/core/store/projections';
import type { RemoteRevision } from '../../electron/core/store/replication-api';
import { TRASHED } from '../../electron/shared/releases/rules';
import { ftsQuery } from '../../electron/shared/search/terms';
import { tempDir } from '../helpers';
import { libraries, pulled } from './fixtures';

const ctx = { author: 'amina' };

/** What bm25 reads: the index's own row count and token count per column (the record with id 1). */
function totals(db: Database.Database): { rows: number; title: number; body: number } {
  const block = db.prepare<[], Buffer>('SELECT block FROM search_fts_data WHERE id = 1').pluck().get()!;
  const [rows, a] = varint(block, 0);
  const [title, b] = varint(block, a);
  const [body] = varint(block, b);
  return { rows, title, body };
}

const QUERIES = ['water', 'floods', 'camp', 'vaccine', 'bogota', 'ecole', 'المنظمة', 'report', 'water camp', 'vacc', 'nairobi', 'desk'];
const WORDS = ['water', 'health', 'school', 'floods', 'camp', 'vaccine', 'Bogotá', 'école', 'المنظمة', 'Kasese', 'Nairobi'];

/** Every query's matches (as the app asks for them) with their bm25 scores, by rowid. */
function scores(db: Database.Database): Record<string, [number, number][]> {
  const stmt = db.prepare<[string], [number, number]>('SELECT rowid, bm25(search_fts) FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid').raw();
  return Object.fromEntries(QUERIES.map((q) => [q, stmt.all(ftsQuery(q)!)]));
}

/** The same live documents indexed afresh, in the same database. */
function rebuilt(db: Database.Database): void {
  db.transaction(() => rebuildProjections(db))();
}

/** A library lived in: local creates, edits, deletes, erases, trash, and batches from elsewhere that add, change and delete. */
function live(l: Library): void {
  const pick = (i: number, k: number): string => WORDS[(i * k + k) % WORDS.length]!;
  const ids: string[] = [];
  for (let i = 0; i < 40; i++) {
    const words = Array.from({ length: 1 + (i % 7) }, (_, k) => pick(i, k + 2)).join(' ');
    const d =
      i % 4 === 3
        ? l.docs.create('contact', { name: `${pick(i, 1)} desk ${i}`, notes: words }, ctx)
        : l.docs.create('release', { headline: `${pick(i, 1)} report ${i}`, language: 'en', notesToEditors: words }, ctx);
    ids.push(d.id);
  }
  for (let i = 0; i < 40; i += 5) {
    const cur = l.docs.require(ids[i]!);
    l.docs.update(ids[i]!, { ...cur.body, headline: `${pick(i, 9)} ${pick(i, 4)} update`, notesToEditors: 'water water camp' }, ctx, cur.rev);
  }
  for (let i = 1; i < 40; i += 6) l.docs.remove(ids[i]!, ctx);
  for (let i = 2; i < 40; i += 9) l.docs.erase(ids[i]!, { erased: true }, ctx);
  const trash = l.docs.require(ids[4]!);
  l.docs.update(ids[4]!, { ...trash.body, status: TRASHED }, ctx, trash.rev);
  const batch: RemoteRevision[] = [];
  for (let i = 0; i < 12; i++) batch.push(pulled(`rel-remote-${i}`, `r${i}`, 1, { headline: `${pick(i, 3)} ${pick(i, 5)} remote report` }));
  l.replication.bulkInsertRemote(batch, { _id: '_local/pull', since: 1 });
  l.replication.bulkInsertRemote(
    [
      pulled('rel-remote-0', 'r0', 2, { headline: 'vaccine campaign in Nairobi' }),
      pulled('rel-remote-1', 'r1', 2, { headline: 'gone' }, true),
      pulled('rel-remote-2', 'r2', 2, { headline: 'école à Bogotá' }),
    ],
    { _id: '_local/pull', since: 2 },
  );
  catchUpSearch(l.db);
  // Changed again after catching up: the entries written by the catch-up are removed exactly too.
  l.replication.bulkInsertRemote([pulled('rel-remote-2', 'r2', 3, { headline: 'floods' })], { _id: '_local/pull', since: 3 });
  catchUpSearch(l.db);
}

const library = libraries();

describe('the search index forgets removed documents exactly', () => {
  it('keeps the row count and token totals of a fresh index of the live documents', async () => {
    const l = await library();
    live(l);
    const lived = totals(l.db);
    const entries = l.db.prepare<[], number>('SELECT count(*) FROM search_text').pluck().get();
    rebuilt(l.db);
    const fresh = totals(l.db);
    expect(fresh.rows).toBe(entries);
    expect(fresh.rows).toBeGreaterThan(30);
    expect(lived).toEqual(fresh);
  });

  it('scores every query as a fresh index of the live documents does', async () => {
    const l = await library();
    live(l);
    const lived = scores(l.db);
    expect(Object.entries(lived).filter(([, hits]) => hits.length === 0)).toEqual([]);
    rebuilt(l.db);
    expect(lived).toEqual(scores(l.db));
  });

  it('repairs the totals a version 4 library drifted to, in the migration', async () => {
    const dir = tempDir();
    const old = await library(dir, MIGRATIONS.slice(0, 4));
    live(old);
    const drifted = totals(old.db);
    const driftedScores = scores(old.db);
    old.close();
    const l = await library(dir);
    expect(l.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const migrated = totals(l.db);
    const migratedScores = scores(l.db);
    // The older contentless_delete index never lowered its totals: removed documents were still counted.
    expect(drifted.rows).toBeGreaterThan(migrated.rows);
    expect(driftedScores).not.toEqual(migratedScores);
    rebuilt(l.db);
    expect(migrated).toEqual(totals(l.db));
    expect(migratedScores).toEqual(scores(l.db));
  });
});
