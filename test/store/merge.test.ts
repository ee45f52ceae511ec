import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { threeWayMerge } from '../../electron/core/store/merge';
import type { ConflictCase } from '../../electron/shared/conflicts/contract';
import { call, core, fail } from '../core-harness';


const hex = (s: string): string => createHash('md5').update(s).digest('hex');

/** Another library's edit of `rev`, arriving through replication: the whole body, some fields changed. */
function arrives(c: Core, id: string, rev: string, change: Record<string, unknown>, name: string, deleted = false): string {
  const body = c.library.docs.getRevision(id, rev).body;
  const next = `${Number(rev.split('-')[0]) + 1}-${hex(name)}`;
  const doc = {
    ...(deleted ? { type: body.type } : { ...body, ...change, updatedBy: 'jean', updatedAt: '2026-11-03T08:00:00.000Z' }),
    _id: id,
    _rev: next,
    _revisions: { start: Number(next.split('-')[0]), ids: [next, rev].map((r) => r.slice(r.indexOf('-') + 1)) },
    ...(deleted ? { _deleted: true } : {}),
  };
  expect(c.library.replication.bulkInsertRemote([doc]).written).toBe(1);
  return next;
}

const liveLeaves = (c: Core, id: string) => c.library.docs.revisions(id).filter((r) => r.leaf && !r.deleted);

describe('three-way merge, the pure rule', () => {
  it('takes one-sided changes, agrees on equal ones, and reports fields changed on both sides', () => {
    const base = { type: 'release', headline: 'A', tags: ['x'], status: 'draft', updatedAt: '1' };
    const ours = { type: 'release', headline: 'B', tags: ['x'], status: 'approved', updatedAt: '2' };
    const theirs = { type: 'release', headline: 'A', tags: ['x', 'y'], status: 'in-review', notes: 'new', updatedAt: '3' };
    expect(threeWayMerge(base, ours, theirs)).toEqual({
      merged: { headline: 'B', tags: ['x', 'y'], status: 'approved', notes: 'new' },
      conflicts: ['status'],
    });
  });

  it('treats a field removed on one side as a change, and without a base every difference as a conflict', () => {
    expect(threeWayMerge({ a: 1, b: 2 }, { a: 1 }, { a: 1, b: 2 }).merged).toEqual({ a: 1 });
    expect(threeWayMerge(null, { a: 1, b: 2 }, { a: 1, b: 3 })).toEqual({ merged: { a: 1, b: 2 }, conflicts: ['b'] });
  });

  it('compares values, not key order', () => {
    expect(threeWayMerge({ e: { at: 'x', timeZone: 'y' } }, { e: { timeZone: 'y', at: 'x' } }, { e: { at: 'x', timeZone: 'y' } }).conflicts).toEqual([]);
  });
});

describe('committing an editing session', () => {
  it('keeps a change that arrived meanwhile from another library', async () => {
    const c = await core();
    const a = await call<{ id: string; rev: string }>(c, 'release.create', { headline: 'Floods in Kasese', language: 'en', tags: ['floods'] });
    await call(c, 'draft.save', { id: a.id, baseRev: a.rev, session: 's1', fields: { headline: 'Floods in Kasese: 3,000 families reached' } });
    arrives(c, a.id, a.rev, { tags: ['floods', 'uganda'] }, 'tags elsewhere');
    await call(c, 'draft.commit', { id: a.id });
    const now = await call<Record<string, unknown>>(c, 'release.get', { id: a.id });
    expect(now.headline).toBe('Floods in Kasese: 3,000 families reached');
    expect(now.tags).toEqual(['floods', 'uganda']);
    expect(now.conflicted).toBe(false);
    expect(liveLeaves(c, a.id)).toHaveLength(1);
    expect(await call(c, 'conflict.list', {})).toEqual([]);
  });

  it('keeps it too when the editor sends fields the person left as they were (the lost update of the review)', async () => {
    const c = await core();
    const a = await call<{ id: string; rev: string }>(c, 'release.create', { headline: 'One', language: 'en', tags: ['floods'] });
    await call(c, 'draft.save', { id: a.id, baseRev: a.rev, session: 's1', fields: { headline: 'Two', tags: ['floods'], language: 'en' } });
    arrives(c, a.id, a.rev, { tags: ['floods', 'uganda'] }, 'tags');
    await call(c, 'draft.commit', { id: a.id });
    expect(await call<Record<string, unknown>>(c, 'release.get', { id: a.id })).toMatchObject({ headline: 'Two', tags: ['floods', 'uganda'] });
  });

  it('sends the same field changed on both sides to the inbox, keeps both versions, and merges as the person decides', async () => {
    const c = await core();
    const a = await call<{ id: string; rev: string }>(c, 'release.create', { headline: 'Base', language: 'en', tags: ['a'], status: 'draft' });
    await call(c, 'draft.save', { id: a.id, baseRev: a.rev, session: 's1', fields: { headline: 'Mine', status: 'in-review' } });
    const theirs = arrives(c, a.id, a.rev, { headline: 'Theirs', tags: ['a', 'b'] }, 'theirs');
    const mine = await call<{ rev: string }>(c, 'draft.commit', { id: a.id });
    expect(liveLeaves(c, a.id).map((r) => r.rev).sort()).toEqual([mine.rev, theirs].sort());
    const [kase, ...rest] = await call<ConflictCase[]>(c, 'conflict.list', { docId: a.id });
    expect(rest).toEqual([]);
    expect(kase).toMatchObject({ docId: a.id, docType: 'release', kind: 'fields', baseRev: a.rev, oursRev: mine.rev, theirsRev: theirs, fields: ['headline'] });
    // Both versions are there to show side by side.
    expect((await call<Record<string, unknown>>(c, 'doc.revision', { id: a.id, rev: mine.rev })).headline).toBe('Mine');

    const missing = await fail(c, 'conflict.resolve', { id: kase!.id, choice: { kind: 'fields', take: {} } });
    expect(missing).toMatchObject({ code: 'INVALID_INPUT', path: ['choice', 'take', 'headline'] });
    const wrongKind = await fail(c, 'conflict.resolve', { id: kase!.id, choice: { kind: 'delete', keep: 'edit' } });
    expect(wrongKind.message).toMatch(/is a "fields" case/);

    const done = await call<{ rev: string; deleted: boolean }>(c, 'conflict.resolve', { id: kase!.id, choice: { kind: 'fields', take: { headline: 'ours' } } });
    expect(done.deleted).toBe(false);
    const now = await call<Record<string, unknown>>(c, 'release.get', { id: a.id });
    expect(now).toMatchObject({ headline: 'Mine', status: 'in-review', tags: ['a', 'b'], conflicted: false });
    expect(liveLeaves(c, a.id).map((r) => r.rev)).toEqual([done.rev]);
    // The other branch's tombstone names the leaf it gave way to: a closed branch, no deletion.
    const winnerThen = c.library.docs.revisions(a.id).find((r) => r.rev === done.rev)!.parent!;
    const [end] = c.library.docs.revisions(a.id).filter((r) => r.leaf && r.deleted);
    expect(c.library.docs.getRevision(a.id, end!.rev).body).toMatchObject({ gaveWayTo: winnerThen });
    expect(await call(c, 'conflict.list', {})).toEqual([]);
    expect((await fail(c, 'conflict.resolve', { id: kase!.id, choice: { kind: 'fields', take: { headline: 'ours' } } })).code).toBe('NOT_FOUND');
  });

  it('keeps an edit of a document deleted meanwhile, and lets the person delete it after all', async () => {
    const c = await core();
    const a = await call<{ id: string; rev: string }>(c, 'release.create', { headline: 'Soon gone', language: 'en', office: null });
    await call(c, 'draft.save', { id: a.id, baseRev: a.rev, session: 's1', fields: { headline: 'Still wanted' } });
    const deletion = arrives(c, a.id, a.rev, {}, 'deleted elsewhere', true);
    expect(c.library.docs.getStored(a.id)!.deleted).toBe(true);
    await call(c, 'draft.commit', { id: a.id });
    expect((await call<Record<string, unknown>>(c, 'release.get', { id: a.id })).headline).toBe('Still wanted');
    const [kase] = await call<ConflictCase[]>(c, 'conflict.list', {});
    expect(kase).toMatchObject({ kind: 'delete', theirsRev: deletion });
    const done = await call<{ deleted: boolean }>(c, 'conflict.resolve', { id: kase!.id, choice: { kind: 'delete', keep: 'deletion' } });
    expect(done.deleted).toBe(true);
    expect((await fail(c, 'release.get', { id: a.id })).code).toBe('NOT_FOUND');
  });

  it('keeps the edit over a deletion by ending the deletion, so the case does not come back', async () => {
    const c = await core();
    const a = await call<{ id: string; rev: string }>(c, 'release.create', { headline: 'Soon gone', language: 'en', office: null });
    await call(c, 'draft.save', { id: a.id, baseRev: a.rev, session: 's1', fields: { headline: 'Still wanted' } });
    const deletion = arrives(c, a.id, a.rev, {}, 'deleted elsewhere', true);
    await call(c, 'draft.commit', { id: a.id });
    const [kase] = await call<ConflictCase[]>(c, 'conflict.list', {});
    const done = await call<{ rev: string; deleted: boolean }>(c, 'conflict.resolve', { id: kase!.id, choice: { kind: 'delete', keep: 'edit' } });
    expect(done.deleted).toBe(false);
    expect((await call<Record<string, unknown>>(c, 'release.get', { id: a.id })).headline).toBe('Still wanted');
    const tree = c.library.docs.revisions(a.id);
    const end = tree.find((r) => r.parent === deletion)!;
    expect(end).toMatchObject({ deleted: true, leaf: true });
    expect(c.library.docs.getRevision(a.id, end.rev).body).toEqual({ type: 'release', editKept: true });
    expect(tree.find((r) => r.rev === deletion)!.leaf).toBe(false);
    expect(c.library.docs.getStored(a.id)!.conflicted).toBe(false);
    expect(await call(c, 'conflict.list', {})).toEqual([]);
    expect(c.library.docs.inbox.get(kase!.id)).toMatchObject({ resolution: 'kept the edit' });
    expect((await fail(c, 'conflict.resolve', { id: kase!.id, choice: { kind: 'delete', keep: 'edit' } })).code).toBe('NOT_FOUND');
  });

  it('refuses a reserved "_" field name from the editor, saying which', async () => {
    const c = await core();
    const a = await call<{ id: string; rev: string }>(c, 'release.create', { headline: 'x', language: 'en' });
    const e = await fail(c, 'draft.save', { id: a.id, baseRev: a.rev, session: 's', fields: { _rev: '1-x' } });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/"_rev" starts with "_"/);
  });
});
