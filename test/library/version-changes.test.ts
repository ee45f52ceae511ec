import { describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index';
import type { DocVersion } from '../../electron/shared/contract';
import { changedFields } from '../../electron/shared/library/version-changes';
import { call, closedAfterTest, job } from '../core-harness';
import { tempDir } from '../helpers';

/**
 * What each version of a document's history changed, by top-level field, as `doc.versions`
 * gives it to the history panel and the CLI: "when did the phone number change, and who".
 */

const stamp = { type: 'contact', schema: 3, createdAt: '2026-12-01T09:00:00.000Z', createdBy: 'amina', updatedAt: '2026-12-01T09:00:00.000Z', updatedBy: 'amina' };

describe('the fields a version changed', () => {
  it('names a nested change by its top-level field, and a field added or removed', () => {
    const before = { ...stamp, name: 'Joseph Mwangi', phones: [{ type: 'mobile', number: '+254 712 345678' }], dataProtection: { basis: 'consent', at: '2026-11-01' }, notes: 'Met in Kasese' };
    const after = { ...stamp, name: 'Joseph Mwangi', phones: [{ type: 'mobile', number: '+254 700 000000' }], dataProtection: { at: '2026-11-01', basis: 'consent' }, role: 'Health editor' };
    // dataProtection holds the same in another key order: not a change.
    expect(changedFields(before, after)).toEqual(['phones', 'role', 'notes']);
  });

  it('counts an email added to the list, or the list reordered, as a change of the list', () => {
    const one = { ...stamp, emails: [{ address: 'a@nation.co.ke' }] };
    const two = { ...stamp, emails: [{ address: 'a@nation.co.ke' }, { address: 'b@nation.co.ke' }] };
    expect(changedFields(one, two)).toEqual(['emails']);
    expect(changedFields(two, { ...stamp, emails: [{ address: 'b@nation.co.ke' }, { address: 'a@nation.co.ke' }] })).toEqual(['emails']);
  });

  it('leaves out what Dateline writes itself: timestamps, schema version, sync names', () => {
    const later = { ...stamp, schema: 4, updatedAt: '2026-12-02T10:00:00.000Z', updatedBy: 'joseph', _attachments: {}, name: 'Joseph' };
    expect(changedFields({ ...stamp, name: 'Joseph' }, later)).toEqual([]);
  });

  it('treats a field cleared to null and a field absent alike', () => {
    expect(changedFields({ ...stamp, embargo: null }, { ...stamp })).toEqual([]);
    expect(changedFields({ ...stamp }, { ...stamp, embargo: null, tags: [] })).toEqual(['tags']);
  });

  it('reports a field only a newer Dateline knows by its name, like any other', () => {
    expect(changedFields({ ...stamp, pronouns: 'she/her' }, { ...stamp, pronouns: 'they/them', futureOnly: { x: 1 } })).toEqual(['pronouns', 'futureOnly']);
  });
});

/** A core whose clock the test moves a minute on at every step, so versions are ordered as written. */
async function clocked(): Promise<{ c: Core; tick: () => void }> {
  let now = Date.parse('2026-12-06T09:00:00.000Z');
  const c = closedAfterTest(await openCore(tempDir(), { author: 'amina', clock: () => new Date(now) }));
  return { c, tick: () => (now += 60_000) };
}

const changes = async (c: Core, id: string) => (await call<DocVersion[]>(c, 'doc.versions', { id })).map((v) => v.change);

describe('doc.versions', () => {
  it('says the first version created the document, and each edit what it changed against the one before', async () => {
    const { c, tick } = await clocked();
    const made = await call<{ id: string }>(c, 'outlet.create', { name: 'Daily Nation', website: 'https://nation.africa' });
    tick();
    await call(c, 'outlet.update', { id: made.id, rev: null, fields: { phones: [{ type: 'work', number: '+254 20 3288000' }], notes: 'Health desk' } });
    tick();
    await call(c, 'outlet.update', { id: made.id, rev: null, fields: { notes: null } });
    expect(await changes(c, made.id)).toEqual([
      { kind: 'edited', fields: ['notes'], bringsBack: null },
      { kind: 'edited', fields: ['notes', 'phones'], bringsBack: null },
      { kind: 'created' },
    ]);
  });

  it('names the fields of every save of one editing session, and only those that end changed', async () => {
    const { c, tick } = await clocked();
    const made = await call<{ id: string }>(c, 'contact.create', { name: 'Amina Diallo', role: 'Reporter' });
    const pause = async (fields: Record<string, unknown>) => {
      tick();
      await call(c, 'draft.save', { id: made.id, baseRev: null, session: 'editor-1', fields });
      await call(c, 'draft.commit', { id: made.id });
    };
    await pause({ role: 'Health reporter' });
    await pause({ notes: 'Typo' });
    await pause({ notes: null });
    const versions = await call<DocVersion[]>(c, 'doc.versions', { id: made.id });
    expect(versions.map((v) => [v.saves, v.change])).toEqual([
      [3, { kind: 'edited', fields: ['role'], bringsBack: null }],
      [1, { kind: 'created' }],
    ]);
  });

  it('says which earlier version a restore brings back, and lists a deletion and the version that brought the document back', async () => {
    const { c, tick } = await clocked();
    const made = await call<{ id: string; rev: string }>(c, 'outlet.create', { name: 'Radio Maisha' });
    tick();
    await call(c, 'outlet.update', { id: made.id, rev: null, fields: { name: 'Radio Maisha FM', website: 'https://maisha.fm' } });
    tick();
    await call(c, 'doc.restore', { id: made.id, rev: made.rev });
    let list = await call<DocVersion[]>(c, 'doc.versions', { id: made.id });
    expect(list[0]!.change).toEqual({ kind: 'edited', fields: ['name', 'website'], bringsBack: { rev: made.rev, at: '2026-12-06T09:00:00.000Z' } });

    tick();
    const before = c.library.docs.getStored(made.id)!.body;
    const gone = await call<{ rev: string }>(c, 'doc.delete', { id: made.id, rev: null });
    tick();
    // Brought back (a sync, the conflicts inbox keeping an edit): a live child of the deletion.
    c.library.docs.writeExact(made.id, gone.rev, { ...before, notes: 'Back on air' }, false, { author: 'joseph' });
    list = await call<DocVersion[]>(c, 'doc.versions', { id: made.id });
    expect(list.slice(0, 2).map((v) => [v.last.author, v.change])).toEqual([
      ['joseph', { kind: 'undeleted', fields: ['notes'] }],
      ['amina', { kind: 'deleted', how: 'deleted' }],
    ]);
  });

  it('says a person was erased, not merely deleted, by what the tombstone records', async () => {
    const { c, tick } = await clocked();
    const made = await call<{ id: string }>(c, 'contact.create', { name: 'Peter Okoth' });
    tick();
    await call(c, 'contact.erase', { id: made.id });
    expect((await changes(c, made.id))[0]).toEqual({ kind: 'deleted', how: 'erased' });
  });

  it('says the changes of a version are no longer known when the version before was compacted', async () => {
    const { c, tick } = await clocked();
    const made = await call<{ id: string; rev: string }>(c, 'outlet.create', { name: 'Radio Maisha' });
    for (const name of ['Radio Maisha FM', 'Maisha FM', 'Maisha']) {
      tick();
      await call(c, 'outlet.update', { id: made.id, rev: null, fields: { name } });
    }
    await job(c, 'library.compact', { id: made.id });
    const known = (await changes(c, made.id)).map((ch) => (ch.kind === 'edited' ? ch.fields : ch.kind));
    // Only the current body is kept: no version before it can be compared.
    expect(known).toEqual([null, null, null, 'created']);
  });

  it('reads the bodies it compares in one query for a document of 200 versions', async () => {
    const { c, tick } = await clocked();
    const made = await call<{ id: string }>(c, 'outlet.create', { name: 'Radio Maisha' });
    for (let i = 1; i < 200; i++) {
      tick();
      await call(c, 'outlet.update', { id: made.id, rev: null, fields: i % 2 ? { notes: `Call ${i}` } : { phones: [{ type: 'work', number: `+254 20 ${1000 + i}` }] } });
    }
    const db = c.library.db;
    let bodyReads = 0;
    const prepare = db.prepare.bind(db);
    (db as { prepare: unknown }).prepare = (sql: string) => {
      if (sql.includes('bodies')) bodyReads++;
      return prepare(sql);
    };
    const started = performance.now();
    let list: DocVersion[];
    try {
      list = await call<DocVersion[]>(c, 'doc.versions', { id: made.id });
    } finally {
      (db as { prepare: unknown }).prepare = prepare;
    }
    expect(list).toHaveLength(200);
    expect(list[0]!.change).toEqual({ kind: 'edited', fields: ['notes'], bringsBack: null });
    expect(list[1]!.change).toEqual({ kind: 'edited', fields: ['phones'], bringsBack: null });
    expect(bodyReads).toBeLessThanOrEqual(1);
    // About 60 ms on the 2 shared cores of the test machine, the first call's statements included; the bound leaves 15 times that.
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
