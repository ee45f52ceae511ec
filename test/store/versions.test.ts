import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RemoteRevision } from '../../electron/core/store/replication-api';
import { ContactFields, DOC_SCHEMA_VERSION, readLeniently } from '../../electron/shared/documents';
import { call, core, fail } from '../core-harness';


const rev1 = (seed: string) => `1-${createHash('md5').update(seed).digest('hex')}`;
function remote(id: string, rev: string, body: Record<string, unknown>): RemoteRevision {
  return { ...body, _id: id, _rev: rev, _revisions: { start: 1, ids: [rev.slice(2)] } };
}

/** A spokesperson as a later Dateline (document version 2) writes her: a new e-mail type, a nested phone field, a new field. */
const newer = {
  type: 'contact',
  schema: DOC_SCHEMA_VERSION + 1,
  kind: 'spokesperson',
  name: 'Wanjiru Kamau',
  office: 'off-kenya',
  emails: [
    { type: 'press', address: 'press.kenya@example.org' },
    { type: 'work', address: 'w.kamau@example.org' },
  ],
  phones: [{ type: 'mobile', number: '+254 700 000 001', e164: '+254700000001' }],
  pronouns: 'she/her',
  updatedAt: '2026-11-20T09:00:00.000Z',
  updatedBy: 'nairobi',
};

describe('documents of a newer version, in this app', () => {
  it('are stored as they are, listed and found, shown read-only with a clear message, and exported as far as this app reads them', async () => {
    const c = await core();
    const rev = rev1('newer');
    const r = c.library.replication.bulkInsertRemote([remote('con-newer', rev, newer)]);
    expect(r).toEqual({ written: 1, skipped: 0, denied: [] });

    const got = await call<Record<string, unknown>>(c, 'contact.get', { id: 'con-newer' });
    expect(got).toMatchObject({ schema: 2, pronouns: 'she/her', emails: newer.emails, phones: newer.phones });
    const hits = await call<{ id: string }[]>(c, 'search', { query: 'kamau' });
    expect(hits.map((h) => h.id)).toEqual(['con-newer']);

    const edit = await fail(c, 'contact.update', { id: 'con-newer', fields: { role: 'Spokesperson' } });
    expect(edit.code).toBe('DOC_NEWER');
    expect(edit.message).toBe(
      'This contact was written by a newer version of Dateline (document version 2; this app edits up to version 1). You can read and export it; update Dateline to edit it.',
    );
    expect((await fail(c, 'draft.save', { id: 'con-newer', baseRev: rev, session: 's', fields: { role: 'x' } })).code).toBe('DOC_NEWER');
    expect(c.library.docs.revisions('con-newer')).toHaveLength(1);

    // Sent on to the next library exactly as it came.
    const [out] = c.library.replication.openRevs('con-newer', 'all');
    expect(out).toEqual({ ok: { ...remote('con-newer', rev, newer) } });

    // A kit with her exports: what this version cannot read is mapped to what it knows.
    const kit = await call<{ id: string }>(c, 'kit.create', { title: 'Drought response', items: [{ kind: 'contact', id: 'con-newer' }] });
    const preview = await call<{ html: string }>(c, 'kit.preview', { id: kit.id });
    expect(preview.html).toContain('press.kenya@example.org');
    expect(preview.html).toContain('+254 700 000 001');
  });

  it('reads leniently for showing and exporting, never changing what is stored', () => {
    expect(readLeniently(ContactFields, newer)).toMatchObject({
      name: 'Wanjiru Kamau',
      emails: [
        { type: 'other', address: 'press.kenya@example.org' },
        { type: 'work', address: 'w.kamau@example.org' },
      ],
      phones: [{ type: 'mobile', number: '+254 700 000 001' }],
    });
    expect(newer.emails[0]!.type).toBe('press');
  });

  it('can still be deleted, and the tombstone keeps type and office', async () => {
    const c = await core();
    const rev = rev1('newer');
    c.library.replication.bulkInsertRemote([remote('con-newer', rev, newer)]);
    const gone = await call<{ rev: string }>(c, 'doc.delete', { id: 'con-newer', rev });
    expect(c.library.docs.getRevision('con-newer', gone.rev).body).toMatchObject({ type: 'contact', office: 'off-kenya' });
  });
});

describe('documents of an older version, in this app', () => {
  it('are checked by this version, edited, stamped with this version, and keep every field this version does not know', async () => {
    const c = await core();
    const rev = rev1('older');
    // An older Dateline wrote no `schema` (version 1) and a field this one does not know.
    const older = { type: 'release', headline: 'Floods in Beira', language: 'pt', status: 'draft', legacyRef: 'BEI-7', updatedAt: 'x', updatedBy: 'maputo' };
    expect(c.library.replication.bulkInsertRemote([remote('rel-old', rev, older)]).written).toBe(1);
    const bad = c.library.replication.bulkInsertRemote([remote('rel-bad', rev1('bad'), { ...older, status: 'archived' })]);
    expect(bad.denied[0]!.reason).toMatch(/^status: /);

    const done = await call<{ rev: string }>(c, 'release.update', { id: 'rel-old', rev, fields: { headline: 'Floods in Beira: schools reopen' } });
    const body = c.library.docs.getRevision('rel-old', done.rev).body;
    expect(body).toMatchObject({ schema: DOC_SCHEMA_VERSION, legacyRef: 'BEI-7', headline: 'Floods in Beira: schools reopen', language: 'pt' });
  });
});
