import { describe, expect, it } from 'vitest';
import { CouchPeer } from '../../electron/core/sync/couch-peer';
import { useCouchWithProxy } from './couch-server';
import { putDocs } from './couch-state';

const couch = useCouchWithProxy();

/** Releases whose text repeats, as real JSON does: gzip shrinks it several times. */
const releases = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ _id: `release-${String(i).padStart(3, '0')}`, type: 'release', headline: `Water for the villages of the district, week ${i}`.repeat(8) }));

/** The changes of the database and the bytes its answer took on the wire, after one small request has timed the link. */
async function changesThrough(peer: CouchPeer) {
  await peer.getLocal('_local/timing');
  const before = peer.stats.bytesReceived;
  const feed = await peer.changes(0, 100);
  return { ids: feed.results.map((r) => r.id), wire: peer.stats.bytesReceived - before };
}

describe('answers compressed where that pays on the wire', () => {
  it('asks a near server for plain answers, a far one for gzipped ones, and both read the same', async () => {
    const { proxied, direct } = await couch.freshDb();
    await putDocs(direct, releases(40));
    // Bounds far from any real timing: a local answer within a second is near; no answer comes in no time.
    const near = new CouchPeer({ url: proxied, nearMs: 1000 });
    const plain = await changesThrough(near);
    expect(near.compresses).toBe(false);

    const far = new CouchPeer({ url: proxied, nearMs: 0 });
    const gzipped = await changesThrough(far);
    expect(far.compresses).toBe(true);
    expect(gzipped.ids).toEqual(plain.ids);
    expect(plain.ids).toHaveLength(40);
    expect(gzipped.wire).toBeLessThan(plain.wire / 2);
  });

  it('asks for gzipped answers before the link has been timed', () => {
    expect(new CouchPeer({ url: 'http://127.0.0.1:1/office' }).compresses).toBe(true);
  });
});
