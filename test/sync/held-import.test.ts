import { afterEach, describe, expect, it } from 'vitest';
import { holdTransaction } from '../../electron/core/store/held-transaction';
import { Library } from '../../electron/core/store/library';
import { StorePeer } from '../../electron/core/sync/store-peer';
import { tempDir } from '../helpers';

/**
 * A long job (a contacts import) holds a write transaction open across its pauses. The replicator
 * works on the same connection, so it waits for that transaction to end: a push never sends rows
 * a cancel then undoes, and a pulled batch is never undone with them.
 */

const ctx = { author: 'field' };
const open: Library[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

describe('sync beside a long job that holds the library', () => {
  it('reads the changes only after the job ends, and never sees what a cancel undid', async () => {
    const l = await Library.open(tempDir(), ctx);
    open.push(l);
    const kept = l.docs.create('contact', { name: 'Kept before the import' }, ctx);
    let release!: () => void;
    const paused = new Promise<void>((r) => (release = r));
    const job = holdTransaction(
      l.db,
      async () => {
        l.docs.create('contact', { name: 'Imported, then cancelled' }, ctx);
        await paused;
        return 'cancelled';
      },
      (outcome) => outcome !== 'cancelled',
    );
    let answered = false;
    const changes = new StorePeer(l.replication).changes(0, 100).then((c) => {
      answered = true;
      return c;
    });
    // The peer is still waiting after everything queued before the job's pause has run.
    await new Promise<void>((r) => setImmediate(r));
    expect(answered).toBe(false);
    release();
    await job;
    const got = await changes;
    expect(got.results.map((c) => c.id)).toEqual([kept.id]);
  });
});
