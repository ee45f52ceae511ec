import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { passageOf, wantedWords } from '../../electron/core/search/passage';
import { searchLibrary } from '../../electron/core/search/query';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/core/store/migrations/index';
import { tempDir } from '../helpers';
import { libraries } from './fixtures';

const ctx = { author: 'amina' };
const library = libraries();
const ids = (db: Database.Database, q: string): string[] => searchLibrary(db, q, { limit: 50 }).map((h) => h.id).sort();
const queued = (db: Database.Database): number[] => db.prepare<[], number>('SELECT doc_rowid FROM search_pending ORDER BY 1').pluck().all();
const rowOf = (db: Database.Database, id: string): number => db.prepare<[string], number>('SELECT rowid FROM docs WHERE id = ?').pluck().get(id)!;

/** Puts back the entry a library indexed before a word after "لل" had both its readings. */
function asIndexedBefore(db: Database.Database, id: string, title: string): void {
  const rowid = rowOf(db, id);
  const kept = db.prepare<[number], { title: string; body: string }>('SELECT title, body FROM search_text WHERE doc_rowid = ?').get(rowid)!;
  db.prepare("INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)").run(rowid, kept.title, kept.body);
  db.prepare('INSERT INTO search_fts(rowid, title, body) VALUES (?, ?, ?)').run(rowid, title, kept.body);
  db.prepare('UPDATE search_text SET title = ? WHERE doc_rowid = ?').run(title, rowid);
}

describe('Arabic words after "لل" in search', () => {
  it('"اللاجئين" and "لاجئين" find "للاجئين", and "مخيم" finds "للمخيم"', async () => {
    const l = await library();
    const refugees = l.docs.create('release', { headline: 'المفوضية السامية للأمم المتحدة لشؤون اللاجئين', language: 'ar' }, ctx);
    const forRefugees = l.docs.create('release', { headline: 'مساعدات عاجلة للاجئين في الشمال', language: 'ar' }, ctx);
    const camp = l.docs.create('release', { headline: 'وصول قافلة جديدة للمخيم', language: 'ar' }, ctx);
    for (const q of ['اللاجئين', 'لاجئين', 'لاجئ']) expect(ids(l.db, q), q).toEqual([refugees.id, forRefugees.id].sort());
    expect(ids(l.db, 'للاجئين')).toEqual([forRefugees.id]);
    expect(ids(l.db, 'المخيم')).toEqual([camp.id]);
    expect(ids(l.db, 'الأمم المتحدة')).toEqual([refugees.id]);
    // The word found is the one marked in the passage shown.
    const text = 'مساعدات عاجلة للاجئين في الشمال';
    const passage = passageOf(text, wantedWords('اللاجئين'));
    expect(passage?.parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['للاجئين']);
  });

  it('upgrades a library indexed with one reading (migration 16): only the entries that change are indexed again', async () => {
    const dir = tempDir();
    const old = await library(dir, MIGRATIONS.filter((m) => m.version <= 15));
    const forRefugees = old.docs.create('release', { headline: 'مساعدات عاجلة للاجئين', language: 'ar' }, ctx);
    const plain = old.docs.create('release', { headline: 'مساعدات عاجلة في الشمال', language: 'ar' }, ctx);
    const en = old.docs.create('release', { headline: 'Urgent aid for refugees', language: 'en' }, ctx);
    asIndexedBefore(old.db, forRefugees.id, 'مساعدات عاجله اجيين');
    expect(ids(old.db, 'اللاجئين')).toEqual([]);
    old.close();

    const l = await library(dir);
    expect(l.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(queued(l.db)).toEqual([rowOf(l.db, forRefugees.id)]);
    expect(ids(l.db, 'اللاجئين')).toEqual([forRefugees.id]);
    expect(ids(l.db, 'مساعدات')).toEqual([forRefugees.id, plain.id].sort());
    expect(ids(l.db, 'refugees')).toEqual([en.id]);
    expect(queued(l.db)).toEqual([]);
  });
});
