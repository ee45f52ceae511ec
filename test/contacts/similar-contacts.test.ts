import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { Library } from '../../electron/core/store/library';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/core/store/migrations/index';
import { rebuildProjections } from '../../electron/core/store/projections';
import type { SimilarContact } from '../../electron/shared/contacts/similar-contract';
import { preparedDuring, tempDir } from '../helpers';
import { call, core, fail } from './helpers';

/**
 * A contact's page suggests the people who may be the same person (contact.similar): a shared
 * e-mail or phone, or a similar name at the same outlet or organisation, however the
 * organisation is spelt; "Not the same person" (contact.notSame) is kept on this computer.
 */

const similar = (c: Core, id: string) => call<SimilarContact[]>(c, 'contact.similar', { id });
const brief = (list: SimilarContact[]) => list.map((s) => [s.name, s.reasons.join('+'), s.sameName ?? null]);
const make = (c: Core, fields: Record<string, unknown>) => call<{ id: string; rev: string }>(c, 'contact.create', fields);

describe('the people a contact may be the same as', () => {
  it('are found by e-mail, phone and a similar name at the same outlet or organisation, the surest first', async () => {
    const c = await core();
    const lePays = await call<{ id: string }>(c, 'outlet.create', { name: 'Le Pays' });
    const amelie = await make(c, {
      name: 'Dr. Amélie Kaboré',
      organisation: 'Société Radio-Canada',
      outlet: lePays.id,
      emails: [{ type: 'work', address: 'amelie.kabore@lepays.example' }],
      phones: [{ type: 'mobile', number: '+226 70 11 22 33' }],
    });
    await make(c, { name: 'A. Kaboré', outlet: lePays.id });
    await make(c, { name: 'Amelie Kabore', organisation: 'SOCIETE RADIO CANADA' });
    await make(c, { name: 'Kaboré Amélie', emails: [{ type: 'personal', address: 'Amelie.Kabore@LePays.example' }], phones: [{ type: 'work', number: '+22670112233' }] });
    await make(c, { name: 'Amina Kaboré', outlet: lePays.id, phones: [{ type: 'work', number: '+226 70 11 22 33' }] });
    // Not suggested: another outlet, another given name, a single word.
    await make(c, { name: 'Amélie Kaboré', organisation: 'Radio Canada International' });
    await make(c, { name: 'Abena Kaboré', outlet: lePays.id });
    await make(c, { name: 'Kaboré', outlet: lePays.id });

    const found = await similar(c, amelie.id);
    expect(brief(found)).toEqual([
      ['Kaboré Amélie', 'email+phone', null],
      ['Amina Kaboré', 'phone', null],
      ['Amelie Kabore', 'name', true],
      ['A. Kaboré', 'name', false],
    ]);
    expect(found.find((s) => s.name === 'A. Kaboré')).toMatchObject({ organisation: null, outlet: { id: lePays.id, name: 'Le Pays' } });
    expect(found.find((s) => s.name === 'Amelie Kabore')).toMatchObject({ organisation: 'SOCIETE RADIO CANADA', outlet: null });
  });

  it('are none for a contact alone, and leave out people who share a desk’s address or a switchboard', async () => {
    const c = await core();
    const alone = await make(c, { name: 'Grace Akello', organisation: 'Daily Monitor', phones: [{ type: 'work', number: '+256 414 000 000' }] });
    for (let i = 0; i < 6; i++) await make(c, { name: `Reporter ${i}`, organisation: 'New Vision', phones: [{ type: 'work', number: '+256 414 000 000' }] });
    expect(await similar(c, alone.id)).toEqual([]);
  });

  it('forgets a pair the person said was not the same person, on both pages, and carries it through a merge', async () => {
    const c = await core();
    const a = await make(c, { name: 'Wanjiru Kamau', organisation: 'Daily Nation' });
    const b = await make(c, { name: 'Wanjiru Kamua', organisation: 'Daily Nation' });
    const d = await make(c, { name: 'Kamau Wanjiru', organisation: 'Daily Nation', role: 'Editor' });
    expect(brief(await similar(c, a.id))).toEqual([
      ['Kamau Wanjiru', 'name', true],
      ['Wanjiru Kamua', 'name', false],
    ]);

    const left = await call<SimilarContact[]>(c, 'contact.notSame', { id: a.id, other: b.id });
    expect(left.map((s) => s.name)).toEqual(['Kamau Wanjiru']);
    expect((await similar(c, b.id)).map((s) => s.name)).toEqual(['Kamau Wanjiru']);
    // Kept on this computer: a _local record, not a document that a sync would carry.
    expect(c.library.db.prepare("SELECT count(*) FROM docs WHERE type NOT IN ('contact')").pluck().get()).toBe(0);
    expect(c.library.db.prepare("SELECT id FROM local_docs WHERE id LIKE 'contact-not-same:%' ORDER BY id").pluck().all()).toHaveLength(2);

    // Merged into the other record of the same person: the one left is not Wanjiru Kamua either, seen from either page.
    await call(c, 'contact.merge', { survivor: d.id, other: a.id });
    expect(await similar(c, d.id)).toEqual([]);
    expect(await similar(c, b.id)).toEqual([]);
    expect((await fail(c, 'contact.notSame', { id: a.id, other: a.id })).code).toBe('INVALID_INPUT');
    expect((await fail(c, 'contact.similar', { id: a.id })).code).toBe('NOT_FOUND');
  });

  it('forgets the person’s answers when they are erased', async () => {
    const c = await core();
    const a = await make(c, { name: 'Grace Akello', organisation: 'Daily Monitor' });
    const b = await make(c, { name: 'Grace Akelo', organisation: 'Daily Monitor' });
    await call(c, 'contact.notSame', { id: a.id, other: b.id });
    await call(c, 'contact.erase', { id: a.id });
    expect(c.library.db.prepare('SELECT id FROM local_docs WHERE id = ?').get(`contact-not-same:${a.id}`)).toBeUndefined();
  });

  it('reads its own rows and indexes only, never every contact or body', async () => {
    const c = await core();
    const omega = await call<{ id: string }>(c, 'outlet.create', { name: 'Radio Omega' });
    for (let i = 0; i < 60; i++) {
      await make(c, { name: `Reporter ${i}`, outlet: i % 2 ? omega.id : null, organisation: i % 3 ? 'Omega Média' : null, emails: [{ type: 'work', address: `r${i}@omega.example` }] });
    }
    const me = await make(c, { name: 'Reporter 7', outlet: omega.id, organisation: 'Omega Media', emails: [{ type: 'work', address: 'r7@omega.example' }] });
    c.library.db.exec('ANALYZE');
    const sql = await preparedDuring(c.library.db, () => similar(c, me.id));
    const reads = sql.filter((s) => /^\s*SELECT/i.test(s));
    expect(reads.length).toBeGreaterThanOrEqual(5);
    for (const s of reads) {
      const plan = (c.library.db.prepare(`EXPLAIN QUERY PLAN ${s}`).all(...Array.from({ length: (s.match(/\?/g) ?? []).length }, () => null)) as { detail: string }[]).map(
        (d) => d.detail,
      );
      expect(plan.filter((d) => /^SCAN /.test(d)), s).toEqual([]);
      expect(s).not.toMatch(/\b(revs|bodies)\b/);
    }
  });
});

describe('a library made before the organisation keys (migration 18)', () => {
  it('gets the keys of its live contacts, and finds an organisation spelt another way', async () => {
    const dir = tempDir();
    const old = await Library.open(dir, { author: 'amina', migrations: MIGRATIONS.filter((m) => m.version <= 17) });
    const who = { author: 'amina' };
    const marc = old.docs.create('contact', { name: 'Marc-André Tremblay', kind: 'journalist', organisation: 'Société Radio-Canada' }, who);
    old.docs.create('contact', { name: 'Marc André Tremblay', kind: 'journalist', organisation: 'SOCIETE RADIO CANADA' }, who);
    const gone = old.docs.create('contact', { name: 'M. Tremblay', kind: 'journalist', organisation: 'Société Radio-Canada' }, who);
    old.docs.remove(gone.id, who, gone.rev);
    old.docs.create('contact', { name: 'Nour Khalil', kind: 'journalist', organisation: ' – ' }, who);
    expect(old.db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'contact_org_p'").get()).toBeUndefined();
    old.close();

    const c = await core(dir);
    const db = c.library.db;
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(keys(db)).toEqual([
      ['Marc André Tremblay', 'societe radio canada'],
      ['Marc-André Tremblay', 'societe radio canada'],
    ]);
    expect((await similar(c, marc.id)).map((s) => [s.name, s.reasons])).toEqual([['Marc André Tremblay', ['name']]]);
    // Nothing asks for migration 17's ASCII-only index any more.
    expect(db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'contact_p_organisation'").get()).toBeUndefined();
  });

  it('keeps the keys with the contacts: edited, deleted, rebuilt', async () => {
    const c = await core();
    const db = c.library.db;
    const a = await make(c, { name: 'Layla Haddad', organisation: 'Al-Ahram' });
    await make(c, { name: 'Omar Haddad', organisation: 'Médecins Sans Frontières' });
    expect(keys(db)).toEqual([
      ['Layla Haddad', 'al ahram'],
      ['Omar Haddad', 'medecins sans frontieres'],
    ]);
    const edited = await call<{ rev: string }>(c, 'contact.update', { id: a.id, rev: a.rev, fields: { organisation: 'الأهرام' } });
    expect(keys(db)[0]).toEqual(['Layla Haddad', 'الاهرام']);
    await call(c, 'doc.delete', { id: a.id, rev: edited.rev });
    expect(keys(db)).toEqual([['Omar Haddad', 'medecins sans frontieres']]);
    db.transaction(() => rebuildProjections(db))();
    expect(keys(db)).toEqual([['Omar Haddad', 'medecins sans frontieres']]);
  });
});

const keys = (db: Database.Database) =>
  db.prepare('SELECT p.name, g.org_key FROM contact_org_p g JOIN contact_p p ON p.doc_rowid = g.doc_rowid ORDER BY p.name').raw().all();

