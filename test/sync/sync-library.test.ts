import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index';
import { syncLibrary } from '../../electron/core/sync/library-sync';
import type { SyncSummary } from '../../electron/core/sync/session';
import type { ConflictCase } from '../../electron/shared/conflicts/contract';
import { tempDir } from '../helpers';
import { useCouchWithProxy } from './couch-server';
import { couchState } from './couch-state';
import { call, libraryState } from './library-state';

// Two real libraries (SQLite files on disk) and a real pouchdb-server, through the fault proxy.

const couch = useCouchWithProxy();
let db: { name: string; direct: string; proxied: string };
const open: Core[] = [];

beforeEach(async () => {
  db = await couch.freshDb();
});
afterEach(() => {
  while (open.length) open.pop()!.close();
});

async function library(author: string, clock?: () => Date): Promise<Core> {
  const core = await openCore(tempDir(), { author, ...(clock ? { clock } : {}) });
  open.push(core);
  return core;
}

const sync = (core: Core, extra: { clock?: () => number } = {}): Promise<SyncSummary> =>
  syncLibrary(core.library, { remote: { url: db.proxied, retry: { attempts: 8, baseMs: 1, capMs: 5 }, timeoutMs: 10_000, ...extra }, batchSize: 5 });

const para = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

async function release(core: Core, headline: string): Promise<{ id: string; rev: string }> {
  return call(core, 'release.create', { headline, language: 'en', datelinePlace: 'Kampala', releaseDate: '2026-11-30', body: para(`${headline}.`) });
}

async function converged(...cores: Core[]): Promise<void> {
  const remote = await couchState(db.direct);
  for (const c of cores) expect(libraryState(c)).toEqual(remote);
}

describe('sync between two libraries and a server', () => {
  it('a release written in Kampala reaches Geneva; syncing again sends nothing', async () => {
    const kampala = await library('kampala');
    const geneva = await library('geneva');
    const made = await Promise.all(Array.from({ length: 12 }, (_, i) => release(kampala, `Clean water for village ${i}`)));
    const first = await sync(kampala);
    expect(first.pushed.docs).toBe(12);
    expect(first.pushed.bytes).toBeGreaterThan(0);
    const second = await sync(geneva);
    expect(second.pulled.docs).toBe(12);
    const got = await call<{ headline: string }>(geneva, 'release.get', { id: made[3]!.id });
    expect(got.headline).toBe('Clean water for village 3');
    // Each pulled body is stored as the very text Kampala stored (taken from the server's answer, not serialised again).
    const texts = (core: Core) => core.library.db.prepare("SELECT d.id, r.rev, typeof(r.body) AS kind, r.body FROM revs r JOIN docs d ON d.rowid = r.doc_rowid WHERE d.type = 'release' ORDER BY d.id").all();
    expect(texts(geneva)).toEqual(texts(kampala));
    expect(texts(geneva).every((r) => (r as { kind: string }).kind === 'text')).toBe(true);
    await converged(kampala, geneva);
    for (const c of [kampala, geneva]) {
      const again = await sync(c);
      expect([again.pulled.docs, again.pushed.docs]).toEqual([0, 0]);
    }
  });

  it('edits to different fields on two laptops merge by themselves, to the same revision everywhere', async () => {
    const kampala = await library('kampala');
    const geneva = await library('geneva');
    const r = await release(kampala, 'Floods in the north');
    await sync(kampala);
    await sync(geneva);
    await call(kampala, 'release.update', { id: r.id, rev: r.rev, fields: { headline: 'Floods in the north: 40,000 reached' } });
    await call(geneva, 'release.update', { id: r.id, rev: r.rev, fields: { tags: ['floods', 'water'] } });
    await sync(kampala);
    const g = await sync(geneva);
    expect(g.merged).toBe(1);
    expect(g.conflicts).toEqual([]);
    await sync(kampala);
    await converged(kampala, geneva);
    for (const c of [kampala, geneva]) {
      const doc = await call<{ headline: string; tags: string[]; conflicted?: boolean }>(c, 'release.get', { id: r.id });
      expect(doc.headline).toBe('Floods in the north: 40,000 reached');
      expect(doc.tags).toEqual(['floods', 'water']);
    }
  });

  it('the same field changed on both sides is kept as a conflict, the same on both laptops', async () => {
    const kampala = await library('kampala');
    const geneva = await library('geneva');
    const r = await release(kampala, 'Floods in the north');
    await sync(kampala);
    await sync(geneva);
    await call(kampala, 'release.update', { id: r.id, rev: r.rev, fields: { headline: 'Kampala headline' } });
    await call(geneva, 'release.update', { id: r.id, rev: r.rev, fields: { headline: 'Geneva headline' } });
    await sync(kampala);
    const g = await sync(geneva);
    expect(g.conflicts).toMatchObject([{ id: r.id, reason: 'same-field', fields: ['headline'] }]);
    await sync(kampala);
    await converged(kampala, geneva);
    expect(libraryState(geneva)[r.id]!.leaves).toHaveLength(2);
    for (const c of [kampala, geneva]) {
      expect(c.library.docs.getStored(r.id)!.conflicted).toBe(true);
      expect(c.library.docs.inbox.list(r.id).map((k) => [k.kind, k.fields])).toEqual([['fields', ['headline']]]);
    }
  });

  it('a delete against an edit reaches the conflicts inbox instead of vanishing', async () => {
    const kampala = await library('kampala');
    const geneva = await library('geneva');
    const r = await release(kampala, 'Cholera vaccination campaign');
    await sync(kampala);
    await sync(geneva);
    await call(kampala, 'doc.delete', { id: r.id, rev: r.rev });
    await call(geneva, 'release.update', { id: r.id, rev: r.rev, fields: { status: 'approved' } });
    await sync(kampala);
    await sync(geneva);
    await sync(kampala);
    await converged(kampala, geneva);
    for (const c of [kampala, geneva]) {
      expect(c.library.docs.inbox.list(r.id).map((k) => k.kind)).toEqual(['delete']);
    }
  });

  it('keeping the edit over a deletion closes the case on both laptops, with one revision for both', async () => {
    const kampala = await library('kampala');
    const geneva = await library('geneva');
    const goma = await library('goma');
    const r = await release(kampala, 'Cholera vaccination campaign');
    await sync(kampala);
    for (const c of [geneva, goma]) await sync(c);
    await call(kampala, 'doc.delete', { id: r.id, rev: r.rev });
    const edited = await call<{ rev: string }>(geneva, 'release.update', { id: r.id, rev: r.rev, fields: { headline: 'Cholera campaign reaches 80,000' } });
    for (const c of [kampala, geneva, goma, kampala]) await sync(c);
    const caseIn = async (c: Core) => (await call<ConflictCase[]>(c, 'conflict.list', {})).filter((k) => k.docId === r.id);
    for (const c of [kampala, geneva, goma]) expect((await caseIn(c)).map((k) => k.kind)).toEqual(['delete']);
    // Geneva and Goma each keep the edit before they hear of the other's choice.
    for (const c of [geneva, goma]) {
      const [kase] = await caseIn(c);
      const kept = await call<{ rev: string; deleted: boolean }>(c, 'conflict.resolve', { id: kase!.id, choice: { kind: 'delete', keep: 'edit' } });
      expect(kept).toMatchObject({ rev: edited.rev, deleted: false });
      expect(await caseIn(c)).toEqual([]);
    }
    expect(libraryState(goma)).toEqual(libraryState(geneva));
    for (const c of [geneva, goma, kampala, geneva]) await sync(c);
    await converged(kampala, geneva, goma);
    for (const c of [kampala, geneva, goma]) {
      expect(await caseIn(c)).toEqual([]);
      const doc = await call<{ headline: string; rev: string }>(c, 'release.get', { id: r.id });
      expect([doc.headline, doc.rev]).toEqual(['Cholera campaign reaches 80,000', edited.rev]);
      // The edit and the ended deletion: one live leaf, nothing left to decide.
      expect(libraryState(c)[r.id]!.leaves).toHaveLength(2);
      expect(c.library.docs.getStored(r.id)!.conflicted).toBe(false);
    }
    for (const c of [kampala, geneva, goma]) {
      const again = await sync(c);
      expect([again.pulled.docs, again.pushed.docs, again.conflicts]).toEqual([0, 0, []]);
    }
  });

  it('an edit made while another laptop resolved a conflict merges with the resolution, with no case anywhere', async () => {
    const kampala = await library('kampala');
    const geneva = await library('geneva');
    const closed = { kampala: 0, geneva: 0 };
    // Which side a resolution closes follows from the revision ids: rounds of four releases until each side's has been.
    for (let round = 0; round < 8 && (closed.kampala === 0 || closed.geneva === 0); round++) {
      const made = await Promise.all([0, 1, 2, 3].map((i) => release(kampala, `Round ${round}, release ${i}`)));
      await sync(kampala);
      await sync(geneva);
      const kampalaSide = new Map<string, string>();
      for (const r of made) {
        const k = await call<{ rev: string }>(kampala, 'release.update', { id: r.id, rev: r.rev, fields: { subheadline: 'Kampala' } });
        kampalaSide.set(r.id, k.rev);
        await call(geneva, 'release.update', { id: r.id, rev: r.rev, fields: { subheadline: 'Geneva' } });
      }
      await sync(kampala);
      await sync(geneva);
      // Kampala, paused, edits the dateline place; Geneva resolves each case and syncs.
      for (const r of made) {
        const now = await call<{ rev: string }>(kampala, 'release.get', { id: r.id });
        await call(kampala, 'release.update', { id: r.id, rev: now.rev, fields: { datelinePlace: 'Kasese' } });
      }
      const cases = await call<ConflictCase[]>(geneva, 'conflict.list', {});
      expect(cases.map((k) => [k.kind, k.fields])).toEqual(made.map(() => ['fields', ['subheadline']]));
      const chosen = new Map<string, string>();
      for (const [i, kase] of cases.entries()) {
        const take = i % 2 === 0 ? 'ours' : 'theirs';
        await call(geneva, 'conflict.resolve', { id: kase.id, choice: { kind: 'fields', take: { subheadline: take } } });
        chosen.set(kase.docId, (await call<{ subheadline: string }>(geneva, 'release.get', { id: kase.docId })).subheadline);
        const kampalaClosed = geneva.library.docs.revisions(kase.docId).some((r) => r.leaf && r.deleted && r.parent === kampalaSide.get(kase.docId));
        closed[kampalaClosed ? 'kampala' : 'geneva']++;
      }
      await sync(geneva);
      const k = await sync(kampala);
      expect(k.conflicts).toEqual([]);
      expect(await call(kampala, 'conflict.list', {})).toEqual([]);
      await sync(geneva);
      await converged(kampala, geneva);
      for (const c of [kampala, geneva]) {
        expect(await call(c, 'conflict.list', {})).toEqual([]);
        for (const r of made) {
          const doc = await call<{ subheadline: string; datelinePlace: string; conflicted?: boolean }>(c, 'release.get', { id: r.id });
          expect([doc.subheadline, doc.datelinePlace, c.library.docs.getStored(r.id)!.conflicted]).toEqual([chosen.get(r.id), 'Kasese', false]);
        }
      }
      for (const c of [kampala, geneva]) {
        const again = await sync(c);
        expect([again.pulled.docs, again.pushed.docs, again.conflicts]).toEqual([0, 0, []]);
      }
    }
    expect(closed.kampala * closed.geneva).toBeGreaterThan(0);
  });

  for (const [keep, resolver] of [['edit', 'geneva'], ['deletion', 'kampala']] as const) {
    it(`an edit and then a deletion on a laptop that never saw the other's edit reaches both inboxes; keeping the ${keep} settles it everywhere`, async () => {
      const laptops = { kampala: await library('kampala'), geneva: await library('geneva') };
      const { kampala, geneva } = laptops;
      const r = await release(kampala, 'Cholera vaccination campaign');
      await sync(kampala);
      await sync(geneva);
      // Offline, Kampala edits the release and then deletes its own edit; Geneva edits it.
      const mine = await call<{ rev: string }>(kampala, 'release.update', { id: r.id, rev: r.rev, fields: { headline: 'Campaign postponed' } });
      await call(kampala, 'doc.delete', { id: r.id, rev: mine.rev });
      const theirs = await call<{ rev: string }>(geneva, 'release.update', { id: r.id, rev: r.rev, fields: { status: 'approved' } });
      for (const c of [kampala, geneva, kampala]) await sync(c);
      await converged(kampala, geneva);
      for (const c of [kampala, geneva]) {
        // CouchDB's winner stays the edit; the person is asked.
        expect((await call<{ rev: string }>(c, 'release.get', { id: r.id })).rev).toBe(theirs.rev);
        expect(c.library.docs.inbox.list(r.id).map((k) => [k.kind, k.baseRev, k.oursRev])).toEqual([['delete', mine.rev, theirs.rev]]);
      }
      const [kase] = laptops[resolver].library.docs.inbox.list(r.id);
      await call(laptops[resolver], 'conflict.resolve', { id: kase!.id, choice: { kind: 'delete', keep } });
      for (const c of [laptops[resolver], kampala, geneva]) await sync(c);
      await converged(kampala, geneva);
      for (const c of [kampala, geneva]) {
        expect(await call(c, 'conflict.list', {})).toEqual([]);
        expect(c.library.docs.getStored(r.id)!.deleted).toBe(keep === 'deletion');
        const again = await sync(c);
        expect([again.pulled.docs, again.pushed.docs, again.conflicts]).toEqual([0, 0, []]);
      }
    });
  }

  it('a resolution by an earlier Dateline (a tombstone with no mark) stays silent; a losing branch deleted by another CouchDB client is asked once', async () => {
    const kampala = await library('kampala');
    const geneva = await library('geneva');
    const [old, plain] = [await release(kampala, 'Resolved by an earlier version'), await release(kampala, 'Resolved by another client')];
    await sync(kampala);
    await sync(geneva);
    const body = kampala.library.docs.getStored(old.id)!.body;
    const hash = (s: string) => createHash('md5').update(s).digest('hex');
    const at = (ms: number) => new Date(Date.UTC(2026, 10, 3, 7, 0, 0, ms)).toISOString();
    const revs = (id: string, start: number, names: string[], parent: string) => ({
      _id: id,
      _revisions: { start, ids: [...names.map(hash), parent.slice(parent.indexOf('-') + 1)] },
      _rev: `${start}-${hash(names[0]!)}`,
    });
    // On the server, as laptops running an earlier version left them: two edits of the same field,
    // and HQ's resolution (the tombstone first, its revision on the other side 3 ms later).
    const rows = [
      { ...body, headline: 'Kampala', updatedBy: 'kampala', updatedAt: at(0), ...revs(old.id, 2, ['k'], old.rev) },
      { ...body, headline: 'Geneva', updatedBy: 'geneva', updatedAt: at(1), ...revs(old.id, 2, ['g'], old.rev) },
      { type: 'release', updatedBy: 'hq', updatedAt: at(500), _deleted: true, ...revs(old.id, 3, ['k-end', 'k'], old.rev) },
      { ...body, headline: 'Geneva', updatedBy: 'hq', updatedAt: at(503), ...revs(old.id, 3, ['g-resolved', 'g'], old.rev) },
      { ...body, headline: 'Kampala', updatedBy: 'kampala', updatedAt: at(0), ...revs(plain.id, 2, ['k'], plain.rev) },
      { ...body, headline: 'Geneva', updatedBy: 'geneva', updatedAt: at(1), ...revs(plain.id, 2, ['g'], plain.rev) },
    ];
    const put = await fetch(`${db.direct}/_bulk_docs`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ docs: rows, new_edits: false }) });
    expect(put.status).toBe(201);
    // Another client settles the second document the CouchDB way: it deletes the losing leaf.
    const loser = [`2-${hash('k')}`, `2-${hash('g')}`].sort()[0]!;
    const del = await fetch(`${db.direct}/${plain.id}?rev=${loser}`, { method: 'DELETE' });
    expect(del.ok).toBe(true);
    for (const c of [kampala, geneva]) await sync(c);
    await converged(kampala, geneva);
    for (const c of [kampala, geneva]) {
      expect(c.library.docs.inbox.list(old.id)).toEqual([]);
      expect(c.library.docs.inbox.list(plain.id).map((k) => [k.kind, k.baseRev])).toEqual([['delete', loser]]);
    }
    const [kase] = geneva.library.docs.inbox.list(plain.id);
    await call(geneva, 'conflict.resolve', { id: kase!.id, choice: { kind: 'delete', keep: 'edit' } });
    for (const c of [geneva, kampala]) await sync(c);
    for (const c of [kampala, geneva]) {
      expect(await call(c, 'conflict.list', {})).toEqual([]);
      const again = await sync(c);
      expect([again.pulled.docs, again.pushed.docs, again.conflicts]).toEqual([0, 0, []]);
    }
  });

  it('heals from cuts in both directions and from a 401 in the middle, losing nothing', async () => {
    const kampala = await library('kampala');
    const geneva = await library('geneva');
    for (let i = 0; i < 9; i++) await release(kampala, `Kampala ${i}`);
    for (let i = 0; i < 7; i++) await release(geneva, `Geneva ${i}`);
    await sync(geneva);
    couch.proxy.add({ method: 'POST', path: /_bulk_docs/, fault: { kind: 'cut-after-save' }, skip: 1 });
    couch.proxy.add({ method: 'POST', path: /_bulk_docs/, fault: { kind: 'cut-upload' }, skip: 1 });
    couch.proxy.add({ method: 'GET', path: /_changes/, fault: { kind: 'cut-download', fraction: 0.6 }, skip: 1 });
    couch.proxy.add({ method: 'POST', path: /_bulk_get/, fault: { kind: 'cut-download', fraction: 0.6 } });
    couch.proxy.add({ method: 'POST', path: /_revs_diff/, fault: { kind: 'status', status: 401, error: 'unauthorized' }, skip: 3 });
    const failed = await sync(kampala).catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: 'SERVER_AUTH' });
    await sync(kampala);
    await sync(geneva);
    expect(couch.proxy.fired()).toBe(5);
    await converged(kampala, geneva);
    expect(Object.keys(libraryState(kampala))).toHaveLength(16);
  });

  it('a device clock a year off changes no winner, and is reported', async () => {
    const yearAgo = () => new Date(Date.now() - 365 * 24 * 3600 * 1000);
    const kampala = await library('kampala', yearAgo);
    const geneva = await library('geneva');
    const r = await release(geneva, 'Road to Gulu reopened');
    await sync(geneva);
    await sync(kampala);
    const mine = await call<{ rev: string }>(kampala, 'release.update', { id: r.id, rev: r.rev, fields: { status: 'approved' } });
    const s = await sync(kampala, { clock: () => yearAgo().getTime() });
    expect(s.clockWarning).toBe(true);
    expect(s.clockSkewMs!).toBeGreaterThan(364 * 24 * 3600 * 1000);
    await sync(geneva);
    expect(geneva.library.docs.getStored(r.id)!.rev).toBe(mine.rev);
    await converged(kampala, geneva);
  });
});
