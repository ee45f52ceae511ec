import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { searchLibrary } from '../../electron/core/search/query';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/core/store/migrations/index';
import { rebuildProjections } from '../../electron/core/store/projections';
import { indexText } from '../../electron/shared/search/text';
import { tempDir } from '../helpers';
import { fill, fullRanking, libraries, page } from './fixtures';

const ctx = { author: 'amina' };
const library = libraries();

const queued = (db: Database.Database): number[] => db.prepare<[], number>('SELECT doc_rowid FROM search_pending ORDER BY 1').pluck().all();
const rowOf = (db: Database.Database, id: string): number => db.prepare<[string], number>('SELECT rowid FROM docs WHERE id = ?').pluck().get(id)!;
const ids = (db: Database.Database, q: string): string[] => searchLibrary(db, q, { limit: 50 }).map((h) => h.id);

/**
 * Puts back the index entry and sort name a library made before digits were folded: the same
 * tokens, with the digits as they were written.
 */
function asIndexedBefore(db: Database.Database, id: string, title: string, body: string): void {
  const rowid = rowOf(db, id);
  const kept = db.prepare<[number], { title: string; body: string }>('SELECT title, body FROM search_text WHERE doc_rowid = ?').get(rowid)!;
  expect([kept.title, kept.body], 'the same tokens, but for their digits').toEqual([indexText(title), indexText(body)]);
  db.prepare("INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)").run(rowid, kept.title, kept.body);
  db.prepare('INSERT INTO search_fts(rowid, title, body) VALUES (?, ?, ?)').run(rowid, title, body);
  db.prepare('UPDATE search_text SET title = ?, body = ? WHERE doc_rowid = ?').run(title, body, rowid);
}

describe('digits of every script in search', () => {
  it('finds "4500" in Arabic-Indic and Eastern Arabic-Indic text, and finds ASCII digits from them', async () => {
    const l = await library();
    const ar = l.docs.create('release', { headline: 'توزيع ٤٥٠٠ سلة غذائية في حلب', language: 'ar' }, ctx);
    const fa = l.docs.create('release', { headline: 'کمک به ۴۵۰۰ خانواده', language: 'ar' }, ctx);
    const en = l.docs.create('release', { headline: 'Food parcels for 4500 families', language: 'en' }, ctx);
    l.docs.create('release', { headline: 'Food parcels for 4600 families', language: 'en' }, ctx);
    for (const q of ['4500', '٤٥٠٠', '۴۵۰۰', '45']) expect(ids(l.db, q).sort(), q).toEqual([ar.id, fa.id, en.id].sort());
    expect(ids(l.db, 'حلب ٤٥٠٠')).toEqual([ar.id]);
  });

  it('upgrades a library indexed with the digits as written (migration 11): "4500" finds them, ASCII searches rank as before', async () => {
    const dir = tempDir();
    const old = await library(dir, MIGRATIONS.filter((m) => m.version <= 10));
    fill(old);
    const ar = old.docs.create('release', { headline: 'توزيع ٤٥٠٠ سلة غذائية', language: 'ar', tags: ['water'] }, ctx);
    const fa = old.docs.create('release', { headline: 'کمک به ۴۵۰۰ خانواده', language: 'ar' }, ctx);
    const en = old.docs.create('release', { headline: 'Water for 4500 families', language: 'en' }, ctx);
    const contact = old.docs.create('contact', { name: 'مكتب ٢ الإعلامي', kind: 'journalist' }, ctx);
    asIndexedBefore(old.db, ar.id, 'توزيع ٤٥٠٠ سله غذاييه', 'water');
    asIndexedBefore(old.db, fa.id, 'کمک به ۴۵۰۰ خانواده', '');
    old.db.prepare('UPDATE contact_p SET sort_name = ? WHERE doc_rowid = ?').run('مكتب ٢ الاعلامي', rowOf(old.db, contact.id));
    // The old index answers only the digits as written, which a search now folds.
    expect(old.db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ?').pluck().all('"٤٥٠٠"')).toEqual([rowOf(old.db, ar.id)]);
    expect(ids(old.db, '4500')).toEqual([en.id]);
    const asciiQueries = ['water', 'wat', 'report flood', 'camp 12'];
    const before = asciiQueries.map((q) => searchLibrary(old.db, q, { limit: 30 }));
    old.close();

    const l = await library(dir);
    expect(l.migrationBackup).not.toBeNull();
    expect(l.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    // Only the two entries with other digits were sent back to be indexed again.
    expect(queued(l.db)).toEqual([rowOf(l.db, ar.id), rowOf(l.db, fa.id)]);
    expect(l.db.prepare('SELECT sort_name FROM contact_p WHERE doc_rowid = ?').pluck().get(rowOf(l.db, contact.id))).toBe('مكتب 12 الاعلامي');

    for (const q of ['4500', '٤٥٠٠', '۴۵۰۰']) expect(ids(l.db, q).sort(), q).toEqual([ar.id, fa.id, en.id].sort());
    expect(queued(l.db)).toEqual([]);
    // The same scores to the last bit: the entries changed digits, not their number of tokens.
    expect(asciiQueries.map((q) => searchLibrary(l.db, q, { limit: 30 }))).toEqual(before);
    for (const q of asciiQueries) expect(page(l.db, q, 20).ids, q).toEqual(fullRanking(l.db, q).slice(0, 20).map((r) => r.rowid));
    // And what indexing every winner afresh answers.
    const answers = (): string[][] => [...asciiQueries, '4500', 'توزيع'].map((q) => ids(l.db, q));
    const migrated = answers();
    l.db.transaction(() => rebuildProjections(l.db))();
    expect(answers()).toEqual(migrated);
  });
});
