import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { phoneSearchForms } from '../../electron/core/search/entry';
import { searchLibrary } from '../../electron/core/search/query';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/core/store/migrations/index';
import { rebuildProjections } from '../../electron/core/store/projections';
import type { SearchHit } from '../../electron/shared/search/contract';
import { indexText } from '../../electron/shared/search/text';
import { call, core } from '../core-harness';
import { tempDir } from '../helpers';
import { fill, libraries } from './fixtures';

const ctx = { author: 'amina' };
const library = libraries();

const queued = (db: Database.Database): number[] => db.prepare<[], number>('SELECT doc_rowid FROM search_pending ORDER BY 1').pluck().all();
const rowOf = (db: Database.Database, id: string): number => db.prepare<[string], number>('SELECT rowid FROM docs WHERE id = ?').pluck().get(id)!;
const ids = (db: Database.Database, q: string): string[] => searchLibrary(db, q, { limit: 50 }).map((h) => h.id);

/** The number as a person copies it from a message or a signature: no spaces, with or without the country code. */
const TYPED = ['3105551005', '573105551005', '+573105551005', '310555', '310-555-1005', '+57 310 555 1005', '٣١٠٥٥٥١٠٠٥', '57310'];

describe('a phone number searched without its spaces', () => {
  it('gives the number joined whole and without its first group', () => {
    expect(phoneSearchForms('+57 310 555 1005')).toEqual(['573105551005', '3105551005']);
    expect(phoneSearchForms('(022) 917-1234')).toEqual(['0229171234', '9171234']);
    expect(phoneSearchForms('0791 234567')).toEqual(['0791234567']);
    expect(phoneSearchForms('٠٧٩ ١٢٣ ٤٥٦٧')).toEqual(['٠٧٩١٢٣٤٥٦٧', '١٢٣٤٥٦٧']);
    expect(phoneSearchForms('0791234567')).toEqual([]);
    expect(phoneSearchForms('')).toEqual([]);
  });

  it('finds a contact by its number typed without spaces, with or without the country code, in any digits', async () => {
    const l = await library();
    const ana = l.docs.create('contact', { name: 'Ana Gómez', kind: 'journalist', phones: [{ type: 'mobile', number: '+57 310 555 1005' }] }, ctx);
    l.docs.create('contact', { name: 'Luis Ortega', kind: 'journalist', phones: [{ type: 'mobile', number: '+57 311 555 1005' }] }, ctx);
    for (const q of TYPED) expect(ids(l.db, q), q).toEqual([ana.id]);
    // Its groups typed apart still find it, the end of the number with them.
    expect(ids(l.db, '555 1005')).toHaveLength(2);
    // The groups in another order are another number.
    expect(ids(l.db, '1005555310')).toEqual([]);
  });

  it('upgrades a library indexed with the groups only (migration 20): its contacts with phones are indexed again', async () => {
    const dir = tempDir();
    const old = await library(dir, MIGRATIONS.filter((m) => m.version < 20));
    fill(old);
    const ana = old.docs.create('contact', { name: 'Ana Gómez', kind: 'journalist', role: 'Editor', phones: [{ type: 'mobile', number: '+57 310 555 1005' }] }, ctx);
    const noPhone = old.docs.create('contact', { name: 'Luis Ortega', kind: 'journalist', role: 'Reporter' }, ctx);
    // Put back the entry a library made before: the number's groups only.
    const rowid = rowOf(old.db, ana.id);
    const kept = old.db.prepare<[number], { title: string; body: string }>('SELECT title, body FROM search_text WHERE doc_rowid = ?').get(rowid)!;
    const before = indexText('Editor\n+57 310 555 1005');
    expect(kept.body).not.toBe(before);
    old.db.prepare("INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)").run(rowid, kept.title, kept.body);
    old.db.prepare('INSERT INTO search_fts(rowid, title, body) VALUES (?, ?, ?)').run(rowid, kept.title, before);
    old.db.prepare('UPDATE search_text SET body = ? WHERE doc_rowid = ?').run(before, rowid);
    expect(ids(old.db, '3105551005')).toEqual([]);
    old.close();

    const l = await library(dir);
    expect(l.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    // Only the contact whose entry reads otherwise now went back to be indexed; not the one without a phone.
    expect(queued(l.db)).toEqual([rowid]);
    expect(ids(l.db, '3105551005')).toEqual([ana.id]);
    expect(queued(l.db)).toEqual([]);
    expect(ids(l.db, 'Reporter')).toEqual([noPhone.id]);
    // And what indexing every winner afresh answers.
    const migrated = ['3105551005', 'Editor', 'Gómez'].map((q) => ids(l.db, q));
    l.db.transaction(() => rebuildProjections(l.db))();
    expect(['3105551005', 'Editor', 'Gómez'].map((q) => ids(l.db, q))).toEqual(migrated);
  });
});

describe('the passage of a contact found by a number typed without spaces', () => {
  it('is the number as written, marked', async () => {
    const c = await core();
    await call(c, 'contact.create', { name: 'Ana Gómez', kind: 'journalist', phones: [{ type: 'mobile', number: '+57 310 555 1005' }] });
    const [hit] = await call<SearchHit[]>(c, 'search', { query: '3105551005', passages: true });
    expect(hit?.passage).toEqual({ parts: [{ text: '+57 310 555 1005', mark: true }], cutBefore: false, cutAfter: false });
    // Typed in groups, the groups found are marked where they are: side by side, as one figure.
    const [grouped] = await call<SearchHit[]>(c, 'search', { query: '310 555', passages: true });
    expect(grouped?.passage?.parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['310 555']);
    const [apart] = await call<SearchHit[]>(c, 'search', { query: '310 1005', passages: true });
    expect(apart?.passage?.parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['310', '1005']);
  });
});
