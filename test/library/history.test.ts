import { describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/index';
import { Library } from '../../electron/core/store/library';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/core/store/migrations/index';
import type { HistoryRevision } from '../../electron/shared/contract';
import { damageRevision } from '../damage';
import { call, closedAfterTest, core, fail, release } from '../core-harness';
import { tempDir } from '../helpers';

/** A document's history and the draft journal, read through the one decoder. */
describe('history and the draft journal', () => {
  it('shows an old revision decoded, and a damaged one is the coded error naming the revision; restoring it stores nothing', async () => {
    const c = await core();
    const a = await call<{ id: string; rev: string }>(c, 'release.create', release({ headline: 'First wording' }));
    // Written by an older app: no tags at all.
    c.library.db.prepare("UPDATE bodies SET json = json_remove(json, '$.tags') WHERE id = (SELECT body_id FROM rev_tree WHERE rev = ?)").run(a.rev);
    const b = await call<{ rev: string }>(c, 'release.update', { id: a.id, rev: a.rev, fields: { headline: 'Second wording' } });
    expect(await call(c, 'doc.revision', { id: a.id, rev: a.rev })).toMatchObject({ id: a.id, rev: a.rev, type: 'release', deleted: false, headline: 'First wording', tags: [] });

    damageRevision(c.library.db, a.id, '$.datelinePlace', '["Kampala"]', a.rev);
    const shown = await fail(c, 'doc.revision', { id: a.id, rev: a.rev });
    expect(shown).toMatchObject({ code: 'INVALID_INPUT', path: ['datelinePlace'], params: { type: 'release', id: a.id, rev: a.rev, field: 'datelinePlace' } });
    expect(shown.message).toMatch(new RegExp(`^Revision ${a.rev} of the release "${a.id}" cannot be read: datelinePlace: `));
    expect((await fail(c, 'doc.restore', { id: a.id, rev: a.rev })).params).toMatchObject({ rev: a.rev, field: 'datelinePlace' });
    expect(await call(c, 'release.get', { id: a.id })).toMatchObject({ rev: b.rev, headline: 'Second wording' });
  });

  it('says which draft cannot be read when its journal entry was damaged', async () => {
    const c = await core();
    const a = await call<{ id: string; rev: string }>(c, 'release.create', release());
    await call(c, 'draft.save', { id: a.id, baseRev: a.rev, session: 's1', fields: { headline: 'Typing…' } });
    expect((await call<{ fields: unknown }>(c, 'draft.get', { id: a.id })).fields).toEqual({ headline: 'Typing…' });
    c.library.db.prepare('UPDATE drafts SET fields = ? WHERE doc_id = ?').run('["headline"]', a.id);
    const e = await fail(c, 'draft.get', { id: a.id });
    expect(e).toMatchObject({ code: 'INVALID_INPUT', params: { type: 'draft', id: a.id } });
    expect(e.message).toMatch(new RegExp(`^The draft "${a.id}" cannot be read: `));
    c.library.db.prepare('UPDATE drafts SET fields = ? WHERE doc_id = ?').run('{"headline":', a.id);
    expect((await fail(c, 'draft.commit', { id: a.id })).message).toBe(`The draft "${a.id}" cannot be read: its text is not JSON`);
    expect((await call<{ rev: string }>(c, 'release.get', { id: a.id })).rev).toBe(a.rev);
  });

  it('will not restore a revision that would make a release approved without what approval needs', async () => {
    const c = await core();
    const a = await call<{ id: string; rev: string }>(c, 'release.create', release({ status: 'approved' }));
    // Stored before the gate existed, or by another office: approved, with no dateline place.
    c.library.db.prepare("UPDATE bodies SET json = json_set(json, '$.datelinePlace', NULL) WHERE id = (SELECT body_id FROM rev_tree WHERE rev = ?)").run(a.rev);
    const b = await call<{ rev: string }>(c, 'release.update', { id: a.id, rev: null, fields: { status: 'draft', datelinePlace: 'Kampala' } });
    const refused = await fail(c, 'doc.restore', { id: a.id, rev: a.rev });
    expect(refused).toMatchObject({ code: 'RELEASE_INCOMPLETE', params: { status: 'approved', missing: 'datelinePlace' } });
    expect(await call(c, 'release.get', { id: a.id })).toMatchObject({ rev: b.rev, status: 'draft', datelinePlace: 'Kampala' });
  });

  it('will not merge a session that emptied a required field into a release approved meanwhile, and keeps the typing in the journal', async () => {
    const c = await core();
    const a = await call<{ id: string; rev: string }>(c, 'release.create', release());
    await call(c, 'draft.save', { id: a.id, baseRev: a.rev, session: 's1', fields: { datelinePlace: '' } });
    const approved = await call<{ rev: string }>(c, 'release.update', { id: a.id, rev: a.rev, fields: { status: 'approved' } });
    expect(await fail(c, 'draft.commit', { id: a.id })).toMatchObject({ code: 'RELEASE_INCOMPLETE', params: { status: 'approved', missing: 'datelinePlace' } });
    expect(await call(c, 'release.get', { id: a.id })).toMatchObject({ rev: approved.rev, status: 'approved', datelinePlace: 'Kampala' });
    expect((await call<{ fields: unknown }>(c, 'draft.get', { id: a.id })).fields).toEqual({ datelinePlace: '' });
  });

  it('keeps which session made each revision from migration 12 on: older revisions have none, a draft left from before gets its own', async () => {
    const dir = tempDir();
    const old = await Library.open(dir, { author: 'amina', migrations: MIGRATIONS.filter((m) => m.version <= 10) });
    const a = old.docs.create('release', { headline: 'Floods', language: 'en' }, { author: 'amina' });
    const b = old.docs.update(a.id, { headline: 'Floods in Beledweyne', language: 'en' }, { author: 'amina' });
    // A session that had typed and not committed when the older app closed.
    old.db.prepare('INSERT INTO drafts(doc_id, base_rev, fields, session, author, started_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(a.id, b.rev, JSON.stringify({ headline: 'Floods displace thousands' }), 'older-editor', 'amina', '2026-12-06T09:00:00.000Z', '2026-12-06T09:00:00.000Z');
    old.close();

    const c = closedAfterTest(await openCore(dir, { author: 'amina' }));
    expect(c.library.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect((await call<HistoryRevision[]>(c, 'doc.history', { id: a.id })).map((r) => r.session)).toEqual([null, null]);
    const committed = await call<{ rev: string }>(c, 'draft.commit', { id: a.id });
    const history = await call<HistoryRevision[]>(c, 'doc.history', { id: a.id });
    expect(history.map((r) => [r.rev, r.session])).toEqual([
      [committed.rev, 'older-editor'],
      [b.rev, null],
      [a.rev, null],
    ]);
    expect(await call(c, 'release.get', { id: a.id })).toMatchObject({ headline: 'Floods displace thousands' });
  });
});
