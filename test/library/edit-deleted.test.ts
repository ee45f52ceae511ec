import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { ConflictCase } from '../../electron/shared/conflicts/contract';
import type { Saved } from '../../electron/shared/contract';
import { call, core, fail, release } from '../core-harness';

/**
 * Saving a contact, an outlet, a kit or an office from its editor after the document was
 * deleted elsewhere (by sync, another window) keeps the person's version beside the deletion
 * and leaves the case to the conflicts inbox, as a release's editing session does. A document
 * erased or merged into another never comes back that way.
 */

const liveLeaves = (c: Core, id: string) => c.library.docs.revisions(id).filter((r) => r.leaf && !r.deleted);

interface Kind {
  type: 'contact' | 'outlet' | 'kit' | 'office';
  create: Record<string, unknown>;
  edit: Record<string, unknown>;
}

const KINDS: Kind[] = [
  { type: 'contact', create: { name: 'Fatou Sow', role: 'Reporter' }, edit: { role: 'Health editor' } },
  { type: 'outlet', create: { name: 'Radio Okapi', kind: 'radio' }, edit: { website: 'https://okapi.example' } },
  { type: 'kit', create: { title: 'Cholera response' }, edit: { audience: 'public' } },
  { type: 'office', create: { name: 'Goma' }, edit: { footer: 'Goma · press@goma.example' } },
];

describe('an edit saved while the document was deleted elsewhere', () => {
  for (const kind of KINDS) {
    it(`keeps the person's ${kind.type} as a branch beside the deletion and puts the case in the inbox`, async () => {
      const c = await core();
      const a = await call<{ id: string; rev: string }>(c, `${kind.type}.create`, kind.create);
      // Another window deleted it after the editor loaded revision A.
      const deletion = await call<{ rev: string }>(c, 'doc.delete', { id: a.id, rev: a.rev });
      const saved = await call<Saved>(c, `${kind.type}.update`, { id: a.id, rev: a.rev, fields: kind.edit });
      expect(saved).toMatchObject({ id: a.id, meanwhile: 'deleted' });
      // The person's version is the live one until they decide; the deletion stays beside it.
      expect(liveLeaves(c, a.id).map((r) => r.rev)).toEqual([saved.rev]);
      expect(await call(c, `${kind.type}.get`, { id: a.id })).toMatchObject({ rev: saved.rev, ...kind.create, ...kind.edit });
      const cases = await call<ConflictCase[]>(c, 'conflict.list', {});
      expect(cases).toEqual([expect.objectContaining({ docId: a.id, docType: kind.type, kind: 'delete', oursRev: saved.rev, theirsRev: deletion.rev })]);

      // "Delete it" on the Conflicts screen lets the deletion stand.
      await call(c, 'conflict.resolve', { id: cases[0]!.id, choice: { kind: 'delete', keep: 'deletion' } });
      expect(await fail(c, `${kind.type}.get`, { id: a.id })).toMatchObject({ code: 'NOT_FOUND' });
      expect(await call(c, 'conflict.list', {})).toEqual([]);
    });
  }

  it('keeps the edited contact when the person chooses it, its edits going on from there', async () => {
    const c = await core();
    const geneva = await call<{ id: string }>(c, 'office.create', { name: 'Geneva', country: 'CH' });
    const a = await call<{ id: string; rev: string }>(c, 'contact.create', { name: 'Anne Roux', office: geneva.id });
    await call(c, 'doc.delete', { id: a.id, rev: a.rev });
    const saved = await call<Saved>(c, 'contact.update', { id: a.id, rev: a.rev, fields: { phones: [{ type: 'mobile', number: '079 123 45 67', visibility: 'public' }] } });
    expect(saved.meanwhile).toBe('deleted');
    // The contact's own rules ran on the version kept: the phone is in E.164.
    expect(await call(c, 'contact.get', { id: a.id })).toMatchObject({ phones: [{ number: '+41791234567' }] });
    const next = await call<Saved>(c, 'contact.update', { id: a.id, rev: saved.rev, fields: { role: 'Reporter' } });
    expect(next.meanwhile).toBe('nothing');
    const [kase] = await call<ConflictCase[]>(c, 'conflict.list', {});
    await call(c, 'conflict.resolve', { id: kase!.id, choice: { kind: 'delete', keep: 'edit' } });
    expect(await call(c, 'contact.get', { id: a.id })).toMatchObject({ role: 'Reporter', phones: [{ number: '+41791234567' }], conflicted: false });
    expect(await call(c, 'conflict.list', {})).toEqual([]);
  });

  it('still applies the rules of the type to the version kept: a kit refuses a withdrawn release', async () => {
    const c = await core();
    const withdrawn = await call<{ id: string; rev: string }>(c, 'release.create', release({ headline: 'Recalled', status: 'released' }));
    await call(c, 'release.withdraw', { id: withdrawn.id, rev: withdrawn.rev, reason: 'Wrong figures' });
    const kit = await call<{ id: string; rev: string }>(c, 'kit.create', { title: 'Cholera response' });
    await call(c, 'doc.delete', { id: kit.id, rev: kit.rev });
    expect(await fail(c, 'kit.update', { id: kit.id, rev: kit.rev, fields: { items: [{ kind: 'release', id: withdrawn.id }] } })).toMatchObject({ code: 'RELEASE_UNAVAILABLE' });
    expect(liveLeaves(c, kit.id)).toEqual([]);
    expect(await call(c, 'conflict.list', {})).toEqual([]);
  });

  it('refuses an edit of a contact erased meanwhile, saying so, and brings nothing of the person back', async () => {
    const c = await core();
    const a = await call<{ id: string; rev: string }>(c, 'contact.create', { name: 'Wanjiru Kamau', emails: [{ address: 'wanjiru@example.org' }] });
    await call(c, 'contact.erase', { id: a.id });
    const e = await fail(c, 'contact.update', { id: a.id, rev: a.rev, fields: { role: 'Spokesperson' } });
    expect(e).toMatchObject({ code: 'NOT_FOUND', params: { id: a.id, type: 'contact', reason: 'erased' } });
    expect(e.message).toContain('erased');
    expect(liveLeaves(c, a.id)).toEqual([]);
    expect(await call(c, 'conflict.list', {})).toEqual([]);
  });

  it('refuses an edit of a contact merged into another meanwhile, naming the one it went into', async () => {
    const c = await core();
    const survivor = await call<{ id: string }>(c, 'contact.create', { name: 'Peter Okoth' });
    const duplicate = await call<{ id: string; rev: string }>(c, 'contact.create', { name: 'P. Okoth' });
    await call(c, 'contact.merge', { survivor: survivor.id, other: duplicate.id });
    const e = await fail(c, 'contact.update', { id: duplicate.id, rev: duplicate.rev, fields: { role: 'Editor' } });
    expect(e).toMatchObject({ code: 'NOT_FOUND', params: { id: duplicate.id, reason: 'mergedAway', survivor: survivor.id, survivorName: 'Peter Okoth' } });
    expect(e.message).toContain('Peter Okoth');
    expect(liveLeaves(c, duplicate.id)).toEqual([]);
    expect(await call(c, 'conflict.list', {})).toEqual([]);
  });

  it('follows a chain of merges to the contact still in the library', async () => {
    const c = await core();
    const last = await call<{ id: string }>(c, 'contact.create', { name: 'Amina Diallo' });
    const middle = await call<{ id: string }>(c, 'contact.create', { name: 'Amina D.' });
    const first = await call<{ id: string; rev: string }>(c, 'contact.create', { name: 'A. Diallo' });
    await call(c, 'contact.merge', { survivor: middle.id, other: first.id });
    await call(c, 'contact.merge', { survivor: last.id, other: middle.id });
    expect(await fail(c, 'contact.update', { id: first.id, rev: first.rev, fields: { role: 'Editor' } })).toMatchObject({
      params: { reason: 'mergedAway', survivor: last.id, survivorName: 'Amina Diallo' },
    });
  });

  it('still refuses a revision the document never had, and an edit with no revision to go on', async () => {
    const c = await core();
    const a = await call<{ id: string; rev: string }>(c, 'outlet.create', { name: 'Le Temps', kind: 'newspaper' });
    const deletion = await call<{ rev: string }>(c, 'doc.delete', { id: a.id, rev: a.rev });
    expect(await fail(c, 'outlet.update', { id: a.id, rev: '1-00000000000000000000000000000000', fields: { website: 'https://letemps.example' } })).toMatchObject({
      code: 'NOT_FOUND',
      params: { reason: 'noRevision' },
    });
    // The deletion itself is no version to edit, and no revision means the current one: deleted.
    for (const rev of [deletion.rev, null]) {
      expect(await fail(c, 'outlet.update', { id: a.id, rev, fields: { website: 'https://letemps.example' } })).toMatchObject({ code: 'NOT_FOUND', params: { reason: 'gone' } });
    }
    expect(liveLeaves(c, a.id)).toEqual([]);
  });
});
