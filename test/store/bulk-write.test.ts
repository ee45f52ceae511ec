import { describe, expect, it } from 'vitest';
import { BulkWriter } from '../../electron/core/store/bulk-write';
import { holdTransaction } from '../../electron/core/store/held-transaction';
import type { Library } from '../../electron/core/store/library';
import { catchUpSearch } from '../../electron/core/search/index-writer';
import { searchLibrary } from '../../electron/core/search/query';
import { contacts, ctx, dump, lib } from './bulk-fixtures';

/**
 * The bulk local write path (an import's): new documents and edits written inside the
 * caller's transaction must leave exactly what DocStore.create and DocStore.update leave, one
 * by one, in every table, the changes feed and the search index, and go with the caller's
 * transaction when it is rolled back.
 */

const later = { author: 'amina', at: '2026-12-02T10:00:00.000Z' };
const edits = [
  { name: 'Amina Diallo', organisation: 'Studio Tamani', emails: [{ address: 'amina@tamani.example', type: 'work' }] },
  { name: 'Sofía Pérez Gómez', phones: [{ number: '+57 1 555 0199', type: 'work' }], notes: 'Ahora en Bogotá' },
];

const TABLES = [
  'SELECT rowid, id, type, winner, deleted, conflicted, seq, office, updated_at FROM docs ORDER BY rowid',
  'SELECT d.id, r.rev, r.pos, r.parent, r.deleted, r.leaf, r.body, r.author, r.at FROM revs r JOIN docs d ON d.rowid = r.doc_rowid ORDER BY d.rowid, r.rev',
  'SELECT seq, doc_rowid FROM changes ORDER BY seq',
  "SELECT seq FROM sqlite_sequence WHERE name = 'changes'",
  'SELECT * FROM contact_p ORDER BY doc_rowid',
  'SELECT * FROM contact_key_p ORDER BY doc_rowid, key',
  'SELECT * FROM search_text ORDER BY doc_rowid',
  'SELECT * FROM search_pending ORDER BY doc_rowid',
];
const QUERIES = ['amina', 'kaya', 'tamani', 'muller', 'الجزيرة', 'choco', 'bogota', 'perez'];

/** Two libraries with the same history before the write under test: a contact written, edited and deleted. */
async function twins(): Promise<[Library, Library]> {
  const pair: Library[] = [];
  for (let i = 0; i < 2; i++) {
    const l = await lib();
    const d = l.docs.create('contact', { name: 'Earlier' }, ctx, 'con-earlier');
    l.docs.update('con-earlier', { name: 'Earlier, edited' }, ctx, d.rev);
    l.docs.remove('con-earlier', ctx);
    pair.push(l);
  }
  return pair as [Library, Library];
}

/** Runs `work` in a held transaction, as an import does, and commits it. */
const held = <T>(l: Library, work: () => T): Promise<T> => holdTransaction(l.db, async () => work(), () => true);

describe('the bulk write', () => {
  it('creates documents exactly as DocStore.create does one by one', async () => {
    const [one, bulk] = await twins();
    contacts.forEach((fields, i) => one.docs.create('contact', fields, ctx, `con-${i}`));
    const made = await held(bulk, () => new BulkWriter(bulk.db, bulk.docs).createMany('contact', contacts.map((fields, i) => ({ fields, id: `con-${i}` })), ctx));

    for (const sql of TABLES) expect(dump(bulk.db, sql), sql).toEqual(dump(one.db, sql));
    expect(made).toEqual(contacts.map((_, i) => ({ id: `con-${i}`, rev: one.docs.require(`con-${i}`).rev })));
    for (const q of QUERIES.slice(0, 6)) expect(searchLibrary(bulk.db, q, { limit: 10 }), q).toEqual(searchLibrary(one.db, q, { limit: 10 }));
    expect(searchLibrary(bulk.db, 'choco', { limit: 10 }).map((h) => h.id)).toEqual(['con-3']);
    expect(bulk.docs.changesSince(0).map((c) => c.id)).toEqual(one.docs.changesSince(0).map((c) => c.id));
    one.close();
    bulk.close();
  });

  it('edits documents exactly as DocStore.update does one by one', async () => {
    const [one, bulk] = await twins();
    for (const l of [one, bulk]) contacts.forEach((fields, i) => l.docs.create('contact', fields, ctx, `con-${i}`));
    const targets = ['con-0', 'con-3'];
    targets.forEach((id, i) => one.docs.update(id, edits[i]!, later, one.docs.require(id).rev));
    const written = await held(bulk, () =>
      new BulkWriter(bulk.db, bulk.docs).updateMany(
        targets.map((id, i) => ({ id, rev: bulk.docs.require(id).rev, fields: edits[i]! })),
        later,
      ),
    );

    for (const sql of TABLES) expect(dump(bulk.db, sql), sql).toEqual(dump(one.db, sql));
    expect(written.map((w) => w.rev)).toEqual(targets.map((id) => one.docs.require(id).rev));
    for (const q of QUERIES) expect(searchLibrary(bulk.db, q, { limit: 10 }), q).toEqual(searchLibrary(one.db, q, { limit: 10 }));
    expect(searchLibrary(bulk.db, 'kaya', { limit: 10 })).toEqual([]);
    expect(searchLibrary(bulk.db, 'tamani', { limit: 10 }).map((h) => h.id)).toEqual(['con-0']);
    one.close();
    bulk.close();
  });

  it('writes edits given out of order in the order of their rows, as DocStore.update would, and answers in the order given', async () => {
    const [one, bulk] = await twins();
    for (const l of [one, bulk]) contacts.forEach((fields, i) => l.docs.create('contact', fields, ctx, `con-${i}`));
    // One by one in the order of the rows: con-0 then con-3.
    const revs = ['con-0', 'con-3'].map((id, i) => one.docs.update(id, edits[i]!, later, one.docs.require(id).rev).rev);
    const written = await held(bulk, () =>
      new BulkWriter(bulk.db, bulk.docs).updateMany(
        [
          { id: 'con-3', rev: bulk.docs.require('con-3').rev, fields: edits[1]! },
          { id: 'con-0', rev: bulk.docs.require('con-0').rev, fields: edits[0]! },
        ],
        later,
      ),
    );

    for (const sql of TABLES) expect(dump(bulk.db, sql), sql).toEqual(dump(one.db, sql));
    expect(written).toEqual([
      { id: 'con-3', rev: revs[1] },
      { id: 'con-0', rev: revs[0] },
    ]);
    expect(bulk.docs.changesSince(0).map((c) => c.id).slice(-2)).toEqual(['con-0', 'con-3']);
    for (const q of QUERIES) expect(searchLibrary(bulk.db, q, { limit: 10 }), q).toEqual(searchLibrary(one.db, q, { limit: 10 }));
    one.close();
    bulk.close();
  });

  it('queues search entries when asked to, and search then answers as if they had been written at once', async () => {
    const [one, bulk] = await twins();
    contacts.forEach((fields, i) => one.docs.create('contact', fields, ctx, `con-${i}`));
    await held(bulk, () => {
      const w = new BulkWriter(bulk.db, bulk.docs);
      w.createMany('contact', contacts.map((fields, i) => ({ fields, id: `con-${i}` })), ctx, 'later');
      w.updateMany([{ id: 'con-0', rev: bulk.docs.require('con-0').rev, fields: edits[0]! }], later, 'later');
    });
    one.docs.update('con-0', edits[0]!, later);
    expect(bulk.db.prepare('SELECT count(*) FROM search_pending').pluck().get()).toBe(4);
    expect(bulk.db.prepare('SELECT count(*) FROM search_text').pluck().get()).toBe(0);
    expect(catchUpSearch(bulk.db)).toBe(4);
    for (const sql of TABLES) expect(dump(bulk.db, sql), sql).toEqual(dump(one.db, sql));
    for (const q of QUERIES) expect(searchLibrary(bulk.db, q, { limit: 10 }), q).toEqual(searchLibrary(one.db, q, { limit: 10 }));
    one.close();
    bulk.close();
  });

  it('goes with the caller\'s transaction: a rollback leaves nothing, a taken id is refused by name', async () => {
    const l = await lib();
    l.docs.create('contact', { name: 'First' }, ctx, 'con-1');
    const before = TABLES.map((sql) => dump(l.db, sql));
    const w = new BulkWriter(l.db, l.docs);
    await expect(
      held(l, () => {
        w.createMany('contact', [{ fields: { name: 'New one' }, id: 'con-2' }], ctx);
        w.updateMany([{ id: 'con-1', rev: l.docs.require('con-1').rev, fields: { name: 'First, edited' } }], ctx);
        w.createMany('contact', [{ fields: { name: 'Again' }, id: 'con-1' }], ctx);
      }),
    ).rejects.toThrowError(/A document with id "con-1" already exists/);
    expect(TABLES.map((sql) => dump(l.db, sql))).toEqual(before);
    expect(searchLibrary(l.db, 'new', { limit: 5 })).toEqual([]);
    // Outside a transaction there is no one to undo a half-written batch: refused.
    expect(() => w.createMany('contact', [{ fields: { name: 'Loose' } }], ctx)).toThrowError(/inside the caller's transaction/);
    expect(l.docs.liveCounts().contact).toBe(1);
    l.close();
  });

  it('refuses an edit on a revision that is no longer a leaf', async () => {
    const l = await lib();
    const d = l.docs.create('contact', { name: 'Amina' }, ctx, 'con-1');
    l.docs.update('con-1', { name: 'Amina D.' }, ctx, d.rev);
    await expect(held(l, () => new BulkWriter(l.db, l.docs).updateMany([{ id: 'con-1', rev: d.rev, fields: { name: 'Stale' } }], ctx))).rejects.toThrowError(
      /was changed since revision/,
    );
    expect(l.docs.require('con-1').body.name).toBe('Amina D.');
    l.close();
  });
});
