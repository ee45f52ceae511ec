import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Created, Page, ReleaseSummary } from '../../electron/shared/contract';
import type { Doc } from '../../electron/shared/documents';
import { call, core, fail, release } from '../core-harness';

/** A release's life beyond editing, on a real library: versions, status gates, withdrawal, trash. */


type C = Awaited<ReturnType<typeof core>>;
const get = (c: C, id: string) => call<Doc<'release'>>(c, 'release.get', { id });
const list = (c: C, input: Record<string, unknown> = {}) => call<Page<ReleaseSummary>>(c, 'release.list', input);

describe('language versions', () => {
  it('links an existing release to another; both see each other, and the link is in both documents', async () => {
    const c = await core();
    const en = await call<Created>(c, 'release.create', release());
    const fr = await call<Created>(c, 'release.create', release({ language: 'fr', headline: "L'eau potable arrive à Kasese" }));
    const versions = await call<ReleaseSummary[]>(c, 'release.link', { id: fr.id, to: en.id });
    expect(versions.map((v) => [v.id, v.language])).toEqual([
      [en.id, 'en'],
      [fr.id, 'fr'],
    ]);
    expect((await get(c, en.id)).translationGroup).toBe(en.id);
    expect((await get(c, fr.id)).translationGroup).toBe(en.id);
    const fromEn = await call<ReleaseSummary[]>(c, 'release.versions', { id: en.id });
    const fromFr = await call<ReleaseSummary[]>(c, 'release.versions', { id: fr.id });
    expect(fromEn.map((v) => v.id).sort()).toEqual([en.id, fr.id].sort());
    expect(fromFr.map((v) => v.id).sort()).toEqual([en.id, fr.id].sort());
  });

  it('refuses a second version in the same language, a link to itself and one already made', async () => {
    const c = await core();
    const en = await call<Created>(c, 'release.create', release());
    const fr = await call<Created>(c, 'release.create', release({ language: 'fr' }));
    const fr2 = await call<Created>(c, 'release.create', release({ language: 'fr', headline: 'Autre' }));
    const en2 = await call<Created>(c, 'release.create', release({ headline: 'Another English one' }));
    await call(c, 'release.link', { id: fr.id, to: en.id });
    const clash = await fail(c, 'release.link', { id: fr2.id, to: en.id });
    expect(clash.code).toBe('CONFLICT');
    expect(clash.params).toMatchObject({ id: fr.id, language: 'fr' });
    expect((await fail(c, 'release.link', { id: en2.id, to: fr.id })).params).toMatchObject({ id: en.id, language: 'en' });
    expect((await fail(c, 'release.link', { id: en.id, to: en.id })).path).toEqual(['to']);
    expect((await fail(c, 'release.link', { id: fr.id, to: en.id })).code).toBe('CONFLICT');
    expect((await get(c, fr2.id)).translationGroup).toBeNull();
  });

  it('unlinks one version; the others stay together and it stands alone', async () => {
    const c = await core();
    const en = await call<Created>(c, 'release.create', release());
    const fr = await call<Created>(c, 'release.create', release({ language: 'fr' }));
    const es = await call<Created>(c, 'release.create', release({ language: 'es' }));
    await call(c, 'release.link', { id: fr.id, to: en.id });
    await call(c, 'release.link', { id: es.id, to: fr.id });
    await call(c, 'release.unlink', { id: fr.id });
    expect((await get(c, fr.id)).translationGroup).toBeNull();
    expect((await call<ReleaseSummary[]>(c, 'release.versions', { id: fr.id })).map((v) => v.id)).toEqual([fr.id]);
    expect((await call<ReleaseSummary[]>(c, 'release.versions', { id: es.id })).map((v) => v.language)).toEqual(['en', 'es']);
    expect((await fail(c, 'release.unlink', { id: fr.id })).path).toEqual(['id']);
  });

  it('starts an Arabic version from an empty page: no English words, the facts kept, linked', async () => {
    const c = await core();
    const office = await call<Created>(c, 'office.create', { name: 'Kampala' });
    const en = await call<Created>(
      c,
      'release.create',
      release({
        subheadline: 'Twelve boreholes',
        office: office.id,
        quotes: [{ speaker: 'Amina', text: 'Water is life.' }],
        notesToEditors: 'Photos on request.',
        boilerplate: { office: office.id },
        tags: ['water'],
        endMark: '###',
      }),
    );
    const ar = await call<Created>(c, 'release.translate', { id: en.id, language: 'ar' });
    const doc = await get(c, ar.id);
    expect(doc).toMatchObject({
      language: 'ar',
      headline: '',
      subheadline: null,
      body: { type: 'doc', content: [] },
      quotes: [],
      notesToEditors: null,
      datelinePlace: 'Kampala',
      releaseDate: '2026-11-30',
      office: office.id,
      boilerplate: { office: office.id },
      tags: ['water'],
      endMark: '###',
      status: 'draft',
      translationGroup: en.id,
    });
    expect(JSON.stringify(doc)).not.toContain('boreholes');
  });
});

describe('the status gate', () => {
  it('refuses approved or released without headline, dateline place, release date and body, naming them', async () => {
    const c = await core();
    const bare = await call<Created>(c, 'release.create', { headline: '', language: 'en' });
    const e = await fail(c, 'release.update', { id: bare.id, fields: { status: 'approved' } });
    expect(e.code).toBe('RELEASE_INCOMPLETE');
    expect(e.params).toEqual({ status: 'approved', missing: 'headline,datelinePlace,releaseDate,body' });
    expect(e.path).toEqual(['fields', 'headline']);
    expect((await get(c, bare.id)).status).toBe('draft');

    const almost = await call<Created>(c, 'release.create', release({ body: { type: 'doc', content: [] } }));
    expect((await fail(c, 'release.update', { id: almost.id, fields: { status: 'released' } })).params).toEqual({ status: 'released', missing: 'body' });
    expect((await fail(c, 'release.create', release({ datelinePlace: '  ', status: 'approved' }))).params).toMatchObject({ missing: 'datelinePlace' });

    const whole = await call<Created>(c, 'release.create', release({ status: 'approved' }));
    // An approved release cannot lose a required field either.
    expect((await fail(c, 'release.update', { id: whole.id, fields: { releaseDate: null } })).params).toMatchObject({ missing: 'releaseDate' });
    await call(c, 'release.update', { id: whole.id, fields: { status: 'released', tags: ['water'] } });
    expect((await get(c, whole.id)).status).toBe('released');
  });

  it('holds for the editor too: the draft journal refuses the status, and stores nothing of it', async () => {
    const c = await core();
    const r = await call<Created>(c, 'release.create', release({ releaseDate: null }));
    const e = await fail(c, 'draft.save', { id: r.id, baseRev: r.rev, session: 's', fields: { status: 'approved', headline: 'New words' } });
    expect(e).toMatchObject({ code: 'RELEASE_INCOMPLETE', params: { missing: 'releaseDate' } });
    expect(await call(c, 'draft.get', { id: r.id })).toBeNull();
    await call(c, 'draft.save', { id: r.id, baseRev: r.rev, session: 's', fields: { status: 'approved', releaseDate: '2026-12-01' } });
    await call(c, 'draft.commit', { id: r.id });
    expect(await get(c, r.id)).toMatchObject({ status: 'approved', releaseDate: '2026-12-01' });
  });
});

describe('withdrawal', () => {
  it('withdraws with a reason, lists as withdrawn, and keeps it out of new kits with a clear error', async () => {
    const c = await core();
    const r = await call<Created>(c, 'release.create', release({ status: 'released' }));
    const ok = await call<Created>(c, 'release.create', release({ headline: 'Another one' }));
    const kit = await call<Created>(c, 'kit.create', { title: 'Floods', items: [{ kind: 'release', id: r.id }] });
    expect((await fail(c, 'release.withdraw', { id: r.id, reason: '   ' })).path).toEqual(['reason']);
    await call(c, 'release.withdraw', { id: r.id, reason: 'The figures were wrong.' });
    const doc = await get(c, r.id);
    expect(doc.status).toBe('withdrawn');
    expect(doc.withdrawal?.reason).toBe('The figures were wrong.');
    expect(Date.parse(doc.withdrawal!.at)).not.toBeNaN();
    expect((await list(c, { status: 'withdrawn' })).items.map((i) => i.id)).toEqual([r.id]);
    expect((await list(c)).items.find((i) => i.id === r.id)?.status).toBe('withdrawn');

    const refused = await fail(c, 'kit.create', { title: 'New kit', items: [{ kind: 'release', id: ok.id }, { kind: 'release', id: r.id }] });
    expect(refused).toMatchObject({ code: 'RELEASE_UNAVAILABLE', params: { id: r.id, reason: 'withdrawn', headline: 'Clean water reaches 40,000 people in Kasese' } });
    expect(refused.message).toContain('withdrawn');
    expect((await list(c)).items).toHaveLength(2);
    expect((await call<Page<unknown>>(c, 'kit.list', {})).total).toBe(1);
    // A kit that already held it may still be edited; the export names the withdrawn release.
    await call(c, 'kit.update', { id: kit.id, fields: { items: [{ kind: 'release', id: r.id }, { kind: 'release', id: ok.id }] } });
    expect((await call<Doc<'kit'>>(c, 'kit.get', { id: kit.id })).items).toHaveLength(2);
  });
});

describe('withdrawal is for a release that went out', () => {
  it('accepts an approved or released release and refuses a draft, one in review or one already withdrawn, changing nothing', async () => {
    const c = await core();
    for (const status of ['approved', 'released']) {
      const r = await call<Created>(c, 'release.create', release({ status }));
      await call(c, 'release.withdraw', { id: r.id, rev: r.rev, reason: 'The figures were wrong.' });
      expect(await get(c, r.id), status).toMatchObject({ status: 'withdrawn', withdrawal: { reason: 'The figures were wrong.' } });
    }
    const refusals = [
      ['draft', 'withdrawDraft', 'it is a draft and never went out; move it to the trash instead'],
      ['in-review', 'withdrawInReview', 'it is still in review and never went out; move it to the trash instead'],
    ] as const;
    for (const [status, reason, words] of refusals) {
      const r = await call<Created>(c, 'release.create', release({ status, headline: `A ${status} release` }));
      const refused = await fail(c, 'release.withdraw', { id: r.id, rev: r.rev, reason: 'Not needed.' });
      expect(refused, status).toMatchObject({ code: 'INVALID_INPUT', path: ['id'], params: { id: r.id, reason, status, headline: `A ${status} release` } });
      expect(refused.message).toContain(words);
      // Nothing was written: the same revision, no withdrawal.
      const after = await get(c, r.id);
      expect(after, status).toMatchObject({ rev: r.rev, status });
      expect(after.withdrawal ?? null, status).toBeNull();
    }
    const twice = await call<Created>(c, 'release.create', release({ status: 'released' }));
    const first = await call<Created>(c, 'release.withdraw', { id: twice.id, rev: null, reason: 'The figures were wrong.' });
    expect(await fail(c, 'release.withdraw', { id: twice.id, rev: null, reason: 'Again.' })).toMatchObject({ code: 'INVALID_INPUT', params: { reason: 'alreadyWithdrawn' } });
    expect(await get(c, twice.id)).toMatchObject({ rev: first.rev, withdrawal: { reason: 'The figures were wrong.' } });
  });

  it('judges the release as it stands: a draft approved since can be withdrawn', async () => {
    const c = await core();
    const r = await call<Created>(c, 'release.create', release());
    expect((await fail(c, 'release.withdraw', { id: r.id, rev: null, reason: 'Wrong figures' })).params?.reason).toBe('withdrawDraft');
    await call(c, 'release.update', { id: r.id, rev: null, fields: { status: 'approved' } });
    await call(c, 'release.withdraw', { id: r.id, rev: null, reason: 'Wrong figures' });
    expect((await get(c, r.id)).status).toBe('withdrawn');
  });

  it('holds release.update to the same rule: a draft or a release in review cannot be made withdrawn by its status', async () => {
    const c = await core();
    for (const [status, reason] of [['draft', 'withdrawDraft'], ['in-review', 'withdrawInReview']] as const) {
      const r = await call<Created>(c, 'release.create', release({ status }));
      const refused = await fail(c, 'release.update', { id: r.id, rev: r.rev, fields: { status: 'withdrawn' } });
      expect(refused, status).toMatchObject({ code: 'INVALID_INPUT', path: ['fields', 'status'], params: { reason } });
      expect((await get(c, r.id)).status).toBe(status);
    }
    const out = await call<Created>(c, 'release.create', release({ status: 'released' }));
    await call(c, 'release.update', { id: out.id, rev: out.rev, fields: { status: 'withdrawn' } });
    expect((await get(c, out.id)).status).toBe('withdrawn');
  });
});

describe('the trash', () => {
  it('trashes, hides from lists, search, versions and kits, restores, and empties for good', async () => {
    const c = await core();
    const en = await call<Created>(c, 'release.create', release());
    const fr = await call<Created>(c, 'release.translate', { id: en.id, language: 'fr' });
    const keep = await call<Created>(c, 'release.create', release({ headline: 'Kept release about Kasese boreholes' }));
    await call(c, 'release.trash', { id: en.id });
    expect((await get(c, en.id)).trashed?.at).toBeTruthy();
    expect((await list(c)).items.map((i) => i.id).sort()).toEqual([fr.id, keep.id].sort());
    expect((await list(c, { trashed: true })).items.map((i) => [i.id, i.status])).toEqual([[en.id, 'trashed']]);
    const hits = await call<{ id: string }[]>(c, 'search', { query: 'Kasese' });
    expect(hits.map((h) => h.id)).toContain(keep.id);
    expect(hits.map((h) => h.id)).not.toContain(en.id);
    expect((await call<ReleaseSummary[]>(c, 'release.versions', { id: fr.id })).map((v) => v.id)).toEqual([fr.id]);
    expect((await fail(c, 'kit.create', { title: 'K', items: [{ kind: 'release', id: en.id }] })).params).toMatchObject({ reason: 'trashed' });
    expect((await fail(c, 'release.translate', { id: en.id, language: 'es' })).code).toBe('RELEASE_UNAVAILABLE');

    await call(c, 'release.untrash', { id: en.id });
    expect((await list(c)).total).toBe(3);
    expect((await call<ReleaseSummary[]>(c, 'release.versions', { id: fr.id })).map((v) => v.id).sort()).toEqual([en.id, fr.id].sort());
    expect((await fail(c, 'release.untrash', { id: en.id })).path).toEqual(['id']);

    await call(c, 'release.trash', { id: en.id });
    await call(c, 'release.trash', { id: keep.id });
    expect((await fail(c, 'release.emptyTrash', { ids: [en.id, fr.id] })).path).toEqual(['ids']);
    expect((await list(c, { trashed: true })).total).toBe(2);
    expect(await call(c, 'release.emptyTrash', {})).toEqual({ deleted: 2 });
    expect((await list(c, { trashed: true })).total).toBe(0);
    expect((await fail(c, 'release.get', { id: en.id })).code).toBe('NOT_FOUND');
    // Deleted as tombstones, so the deletion replicates like any change.
    const db = new Database(join(c.library.dir, 'library.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT id, deleted FROM docs WHERE id IN (?, ?)').all(en.id, keep.id);
    db.close();
    expect(rows).toEqual(expect.arrayContaining([{ id: en.id, deleted: 1 }, { id: keep.id, deleted: 1 }]));
  });

  it('empties a trash of several batches whole, and says how many it deleted', async () => {
    const c = await core();
    for (let i = 0; i < 450; i++) {
      const r = await call<Created>(c, 'release.create', release({ headline: `Draft ${i}` }));
      await call(c, 'release.trash', { id: r.id, rev: r.rev });
    }
    const kept = await call<Created>(c, 'release.create', release());
    expect(await call(c, 'release.emptyTrash', {})).toEqual({ deleted: 450 });
    expect((await list(c, { trashed: true })).total).toBe(0);
    expect((await get(c, kept.id)).headline).toBe(release().headline);
  });

  it('restores an earlier revision from the history', async () => {
    const c = await core();
    const r = await call<Created>(c, 'release.create', release());
    await call(c, 'release.update', { id: r.id, fields: { headline: 'A headline written by mistake' } });
    await call(c, 'doc.restore', { id: r.id, rev: r.rev });
    expect((await get(c, r.id)).headline).toBe('Clean water reaches 40,000 people in Kasese');
  });
});
