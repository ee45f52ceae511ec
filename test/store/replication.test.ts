import { createHash } from 'node:crypto';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { Library } from '../../electron/core/store/library';
import { m0001 } from '../../electron/core/store/migrations/0001-initial';
import { m0002 } from '../../electron/core/store/migrations/0002-drafts';
import { rebuildProjections } from '../../electron/core/store/projections';
import { searchLibrary } from '../../electron/core/search/query';
import { settleConflicts } from '../../electron/core/sync/session';
import { GAVE_WAY_TO } from '../../electron/core/sync/merge';
import { BODY_TEXT, type LocalDocInput, type RemoteRevision } from '../../electron/core/store/replication-api';
import { tempDir } from '../helpers';

const ctx = { author: 'amina' };
const hex = (s: string): string => createHash('md5').update(s).digest('hex');
/** A path of `n` revisions named after `seed`, newest first, ending at position `top`. */
const pathOf = (seed: string, top: number, n: number): string[] => Array.from({ length: n }, (_, i) => `${top - i}-${hex(`${seed}${top - i}`)}`);

function remote(id: string, path: readonly string[], body: Record<string, unknown>, deleted = false): RemoteRevision {
  const top = path[0]!;
  const doc: RemoteRevision = {
    ...body,
    _id: id,
    _rev: top,
    _revisions: { start: Number(top.split('-')[0]), ids: path.map((r) => r.slice(r.indexOf('-') + 1)) },
  };
  if (deleted) doc._deleted = true;
  return doc;
}

/** What the store keeps of a revision: its members that do not start with `_`. */
const bodyOf = (doc: RemoteRevision) => Object.fromEntries(Object.entries(doc).filter(([k]) => !k.startsWith('_')));

const release = (headline: string, extra: Record<string, unknown> = {}) => ({
  type: 'release',
  headline,
  language: 'en',
  office: 'off-kenya',
  updatedAt: '2026-11-02T10:00:00.000Z',
  updatedBy: 'hq',
  ...extra,
});

async function lib(): Promise<Library> {
  return Library.open(tempDir(), { author: 'amina' });
}

const count = (l: Library, sql: string): number => (l.db.prepare(sql).get() as { n: number }).n;

describe('the replication migration', () => {
  it('adds local documents, the conflicts inbox, denied documents, the indexes and a lasting library id', async () => {
    const dir = tempDir();
    const l = await Library.open(dir);
    const tables = (l.db.prepare("SELECT name FROM sqlite_schema WHERE type IN ('table', 'index') ORDER BY name").pluck().all() as string[]);
    expect(tables).toEqual(expect.arrayContaining(['local_docs', 'conflicts', 'denied', 'docs_conflicted', 'revs_parent']));
    const id = l.replication.libraryId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    l.close();
    const again = await Library.open(dir);
    expect(again.replication.libraryId()).toBe(id);
    again.close();
  });

  it('migrates a version 2 library with data, and the projections rebuilt from winners are the ones kept', async () => {
    const dir = tempDir();
    const old = await Library.open(dir, { migrations: [m0001, m0002] });
    const rel = old.docs.create('release', { headline: 'Floods in Beledweyne', language: 'en', tags: ['floods'], office: 'off-somalia' }, ctx);
    old.docs.update(rel.id, { headline: 'Floods in Beledweyne: 200,000 displaced', language: 'en', tags: ['floods', 'displacement'] }, ctx);
    const con = old.docs.create('contact', { name: 'Hodan Ali', emails: [{ type: 'work', address: 'hodan@example.org' }] }, ctx);
    const gone = old.docs.create('outlet', { name: 'Radio Ergo' }, ctx);
    old.docs.remove(gone.id, ctx);
    old.close();

    const l = await Library.open(dir);
    expect(l.migrationBackup).not.toBeNull();
    expect(l.docs.require(rel.id).body.headline).toBe('Floods in Beledweyne: 200,000 displaced');
    expect(l.replication.libraryId()).toMatch(/^[0-9a-f-]{36}$/);
    const snapshot = () =>
      ['release_p', 'release_tag_p', 'contact_p', 'contact_key_p', 'outlet_p'].map((t) => l.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all());
    const before = snapshot();
    const search = () => l.db.prepare("SELECT rowid FROM search_fts WHERE search_fts MATCH 'beledweyne OR hodan OR ergo' ORDER BY rowid").pluck().all();
    const found = search();
    expect(found).toHaveLength(2);
    expect(l.db.transaction(() => rebuildProjections(l.db))()).toBe(3);
    expect(snapshot()).toEqual(before);
    expect(search()).toEqual(found);
    expect(con.id).toMatch(/^con-/);

    const plan = (sql: string) => (l.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('; ');
    expect(plan('SELECT rowid FROM docs WHERE conflicted = 1')).toMatch(/docs_conflicted/);
    // On the tree table since version 7 (bodies apart; `revs` is the view joining them).
    expect(plan("SELECT count(*) FROM rev_tree WHERE doc_rowid = 1 AND parent = 'x'")).toMatch(/revs_parent/);
    l.close();
  });
});

describe('revisions from elsewhere (new_edits: false)', () => {
  it('stores a revision with its path: ancestors without bodies, winner, projections and search from it', async () => {
    const l = await lib();
    const path = pathOf('a', 3, 3);
    const r = l.replication.bulkInsertRemote([remote('rel-1', path, release('Cholera response in Kasese', { tags: ['health'] }))]);
    expect(r).toEqual({ written: 1, skipped: 0, denied: [] });
    const history = l.docs.revisions('rel-1');
    expect(history.map((h) => [h.rev, h.parent, h.leaf, h.available])).toEqual([
      [path[0], path[1], true, true],
      [path[1], path[2], false, false],
      [path[2], null, false, false],
    ]);
    const d = l.docs.require('rel-1', 'release');
    expect(d.rev).toBe(path[0]);
    expect(d.body.headline).toBe('Cholera response in Kasese');
    expect(l.db.prepare('SELECT headline, office, updated_at FROM release_p').get()).toEqual({
      headline: 'Cholera response in Kasese',
      office: 'off-kenya',
      updated_at: '2026-11-02T10:00:00.000Z',
    });
    expect(l.db.prepare('SELECT tag FROM release_tag_p').pluck().all()).toEqual(['health']);
    // Its search entry is queued in the batch and caught up before a search answers (test/search/index-writer.test.ts).
    expect(searchLibrary(l.db, 'kasese', { limit: 5 }).map((h) => h.id)).toEqual(['rel-1']);
    l.close();
  });

  it('changes nothing on a replay, not even the changes feed', async () => {
    const l = await lib();
    const batch = [remote('rel-1', pathOf('a', 2, 2), release('One')), remote('con-1', pathOf('c', 1, 1), { type: 'contact', name: 'Achieng Otieno' })];
    expect(l.replication.bulkInsertRemote(batch).written).toBe(2);
    const seq = l.docs.lastSeq();
    const revs = count(l, 'SELECT count(*) AS n FROM revs');
    expect(l.replication.bulkInsertRemote(batch)).toEqual({ written: 0, skipped: 2, denied: [] });
    expect(l.docs.lastSeq()).toBe(seq);
    expect(count(l, 'SELECT count(*) AS n FROM revs')).toBe(revs);
    l.close();
  });

  it('skips a replayed revision before checking its body, and stores a losing branch without touching the winner', async () => {
    const l = await lib();
    const base = pathOf('base', 1, 1);
    // Of two revisions at the same position the higher id wins: name them so.
    const [low, high] = [`2-${hex('x1')}`, `2-${hex('x2')}`].sort();
    l.replication.bulkInsertRemote([remote('rel-1', [high!, ...base], release('Winner in Kasese', { tags: ['floods'] }))]);
    expect(searchLibrary(l.db, 'kasese', { limit: 5 }).map((h) => h.id)).toEqual(['rel-1']);
    const projected = () => [l.db.prepare('SELECT * FROM release_p').all(), l.db.prepare('SELECT * FROM release_tag_p').all()];
    const before = projected();
    const seq = l.docs.lastSeq();

    // Stored already: skipped, even with a body this version would refuse.
    expect(l.replication.bulkInsertRemote([remote('rel-1', [high!, ...base], release('Bad', { releaseDate: '2026-02-30' }))])).toEqual({
      written: 0,
      skipped: 1,
      denied: [],
    });
    // A new losing branch: in the feed and conflicted, the winner's rows and search entry as they were.
    expect(l.replication.bulkInsertRemote([remote('rel-1', [low!, ...base], release('Loser in Goma', { tags: ['cholera'] }))]).written).toBe(1);
    expect(l.docs.lastSeq()).toBe(seq + 1);
    expect(l.docs.changesSince(seq)).toEqual([{ seq: seq + 1, id: 'rel-1', rev: high, deleted: false }]);
    const d = l.docs.getStored('rel-1')!;
    expect([d.rev, d.conflicted, d.body.headline]).toEqual([high, true, 'Winner in Kasese']);
    expect(projected()).toEqual(before);
    expect(count(l, 'SELECT count(*) AS n FROM search_pending')).toBe(0);
    expect(searchLibrary(l.db, 'kasese', { limit: 5 }).map((h) => h.id)).toEqual(['rel-1']);
    expect(searchLibrary(l.db, 'goma', { limit: 5 })).toEqual([]);
    // A losing branch that is still invalid is refused as any other.
    const bad = remote('rel-1', [`2-${hex('x0')}`, ...base], release('Bad', { releaseDate: '2026-02-30' }));
    expect(l.replication.bulkInsertRemote([bad]).denied.map((r) => r.reason)).toEqual([expect.stringMatching(/^releaseDate:/)]);
    l.close();
  });

  it('numbers the feed in batch order when new and known documents alternate, above every sequence used before', async () => {
    const l = await lib();
    const local = l.docs.create('release', { headline: 'Local' }, ctx);
    l.replication.bulkInsertRemote([remote('rel-known', pathOf('k', 1, 1), release('Known'))]);
    const used = l.docs.lastSeq();
    const batch = [
      remote('rel-new-1', pathOf('n1', 3, 3), release('New one')),
      remote('rel-known', pathOf('k', 2, 2), release('Known, edited')),
      remote('rel-new-2', pathOf('n2', 1, 1), release('New two')),
      remote(local.id, [`2-${hex('l2')}`, local.rev], release('Local, edited elsewhere')),
      remote('rel-new-3', pathOf('n3', 2, 2), release('New three'), true),
    ];
    expect(l.replication.bulkInsertRemote(batch).written).toBe(5);
    const feed = l.docs.changesSince(used);
    expect(feed.map((c) => c.id)).toEqual(['rel-new-1', 'rel-known', 'rel-new-2', local.id, 'rel-new-3']);
    expect(feed.map((c) => c.seq)).toEqual([1, 2, 3, 4, 5].map((k) => used + k));
    // Each document row carries the sequence of its feed entry, and settled as a write one at a time would.
    const rows = l.db.prepare('SELECT d.id, d.seq, c.seq AS feed, d.winner, d.deleted, d.updated_at FROM docs d JOIN changes c ON c.doc_rowid = d.rowid ORDER BY d.seq').all();
    expect(rows.slice(-5)).toEqual(
      feed.map((c) => ({ id: c.id, seq: c.seq, feed: c.seq, winner: c.rev, deleted: c.deleted ? 1 : 0, updated_at: '2026-11-02T10:00:00.000Z' })),
    );
    expect(l.docs.create('release', { headline: 'After' }, ctx).seq).toBe(used + 6);
    l.close();
  });

  it('settles each document once per batch, however many of its revisions the batch holds', async () => {
    const l = await lib();
    const base = pathOf('base', 1, 1);
    const mine = [`2-${hex('mine')}`, ...base];
    const theirs = [`2-${hex('theirs')}`, ...base];
    const before = l.docs.lastSeq();
    l.replication.bulkInsertRemote([remote('rel-1', mine, release('Mine')), remote('rel-1', theirs, release('Theirs'))]);
    expect(l.docs.lastSeq()).toBe(before + 1);
    const d = l.docs.getStored('rel-1')!;
    expect(d.conflicted).toBe(true);
    expect(d.rev).toBe([mine[0], theirs[0]].sort().at(-1));
    l.close();
  });

  it('accepts a stemmed root, and joins it to an older path that arrives later', async () => {
    const l = await lib();
    const full = pathOf('s', 6, 6);
    l.replication.bulkInsertRemote([remote('rel-1', full.slice(0, 2), release('Stemmed'))]);
    expect(l.docs.revisions('rel-1').map((h) => [h.rev, h.parent])).toEqual([
      [full[0], full[1]],
      [full[1], null],
    ]);
    const next = [`7-${hex('s7')}`, ...full];
    l.replication.bulkInsertRemote([remote('rel-1', next, release('Longer'))]);
    const history = l.docs.revisions('rel-1');
    expect(history).toHaveLength(7);
    expect(history.find((h) => h.rev === full[1])!.parent).toBe(full[2]);
    expect(history.filter((h) => h.leaf).map((h) => h.rev)).toEqual([next[0]]);
    expect(l.docs.require('rel-1').body.headline).toBe('Longer');
    l.close();
  });

  it('names the envelope field that is wrong, whichever it is, and stores the well-formed ones beside', async () => {
    const l = await lib();
    const good = remote('rel-ok', pathOf('ok', 2, 2), release('Well formed'));
    const bad: unknown[] = [
      { ...good, _id: 'rel bad id' },
      { ...good, _id: 'x'.repeat(201) },
      { ...good, _deleted: 'yes' },
      { ...good, _revisions: { start: 2, ids: [good._revisions.ids[0], 'not-hex'] } },
      { ...good, _revisions: { start: 2.5, ids: good._revisions.ids } },
      { ...good, _revisions: { start: 2, ids: [] } },
      { ...good, _revisions: { start: 1001, ids: Array.from({ length: 1001 }, (_, i) => hex(`long${i}`)) } },
      [good],
      null,
    ];
    const r = l.replication.bulkInsertRemote([...(bad as RemoteRevision[]), good]);
    expect(r.written).toBe(1);
    expect(r.denied.map((d) => d.reason.split(':')[0])).toEqual([
      '_id',
      '_id',
      '_deleted',
      '_revisions.ids.1',
      '_revisions.start',
      '_revisions.ids',
      '_revisions.ids',
      expect.any(String) as unknown,
      expect.any(String) as unknown,
    ]);
    expect(l.docs.require('rel-ok').body.headline).toBe('Well formed');
    l.close();
  });

  it('refuses what it cannot store, says why, records it in denied and stores nothing of it', async () => {
    const l = await lib();
    const good = remote('rel-ok', pathOf('ok', 1, 1), release('Fine'));
    const reserved = { ...remote('rel-x', pathOf('x', 1, 1), release('Reserved')), _foo: 1 };
    const invalid = remote('rel-y', pathOf('y', 1, 1), release('Bad date', { releaseDate: '2026-02-30' }));
    const badPath: RemoteRevision = { ...remote('rel-z', pathOf('z', 2, 2), release('Z')), _rev: `3-${hex('other')}` };
    const design = remote('_design/app', pathOf('d', 1, 1), { language: 'javascript' });
    const noType = remote('con-1', pathOf('n', 1, 1), { name: 'No type' });
    const { _rev: _dropped, ...noRev } = remote('rel-w', pathOf('w', 1, 1), release('W'));
    const r = l.replication.bulkInsertRemote([good, reserved, invalid, badPath, design, noType, noRev as RemoteRevision]);
    expect(r.written).toBe(1);
    expect(r.denied.map((d) => d.id)).toEqual(['rel-x', 'rel-y', 'rel-z', '_design/app', 'con-1', 'rel-w']);
    // In the contract's words for a zod failure, as for any other input.
    expect(r.denied[5]!.reason).toBe('_rev: is required');
    expect(r.denied[0]!.reason).toMatch(/"_foo".*reserved/);
    expect(r.denied[1]!.reason).toMatch(/^releaseDate: this date does not exist/);
    expect(r.denied[2]!.reason).toMatch(/^_revisions: the path does not end at 3-/);
    expect(r.denied[3]!.reason).toMatch(/CouchDB's own documents/);
    expect(r.denied[4]!.reason).toMatch(/^type:/);
    expect(l.db.prepare('SELECT id FROM docs').pluck().all()).toEqual(['rel-ok']);
    const denied = l.db.prepare('SELECT id, rev, reason FROM denied ORDER BY id').all() as { id: string; rev: string; reason: string }[];
    expect(denied.map((d) => d.id)).toEqual(['_design/app', 'con-1', 'rel-w', 'rel-x', 'rel-y', 'rel-z']);
    expect(denied.find((d) => d.id === 'rel-x')!.rev).toBe(reserved._rev);
    l.close();
  });

  it('keeps the members CouchDB adds at the edge out of the body', async () => {
    const l = await lib();
    const doc = { ...remote('rel-1', pathOf('e', 1, 1), release('Edge')), _conflicts: [], _attachments: {} };
    l.replication.bulkInsertRemote([doc]);
    expect(Object.keys(l.docs.require('rel-1').body).filter((k) => k.startsWith('_'))).toEqual([]);
    l.close();
  });

  it('writes the body text a revision brings under BODY_TEXT, as text, and serialises the body of one that brings none', async () => {
    const l = await lib();
    const given = remote('rel-1', pathOf('t', 1, 1), release('Given'));
    // The sender vouches that this is JSON.stringify of the body; here it is told apart by its spacing.
    given[BODY_TEXT] = Buffer.from(JSON.stringify(bodyOf(given), null, 1), 'utf8');
    const plain = remote('rel-2', pathOf('u', 1, 1), release('Plain'));
    expect(l.replication.bulkInsertRemote([given, plain]).written).toBe(2);
    const rows = l.db.prepare("SELECT d.id, typeof(r.body) AS kind, r.body FROM revs r JOIN docs d ON d.rowid = r.doc_rowid ORDER BY d.id").all();
    expect(rows).toEqual([
      { id: 'rel-1', kind: 'text', body: JSON.stringify(bodyOf(given), null, 1) },
      { id: 'rel-2', kind: 'text', body: JSON.stringify(bodyOf(plain)) },
    ]);
    expect(l.docs.require('rel-1').body.headline).toBe('Given');
    l.close();
  });

  it('refuses a revision that would change what a document is', async () => {
    const l = await lib();
    const path = pathOf('t', 1, 1);
    l.replication.bulkInsertRemote([remote('doc-1', path, release('A release'))]);
    const r = l.replication.bulkInsertRemote([remote('doc-1', [`2-${hex('t2')}`, ...path], { type: 'contact', name: 'Someone' })]);
    expect(r.denied[0]!.reason).toBe('type: this document is a release, not a contact');
    expect(l.docs.require('doc-1').type).toBe('release');
    l.close();
  });

  it('writes the checkpoint in the same transaction as the batch, and neither when the batch fails', async () => {
    const l = await lib();
    const r = l.replication.bulkInsertRemote([remote('rel-1', pathOf('a', 1, 1), release('One'))], { _id: '_local/pull', since: 42 });
    expect(r.written).toBe(1);
    expect(l.replication.getLocal('_local/pull')).toEqual({ _id: '_local/pull', _rev: '0-1', since: 42 });
    // A stale checkpoint revision fails the whole batch: the document is not stored either.
    expect(() =>
      l.replication.bulkInsertRemote([remote('rel-2', pathOf('b', 1, 1), release('Two'))], { _id: '_local/pull', _rev: '0-7', since: 43 }),
    ).toThrowError(/is at 0-1, not 0-7/);
    expect(l.docs.getStored('rel-2')).toBeUndefined();
    expect(l.replication.getLocal('_local/pull')!.since).toBe(42);
    l.close();
  });

  it('commits a checkpointed pull with synchronous=NORMAL and every other write with FULL', async () => {
    const l = await lib();
    const level = (): number => l.db.pragma('synchronous', { simple: true }) as number;
    /** A revision whose headline, read inside the write transaction, notes the durability level then. */
    const watched = (id: string, seen: number[]): RemoteRevision => {
      const doc = remote(id, pathOf(id, 1, 1), release('x'));
      Object.defineProperty(doc, 'headline', { enumerable: true, get: () => (seen.push(level()), `Watched ${id}`) });
      return doc;
    };
    const FULL = 2;
    const NORMAL = 1;
    const pulled: number[] = [];
    l.replication.bulkInsertRemote([watched('rel-1', pulled)], { _id: '_local/pull', since: 1 });
    expect(pulled.length).toBeGreaterThan(0);
    expect(new Set(pulled)).toEqual(new Set([NORMAL]));
    expect(level()).toBe(FULL);
    // A sync file or a merge made here brings no checkpoint: nothing can fetch it again.
    const imported: number[] = [];
    l.replication.bulkInsertRemote([watched('rel-2', imported)]);
    expect(new Set(imported)).toEqual(new Set([FULL]));
    // A failed pull leaves the connection at FULL too.
    expect(() => l.replication.bulkInsertRemote([watched('rel-3', [])], { _id: '_local/pull', _rev: '0-9', since: 2 })).toThrowError(/not 0-9/);
    expect(level()).toBe(FULL);
    expect(l.docs.require('rel-1').body.headline).toBe('Watched rel-1');
    expect(l.docs.getStored('rel-3')).toBeUndefined();
    l.close();
  });

  it('goes through putRevision, the single-revision wrapper, with the same rules', async () => {
    const l = await lib();
    const a = l.docs.create('release', { headline: 'base', language: 'en' }, ctx);
    const rev = `2-${hex('wrapped')}`;
    expect(() =>
      l.docs.putRevision(a.id, 'release', { rev, parent: a.rev, deleted: false, body: { _secret: 1, headline: 'x' }, author: 'hq', at: 'x' }),
    ).toThrowError(/"_secret".*reserved/);
    const d = l.docs.putRevision(a.id, 'release', { rev, parent: a.rev, deleted: false, body: { headline: 'Wrapped', language: 'en' }, author: 'hq', at: 'x' });
    expect(d.rev).toBe(rev);
    l.close();
  });
});

describe('the read side a replicator needs', () => {
  it('answers revs_diff with what is missing and the leaves that may be their ancestors', async () => {
    const l = await lib();
    const path = pathOf('a', 2, 2);
    l.replication.bulkInsertRemote([remote('rel-1', path, release('One'))]);
    const newer = `3-${hex('a3')}`;
    expect(l.replication.revsDiff({ 'rel-1': [path[0]!, path[1]!, newer], 'rel-2': ['1-' + hex('x')] })).toEqual({
      'rel-1': { missing: [newer], possible_ancestors: [path[0]] },
      'rel-2': { missing: ['1-' + hex('x')] },
    });
    expect(l.replication.revsDiff({ 'rel-1': [path[0]!] })).toEqual({});
    l.close();
  });

  it('lists every leaf of each changed document from a sequence, winner first, and never a local document', async () => {
    const l = await lib();
    const a = l.docs.create('contact', { name: 'Local one' }, ctx);
    const since = l.docs.lastSeq();
    const base = pathOf('base', 1, 1);
    const x = [`2-${hex('x')}`, ...base];
    const y = [`2-${hex('y')}`, ...base];
    l.replication.bulkInsertRemote([remote('rel-1', x, release('X')), remote('rel-1', y, release('Y'))]);
    l.replication.putLocal({ _id: '_local/checkpoint', seq: 1 });
    l.docs.remove(a.id, ctx);
    const { results, lastSeq } = l.replication.changes(since, 10);
    const winner = [x[0]!, y[0]!].sort()[1]!;
    const loser = [x[0]!, y[0]!].sort()[0]!;
    expect(results.map((r) => ({ ...r, seq: 0 }))).toEqual([
      { seq: 0, id: 'rel-1', changes: [{ rev: winner }, { rev: loser }] },
      { seq: 0, id: a.id, changes: [{ rev: l.docs.getStored(a.id)!.rev }], deleted: true },
    ]);
    expect(lastSeq).toBe(results[1]!.seq);
    expect(l.replication.changes(lastSeq, 10)).toEqual({ results: [], lastSeq });
    expect(l.replication.changes(since, 1).results.map((r) => r.id)).toEqual(['rel-1']);
    l.close();
  });

  it('gives revisions with their paths: all leaves, the latest leaf of an old revision, and missing ones', async () => {
    const l = await lib();
    const a = l.docs.create('release', { headline: 'one', language: 'en' }, ctx);
    const b = l.docs.update(a.id, { headline: 'two', language: 'en' }, ctx);
    const side = [`2-${hex('side')}`, a.rev];
    l.replication.bulkInsertRemote([remote(a.id, side, release('side'))]);
    const all = l.replication.openRevs(a.id, 'all');
    expect(all.map((r) => ('ok' in r ? [r.ok._rev, r.ok.headline, r.ok._revisions.ids.length] : r))).toEqual(
      [b.rev, side[0]!].sort().map((rev) => [rev, rev === b.rev ? 'two' : 'side', 2]),
    );
    const ok = all.find((r) => 'ok' in r && r.ok._rev === b.rev);
    expect(ok).toEqual({
      ok: expect.objectContaining({
        _id: a.id,
        _rev: b.rev,
        _revisions: { start: 2, ids: [b.rev, a.rev].map((r) => r.slice(2)) },
      }) as unknown,
    });
    const latest = l.replication.openRevs(a.id, [a.rev], { latest: true });
    expect(latest.map((r) => ('ok' in r ? r.ok._rev : r.missing)).sort()).toEqual([b.rev, side[0]!].sort());
    const old = l.replication.openRevs(a.id, [a.rev]);
    expect(old).toEqual([{ ok: expect.objectContaining({ _rev: a.rev, headline: 'one', _revisions: { start: 1, ids: [a.rev.slice(2)] } }) as unknown }]);
    const unknown = `9-${hex('nope')}`;
    expect(l.replication.openRevs(a.id, [unknown])).toEqual([{ missing: unknown }]);
    expect(l.replication.openRevs('rel-none', 'all')).toEqual([]);
    l.close();
  });

  it('names, of many documents in one read, those with two leaves: edits in conflict or a deletion against an edit', async () => {
    const l = await lib();
    const plain = l.docs.create('release', { headline: 'one leaf', language: 'en' }, ctx);
    const edited = l.docs.create('release', { headline: 'edited', language: 'en' }, ctx);
    l.docs.update(edited.id, { headline: 'edited again', language: 'en' }, ctx);
    const forked = l.docs.create('release', { headline: 'forked', language: 'en' }, ctx);
    l.docs.update(forked.id, { headline: 'forked here', language: 'en' }, ctx);
    l.replication.bulkInsertRemote([remote(forked.id, [`2-${hex('fork')}`, forked.rev], release('fork'))]);
    const deleted = l.docs.create('release', { headline: 'deleted elsewhere', language: 'en' }, ctx);
    l.docs.update(deleted.id, { headline: 'edited here', language: 'en' }, ctx);
    l.replication.bulkInsertRemote([remote(deleted.id, [`2-${hex('gone')}`, deleted.rev], { type: 'release' }, true)]);
    expect(l.replication.branched([plain.id, edited.id, forked.id, deleted.id, 'rel-none']).sort()).toEqual([forked.id, deleted.id].sort());
    expect(l.replication.branched([])).toEqual([]);
    l.close();
  });

  it('keeps local documents apart: revisions 0-N, refused when stale, never in the changes feed', async () => {
    const l = await lib();
    const seq = l.docs.lastSeq();
    expect(l.replication.getLocal('_local/x')).toBeNull();
    const one = l.replication.putLocal({ _id: '_local/x', last: 'a' });
    expect(one._rev).toBe('0-1');
    const two = l.replication.putLocal({ _id: '_local/x', _rev: '0-1', last: 'b' });
    expect(two).toEqual({ _id: '_local/x', _rev: '0-2', last: 'b' });
    expect(() => l.replication.putLocal({ _id: '_local/x', _rev: '0-1', last: 'c' })).toThrowError(/is at 0-2, not 0-1/);
    expect(l.replication.getLocal('_local/x')).toEqual(two);
    expect(l.docs.lastSeq()).toBe(seq);
    expect(l.replication.revsDiff({ '_local/x': ['0-2'] })).toEqual({ '_local/x': { missing: ['0-2'] } });
    l.close();
  });

  it('types a local document to write with its id (sync uses this type, not one of its own)', () => {
    // Checked by the type checker: an index signature must not swallow `_id` and `_rev`.
    expectTypeOf<LocalDocInput['_id']>().toEqualTypeOf<string>();
    expectTypeOf<LocalDocInput['_rev']>().toEqualTypeOf<string | undefined>();
    const input: LocalDocInput = { _id: '_local/typed', since: 3 };
    expect(input._id.startsWith('_local/')).toBe(true);
  });
});

describe('delete against edit', () => {
  it('records a deletion of a version someone went on editing, once, and not the deletion that ends a losing branch', async () => {
    const l = await lib();
    const a = l.docs.create('release', { headline: 'Draft', language: 'en', office: 'off-kenya' }, ctx);
    const edited = l.docs.update(a.id, { headline: 'Edited here', language: 'en', office: 'off-kenya' }, ctx);
    const deletion = remote(a.id, [`2-${hex('deleted there')}`, a.rev], { type: 'release', office: 'off-kenya' }, true);
    l.replication.bulkInsertRemote([deletion]);
    // CouchDB's rule: the edit wins. The person is told.
    expect(l.docs.require(a.id).rev).toBe(edited.rev);
    const cases = l.docs.inbox.list();
    expect(cases).toEqual([
      expect.objectContaining({ docId: a.id, docType: 'release', kind: 'delete', baseRev: a.rev, oursRev: edited.rev, theirsRev: deletion._rev }),
    ]);
    l.replication.bulkInsertRemote([deletion]);
    expect(l.docs.inbox.list()).toHaveLength(1);

    l.close();
  });

  it('tells a deletion of one branch made without seeing the other from a tombstone that closed a branch', async () => {
    const l = await lib();
    /** A document at 1-…, with two branches from it arriving from elsewhere, the first edited twice. */
    const forked = (name: string) => {
      const b = l.docs.create('release', { headline: 'Base', language: 'en', office: 'off-kenya' }, ctx);
      const x2 = [`2-${hex(`${name}x`)}`, b.rev];
      const x3 = [`3-${hex(`${name}x3`)}`, ...x2];
      const y = [`2-${hex(`${name}y`)}`, b.rev];
      l.replication.bulkInsertRemote([remote(b.id, x3, release('X', { updatedBy: 'kampala' })), remote(b.id, y, release('Y', { updatedBy: 'geneva' }))]);
      return { id: b.id, x: x3, y };
    };
    const cases = (id: string) => l.docs.inbox.list(id).map((k) => [k.kind, k.baseRev, k.theirsRev]);

    // Kampala edited and then deleted its branch, never having seen Geneva's: asked.
    const gap = forked('gap');
    const deletion = remote(gap.id, [`4-${hex('gap deleted')}`, ...gap.x], { type: 'release', office: 'off-kenya', updatedBy: 'kampala', updatedAt: '2026-11-02T11:00:00.000Z' }, true);
    l.replication.bulkInsertRemote([deletion]);
    expect(cases(gap.id)).toEqual([['delete', gap.x[0], deletion._rev]]);
    expect(l.docs.require(gap.id).rev).toBe(gap.y[0]);

    // The same tree, the tombstone marked as a resolution that kept Geneva's side: silent.
    const marked = forked('marked');
    l.replication.bulkInsertRemote([
      remote(marked.id, [`4-${hex('marked end')}`, ...marked.x], { type: 'release', updatedBy: 'kampala', [GAVE_WAY_TO]: marked.y[0] }, true),
    ]);
    expect(cases(marked.id)).toEqual([]);
    expect(l.docs.getStored(marked.id)!.conflicted).toBe(false);

    // An earlier Dateline's resolution: no mark, but its author closed one side and wrote on the
    // other in one go (its stamps say so): silent, as it always was.
    const old = forked('old');
    const oldEnd = remote(old.id, [`4-${hex('old end')}`, ...old.x], { type: 'release', updatedBy: 'hq', updatedAt: '2026-11-03T07:00:00.000Z' }, true);
    const oldResolved = remote(old.id, [`3-${hex('old resolved')}`, ...old.y], release('X', { updatedBy: 'hq', updatedAt: '2026-11-03T07:00:00.003Z' }));
    l.replication.bulkInsertRemote([oldEnd, oldResolved]);
    expect(cases(old.id)).toEqual([]);
    // A pull cut between the two: the tombstone alone looks like a deletion until the
    // resolution's other revision arrives, which settles the case.
    const cut = forked('cut');
    const cutEnd = remote(cut.id, [`4-${hex('cut end')}`, ...cut.x], { type: 'release', updatedBy: 'hq', updatedAt: '2026-11-03T07:00:00.000Z' }, true);
    l.replication.bulkInsertRemote([cutEnd]);
    expect(cases(cut.id)).toEqual([['delete', cut.x[0], cutEnd._rev]]);
    l.replication.bulkInsertRemote([remote(cut.id, [`3-${hex('cut resolved')}`, ...cut.y], release('X', { updatedBy: 'hq', updatedAt: '2026-11-03T07:00:00.003Z' }))]);
    expect(cases(cut.id)).toEqual([]);

    // A conflict settled the CouchDB way by another client (the losing leaf deleted, no mark, no
    // author): the tree cannot tell it from a deletion, so the person decides it once.
    const couch = forked('couch');
    const loser = couch.y[0]! < couch.x[0]! ? couch.y : couch.x;
    const ended = remote(couch.id, [`${loser.length + 1}-${hex('couch end')}`, ...loser], { type: 'release' }, true);
    l.replication.bulkInsertRemote([ended]);
    expect(cases(couch.id)).toEqual([['delete', loser[0], ended._rev]]);
    l.replication.bulkInsertRemote([ended]);
    expect(l.docs.inbox.list(couch.id)).toHaveLength(1);
    l.close();
  });
  it('asks again about a deletion whose case closed while nothing was left to keep, once an edit of the deleted document arrives', async () => {
    const l = await lib();
    const a = l.docs.create('release', { headline: 'Draft', language: 'en', office: 'off-kenya' }, ctx);
    const edited = l.docs.update(a.id, { headline: 'Edited here', language: 'en', office: 'off-kenya' }, ctx);
    const deletion = remote(a.id, [`2-${hex('deleted there')}`, a.rev], { type: 'release', office: 'off-kenya', updatedBy: 'kampala' }, true);
    l.replication.bulkInsertRemote([deletion]);
    const open = () => l.docs.inbox.list(a.id).map((k) => [k.kind, k.theirsRev]).sort();
    expect(open()).toEqual([['delete', deletion._rev]]);
    // Deleted here too: nothing is left to keep, so the case closes by itself.
    const gone = l.docs.remove(a.id, ctx);
    expect(open()).toEqual([]);
    // Meanwhile the other side had gone on editing this library's edit: both deletions now stand
    // against that edit, and each is asked, as on the library that made the edit.
    l.replication.bulkInsertRemote([remote(a.id, [`3-${hex('edited there')}`, edited.rev, a.rev], release('Edited there', { updatedBy: 'kampala' }))]);
    expect(open()).toEqual([
      ['delete', deletion._rev],
      ['delete', gone.rev],
    ].sort());
    l.close();
  });
});

describe('tombstones and erase', () => {
  it('keeps type and office in a deletion', async () => {
    const l = await lib();
    const a = l.docs.create('contact', { name: 'Leaving', office: 'off-kenya' }, ctx);
    const t = l.docs.remove(a.id, ctx);
    expect(t.body).toMatchObject({ type: 'contact', office: 'off-kenya', updatedBy: 'amina' });
    expect(t.body.name).toBeUndefined();
    const [gone] = l.replication.openRevs(a.id, 'all');
    expect(gone).toEqual({ ok: expect.objectContaining({ _deleted: true, type: 'contact', office: 'off-kenya' }) as unknown });
    l.close();
  });

  it('erases every stored body of a person, every branch and the draft, with the same tombstone on every library', async () => {
    const l = await lib();
    const a = l.docs.create('contact', { name: 'Achieng Otieno', office: 'off-kenya', emails: [{ address: 'achieng@example.org' }] }, ctx);
    const b = l.docs.update(a.id, { name: 'Achieng A. Otieno', office: 'off-kenya' }, ctx);
    l.replication.bulkInsertRemote([remote(a.id, [`2-${hex('branch')}`, a.rev], { type: 'contact', name: 'Achieng (branch)', office: 'off-kenya' })]);
    l.db.prepare("INSERT INTO drafts(doc_id, base_rev, fields, session, author, started_at, updated_at) VALUES (?, ?, '{\"notes\":\"private\"}', 's', 'a', 'x', 'x')").run(a.id, b.rev);
    const erased = l.docs.erase(a.id, { erased: true }, ctx);
    expect(erased.deleted).toBe(true);
    const bodies = l.db.prepare('SELECT body FROM revs r JOIN docs d ON d.rowid = r.doc_rowid WHERE d.id = ? AND body IS NOT NULL').pluck().all(a.id) as string[];
    expect(bodies.map((t) => JSON.parse(t) as unknown)).toEqual([
      { type: 'contact', office: 'off-kenya', erased: true },
      { type: 'contact', office: 'off-kenya', erased: true },
    ]);
    expect(JSON.stringify(l.db.prepare('SELECT * FROM revs').all())).not.toMatch(/Achieng/);
    // The body rows themselves are gone, not only unlinked from the tree.
    expect(JSON.stringify(l.db.prepare('SELECT * FROM bodies').all())).not.toMatch(/Achieng/);
    expect(count(l, 'SELECT count(*) AS n FROM drafts')).toBe(0);
    expect(count(l, 'SELECT count(*) AS n FROM contact_p')).toBe(0);
    expect(count(l, 'SELECT count(*) AS n FROM contact_key_p')).toBe(0);
    expect(l.db.prepare("SELECT rowid FROM search_fts WHERE search_fts MATCH 'achieng'").all()).toEqual([]);

    // Another library erasing the same document at the same revisions makes the same tombstones.
    const other = await lib();
    other.replication.bulkInsertRemote([
      remote(a.id, [b.rev, a.rev], { type: 'contact', name: 'Achieng A. Otieno', office: 'off-kenya' }),
      remote(a.id, [`2-${hex('branch')}`, a.rev], { type: 'contact', name: 'Achieng (branch)', office: 'off-kenya' }),
    ]);
    const again = other.docs.erase(a.id, { erased: true }, { author: 'someone else' });
    expect(again.rev).toBe(erased.rev);
    const leaves = (x: Library) => x.docs.revisions(a.id).filter((r) => r.leaf).map((r) => r.rev).sort();
    expect(leaves(other)).toEqual(leaves(l));
    other.close();
    l.close();
  });

  it('records a merge into another person in the tombstone', async () => {
    const l = await lib();
    const a = l.docs.create('contact', { name: 'Duplicate' }, ctx);
    const t = l.docs.erase(a.id, { mergedInto: 'con-keeper' }, ctx);
    expect(t.body).toEqual({ type: 'contact', mergedInto: 'con-keeper' });
    l.close();
  });
});

describe('compaction', () => {
  it('removes old bodies but keeps the tree, the leaves, the branch points and what a session needs', async () => {
    const l = await lib();
    const a = l.docs.create('release', { headline: 'v1', language: 'en' }, ctx);
    const v2 = l.docs.update(a.id, { headline: 'v2', language: 'en' }, ctx);
    const v3 = l.docs.update(a.id, { headline: 'v3', language: 'en' }, ctx);
    // A branch from v2 (it changed the tags) makes v2 a branch point; it merges with v3.
    const side = `3-${hex('side')}`;
    l.replication.bulkInsertRemote([remote(a.id, [side, v2.rev, a.rev], release('v2', { tags: ['side'] }))]);
    expect(settleConflicts(l.replication, [a.id]).merged).toBe(1);
    expect(l.docs.require(a.id).body).toMatchObject({ headline: 'v3', tags: ['side'] });
    const other = l.docs.create('release', { headline: 'w1', language: 'en' }, ctx);
    const w2 = l.docs.update(other.id, { headline: 'w2', language: 'en' }, ctx);
    l.docs.update(other.id, { headline: 'w3', language: 'en' }, ctx);
    l.db.prepare("INSERT INTO drafts(doc_id, base_rev, fields, session, author, started_at, updated_at) VALUES (?, ?, '{}', 's', 'a', 'x', 'x')").run(other.id, w2.rev);

    const availability = (id: string) => Object.fromEntries(l.docs.revisions(id).map((r) => [r.rev, r.available]));
    const before = l.docs.revisions(a.id).length;
    expect(l.docs.compact()).toBe(4);
    expect(l.docs.revisions(a.id)).toHaveLength(before);
    const leaves = l.docs.revisions(a.id).filter((r) => r.leaf);
    expect(leaves.every((r) => r.available)).toBe(true);
    expect(availability(a.id)).toMatchObject({ [a.rev]: false, [v2.rev]: true, [v3.rev]: false, [side]: false });
    expect(availability(other.id)).toMatchObject({ [other.rev]: false, [w2.rev]: true });
    expect(() => l.docs.getRevision(a.id, a.rev)).toThrowError(/was compacted/);
    expect(l.replication.openRevs(a.id, [a.rev])).toEqual([{ missing: a.rev }]);
    // The path is still there for a server asking for the winner.
    const [win] = l.replication.openRevs(a.id, [l.docs.getStored(a.id)!.rev]);
    expect(win).toEqual({ ok: expect.objectContaining({ _revisions: expect.objectContaining({ start: 4 }) as unknown }) as unknown });
    expect(win && 'ok' in win ? win.ok._revisions.ids : []).toHaveLength(4);
    expect(l.docs.compact(a.id)).toBe(0);
    l.close();
  });
});
