import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Library } from '../../electron/core/store/library';
import { DOC_SCHEMA_VERSION } from '../../electron/shared/documents';
import { isDatelineError, type DatelineError } from '../../electron/shared/errors';
import { closedAfterTest } from '../core-harness';
import { tempDir } from '../helpers';

async function lib(): Promise<Library> {
  const l = await Library.open(tempDir(), { author: 'amina' });
  closedAfterTest(l);
  return l;
}

function thrown(work: () => unknown): DatelineError {
  try {
    work();
  } catch (e) {
    if (isDatelineError(e)) return e;
    throw e;
  }
  throw new Error('expected a DatelineError');
}

describe('the typed repository', () => {
  it('reads a document decoded by its type: defaults filled in, unknown and store fields kept', async () => {
    const l = await lib();
    // Written through the bare store, as an older app or another office might have: no defaults, one field this version does not know.
    const stored = l.docs.create('release', { headline: 'Floods in Kasese', language: 'fr', heatIndex: 7 }, { author: 'jean' });
    const d = l.repo.get('release', stored.id);
    expect(d).toMatchObject({ id: stored.id, rev: stored.rev, type: 'release', headline: 'Floods in Kasese', language: 'fr', heatIndex: 7 });
    expect(d.status).toBe('draft');
    expect(d.tags).toEqual([]);
    expect(d.body).toEqual({ type: 'doc', content: [] });
    expect(d.createdBy).toBe('jean');
    expect(d.conflicted).toBe(false);
  });

  it('finds nothing for a missing id, a deleted document or one of another type, and get says NOT_FOUND', async () => {
    const l = await lib();
    const release = l.repo.create('release', { headline: 'Water trucking' });
    const gone = l.repo.create('release', { headline: 'Gone' });
    l.docs.remove(gone.id, { author: 'amina' });
    expect(l.repo.find('release', release.id)?.headline).toBe('Water trucking');
    expect(l.repo.find('contact', release.id)).toBeUndefined();
    expect(l.repo.find('release', gone.id)).toBeUndefined();
    expect(l.repo.find('release', 'rel-none')).toBeUndefined();
    const e = thrown(() => l.repo.get('kit', release.id));
    expect(e.code).toBe('NOT_FOUND');
    expect(e.message).toBe(`No kit with id "${release.id}" in this library.`);
  });

  it('names the document and the field when a stored body cannot be read', async () => {
    const l = await lib();
    const { id } = l.repo.create('contact', { name: 'Amina Yusuf' });
    // Damaged outside Dateline: a list where text belongs.
    l.db
      .prepare(
        "UPDATE bodies SET json = json_set(json, '$.name', json('[1]')) WHERE id IN (SELECT body_id FROM rev_tree WHERE doc_rowid = (SELECT rowid FROM docs WHERE id = ?))",
      )
      .run(id);
    const e = thrown(() => l.repo.get('contact', id));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(new RegExp(`^The contact "${id}" cannot be read: name: `));
    expect(e.params).toMatchObject({ id, type: 'contact', field: 'name' });
  });

  it('decodes a newer version\'s document as far as it can for the core, and shows it as stored', async () => {
    const l = await lib();
    const rev = `1-${createHash('md5').update('newer').digest('hex')}`;
    const body = { type: 'contact', schema: DOC_SCHEMA_VERSION + 1, name: 'Wanjiru Kamau', emails: [{ type: 'press', address: 'press@example.org' }] };
    l.replication.bulkInsertRemote([{ ...body, _id: 'con-newer', _rev: rev, _revisions: { start: 1, ids: [rev.slice(2)] } }]);
    expect(l.repo.get('contact', 'con-newer').emails).toEqual([{ type: 'other', address: 'press@example.org', visibility: 'public' }]);
    expect(l.repo.show('contact', 'con-newer').emails).toEqual(body.emails);
    expect(thrown(() => l.repo.update('contact', 'con-newer', null, { role: 'x' })).code).toBe('DOC_NEWER');
  });

  it('updates with a typed patch, checks before and after in the same transaction, and stores nothing when the check refuses', async () => {
    const l = await lib();
    const a = l.repo.create('release', { headline: 'Draft one', tags: ['floods'] });
    const seen: string[] = [];
    const b = l.repo.update('release', a.id, a.rev, { headline: 'Draft two', subheadline: undefined }, (before, after) => {
      seen.push(`${before.headline} -> ${after.headline}`);
    });
    expect(seen).toEqual(['Draft one -> Draft two']);
    expect(l.repo.get('release', a.id)).toMatchObject({ rev: b.rev, headline: 'Draft two', subheadline: null, tags: ['floods'] });

    expect(() =>
      l.repo.update('release', a.id, null, { headline: 'Draft three' }, () => {
        throw new Error('refused by the check');
      }),
    ).toThrow('refused by the check');
    expect(l.repo.get('release', a.id)).toMatchObject({ rev: b.rev, headline: 'Draft two' });
    expect(l.docs.revisions(a.id)).toHaveLength(2);
  });

  it('puts a document back on the revision it was read at, and says CONFLICT when it changed since', async () => {
    const l = await lib();
    const { id } = l.repo.create('kit', { title: 'Cholera response' });
    const read = l.repo.get('kit', id);
    l.repo.put(read, { title: 'Cholera response, week 2' });
    expect(l.repo.get('kit', id).title).toBe('Cholera response, week 2');
    expect(thrown(() => l.repo.put(read, { title: 'Stale' })).code).toBe('CONFLICT');
    expect(l.repo.get('kit', id).title).toBe('Cholera response, week 2');
    const bad = thrown(() => l.repo.update('kit', id, null, { pageSize: 'A5' as 'A4' }));
    expect(bad).toMatchObject({ code: 'INVALID_INPUT', path: ['fields', 'pageSize'] });
  });

  it('reads a `_local` record by its schema, and an old revision or a tombstone for showing', async () => {
    const l = await lib();
    const Settings = z.object({ interval: z.number().int().default(5) });
    expect(l.repo.local('settings', Settings, 'test settings')).toBeUndefined();
    l.replication.putLocal({ _id: 'settings', interval: 10 });
    expect(l.repo.local('settings', Settings, 'test settings')).toEqual({ interval: 10 });
    l.replication.putLocal({ _id: 'settings', interval: 'ten' });
    expect(thrown(() => l.repo.local('settings', Settings, 'test settings'))).toMatchObject({ code: 'INVALID_INPUT', path: ['interval'], params: { type: 'test settings', id: 'settings', field: 'interval' } });

    const a = l.repo.create('release', { headline: 'Draft one' });
    const b = l.repo.update('release', a.id, a.rev, { headline: 'Draft two' });
    expect(l.repo.showRevision('release', a.id, a.rev)).toMatchObject({ id: a.id, rev: a.rev, type: 'release', headline: 'Draft one', deleted: false });
    const gone = l.docs.remove(a.id, { author: 'amina' }, b.rev);
    expect(l.repo.showRevision('release', a.id, gone.rev)).toMatchObject({ id: a.id, rev: gone.rev, deleted: true });
    expect(thrown(() => l.repo.revision('release', a.id, gone.rev)).code).toBe('NOT_FOUND');
  });
});
