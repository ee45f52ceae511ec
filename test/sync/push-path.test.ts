import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/store/library';
import type { RemoteRevision } from '../../electron/core/store/replication-api';
import { CouchPeer } from '../../electron/core/sync/couch-peer';
import { replicationId } from '../../electron/core/sync/checkpoint';
import { replicate } from '../../electron/core/sync/replicate';
import { StorePeer } from '../../electron/core/sync/store-peer';
import { tempDir } from '../helpers';
import { useCouchWithProxy } from './couch-server';
import { couchState } from './couch-state';
import { libraryState } from './library-state';

// The push's fast path: revisions read as the JSON text the library stores and sent as it is,
// batches read while the previous one is being stored, over a few reused connections.

const couch = useCouchWithProxy();
const ctx = { author: 'amina' };
const hex = (s: string): string => createHash('md5').update(s).digest('hex');
const open: Library[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

async function lib(): Promise<Library> {
  const l = await Library.open(tempDir(), ctx);
  open.push(l);
  return l;
}

function remote(id: string, path: readonly string[], body: Record<string, unknown>): RemoteRevision {
  return { ...body, _id: id, _rev: path[0]!, _revisions: { start: Number(path[0]!.split('-')[0]), ids: path.map((r) => r.slice(r.indexOf('-') + 1)) } };
}

const release = (headline: string) => ({ type: 'release', headline, language: 'fr', office: null, tags: ['eau', 'santé'], updatedAt: '2026-11-02T10:00:00.000Z', updatedBy: 'hq' });

const fast = { attempts: 6, baseMs: 1, capMs: 5 };

describe('revisions read as JSON text for a push', () => {
  it('are the very revisions openRevs answers: edited, deleted, conflicted, stemmed, asked by an ancestor', async () => {
    const l = await lib();
    const edited = l.docs.create('contact', { name: 'Amina Yusuf', notes: 'Première version — «citée»' }, ctx);
    l.docs.update(edited.id, { name: 'Amina Yusuf', notes: 'Deuxième' }, ctx);
    const third = l.docs.update(edited.id, { name: 'Amina Yusuf', notes: 'ثالثة' }, ctx);
    const gone = l.docs.create('contact', { name: 'Gone' }, ctx);
    const tomb = l.docs.remove(gone.id, ctx);
    const base = `1-${hex('base')}`;
    const x = [`2-${hex('x')}`, base];
    const y = [`3-${hex('y3')}`, `2-${hex('y2')}`, base];
    l.replication.bulkInsertRemote([remote('rel-1', x, release('X')), remote('rel-1', y, release('Y'))]);
    // Stemmed: only the newest two of four revisions arrive, so the older ones have no body here.
    const long = [4, 3, 2, 1].map((n) => `${n}-${hex(`s${n}`)}`);
    l.replication.bulkInsertRemote([remote('rel-2', long.slice(0, 2), release('Stemmed'))]);
    const requests = [
      { id: edited.id, revs: [third.rev] },
      { id: gone.id, revs: [tomb.rev] },
      { id: 'rel-1', revs: [x[0]!, y[0]!] },
      // An ancestor leads to its leaves; asked twice, each leaf comes once.
      { id: 'rel-1', revs: [base, y[0]!] },
      { id: 'rel-2', revs: [long[0]!, long[3]!] },
      { id: 'nowhere', revs: [`1-${hex('none')}`] },
    ];
    const viaObjects = requests.flatMap((r) => l.replication.openRevs(r.id, r.revs, { latest: true }).flatMap((o) => ('ok' in o ? [o.ok] : [])));
    const viaJson = l.replication.openRevsJson(requests);
    expect(viaJson.map((j) => JSON.parse(j.json.toString('utf8')) as unknown)).toEqual(viaObjects);
    expect(viaJson.map((j) => [j.id, j.rev])).toEqual(viaObjects.map((o) => [o._id, o._rev]));
    expect(viaObjects.map((o) => o._rev)).toEqual([third.rev, tomb.rev, x[0], y[0], x[0], y[0], long[0]]);
    expect(viaObjects[0]!._revisions.ids).toHaveLength(3);
    expect(viaObjects[1]!._deleted).toBe(true);
  });
});

describe('a push from a library', () => {
  it('stores every batch in order, checkpoints (after every batch, when asked) only what is stored, and resumes after a cut upload', async () => {
    const l = await lib();
    const made = l.docs.createMany('release', Array.from({ length: 23 }, (_, i) => ({ fields: { headline: `Water for village ${i}`, language: 'en' } })), ctx);
    const db = await couch.freshDb();
    const peer = () => new CouchPeer({ url: db.proxied, retry: { attempts: 1, baseMs: 1, capMs: 1 }, timeoutMs: 10_000 });
    // The third batch's upload is cut and not retried: the push stops there.
    couch.proxy.add({ method: 'POST', path: /\/_bulk_docs/, fault: { kind: 'cut-upload', fraction: 0.5 }, skip: 2 });
    const seen: number[] = [];
    await expect(replicate(new StorePeer(l.replication), peer(), { batchSize: 5, checkpointEveryMs: 0, onBatch: (p) => seen.push(p.changesRead) })).rejects.toMatchObject({ failure: 'network' });
    expect(seen).toEqual([5, 10]);
    const repId = replicationId(new StorePeer(l.replication).identity, peer().identity);
    const checkpoint = await peer().getLocal(`_local/${repId}`);
    const onServer = Object.keys(await couchState(db.direct));
    // Everything up to the checkpoint is on the server, the cut batch is not; the batch after it,
    // sent while the cut one was on its way (a server is given two at once), whole or not at all.
    const feed = l.replication.changes(0, 100).results.map((r) => r.id);
    const upTo = feed.slice(0, 10);
    expect(checkpoint?.source_last_seq).toBe(l.replication.changes(0, 10).lastSeq);
    expect(onServer).toEqual(expect.arrayContaining(upTo));
    const beyond = onServer.filter((id) => !upTo.includes(id)).sort();
    expect([[], feed.slice(15, 20).sort()]).toContainEqual(beyond);

    const again = await replicate(new StorePeer(l.replication), new CouchPeer({ url: db.proxied, retry: fast, timeoutMs: 10_000 }), { batchSize: 5 });
    expect(again.startSeq).toBe(checkpoint?.source_last_seq);
    // Only what the server lacks travels.
    expect(again.docsWritten).toBe(made.length - onServer.length);
    expect(libraryState({ library: l })).toEqual(await couchState(db.direct));
    expect(Object.keys(await couchState(db.direct))).toHaveLength(made.length);
  });

  it('writes the checkpoints once for a quick run of many batches; a run cut before them sends nothing twice', async () => {
    const l = await lib();
    const made = l.docs.createMany('release', Array.from({ length: 23 }, (_, i) => ({ fields: { headline: `Clean water ${i}`, language: 'en' } })), ctx);
    const db = await couch.freshDb();
    const peer = (attempts: number) => new CouchPeer({ url: db.proxied, retry: { ...fast, attempts }, timeoutMs: 10_000 });
    const repId = replicationId(new StorePeer(l.replication).identity, peer(1).identity);
    // The fourth batch's upload is cut and not retried: three batches are on the server (all but the
    // cut one when the fifth and last, sent beside it, got through), no checkpoint is.
    couch.proxy.add({ method: 'POST', path: /\/_bulk_docs/, fault: { kind: 'cut-upload', fraction: 0.5 }, skip: 3 });
    const seen: number[] = [];
    await expect(replicate(new StorePeer(l.replication), peer(1), { batchSize: 5, checkpointEveryMs: 60_000, onBatch: (p) => seen.push(p.changesRead) })).rejects.toMatchObject({ failure: 'network' });
    expect(seen).toEqual([5, 10, 15]);
    expect(await peer(1).getLocal(`_local/${repId}`)).toBeNull();
    const onServer = Object.keys(await couchState(db.direct)).length;
    expect([15, made.length - 5]).toContain(onServer);

    couch.proxy.log.length = 0;
    const again = await replicate(new StorePeer(l.replication), peer(6), { batchSize: 5, checkpointEveryMs: 60_000 });
    // From the start again, but the server says it has what got there: only the rest travel.
    expect(again.startSeq).toBe(0);
    expect(again.changesRead).toBe(made.length);
    expect(again.docsWritten).toBe(made.length - onServer);
    const puts = couch.proxy.log.filter((e) => e.method === 'PUT' && e.path.includes('/_local/'));
    expect(puts).toHaveLength(1);
    expect((await peer(1).getLocal(`_local/${repId}`))?.source_last_seq).toBe(again.lastSeq);
    expect(libraryState({ library: l })).toEqual(await couchState(db.direct));
    const third = await replicate(new StorePeer(l.replication), peer(6), { batchSize: 5 });
    expect([third.startSeq, third.changesRead, third.docsWritten]).toEqual([again.lastSeq, 0, 0]);
  });

  it('uses a few kept-alive connections for many requests', async () => {
    const l = await lib();
    l.docs.createMany('release', Array.from({ length: 40 }, (_, i) => ({ fields: { headline: `Release ${i}`, language: 'en' } })), ctx);
    const db = await couch.freshDb();
    const before = couch.proxy.stats;
    const requests = before.requests;
    const connections = before.connections;
    await replicate(new StorePeer(l.replication), new CouchPeer({ url: db.proxied, retry: fast, timeoutMs: 10_000 }), { batchSize: 5 });
    // 8 batches: changes read here, then revs_diff and _bulk_docs each on the server, and a checkpoint.
    expect(couch.proxy.stats.requests - requests).toBeGreaterThanOrEqual(8 * 2 + 1);
    // A connection is opened only for a request while every open one is busy: up to three batches
    // read ahead (each its revs_diff) and two _bulk_docs are on the way at once (replicate.ts). How
    // many overlap depends on timing, so the bound is the five the pipeline allows (this test run
    // alone opened 4 or 5; without kept-alive connections it would open one a request, 18).
    expect(couch.proxy.stats.connections - connections).toBeLessThanOrEqual(5);
  });
});
