import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { EraseResult, MergeResult, PersonExport } from '../../electron/shared/contacts/person-contract';
import { markdownToRichText } from '../../electron/core/markdown';
import { cli } from '../cli/run';
import { damageRevision } from '../damage';
import { tempDir } from '../helpers';
import { allContacts, call, core, fail, fixture, importFile } from './helpers';

const release = (contacts: string[]) => ({
  headline: 'Clean water reaches 40,000 people in Kasese',
  language: 'en',
  datelinePlace: 'Kampala',
  releaseDate: '2026-11-30',
  body: markdownToRichText('Twelve boreholes.'),
  contacts,
});

describe('one person', () => {
  it('merges a duplicate: fields chosen per field, both outlets kept in the history, releases and kits repointed, the other a tombstone with mergedInto', async () => {
    const c = await core();
    const omega = await call<{ id: string }>(c, 'outlet.create', { name: 'Radio Omega' });
    const savane = await call<{ id: string }>(c, 'outlet.create', { name: 'Savane FM' });
    const a = await call<{ id: string }>(c, 'contact.create', { name: 'Amelie Kabore', outlet: omega.id, role: 'Reporter', emails: [{ address: 'amelie@omega.example' }] });
    const b = await call<{ id: string }>(c, 'contact.create', { name: 'Amélie Kaboré', outlet: savane.id, role: 'Editor', phones: [{ type: 'mobile', number: '+226 70 11 22 33' }] });
    const rel = await call<{ id: string }>(c, 'release.create', release([b.id, a.id]));
    const kit = await call<{ id: string }>(c, 'kit.create', { title: 'Kasese kit', items: [{ kind: 'contact', id: b.id }, { kind: 'release', id: rel.id }] });

    const r = await call<MergeResult>(c, 'contact.merge', { survivor: a.id, other: b.id, take: ['name', 'outlet', 'role'] });
    expect(r).toMatchObject({ id: a.id, mergedFrom: b.id, releasesChanged: 1, kitsChanged: 1 });
    const kept = await call<Record<string, unknown>>(c, 'contact.get', { id: a.id });
    expect(kept).toMatchObject({
      name: 'Amélie Kaboré',
      role: 'Editor',
      outlet: savane.id,
      emails: [{ type: 'work', address: 'amelie@omega.example' }],
      phones: [{ type: 'mobile', number: '+226 70 11 22 33' }],
      outletHistory: [{ outlet: omega.id, role: null, from: null, to: null }],
    });
    expect((await call<{ contacts: string[] }>(c, 'release.get', { id: rel.id })).contacts).toEqual([a.id]);
    expect((await call<{ items: unknown[] }>(c, 'kit.get', { id: kit.id })).items).toEqual([{ kind: 'contact', id: a.id }, { kind: 'release', id: rel.id }]);
    expect((await fail(c, 'contact.get', { id: b.id })).code).toBe('NOT_FOUND');
    const history = await call<{ rev: string; deleted: boolean; winner: boolean; available: boolean }[]>(c, 'doc.history', { id: b.id });
    expect(history.filter((h) => h.available && !h.deleted)).toEqual([]);
    const tomb = await call<Record<string, unknown>>(c, 'doc.revision', { id: b.id, rev: history.find((h) => h.winner)!.rev });
    expect(tomb).toMatchObject({ deleted: true, mergedInto: a.id });
    expect(JSON.stringify(tomb)).not.toContain('Kabor');
    expect((await call<{ releases: { id: string }[] }>(c, 'contact.references', { id: a.id })).releases.map((x) => x.id)).toEqual([rel.id]);
  });

  it('exports everything about one person as JSON', async () => {
    const c = await core();
    await importFile(c, fixture('phone.vcf'), { commit: true });
    const abena = (await allContacts(c)).find((p) => p.name === 'Abena Mensah')!;
    const rel = await call<{ id: string }>(c, 'release.create', release([abena.id]));
    const x = await call<PersonExport>(c, 'contact.exportPerson', { id: abena.id });
    expect(x.contact).toMatchObject({ id: abena.id, name: 'Abena Mensah', emails: [{ address: 'abena.mensah@joyfm.example' }] });
    expect(x.history).toHaveLength(1);
    expect(x.photo).toMatchObject({ mediaType: 'image/png', originalName: 'Abena Mensah.png' });
    // The photo's bytes are in the export, as stored: the person's own picture is part of what is kept about them.
    const bytes = Buffer.from(x.photo!.data!, 'base64');
    expect(bytes.length).toBe(x.photo!.size);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(x.photo!.sha256);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    // A photo whose file is not on this computer (kept on the sync server) is named, without bytes.
    rmSync(c.ctx.blobs.path(x.photo!.sha256));
    expect((await call<PersonExport>(c, 'contact.exportPerson', { id: abena.id })).photo).toMatchObject({ sha256: x.photo!.sha256, data: null });
    expect(x.references.releases).toEqual([{ id: rel.id, headline: 'Clean water reaches 40,000 people in Kasese', releaseDate: '2026-11-30' }]);
  });

  it('erases a person from every stored revision, keeps them out of later imports, and says so on the command line', async () => {
    const lib = tempDir();
    const run = (args: string[]) => cli([...args, '--library', lib]);
    const imported = await run(['contacts', 'import', fixture('google.csv'), '--json']);
    const grace = (JSON.parse(imported.out) as { outcomes: { name: string; id: string }[] }).outcomes.find((o) => o.name === 'Grace Akello')!.id;
    const edited = await run(['contacts', 'show', grace, '--json']);
    expect(edited.code).toBe(0);
    const erased = await run(['contacts', 'erase', grace, '--json']);
    expect(erased.err).toBe('');
    expect(JSON.parse(erased.out) as EraseResult).toMatchObject({ id: grace, suppressedKeys: 3 });
    // Nothing of her is left in the database file's documents.
    const db = new Database(join(lib, 'library.sqlite'), { readonly: true });
    const bodies = db.prepare('SELECT body FROM revs WHERE body IS NOT NULL').all() as { body: string }[];
    db.close();
    expect(bodies.map((b) => b.body).join('\n')).not.toMatch(/Akello|grace\.akello|772 123456/);
    // The same file again: she is refused, the other is already in the library, unchanged.
    const again = await run(['contacts', 'import', fixture('google.csv'), '--dry-run']);
    expect(again.out).toMatch(/row 2\s+refused\s+Grace Akello: this person was erased from the library at their request/);
    expect(again.out).toContain('0 to create, 0 to merge, 2 refused, 0 skipped; 1 already in the library, unchanged.');
    expect(readFileSync(fixture('google.csv'), 'utf8')).toContain('Akello');
  });

  it('refuses a merge into itself and an unknown contact', async () => {
    const c = await core();
    const a = await call<{ id: string }>(c, 'contact.create', { name: 'Solo' });
    expect((await fail(c, 'contact.merge', { survivor: a.id, other: a.id })).message).toContain('a contact cannot be merged into itself');
    expect((await fail(c, 'contact.erase', { id: 'con-nope' })).code).toBe('NOT_FOUND');
  });
});

describe('one person, when a stored record was damaged outside Dateline', () => {
  it('references, merge, erase and the person export name the damaged record and field, and merge and erase change nothing', async () => {
    const c = await core();
    const db = c.library.db;
    const a = await call<{ id: string }>(c, 'contact.create', { name: 'Amelie Kabore' });
    const b = await call<{ id: string }>(c, 'contact.create', { name: 'Amélie Kaboré' });
    const rel = await call<{ id: string }>(c, 'release.create', release([b.id]));
    damageRevision(db, rel.id, '$.releaseDate', '"30/11/2026"');
    const seq = () => (db.prepare('SELECT max(seq) FROM changes').pluck().get() as number);
    const before = seq();

    const references = await fail(c, 'contact.references', { id: b.id });
    expect(references).toMatchObject({ code: 'INVALID_INPUT', path: ['releaseDate'], params: { type: 'release', id: rel.id, field: 'releaseDate' } });
    expect(references.message).toMatch(new RegExp(`^The release "${rel.id}" cannot be read: releaseDate: `));
    expect((await fail(c, 'contact.merge', { survivor: a.id, other: b.id })).params).toMatchObject({ id: rel.id, field: 'releaseDate' });
    expect((await fail(c, 'contact.erase', { id: b.id })).params).toMatchObject({ id: rel.id, field: 'releaseDate' });
    expect(seq()).toBe(before);
    expect((await call<{ name: string }>(c, 'contact.get', { id: b.id })).name).toBe('Amélie Kaboré');

    const outlet = await call<{ id: string; rev: string }>(c, 'outlet.create', { name: 'Radio Omega' });
    await call(c, 'contact.update', { id: a.id, rev: null, fields: { outlet: outlet.id } });
    damageRevision(db, outlet.id, '$.kind', '"carrier pigeon"');
    expect(await fail(c, 'contact.exportPerson', { id: a.id })).toMatchObject({ code: 'INVALID_INPUT', params: { type: 'outlet', id: outlet.id, field: 'kind' } });
  });
});
