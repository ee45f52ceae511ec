import { beforeEach, describe, expect, it } from 'vitest';
import { CouchPeer } from '../../electron/core/sync/couch-peer';
import { replicate } from '../../electron/core/sync/replicate';
import { SyncError } from '../../electron/core/sync/errors';
import { useCouchWithProxy } from './couch-server';
import { couchState, putDocs } from './couch-state';

// The replicator between two databases of a real pouchdb-server, through the fault proxy: the
// protocol side of sync, before either side is a library.

const couch = useCouchWithProxy();
let a: string;
let b: string;

beforeEach(async () => {
  a = (await couch.freshDb('a')).direct;
  b = (await couch.freshDb('b')).direct;
});

const fast = { attempts: 6, baseMs: 1, capMs: 5 };
const through = (db: string, opts: Partial<ConstructorParameters<typeof CouchPeer>[0]> = {}) =>
  new CouchPeer({ url: couch.proxy.db(db.split('/').pop()!), retry: fast, timeoutMs: 10_000, ...opts });

function releases(count: number, from = 0): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => ({ _id: `release-${String(from + i).padStart(4, '0')}`, type: 'release', headline: `Release ${from + i}` }));
}

describe('replicate between two CouchDB databases', () => {
  it('copies every document with its revisions, checkpoints, and a second run changes nothing', async () => {
    await putDocs(a, releases(25));
    const first = await replicate(through(a), through(b), { batchSize: 10 });
    expect(first.docsWritten).toBe(25);
    expect(await couchState(b)).toEqual(await couchState(a));
    const again = await replicate(through(a), through(b), { batchSize: 10 });
    expect(again.startSeq).toEqual(first.lastSeq);
    expect(again.changesRead).toBe(0);
    expect(again.docsWritten).toBe(0);
  });

  it('reads pages of 250 changes from a near server and of 100 from a far one', async () => {
    await putDocs(a, releases(30));
    const limits = () => couch.proxy.log.filter((l) => l.path.includes('/_changes?')).map((l) => new URLSearchParams(l.path.split('?')[1]).get('limit'));
    couch.proxy.log.length = 0;
    // Any answer within a minute is near; none comes within no time.
    await replicate(through(a, { nearMs: 60_000 }), through(b, { nearMs: 60_000 }));
    expect(limits()).toEqual(['250']);
    const c = (await couch.freshDb('c')).direct;
    couch.proxy.log.length = 0;
    await replicate(through(a, { nearMs: 0 }), through(c, { nearMs: 0 }));
    expect(limits()).toEqual(['100']);
    expect(await couchState(c)).toEqual(await couchState(a));
    expect(await couchState(b)).toEqual(await couchState(a));
  });

  it('keeps both branches of a conflict and the same winner on both sides', async () => {
    const revs = await putDocs(a, releases(1));
    await replicate(through(a), through(b));
    const id = 'release-0000';
    await putDocs(a, [{ _id: id, _rev: revs[id], type: 'release', headline: 'Edited in Geneva' }]);
    await putDocs(b, [{ _id: id, _rev: revs[id], type: 'release', headline: 'Edited in Kampala' }]);
    await replicate(through(a), through(b));
    await replicate(through(b), through(a));
    const sa = await couchState(a);
    expect(sa[id]!.leaves).toHaveLength(2);
    expect(await couchState(b)).toEqual(sa);
  });

  it('heals from a cut while reading changes, while fetching, while uploading and after the server saved', async () => {
    await putDocs(a, releases(30));
    couch.proxy.add({ method: 'GET', path: /\/_changes/, fault: { kind: 'cut-download', fraction: 0.5 }, skip: 1 });
    couch.proxy.add({ method: 'POST', path: /\/_bulk_get/, fault: { kind: 'cut-download', fraction: 0.6 }, skip: 1 });
    couch.proxy.add({ method: 'POST', path: /\/_bulk_docs/, fault: { kind: 'cut-upload' }, skip: 1 });
    couch.proxy.add({ method: 'POST', path: /\/_bulk_docs/, fault: { kind: 'cut-after-save' }, skip: 2 });
    couch.proxy.add({ method: 'PUT', path: /\/_local\//, fault: { kind: 'cut-after-save' }, skip: 2 });
    // A checkpoint after every batch, so one is cut too.
    const r = await replicate(through(a), through(b), { batchSize: 7, checkpointEveryMs: 0 });
    expect(couch.proxy.fired()).toBe(5);
    expect(r.changesRead).toBe(30);
    expect(await couchState(b)).toEqual(await couchState(a));
    expect((await replicate(through(a), through(b))).docsWritten).toBe(0);
  });

  it('retries 5xx and duplicate deliveries, and halves a batch the server calls too large', async () => {
    await putDocs(a, releases(12));
    couch.proxy.add({ path: /\/_revs_diff/, fault: { kind: 'status', status: 503 }, times: 2 });
    couch.proxy.add({ method: 'POST', path: /\/_bulk_docs/, fault: { kind: 'duplicate' } });
    couch.proxy.add({ method: 'POST', path: /\/_bulk_docs/, fault: { kind: 'status', status: 413, error: 'too_large' } });
    const target = through(b);
    await replicate(through(a), target, { batchSize: 6 });
    expect(couch.proxy.fired()).toBe(4);
    expect(couch.proxy.log.filter((l) => l.path.includes('_bulk_docs') && l.status === 413)).toHaveLength(1);
    expect(await couchState(b)).toEqual(await couchState(a));
  });

  it('stops at a 401 without retrying, and carries on from its checkpoint once allowed', async () => {
    await putDocs(a, releases(20));
    couch.proxy.add({ path: /\/_revs_diff/, fault: { kind: 'status', status: 401, error: 'unauthorized' }, skip: 1 });
    const failed = replicate(through(a), through(b), { batchSize: 10 });
    await expect(failed).rejects.toBeInstanceOf(SyncError);
    await expect(failed).rejects.toMatchObject({ code: 'SERVER_AUTH', failure: 'auth' });
    expect(couch.proxy.log.filter((l) => l.status === 401)).toHaveLength(1);
    const resumed = await replicate(through(a), through(b), { batchSize: 10 });
    expect(resumed.docsWritten).toBe(10);
    expect(await couchState(b)).toEqual(await couchState(a));
  });

  it('gives up after its attempts when the server keeps failing, leaving the checkpoint where it was', async () => {
    await putDocs(a, releases(5));
    couch.proxy.add({ path: /\/_bulk_docs/, fault: { kind: 'status', status: 500 }, times: 100 });
    await expect(replicate(through(a), through(b))).rejects.toMatchObject({ code: 'SERVER_ERROR' });
    expect(couch.proxy.log.filter((l) => l.status === 500)).toHaveLength(fast.attempts);
    couch.proxy.clear();
    const r = await replicate(through(a), through(b));
    expect(r.startSeq).toBe(0);
    expect(r.docsWritten).toBe(5);
  });

  it('fetches with open_revs where the server has no _bulk_get', async () => {
    await putDocs(a, releases(3));
    couch.proxy.add({ path: /\/_bulk_get/, fault: { kind: 'status', status: 404, error: 'not_found' } });
    await replicate(through(a), through(b));
    expect(couch.proxy.log.filter((l) => l.path.includes('open_revs'))).toHaveLength(3);
    expect(await couchState(b)).toEqual(await couchState(a));
  });

  it('refuses an answer that is not CouchDB, naming the request', async () => {
    couch.proxy.add({ path: /\/_changes/, fault: { kind: 'status', status: 200 } });
    await expect(replicate(through(a), through(b))).rejects.toThrow(/_changes answer is not what CouchDB sends/);
  });

  it('refuses revisions that are not CouchDB, though their answer is read only when they are stored, and stores nothing of them', async () => {
    await putDocs(a, releases(3));
    couch.proxy.add({ path: /\/_bulk_get/, fault: { kind: 'status', status: 200 } });
    await expect(replicate(through(a), through(b))).rejects.toThrow(/_bulk_get answer is not what CouchDB sends/);
    expect(await couchState(b)).toEqual({});
    // Nothing was checkpointed: the next run copies all three.
    const again = await replicate(through(a), through(b));
    expect(again.docsWritten).toBe(3);
    expect(await couchState(b)).toEqual(await couchState(a));
  });
});
