import { describe, expect, it } from 'vitest';
import { fieldsPatch, sameValue } from '../../electron/shared/fields-patch';
import type { Doc } from '../../electron/shared/documents';
import { draftFields, formFromDoc } from '../../renderer/releases/form';
import { call, core } from '../core-harness';

/**
 * Editing sessions send only the fields the person changed (the release editor's patch, built
 * as the editor builds it), and the core merges each patch against the revision its session
 * started from.
 */

describe('fieldsPatch', () => {
  it('holds only the fields that differ, whatever the key order inside them', () => {
    const touched = new Set<string>();
    const base = { headline: 'Floods', embargo: { at: '2030-01-01T10:00:00.000Z', timeZone: 'UTC' }, tags: ['water'] };
    const next = { headline: 'Floods in Beledweyne', embargo: { timeZone: 'UTC', at: '2030-01-01T10:00:00.000Z' }, tags: ['water'] };
    expect(fieldsPatch(base, next, touched)).toEqual({ headline: 'Floods in Beledweyne' });
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
  });

  it('sends a field changed and then put back with its old value, so the draft forgets the change', () => {
    const touched = new Set<string>();
    const base = { headline: 'Floods', status: 'draft' };
    expect(fieldsPatch(base, { headline: 'Floods!', status: 'draft' }, touched)).toEqual({ headline: 'Floods!' });
    expect(fieldsPatch(base, { headline: 'Floods', status: 'draft' }, touched)).toEqual({ headline: 'Floods' });
  });
});

describe('two editing sessions of one release', () => {
  async function twoSessions() {
    const c = await core();
    const { id, rev } = await call<{ id: string; rev: string }>(c, 'release.create', { headline: 'Floods', language: 'en', tags: ['water'] });
    // Both sessions load revision 1 and build their form from it, as the editor does.
    const loaded = await call<Doc<'release'>>(c, 'release.get', { id });
    const base = draftFields(formFromDoc(loaded), true);
    const session = (fields: Partial<typeof base>) => fieldsPatch(base, { ...base, ...fields }, new Set());
    return { c, id, rev, session };
  }

  it('keeps both when they changed different fields', async () => {
    const { c, id, rev, session } = await twoSessions();
    const a = session({ headline: 'Floods displace thousands in Beledweyne' });
    const b = session({ tags: ['water', 'floods'], status: 'in-review' });
    expect(a).toEqual({ headline: 'Floods displace thousands in Beledweyne' });
    expect(Object.keys(b).sort()).toEqual(['status', 'tags']);

    await call(c, 'draft.save', { id, baseRev: rev, session: 'window-a', fields: a });
    await call(c, 'draft.commit', { id });
    await call(c, 'draft.save', { id, baseRev: rev, session: 'window-b', fields: b });
    await call(c, 'draft.commit', { id });

    const after = await call<Doc<'release'>>(c, 'release.get', { id });
    expect(after).toMatchObject({ headline: 'Floods displace thousands in Beledweyne', tags: ['water', 'floods'], status: 'in-review' });
    expect(after.conflicted).toBe(false);
    expect(await call<unknown[]>(c, 'conflict.list', { docId: id })).toEqual([]);
  });

  it('does not turn what the form only shows (no quotes as an empty list) into a conflict with a change made meanwhile', async () => {
    const c = await core();
    // A release written elsewhere, by an app that leaves out the fields it has no value for.
    const id = 'rel-from-hq';
    const r1 = `1-${'a'.repeat(32)}`;
    const r2 = `2-${'b'.repeat(32)}`;
    const hq = { type: 'release', headline: 'Floods', language: 'en', updatedAt: '2026-11-02T10:00:00.000Z', updatedBy: 'hq' };
    c.library.replication.bulkInsertRemote([{ ...hq, _id: id, _rev: r1, _revisions: { start: 1, ids: ['a'.repeat(32)] } }]);
    const loaded = await call<Doc<'release'>>(c, 'release.get', { id });
    const base = draftFields(formFromDoc(loaded), true);
    expect(base.quotes).toEqual([]);
    // Meanwhile headquarters adds a quote.
    const quotes = [{ text: 'We need boats.', speaker: 'A farmer', role: null }];
    c.library.replication.bulkInsertRemote([{ ...hq, quotes, _id: id, _rev: r2, _revisions: { start: 2, ids: ['b'.repeat(32), 'a'.repeat(32)] } }]);

    const patch = fieldsPatch(base, { ...base, headline: 'Floods in Beledweyne' }, new Set());
    await call(c, 'draft.save', { id, baseRev: r1, session: 'window-a', fields: patch });
    await call(c, 'draft.commit', { id });

    const after = await call<Doc<'release'>>(c, 'release.get', { id });
    expect(after).toMatchObject({ headline: 'Floods in Beledweyne', quotes });
    expect(after.conflicted).toBe(false);
    expect(await call<unknown[]>(c, 'conflict.list', { docId: id })).toEqual([]);
  });
});
