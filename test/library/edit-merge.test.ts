import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { ConflictCase } from '../../electron/shared/conflicts/contract';
import type { Saved } from '../../electron/shared/contract';
import { DOC_SCHEMA_VERSION } from '../../electron/shared/documents';
import { call, core, fail, release } from '../core-harness';

/**
 * Saving a contact, an outlet, a kit or an office from its editor commits the fields the person
 * changed as a three-way merge against the revision the editor loaded, as a release's session
 * is: a change that arrived meanwhile (a sync, another window, an import's merge) stays.
 */

const liveLeaves = (c: Core, id: string) => c.library.docs.revisions(id).filter((r) => r.leaf && !r.deleted);

describe('an edit saved while the document changed elsewhere', () => {
  it('keeps both changes of a contact when they are to different fields: no CONFLICT, one version', async () => {
    const c = await core();
    const a = await call<{ id: string; rev: string }>(c, 'contact.create', { name: 'Fatou Sow', role: 'Reporter', tags: ['health'] });
    // Another window (or a sync pull) changed the tags after the editor loaded revision A.
    await call(c, 'contact.update', { id: a.id, rev: a.rev, fields: { tags: ['health', 'sahel'] } });
    const saved = await call<Saved>(c, 'contact.update', { id: a.id, rev: a.rev, fields: { role: 'Health editor' } });
    expect(saved.meanwhile).toBe('merged');
    expect(await call(c, 'contact.get', { id: a.id })).toMatchObject({ rev: saved.rev, role: 'Health editor', tags: ['health', 'sahel'], conflicted: false });
    expect(liveLeaves(c, a.id).map((r) => r.rev)).toEqual([saved.rev]);
    expect(await call(c, 'conflict.list', {})).toEqual([]);
  });

  it('says when nothing came meanwhile', async () => {
    const c = await core();
    const a = await call<{ id: string; rev: string }>(c, 'outlet.create', { name: 'Radio Okapi', kind: 'radio' });
    expect(await call<Saved>(c, 'outlet.update', { id: a.id, rev: a.rev, fields: { website: 'https://okapi.example' } })).toMatchObject({ meanwhile: 'nothing' });
  });

  it('keeps both versions of a field changed on both sides and leaves the case to the conflicts inbox, where it is resolved', async () => {
    const c = await core();
    const a = await call<{ id: string; rev: string }>(c, 'contact.create', { name: 'Fatou Sow', role: 'Reporter', notes: null });
    const theirs = await call<{ rev: string }>(c, 'contact.update', { id: a.id, rev: a.rev, fields: { role: 'Editor', notes: 'Prefers WhatsApp' } });
    const ours = await call<Saved>(c, 'contact.update', { id: a.id, rev: a.rev, fields: { role: 'Health editor' } });
    expect(ours.meanwhile).toBe('conflict');
    expect(liveLeaves(c, a.id).map((r) => r.rev).sort()).toEqual([ours.rev, theirs.rev].sort());
    expect(await call(c, 'contact.get', { id: a.id })).toMatchObject({ conflicted: true });
    expect(await call(c, 'doc.revision', { id: a.id, rev: ours.rev })).toMatchObject({ role: 'Health editor', notes: null });

    const [found, ...more] = await call<ConflictCase[]>(c, 'conflict.list', {});
    expect(more).toEqual([]);
    expect(found).toMatchObject({ docId: a.id, docType: 'contact', kind: 'fields', baseRev: a.rev, oursRev: ours.rev, theirsRev: theirs.rev, fields: ['role'] });

    await call(c, 'conflict.resolve', { id: found!.id, choice: { kind: 'fields', take: { role: 'ours' } } });
    // The other side's note (changed on one side only) stays; the role is the one chosen.
    expect(await call(c, 'contact.get', { id: a.id })).toMatchObject({ role: 'Health editor', notes: 'Prefers WhatsApp', conflicted: false });
    expect(liveLeaves(c, a.id)).toHaveLength(1);
    expect(await call(c, 'conflict.list', {})).toEqual([]);
  });

  it("puts the person's phones in E.164 and keeps the outlet left behind on the merged contact", async () => {
    const c = await core();
    const geneva = await call<{ id: string }>(c, 'office.create', { name: 'Geneva', country: 'CH' });
    const before = await call<{ id: string }>(c, 'outlet.create', { name: 'Le Temps', kind: 'newspaper' });
    const after = await call<{ id: string }>(c, 'outlet.create', { name: 'RTS', kind: 'tv' });
    const a = await call<{ id: string; rev: string }>(c, 'contact.create', { name: 'Anne Roux', role: 'Reporter', office: geneva.id, outlet: before.id });
    await call(c, 'contact.update', { id: a.id, rev: a.rev, fields: { tags: ['migration'] } });
    const saved = await call<Saved>(c, 'contact.update', {
      id: a.id,
      rev: a.rev,
      fields: { outlet: after.id, phones: [{ type: 'mobile', number: '079 123 45 67', visibility: 'public' }] },
    });
    expect(saved.meanwhile).toBe('merged');
    const got = await call<{ tags: string[]; outlet: string; phones: { number: string }[]; outletHistory: { outlet: string; role: string }[] }>(c, 'contact.get', { id: a.id });
    expect(got).toMatchObject({ tags: ['migration'], outlet: after.id, phones: [{ number: '+41791234567' }] });
    expect(got.outletHistory).toMatchObject([{ outlet: before.id, role: 'Reporter' }]);
  });

  it('merges outlets, kits and offices the same way, and a kit still refuses a withdrawn release', async () => {
    const c = await core();
    const outlet = await call<{ id: string; rev: string }>(c, 'outlet.create', { name: 'Radio Okapi', kind: 'radio' });
    await call(c, 'outlet.update', { id: outlet.id, rev: outlet.rev, fields: { countries: ['CD'] } });
    expect(await call<Saved>(c, 'outlet.update', { id: outlet.id, rev: outlet.rev, fields: { languages: ['fr'] } })).toMatchObject({ meanwhile: 'merged' });
    expect(await call(c, 'outlet.get', { id: outlet.id })).toMatchObject({ countries: ['CD'], languages: ['fr'] });

    const office = await call<{ id: string; rev: string }>(c, 'office.create', { name: 'Goma' });
    await call(c, 'office.update', { id: office.id, rev: office.rev, fields: { footer: 'Goma · press@goma.example' } });
    expect(await call<Saved>(c, 'office.update', { id: office.id, rev: office.rev, fields: { timeZone: 'Africa/Lubumbashi' } })).toMatchObject({ meanwhile: 'merged' });
    expect(await call(c, 'office.get', { id: office.id })).toMatchObject({ footer: 'Goma · press@goma.example', timeZone: 'Africa/Lubumbashi' });

    const r = await call<{ id: string; rev: string }>(c, 'release.create', release());
    const kit = await call<{ id: string; rev: string }>(c, 'kit.create', { title: 'Cholera response' });
    await call(c, 'kit.update', { id: kit.id, rev: kit.rev, fields: { audience: 'public' } });
    expect(await call<Saved>(c, 'kit.update', { id: kit.id, rev: kit.rev, fields: { items: [{ kind: 'release', id: r.id }] } })).toMatchObject({ meanwhile: 'merged' });
    expect(await call(c, 'kit.get', { id: kit.id })).toMatchObject({ audience: 'public', items: [{ kind: 'release', id: r.id }] });

    const withdrawn = await call<{ id: string; rev: string }>(c, 'release.create', release({ headline: 'Recalled', status: 'released' }));
    await call(c, 'release.withdraw', { id: withdrawn.id, rev: withdrawn.rev, reason: 'Wrong figures' });
    const stale = (await call<{ rev: string }>(c, 'kit.get', { id: kit.id })).rev;
    await call(c, 'kit.update', { id: kit.id, rev: stale, fields: { title: 'Cholera response, week 2' } });
    expect(await fail(c, 'kit.update', { id: kit.id, rev: stale, fields: { items: [{ kind: 'release', id: withdrawn.id }] } })).toMatchObject({ code: 'RELEASE_UNAVAILABLE' });
    expect(await call(c, 'kit.get', { id: kit.id })).toMatchObject({ title: 'Cholera response, week 2', items: [{ kind: 'release', id: r.id }] });
  });

  it('still refuses a contact made newer than this app meanwhile, and a revision the contact never had', async () => {
    const c = await core();
    const a = await call<{ id: string; rev: string }>(c, 'contact.create', { name: 'Wanjiru Kamau', role: 'Spokesperson' });
    const body = (await call(c, 'doc.revision', { id: a.id, rev: a.rev })) as Record<string, unknown>;
    const { id: _id, rev: _rev, deleted: _deleted, ...fields } = body;
    // Another office, on a later Dateline, wrote the next version.
    c.library.docs.writeExact(a.id, a.rev, { ...fields, schema: DOC_SCHEMA_VERSION + 1, pronouns: 'she/her' }, false, { author: 'nairobi' });
    expect(await fail(c, 'contact.update', { id: a.id, rev: a.rev, fields: { role: 'Head of communication' } })).toMatchObject({ code: 'DOC_NEWER' });
    expect(liveLeaves(c, a.id)).toHaveLength(1);

    const b = await call<{ id: string; rev: string }>(c, 'contact.create', { name: 'Peter Okoth' });
    expect(await fail(c, 'contact.update', { id: b.id, rev: '1-00000000000000000000000000000000', fields: { role: 'Editor' } })).toMatchObject({ code: 'NOT_FOUND' });
  });
});
