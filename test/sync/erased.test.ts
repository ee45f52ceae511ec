import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { syncLibrary } from '../../electron/core/sync/library-sync';
import { job, library } from '../core-harness';
import { tempDir } from '../helpers';
import { photo } from '../kits/fixtures';
import { useCouchWithProxy } from './couch-server';
import { call, libraryState } from './library-state';

/**
 * A person erased at their request in one office's library: the other libraries that receive the
 * erase, by sync or by a sync file, keep none of their data in any stored version either, as
 * the library that erased them keeps none.
 */

const couch = useCouchWithProxy();

/** Stored bodies of any revision, draft or document that still name the person. */
function traces(core: Core, text: string): number {
  const n = (sql: string) => (core.library.db.prepare(sql).get(`%${text}%`) as { n: number }).n;
  return n('SELECT count(*) AS n FROM bodies WHERE json LIKE ?') + n('SELECT count(*) AS n FROM drafts WHERE fields LIKE ?');
}

async function twoLibrariesWithLina(): Promise<{ amman: Core; geneva: Core; db: string; id: string }> {
  const { direct: db } = await couch.freshDb();
  const amman = await library('Amman laptop');
  const geneva = await library('Geneva HQ');
  const office = (await call<{ id: string }>(amman, 'office.create', { name: 'Amman' })).id;
  const id = (await call<{ id: string }>(amman, 'contact.create', {
    name: 'Lina Haddad',
    kind: 'journalist',
    office,
    organisation: 'Jordan Times',
    emails: [{ type: 'work', address: 'lina.haddad@example.org' }],
  })).id;
  await call(amman, 'contact.update', { id, rev: null, fields: { role: 'Health correspondent' } });
  await syncLibrary(amman.library, { remote: { url: db } });
  await syncLibrary(geneva.library, { remote: { url: db } });
  expect(traces(geneva, 'lina.haddad@example.org')).toBeGreaterThan(0);
  await call(amman, 'contact.erase', { id });
  expect(traces(amman, 'lina.haddad@example.org')).toBe(0);
  return { amman, geneva, db, id };
}

describe('a contact erased in another library', () => {
  it('arrives by sync with none of the person left in any stored version here', async () => {
    const { amman, geneva, db, id } = await twoLibrariesWithLina();
    await syncLibrary(amman.library, { remote: { url: db } });
    await syncLibrary(geneva.library, { remote: { url: db } });
    expect(libraryState(geneva)[id]).toEqual(libraryState(amman)[id]);
    expect(libraryState(geneva)[id]?.winner).toBe('deleted');
    for (const text of ['lina.haddad@example.org', 'Lina Haddad', 'Health correspondent']) expect(traces(geneva, text)).toBe(0);
    // Syncing again changes nothing.
    const again = await syncLibrary(geneva.library, { remote: { url: db } });
    expect([again.pulled.docs, again.pushed.docs]).toEqual([0, 0]);
  });

  it('arrives on a sync file the same way', async () => {
    const { amman, geneva } = await twoLibrariesWithLina();
    const file = join(tempDir(), 'amman.dateline-sync');
    await job(amman, 'sync.export', { out: file, peer: null });
    await job(geneva, 'sync.import', { from: file });
    expect(traces(geneva, 'lina.haddad@example.org')).toBe(0);
  });
});

describe("an erased person's photo in a library that receives the erase", () => {
  /** Lina with a photo in Amman; Geneva holds both, its file and its preview, from a sync file. */
  async function linaWithPhoto(genevaFirst?: (geneva: Core, bytes: Buffer) => Promise<void>): Promise<{ amman: Core; geneva: Core; sha: string }> {
    const amman = await library('Amman laptop');
    const geneva = await library('Geneva HQ');
    const bytes = await photo(640, 480, 7);
    await genevaFirst?.(geneva, bytes);
    const added = await call<{ id: string; sha256: string }>(amman, 'attachment.add', { name: 'Lina Haddad.jpg', data: bytes.toString('base64') });
    const id = (await call<{ id: string }>(amman, 'contact.create', { name: 'Lina Haddad', kind: 'journalist', photo: added.id })).id;
    const file = join(tempDir(), 'amman.dateline-sync');
    await job(amman, 'sync.export', { out: file, peer: null });
    await job(geneva, 'sync.import', { from: file });
    await call(geneva, 'attachment.content', { id: added.id, variant: 'thumbnail' });
    expect([geneva.ctx.blobs.has(added.sha256), existsSync(thumbnail(geneva, added.sha256))]).toEqual([true, true]);
    await call(amman, 'contact.erase', { id });
    expect([amman.ctx.blobs.has(added.sha256), existsSync(thumbnail(amman, added.sha256))]).toEqual([false, false]);
    return { amman, geneva, sha: added.sha256 };
  }
  const thumbnail = (c: Core, sha: string) => join(c.ctx.dir, 'thumbs', `${sha}.webp`);

  it('leaves neither the file nor its preview here when the erase comes on a sync file', async () => {
    const { amman, geneva, sha } = await linaWithPhoto();
    const file = join(tempDir(), 'amman-erase.dateline-sync');
    await job(amman, 'sync.export', { out: file, peer: null });
    await job(geneva, 'sync.import', { from: file });
    expect([geneva.ctx.blobs.has(sha), existsSync(thumbnail(geneva, sha))]).toEqual([false, false]);
  });

  it('leaves neither when the erase comes by a pull from the server', async () => {
    const { amman, geneva, sha } = await linaWithPhoto();
    const { direct: db } = await couch.freshDb();
    await syncLibrary(geneva.library, { remote: { url: db } });
    await syncLibrary(amman.library, { remote: { url: db } });
    expect(geneva.ctx.blobs.has(sha)).toBe(true);
    await syncLibrary(geneva.library, { remote: { url: db } });
    expect([geneva.ctx.blobs.has(sha), existsSync(thumbnail(geneva, sha))]).toEqual([false, false]);
  });

  it('keeps the file while another attachment here holds the same bytes', async () => {
    let own = '';
    const { amman, geneva, sha } = await linaWithPhoto(async (geneva, bytes) => {
      own = (await call<{ id: string }>(geneva, 'attachment.add', { name: 'press-day.jpg', data: bytes.toString('base64') })).id;
    });
    const file = join(tempDir(), 'amman-erase.dateline-sync');
    await job(amman, 'sync.export', { out: file, peer: null });
    await job(geneva, 'sync.import', { from: file });
    expect(geneva.ctx.blobs.has(sha)).toBe(true);
    const content = await call<{ data: string }>(geneva, 'attachment.content', { id: own });
    expect(content.data.length).toBeGreaterThan(0);
  });
});

describe('a private note about a person erased or merged in another library', () => {
  /** The notes kept on this computer, by contact id. */
  const notes = (c: Core): Record<string, string> =>
    Object.fromEntries(
      (c.library.db.prepare("SELECT id, body FROM local_docs WHERE id LIKE 'contact-note:%'").all() as { id: string; body: string }[]).map((r) => [
        r.id.slice('contact-note:'.length),
        (JSON.parse(r.body) as { text: string }).text,
      ]),
    );
  /** Amman's changes since the last file, taken to Geneva on a sync file. */
  async function carry(amman: Core, geneva: Core): Promise<void> {
    const file = join(tempDir(), 'amman.dateline-sync');
    await job(amman, 'sync.export', { out: file, peer: null });
    await job(geneva, 'sync.import', { from: file });
  }
  const person = async (c: Core, name: string) => (await call<{ id: string }>(c, 'contact.create', { name, kind: 'journalist' })).id;

  it('goes when the erase arrives', async () => {
    const amman = await library('Amman laptop');
    const geneva = await library('Geneva HQ');
    const lina = await person(amman, 'Lina Haddad');
    const omar = await person(amman, 'Omar Saleh');
    await carry(amman, geneva);
    await call(geneva, 'contact.setPrivateNote', { id: lina, text: 'Prefers WhatsApp; her sister works at the ministry.' });
    await call(geneva, 'contact.setPrivateNote', { id: omar, text: 'Call after 4 pm.' });
    await call(amman, 'contact.erase', { id: lina });
    await carry(amman, geneva);
    expect(notes(geneva)).toEqual({ [omar]: 'Call after 4 pm.' });
    expect(traces(geneva, 'ministry')).toBe(0);
    expect(JSON.stringify(geneva.library.db.prepare('SELECT body FROM local_docs').pluck().all())).not.toContain('ministry');
  });

  it("joins the survivor's when the merge arrives, along a chain of merges", async () => {
    const amman = await library('Amman laptop');
    const geneva = await library('Geneva HQ');
    const [a, b, c] = [await person(amman, 'Lina Haddad'), await person(amman, 'Lina Hadad'), await person(amman, 'L. Haddad')];
    await carry(amman, geneva);
    await call(geneva, 'contact.setPrivateNote', { id: a, text: 'Prefers WhatsApp.' });
    await call(geneva, 'contact.setPrivateNote', { id: b, text: 'Met at the Zaatari briefing.' });
    await call(amman, 'contact.merge', { survivor: a, other: b });
    await carry(amman, geneva);
    expect(notes(geneva)).toEqual({ [a]: 'Prefers WhatsApp.\n\nMet at the Zaatari briefing.' });
    expect((await call<{ text: string }>(geneva, 'contact.privateNote', { id: a })).text).toBe('Prefers WhatsApp.\n\nMet at the Zaatari briefing.');

    // a merged into c, and c's duplicate d into c, arriving together: every note ends on c.
    const d = await person(amman, 'Lina H.');
    await carry(amman, geneva);
    await call(geneva, 'contact.setPrivateNote', { id: d, text: 'Covers Irbid.' });
    await call(amman, 'contact.merge', { survivor: c, other: a });
    await call(amman, 'contact.merge', { survivor: c, other: d });
    await carry(amman, geneva);
    expect(Object.keys(notes(geneva))).toEqual([c]);
    for (const text of ['Prefers WhatsApp.', 'Met at the Zaatari briefing.', 'Covers Irbid.']) expect(notes(geneva)[c]).toContain(text);
  });
});

describe('"not the same person" about people merged or erased in another library', () => {
  /** The answers kept on this computer, by contact id. */
  const answers = (c: Core): Record<string, string[]> =>
    Object.fromEntries(
      (c.library.db.prepare("SELECT id, body FROM local_docs WHERE id LIKE 'contact-not-same:%'").all() as { id: string; body: string }[]).map((r) => [
        r.id.slice('contact-not-same:'.length),
        [...(JSON.parse(r.body) as { others: string[] }).others].sort(),
      ]),
    );
  async function carry(amman: Core, geneva: Core): Promise<void> {
    const file = join(tempDir(), 'amman.dateline-sync');
    await job(amman, 'sync.export', { out: file, peer: null });
    await job(geneva, 'sync.import', { from: file });
  }
  const person = async (c: Core, name: string, fields: Record<string, unknown> = {}) => (await call<{ id: string }>(c, 'contact.create', { name, kind: 'journalist', ...fields })).id;
  const similar = async (c: Core, id: string) => (await call<{ name: string }[]>(c, 'contact.similar', { id })).map((s) => s.name).sort();

  it("stay with the survivor when the merge arrives, along a chain of merges, and go with a person erased", async () => {
    const amman = await library('Amman laptop');
    const geneva = await library('Geneva HQ');
    const desk = { emails: [{ type: 'work', address: 'news@jordantimes.example' }] };
    const mobile = { phones: [{ type: 'mobile', number: '+962 79 555 0101' }] };
    const [a, b] = [await person(amman, 'Lina Haddad', desk), await person(amman, 'L. Haddad', mobile)];
    const [x, y] = [await person(amman, 'Rami Khoury', desk), await person(amman, 'Omar Saleh', mobile)];
    await carry(amman, geneva);
    // Geneva has told Lina from Rami (one desk's address) and from Omar (a phone lent).
    await call(geneva, 'contact.notSame', { id: a, other: x });
    await call(geneva, 'contact.notSame', { id: b, other: y });
    expect([await similar(geneva, a), await similar(geneva, b)]).toEqual([[], []]);

    // Amman, which never had those answers, merges the two records of Lina Haddad.
    await call(amman, 'contact.merge', { survivor: a, other: b });
    await carry(amman, geneva);
    expect(answers(geneva)).toEqual({ [a]: [x, y].sort(), [x]: [a], [y]: [a] });
    // The record left has both the desk's address and the phone, and suggests neither Rami nor Omar.
    expect(await similar(geneva, a)).toEqual([]);

    // a merged in turn into c: the answers end on c.
    const c = await person(amman, 'Lina H.');
    await call(amman, 'contact.merge', { survivor: c, other: a });
    await carry(amman, geneva);
    expect(answers(geneva)).toEqual({ [c]: [x, y].sort(), [x]: [c], [y]: [c] });

    // Erased at their request: their own record goes.
    await call(amman, 'contact.erase', { id: c });
    await carry(amman, geneva);
    expect(Object.keys(answers(geneva))).not.toContain(c);
  });
});
