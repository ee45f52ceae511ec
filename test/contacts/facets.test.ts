import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BlobStore } from '../../electron/core/attachments/blobs';
import type { Core } from '../../electron/core/index';
import { backupLibrary } from '../../electron/core/library/backup';
import { Library } from '../../electron/core/store/library';
import { m0001 } from '../../electron/core/store/migrations/0001-initial';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/core/store/migrations/index';
import { rebuildProjections } from '../../electron/core/store/projections';
import type { RemoteRevision } from '../../electron/core/store/replication-api';
import type { ContactSummary, Page } from '../../electron/shared/contract';
import type { ConflictCase } from '../../electron/shared/conflicts/contract';
import type { ContactFacets } from '../../electron/shared/contacts/organise-contract';
import { closedAfterTest } from '../core-harness';
import { tempDir } from '../helpers';
import { remoteRevision } from '../search/fixtures';
import { call, core, job } from './helpers';

/**
 * The values in use of the contacts' array fields (beats, tags, regions, lists, countries,
 * languages) and the list's filters by them read contact_facet_p, kept with the winners, never
 * the bodies. Each step below checks the table against the values SQLite's json_each reads from
 * every live contact's winning body, as the screen and the filters did before the table.
 */

const FIELDS = ['beats', 'tags', 'regions', 'lists', 'countries', 'languages'];

/** The reference: [field, value, rowid] of every text value of every live contact's winner. */
function fromBodies(db: Database.Database): unknown[] {
  return db
    .prepare(
      `SELECT DISTINCT f.value AS field, j.value, d.rowid FROM docs d JOIN revs r ON r.doc_rowid = d.rowid AND r.rev = d.winner,
         json_each(?) f, json_each(r.body, '$.' || f.value) j
       WHERE d.type = 'contact' AND d.deleted = 0 AND j.type = 'text' ORDER BY 1, 2, 3`,
    )
    .raw()
    .all(JSON.stringify(FIELDS));
}

const stored = (db: Database.Database): unknown[] => db.prepare('SELECT field, value, doc_rowid FROM contact_facet_p ORDER BY 1, 2, 3').raw().all();

function inStep(db: Database.Database): void {
  expect(stored(db)).toEqual(fromBodies(db));
}

const facets = (c: Core) => call<ContactFacets>(c, 'contact.facets', {});
const listed = async (c: Core, filter: Record<string, unknown>): Promise<string[]> =>
  (await call<Page<ContactSummary>>(c, 'contact.list', { limit: 50, ...filter })).items.map((i) => i.name);

/** A contact revision written elsewhere: `path` is its revisions' names, newest first, from position `pos` down. */
const remote = (id: string, pos: number, path: string[], fields: Record<string, unknown>): RemoteRevision =>
  remoteRevision(id, pos, path, { type: 'contact', kind: 'journalist' }, fields);

describe('the values in use and the filters by them, through a contact’s life', () => {
  it('follow creates, edits, deletes, merges and erasures', async () => {
    const c = await core();
    const db = c.library.db;
    const a = await call<{ id: string; rev: string }>(c, 'contact.create', {
      name: 'Peter Okoth',
      beats: ['health', 'water'],
      lists: ['Launch'],
      countries: ['KE'],
      languages: ['en', 'sw'],
      tags: ['radio-friendly'],
      regions: ['East Africa'],
    });
    const b = await call<{ id: string }>(c, 'contact.create', { name: 'Amina Yusuf', beats: ['health'], lists: ['Launch', 'Donors'], countries: ['SO'] });
    const carlos = await call<{ id: string; rev: string }>(c, 'contact.create', { name: 'Carlos Ruiz', beats: ['migration'], countries: ['CO'], languages: ['es'] });
    inStep(db);
    expect(await facets(c)).toMatchObject({ beats: ['health', 'migration', 'water'], lists: ['Donors', 'Launch'], countries: ['CO', 'KE', 'SO'] });
    expect(await listed(c, { list: 'Launch' })).toEqual(['Amina Yusuf', 'Peter Okoth']);
    expect(await listed(c, { beat: 'water' })).toEqual(['Peter Okoth']);

    // A beat removed leaves the values in use when no one else has it, and stays while someone does.
    await call(c, 'contact.update', { id: a.id, rev: a.rev, fields: { beats: ['health'], tags: [] } });
    inStep(db);
    expect((await facets(c)).beats).toEqual(['health', 'migration']);
    expect((await facets(c)).tags).toEqual([]);
    expect(await listed(c, { beat: 'water' })).toEqual([]);
    await call(c, 'contact.update', { id: a.id, rev: null, fields: { beats: ['drought'] } });
    inStep(db);
    expect((await facets(c)).beats).toEqual(['drought', 'health', 'migration']);
    expect(await listed(c, { beat: 'health' })).toEqual(['Amina Yusuf']);

    await call(c, 'doc.delete', { id: carlos.id, rev: null });
    inStep(db);
    expect(await facets(c)).toMatchObject({ beats: ['drought', 'health'], countries: ['KE', 'SO'], languages: ['en', 'sw'] });
    expect(await listed(c, { country: 'CO' })).toEqual([]);

    // The survivor gains the duplicate's lists, beats and countries; the duplicate, a tombstone, holds none.
    await call(c, 'contact.merge', { survivor: a.id, other: b.id });
    inStep(db);
    expect(await listed(c, { list: 'Donors' })).toEqual(['Peter Okoth']);
    expect(await listed(c, { country: 'SO' })).toEqual(['Peter Okoth']);
    expect(await listed(c, { beat: 'health' })).toEqual(['Peter Okoth']);
    expect((await facets(c)).beats).toEqual(['drought', 'health']);

    await call(c, 'contact.erase', { id: a.id });
    inStep(db);
    expect(stored(db)).toEqual([]);
    expect(await facets(c)).toEqual({ beats: [], officeBeats: [], tags: [], regions: [], lists: [], countries: [], languages: [] });
    expect(await listed(c, { list: 'Launch' })).toEqual([]);
  });

  it('follow revisions pulled from elsewhere and a conflict the person resolves', async () => {
    const c = await core();
    const db = c.library.db;
    c.library.replication.bulkInsertRemote([remote('contact-a', 1, ['a1'], { name: 'Grace Akello', beats: ['floods'], lists: ['Launch'] })]);
    inStep(db);
    expect(await listed(c, { list: 'Launch' })).toEqual(['Grace Akello']);
    c.library.replication.bulkInsertRemote([remote('contact-a', 2, ['a2', 'a1'], { name: 'Grace Akello', beats: ['cholera'], lists: [] })]);
    inStep(db);
    expect(await listed(c, { list: 'Launch' })).toEqual([]);
    expect((await facets(c)).beats).toEqual(['cholera']);

    // Changed here and elsewhere from one revision: the losing branch's values are not in use.
    const base = c.library.docs.getStored('contact-a')!;
    await call(c, 'draft.save', { id: 'contact-a', baseRev: base.rev, session: 's1', fields: { beats: ['schools'] } });
    c.library.replication.bulkInsertRemote([remote('contact-a', 3, ['a3', 'a2', 'a1'], { name: 'Grace Akello', beats: ['nutrition'] })]);
    await call(c, 'draft.commit', { id: 'contact-a' });
    inStep(db);
    expect((await facets(c)).beats).toHaveLength(1);
    const [kase] = await call<ConflictCase[]>(c, 'conflict.list', { docId: 'contact-a' });
    expect(kase).toMatchObject({ kind: 'fields', fields: ['beats'] });
    await call(c, 'conflict.resolve', { id: kase!.id, choice: { kind: 'fields', take: { beats: 'theirs' } } });
    inStep(db);
    expect((await facets(c)).beats).toEqual(['nutrition']);
    expect(await listed(c, { beat: 'nutrition' })).toEqual(['Grace Akello']);
    expect(await listed(c, { beat: 'schools' })).toEqual([]);
  });

  it('match exactly the text values the bodies hold, as the filters did (a newer schema’s body is stored as it came)', async () => {
    const c = await core();
    // A string where an array is expected, an object, numbers, nested arrays, repeated values.
    c.library.replication.bulkInsertRemote([
      remote('contact-n', 1, ['n1'], { schema: 99, name: 'From a newer Dateline', beats: 'health', lists: { first: 'Launch', n: 3 }, countries: ['KE', 'KE', 5, null, ['UG']], languages: true }),
    ]);
    inStep(c.library.db);
    expect(await facets(c)).toMatchObject({ beats: ['health'], lists: ['Launch'], countries: ['KE'], languages: [] });
    expect(await listed(c, { beat: 'health' })).toEqual(['From a newer Dateline']);
    expect(await listed(c, { list: 'Launch' })).toEqual(['From a newer Dateline']);
    expect(await listed(c, { list: 'launch' })).toEqual([]);
    expect(await listed(c, { country: 'UG' })).toEqual([]);
  });

  it('are the same after the projections are rebuilt and after a backup is restored', async () => {
    const c = await core();
    const a = await call<{ id: string }>(c, 'contact.create', { name: 'Layla Haddad', beats: ['refugees'], lists: ['Beirut media'], languages: ['ar'] });
    await call(c, 'contact.create', { name: 'Omar Khatib', beats: ['refugees', 'water'], regions: ['Levant'] });
    await call(c, 'contact.update', { id: a.id, rev: null, fields: { beats: ['refugees', 'health'] } });
    const before = stored(c.library.db);
    const facetsBefore = await facets(c);
    expect(before.length).toBe(7);

    expect(c.library.db.transaction(() => rebuildProjections(c.library.db))()).toBe(2);
    expect(stored(c.library.db)).toEqual(before);

    const out = join(tempDir(), 'contacts.backup');
    await job(c, 'library.backup', { out });
    const target = await core();
    await job(target, 'library.restore', { from: out });
    inStep(target.library.db);
    expect(await facets(target)).toEqual(facetsBefore);
    expect(await listed(target, { list: 'Beirut media' })).toEqual(['Layla Haddad']);
  });
});

describe('a library made before the table (migration 14)', () => {
  it('gets the rows of its live contacts’ winners only', async () => {
    const dir = tempDir();
    const old = await Library.open(dir, { author: 'amina', migrations: MIGRATIONS.filter((m) => m.version <= 13) });
    const ctx = { author: 'amina' };
    const edited = old.docs.create('contact', { name: 'Peter Okoth', kind: 'journalist', beats: ['old-beat'], lists: ['Launch'] }, ctx);
    old.docs.update(edited.id, { ...edited.body, beats: ['health'] }, ctx, edited.rev);
    const gone = old.docs.create('contact', { name: 'Carlos Ruiz', kind: 'journalist', beats: ['deleted-beat'], countries: ['CO'] }, ctx);
    old.docs.remove(gone.id, ctx, gone.rev);
    old.replication.bulkInsertRemote([
      remote('contact-c', 2, ['c2-x', 'c1'], { name: 'Grace Akello', beats: ['branch-x'], languages: ['en'] }),
      remote('contact-c', 2, ['c2-y', 'c1'], { name: 'Grace Akello', beats: ['branch-y'], languages: ['en'] }),
    ]);
    old.docs.create('release', { headline: 'Floods in Kasese', language: 'en', tags: ['floods'] }, ctx);
    expect(old.db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'contact_facet_p'").get()).toBeUndefined();
    const winners = old.db.prepare('SELECT id, winner FROM docs ORDER BY id').all();
    old.close();

    const c = await core(dir);
    const db = c.library.db;
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(c.library.migrationBackup).not.toBeNull();
    inStep(db);
    const beats = (await facets(c)).beats;
    // One branch of the conflicted contact wins; the other, the edited-away and the deleted values are not in use.
    expect(beats).toHaveLength(2);
    expect(beats[1]).toBe('health');
    expect(['branch-x', 'branch-y']).toContain(beats[0]);
    expect(await facets(c)).toMatchObject({ lists: ['Launch'], countries: [], languages: ['en'] });
    expect(await listed(c, { list: 'Launch' })).toEqual(['Peter Okoth']);
    expect(db.prepare('SELECT id, winner FROM docs ORDER BY id').all(), 'no document changed').toEqual(winners);
  });

  it('restored from a backup of the first schema (its projections rebuilt on the way, before the table exists) lists its values', async () => {
    const dir = tempDir();
    const old = await Library.open(dir, { author: 'amina', migrations: [m0001] });
    old.docs.create('contact', { name: 'Amélie Kaboré', kind: 'journalist', beats: ['nutrition'], countries: ['BF'] }, { author: 'amina' });
    const out = join(tempDir(), 'old.backup');
    await backupLibrary(old.db, new BlobStore(dir), dir, out);
    old.close();

    const target = await core();
    await job(target, 'library.restore', { from: out });
    inStep(target.library.db);
    expect(await facets(target)).toMatchObject({ beats: ['nutrition'], countries: ['BF'] });
    // The connection that migrated writes the rows of later changes too.
    await call(target, 'contact.create', { name: 'Abena Mensah', beats: ['education'] });
    inStep(target.library.db);
    expect((await facets(target)).beats).toEqual(['education', 'nutrition']);
  });
});

describe('query plans', () => {
  /** The SQL each call prepares, while it runs. */
  async function preparedBy(c: Core, method: string, input: Record<string, unknown>): Promise<string[]> {
    const db = c.library.db;
    const seen: string[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      seen.push(sql);
      return prepare(sql);
    }) as typeof db.prepare;
    try {
      await call(c, method, input);
    } finally {
      db.prepare = prepare;
    }
    return seen;
  }

  const plan = (db: Database.Database, sql: string, params: number): string[] =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array.from({ length: params }, () => 'x')) as { detail: string }[]).map((r) => r.detail);

  it('read the values in use and the filters from the table’s key, never from the bodies or the revision tree', async () => {
    const c = closedAfterTest(await core());
    c.library.docs.createMany(
      'contact',
      Array.from({ length: 500 }, (_, i) => ({
        fields: { name: `Journalist ${i}`, kind: 'journalist', outlet: i % 7 === 0 ? 'outlet-1' : null, beats: [`beat ${i % 9}`], lists: i % 50 === 0 ? ['Launch'] : [], countries: ['KE'] },
      })),
      { author: 'amina' },
    );
    // Statistics as a grown library has them, so the planner chooses as it would there.
    c.library.db.exec('ANALYZE');
    const calls: [string, Record<string, unknown>][] = [
      ['contact.facets', {}],
      ['contact.list', { limit: 50, list: 'Launch' }],
      ['contact.list', { limit: 50, beat: 'beat 3', country: 'KE', language: 'en' }],
      ['contact.list', { limit: 50, outlet: 'outlet-1' }],
      ['contact.export', { format: 'csv', list: 'Launch' }],
    ];
    for (const [method, input] of calls) {
      const all = await preparedBy(c, method, input);
      // The offices' beats come from their bodies (offices are few), without walking every
      // document: with no office when the statistics were taken, SQLite walked the documents.
      for (const sql of all.filter((s) => /FROM office_p/.test(s) && s.includes("'$.beats'"))) {
        const steps = plan(c.library.db, sql, 0);
        expect(steps[0], steps.join('\n')).toBe('SCAN p');
        expect(steps.filter((d) => /SCAN (d|t|b|rev_tree|bodies)\b/.test(d)), steps.join('\n')).toEqual([]);
      }
      const sqls = all.filter((s) => /contact_facet_p|FROM contact_p/.test(s));
      expect(sqls.length, `${method} ${JSON.stringify(input)}`).toBeGreaterThan(0);
      for (const sql of sqls) {
        const steps = plan(c.library.db, sql, (sql.match(/\?/g) ?? []).length);
        const where = `${method} ${JSON.stringify(input)}: ${sql}\n${steps.join('\n')}`;
        // Before the table, each value list and each filter ran json_each over every winner's body.
        expect(steps.filter((d) => /VIRTUAL TABLE|MATERIALIZE|SCAN (t|b|r|j|rev_tree|bodies|revs|contact_facet_p)\b/.test(d)), where).toEqual([]);
        if (/contact_facet_p/.test(sql)) expect(steps.some((d) => /SEARCH contact_facet_p USING PRIMARY KEY \(field=\?/.test(d)), where).toBe(true);
        if (/p\.outlet = \?/.test(sql)) expect(steps.some((d) => /SEARCH p USING (COVERING )?INDEX contact_p_outlet/.test(d)), where).toBe(true);
      }
    }
  });
});
