import { describe, expect, it } from 'vitest';
import { holdTransaction } from '../../electron/core/store/held-transaction';
import { Library } from '../../electron/core/store/library';
import { searchLibrary } from '../../electron/core/search/query';
import { tempDir } from '../helpers';
import { contacts, ctx, dump, lib } from './bulk-fixtures';

/**
 * DocStore.createMany is the bulk path imports call (the CSV import writes a batch at a time):
 * a batch must leave exactly what the same documents written one by one leave, in every table
 * and in the search index, and store all of it or nothing.
 */

const releases = [
  { headline: 'Floods in Kasese: water reaches 12,000 people', language: 'en', tags: ['floods', 'wash'], office: 'off-kampala', releaseDate: '2026-12-01' },
  { headline: 'Sécheresse au Sahel', language: 'fr', status: 'approved', tags: ['drought'], embargo: { at: '2026-12-02T06:00:00Z', timeZone: 'Africa/Dakar' } },
];

const TABLES = [
  'SELECT id, type, winner, deleted, conflicted, seq, office, updated_at FROM docs ORDER BY rowid',
  'SELECT d.id, r.rev, r.pos, r.parent, r.deleted, r.leaf, r.body, r.author, r.at FROM revs r JOIN docs d ON d.rowid = r.doc_rowid ORDER BY d.rowid, r.rev',
  'SELECT seq, doc_rowid FROM changes ORDER BY seq',
  'SELECT * FROM contact_p ORDER BY doc_rowid',
  'SELECT * FROM contact_key_p ORDER BY doc_rowid, key',
  'SELECT * FROM release_p ORDER BY doc_rowid',
  'SELECT * FROM release_tag_p ORDER BY doc_rowid, tag',
  'SELECT * FROM search_pending',
];

describe('createMany, the bulk write', () => {
  it('leaves every table and the search index exactly as the same documents written one by one', async () => {
    const one = await lib();
    const many = await lib();
    contacts.forEach((fields, i) => one.docs.create('contact', fields, ctx, `con-${i}`));
    releases.forEach((fields, i) => one.docs.create('release', fields, ctx, `rel-${i}`));
    const madeContacts = many.docs.createMany('contact', contacts.map((fields, i) => ({ fields, id: `con-${i}` })), ctx);
    const madeReleases = many.docs.createMany('release', releases.map((fields, i) => ({ fields, id: `rel-${i}` })), ctx);

    for (const sql of TABLES) expect(dump(many.db, sql), sql).toEqual(dump(one.db, sql));
    for (const q of ['amina', 'kaya', 'muller', 'الجزيرة', 'choco', 'kasese', 'secheresse', 'sahel']) {
      const hits = searchLibrary(one.db, q, { limit: 10 });
      expect(hits.length, q).toBeGreaterThan(0);
      expect(searchLibrary(many.db, q, { limit: 10 }), q).toEqual(hits);
    }
    // What the caller gets back is what was stored.
    expect(madeContacts.map((d) => d.id)).toEqual(['con-0', 'con-1', 'con-2', 'con-3']);
    for (const d of [...madeContacts, ...madeReleases]) {
      const stored = many.docs.require(d.id);
      expect(d).toEqual({ ...stored, body: stored.body });
    }
    expect(madeContacts[2]!.body.futureField).toEqual({ kept: true });
    one.close();
    many.close();
  });

  it('stores nothing of a batch with an id that exists, in the library or earlier in the batch', async () => {
    const l = await lib();
    l.docs.createMany('contact', [{ fields: { name: 'First' }, id: 'con-1' }], ctx);
    const before = TABLES.map((sql) => dump(l.db, sql));
    expect(() => l.docs.createMany('contact', [{ fields: { name: 'New' }, id: 'con-2' }, { fields: { name: 'Again' }, id: 'con-1' }], ctx)).toThrowError(
      /A document with id "con-1" already exists/,
    );
    expect(() => l.docs.createMany('contact', [{ fields: { name: 'X' }, id: 'con-3' }, { fields: { name: 'Y' }, id: 'con-3' }], ctx)).toThrowError(
      /A document with id "con-3" already exists/,
    );
    expect(TABLES.map((sql) => dump(l.db, sql))).toEqual(before);
    expect(searchLibrary(l.db, 'new', { limit: 5 })).toEqual([]);
    l.close();
  });

  it('gives every document of a batch the one time of its transaction', async () => {
    let tick = Date.parse('2026-12-01T09:00:00.000Z');
    const l = await Library.open(tempDir(), { author: 'amina', clock: () => new Date((tick += 1000)) });
    const made = l.docs.createMany('contact', [{ fields: { name: 'A' } }, { fields: { name: 'B' } }, { fields: { name: 'C' } }], { author: 'amina' });
    const times = new Set(made.map((d) => d.body.createdAt));
    expect(times.size).toBe(1);
    expect(l.db.prepare('SELECT DISTINCT updated_at FROM contact_p').pluck().all()).toEqual([...times]);
    l.close();
  });

  it('writes inside a held transaction and is undone with it', async () => {
    const l = await lib();
    const before = TABLES.map((sql) => dump(l.db, sql));
    const kept = await holdTransaction(
      l.db,
      async () => {
        const first = l.docs.createMany('contact', [{ fields: { name: 'Cancelled one' } }], ctx);
        await Promise.resolve();
        l.docs.createMany('contact', [{ fields: { name: 'Cancelled two' } }], ctx);
        return first.length;
      },
      () => false,
    );
    expect(kept).toBe(1);
    expect(TABLES.map((sql) => dump(l.db, sql))).toEqual(before);
    expect(searchLibrary(l.db, 'cancelled', { limit: 5 })).toEqual([]);
    l.close();
  });
});
