import { describe, expect, it } from 'vitest';
import { markdownToRichText } from '../../electron/core/markdown';
import { Library } from '../../electron/core/store/library';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/core/store/migrations/index';
import { rebuildProjections } from '../../electron/core/store/projections';
import type { ContactReferences } from '../../electron/shared/contacts/person-contract';
import { tempDir } from '../helpers';
import { pulled } from '../search/fixtures';
import { call, core } from './helpers';

/** Who names a contact or an outlet, read from the reference links (schema 15) instead of every body. */

const release = (contacts: string[], headline = 'Clean water reaches 40,000 people in Kasese') => ({
  headline,
  language: 'en',
  releaseDate: '2026-11-30',
  body: markdownToRichText('Twelve boreholes.'),
  contacts,
});

const refsOf = (l: Library, target: string): string[] =>
  l.db.prepare<[string], string>('SELECT d.id FROM doc_ref_p x JOIN docs d ON d.rowid = x.doc_rowid WHERE x.target_id = ? ORDER BY d.id').pluck().all(target);
const planOf = (l: Library, sql: string): string[] => (l.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('x') as { detail: string }[]).map((r) => r.detail);

describe('reference links: who names a contact or an outlet', () => {
  it('follow every change of the naming documents: edits, kits, moves between outlets, trash, deletion, a pulled revision and a rebuild', async () => {
    const c = await core();
    const l = c.library;
    const omega = await call<{ id: string }>(c, 'outlet.create', { name: 'Radio Omega' });
    const savane = await call<{ id: string }>(c, 'outlet.create', { name: 'Savane FM' });
    const a = await call<{ id: string; rev: string }>(c, 'contact.create', { name: 'Amina Diallo', outlet: omega.id });
    const b = await call<{ id: string }>(c, 'contact.create', { name: 'Peter Okoth' });
    const r1 = await call<{ id: string; rev: string }>(c, 'release.create', release([a.id, b.id]));
    const r2 = await call<{ id: string; rev: string }>(c, 'release.create', release([b.id], 'Measles vaccination in Gulu'));
    const kit = await call<{ id: string; rev: string }>(c, 'kit.create', { title: 'Kasese kit', items: [{ kind: 'contact', id: a.id }, { kind: 'release', id: r2.id }] });
    const refs = async (id: string) => {
      const x = await call<ContactReferences>(c, 'contact.references', { id });
      return { releases: x.releases.map((r) => r.id), kits: x.kits.map((k) => k.id) };
    };
    const people = async (outlet: string) => (await call<{ contacts: { name: string }[] }>(c, 'outlet.references', { id: outlet })).contacts.map((p) => p.name);

    expect(await refs(a.id)).toEqual({ releases: [r1.id], kits: [kit.id] });
    expect(await refs(b.id)).toEqual({ releases: [r1.id, r2.id], kits: [] });
    expect(await people(omega.id)).toEqual(['Amina Diallo']);

    // A contact taken off a release, a kit that drops its contact, a move to another outlet (the old one stays in the history).
    await call(c, 'release.update', { id: r1.id, rev: r1.rev, fields: { contacts: [b.id] } });
    await call(c, 'kit.update', { id: kit.id, rev: kit.rev, fields: { items: [{ kind: 'release', id: r2.id }] } });
    await call(c, 'contact.update', { id: a.id, rev: a.rev, fields: { outlet: savane.id } });
    expect(await refs(a.id)).toEqual({ releases: [], kits: [] });
    expect(await people(omega.id)).toEqual(['Amina Diallo']);
    expect(await people(savane.id)).toEqual(['Amina Diallo']);

    // A deleted release names no one; a pulled revision that names the contact counts at once.
    l.docs.remove(r2.id, { author: 'amina' }, null);
    expect(refsOf(l, b.id)).toEqual([r1.id]);
    l.replication.bulkInsertRemote([pulled('rel-hq', 'h', 2, { headline: 'Floods in Beledweyne', contacts: [a.id] })], { _id: '_local/pull', since: 1 });
    expect(await refs(a.id)).toEqual({ releases: ['rel-hq'], kits: [] });

    // A rebuild of every projection gives the same links.
    const before = l.db.prepare('SELECT * FROM doc_ref_p ORDER BY 1, 2').all();
    l.db.transaction(() => rebuildProjections(l.db))();
    expect(l.db.prepare('SELECT * FROM doc_ref_p ORDER BY 1, 2').all()).toEqual(before);
  });

  it('are read by the named id: no body and no whole table is read for a contact page, an outlet page or the list sorted by last change', async () => {
    const c = await core();
    const l = c.library;
    for (let i = 0; i < 30; i++) await call(c, 'contact.create', { name: `Contact ${i}` });
    l.db.exec('ANALYZE');
    const seen: string[] = [];
    const prepare = l.db.prepare.bind(l.db);
    // Catch the statements the handlers prepare, then read their plans.
    (l.db as { prepare: unknown }).prepare = (sql: string) => {
      seen.push(sql);
      return prepare(sql);
    };
    const someone = await call<{ id: string }>(c, 'contact.create', { name: 'Amina Diallo' });
    await call(c, 'contact.references', { id: someone.id });
    const outlet = await call<{ id: string }>(c, 'outlet.create', { name: 'Radio Omega' });
    await call(c, 'outlet.references', { id: outlet.id });
    await call(c, 'contact.list', { sort: 'updated', limit: 10 });
    (l.db as { prepare: unknown }).prepare = prepare;
    const byRefs = seen.filter((s) => s.includes('doc_ref_p'));
    expect(byRefs.length).toBeGreaterThanOrEqual(2);
    for (const sql of byRefs) {
      const plan = planOf(l, sql);
      expect(plan.filter((d) => /^SCAN|MATERIALIZE/.test(d)), sql).toEqual([]);
      expect(plan.some((d) => /SEARCH x USING (COVERING )?INDEX sqlite_autoindex_doc_ref_p_1 \(target_id=\?\)|SEARCH x USING PRIMARY KEY \(target_id=\?\)/.test(d)), sql).toBe(true);
    }
    const listSql = seen.find((s) => /ORDER BY p\.updated_at DESC/.test(s));
    expect(listSql).toBeDefined();
    const listPlan = (l.db.prepare(`EXPLAIN QUERY PLAN ${listSql!}`).all(...Array.from({ length: (listSql!.match(/\?/g) ?? []).length }, () => 10)) as { detail: string }[]).map((r) => r.detail);
    expect(listPlan.some((d) => d.includes('USE TEMP B-TREE FOR ORDER BY')), listPlan.join(' | ')).toBe(false);
  });

  it('are filled from the winners of a library of the schema before (migration 15): live releases, kits and contacts only', async () => {
    const dir = tempDir();
    const old = await Library.open(dir, { author: 'amina', migrations: MIGRATIONS.filter((m) => m.version <= 13) });
    const ctx = { author: 'amina' };
    const outlet = old.docs.create('outlet', { name: 'Radio Omega' }, ctx);
    const a = old.docs.create('contact', { name: 'Amina Diallo', outlet: outlet.id, outletHistory: [{ outlet: 'out-before', role: null, from: null, to: null }] }, ctx);
    const r = old.docs.create('release', { headline: 'Floods', language: 'en', contacts: [a.id, 'con-other'] }, ctx);
    // An earlier revision named someone the winner does not.
    old.docs.update(r.id, { headline: 'Floods in Beledweyne', language: 'en', contacts: [a.id] }, ctx);
    const gone = old.docs.create('release', { headline: 'Withdrawn', language: 'en', contacts: [a.id] }, ctx);
    old.docs.remove(gone.id, ctx, null);
    const k = old.docs.create('kit', { title: 'Kit', items: [{ kind: 'contact', id: a.id }] }, ctx);
    old.close();

    const l = await Library.open(dir, { author: 'amina' });
    expect(l.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(refsOf(l, a.id)).toEqual([r.id, k.id].sort());
    expect(refsOf(l, 'con-other')).toEqual([]);
    expect(refsOf(l, outlet.id)).toEqual([a.id]);
    expect(refsOf(l, 'out-before')).toEqual([a.id]);
    l.close();
  });
});
