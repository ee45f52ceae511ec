import { rmSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { ConflictCase } from '../../electron/shared/conflicts/contract';
import type { Saved } from '../../electron/shared/contract';
import { call, core, fail } from '../core-harness';

/**
 * An attachment's details saved on the revision the person opened are committed as a three-way
 * merge, as a contact's are: what changed elsewhere meanwhile stays, the same field changed on
 * both sides goes to the conflicts inbox, and an attachment deleted meanwhile keeps the person's
 * version beside the deletion, unless its file left this computer or it was erased.
 */

const liveLeaves = (c: Core, id: string) => c.library.docs.revisions(id).filter((r) => r.leaf && !r.deleted);

async function photo(c: Core, fields: Record<string, unknown> = {}) {
  const bytes = await sharp({ create: { width: 12, height: 8, channels: 3, background: '#2a6f4f' } }).png().toBuffer();
  return call<{ id: string; rev: string; sha256: string }>(c, 'attachment.add', { name: 'borehole.png', data: bytes.toString('base64'), fields });
}

describe('attachment details saved on a revision changed since', () => {
  it('keeps both changes when they are to different fields', async () => {
    const c = await core();
    const a = await photo(c, { caption: 'Borehole' });
    await call(c, 'attachment.update', { id: a.id, rev: a.rev, fields: { credit: 'UNICEF/Okello' } });
    const saved = await call<Saved>(c, 'attachment.update', { id: a.id, rev: a.rev, fields: { altText: 'A woman pumps water' } });
    expect(saved.meanwhile).toBe('merged');
    expect(await call(c, 'attachment.get', { id: a.id })).toMatchObject({ rev: saved.rev, caption: 'Borehole', credit: 'UNICEF/Okello', altText: 'A woman pumps water', conflicted: false });
    expect(await call(c, 'conflict.list', {})).toEqual([]);
  });

  it('keeps both versions of a field changed on both sides and leaves the case to the inbox', async () => {
    const c = await core();
    const a = await photo(c, { caption: 'Borehole' });
    const theirs = await call<{ rev: string }>(c, 'attachment.update', { id: a.id, rev: a.rev, fields: { caption: 'Borehole, Kasese' } });
    const ours = await call<Saved>(c, 'attachment.update', { id: a.id, rev: a.rev, fields: { caption: 'New borehole in Kasese' } });
    expect(ours.meanwhile).toBe('conflict');
    expect(liveLeaves(c, a.id).map((r) => r.rev).sort()).toEqual([ours.rev, theirs.rev].sort());
    expect(await call<ConflictCase[]>(c, 'conflict.list', {})).toEqual([
      expect.objectContaining({ docId: a.id, docType: 'attachment', kind: 'fields', oursRev: ours.rev, theirsRev: theirs.rev, fields: ['caption'] }),
    ]);
  });

  it('still refuses a link added to a release that is not in the library', async () => {
    const c = await core();
    const a = await photo(c);
    await call(c, 'attachment.update', { id: a.id, rev: a.rev, fields: { caption: 'Borehole' } });
    expect(await fail(c, 'attachment.update', { id: a.id, rev: a.rev, fields: { releases: ['rel-gone'] } })).toMatchObject({ code: 'NOT_FOUND' });
    expect(liveLeaves(c, a.id)).toHaveLength(1);
  });
});

describe('attachment details saved after the attachment was deleted elsewhere', () => {
  it('keeps the person\'s version beside a deletion that left the file here (one that came by sync), for the inbox', async () => {
    const c = await core();
    const a = await photo(c, { caption: 'Borehole' });
    const deletion = await call<{ rev: string }>(c, 'doc.delete', { id: a.id, rev: a.rev });
    const saved = await call<Saved>(c, 'attachment.update', { id: a.id, rev: a.rev, fields: { credit: 'UNICEF/Okello' } });
    expect(saved.meanwhile).toBe('deleted');
    expect(await call(c, 'attachment.get', { id: a.id })).toMatchObject({ rev: saved.rev, caption: 'Borehole', credit: 'UNICEF/Okello', sha256: a.sha256 });
    const cases = await call<ConflictCase[]>(c, 'conflict.list', {});
    expect(cases).toEqual([expect.objectContaining({ docId: a.id, docType: 'attachment', kind: 'delete', oursRev: saved.rev, theirsRev: deletion.rev })]);
    await call(c, 'conflict.resolve', { id: cases[0]!.id, choice: { kind: 'delete', keep: 'edit' } });
    expect(await call(c, 'attachment.get', { id: a.id })).toMatchObject({ credit: 'UNICEF/Okello', conflicted: false });
  });

  it('refuses when the file is no longer on this computer once deleted, saying so', async () => {
    const c = await core();
    const a = await photo(c, { caption: 'Borehole' });
    await call(c, 'attachment.delete', { id: a.id, rev: a.rev });
    // A deleted attachment keeps its file until the trash is emptied; gone, as a deletion that came
    // by sync for a file never downloaded here, the edit has no bytes to stand on.
    rmSync(c.ctx.blobs.path(a.sha256));
    expect(await fail(c, 'attachment.update', { id: a.id, rev: a.rev, fields: { credit: 'UNICEF/Okello' } })).toMatchObject({
      code: 'NOT_FOUND',
      params: { id: a.id, name: 'borehole.png', reason: 'deletedWithFile' },
    });
    expect(liveLeaves(c, a.id)).toEqual([]);
    expect(await call(c, 'conflict.list', {})).toEqual([]);
  });

  it('refuses the photo of a person erased meanwhile', async () => {
    const c = await core();
    const a = await photo(c, { caption: 'Wanjiru at the clinic' });
    const person = await call<{ id: string }>(c, 'contact.create', { name: 'Wanjiru Kamau', photo: a.id });
    await call(c, 'contact.erase', { id: person.id });
    expect(await fail(c, 'attachment.update', { id: a.id, rev: a.rev, fields: { caption: 'At the clinic' } })).toMatchObject({
      code: 'NOT_FOUND',
      params: { id: a.id, type: 'attachment', reason: 'erased' },
    });
    expect(liveLeaves(c, a.id)).toEqual([]);
  });
});
