import { describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES, NEAR_REQUEST_BYTES, Pace } from '../../electron/core/sync/files/pace';

/**
 * How much of a file transfer is on the way at once, on a simulated link: a clock the test moves
 * as the link would take to carry each request (all requests in flight share its speed).
 */

const KiB = 1024;

/** Runs 4 MiB of 8 KiB chunks through a link of `bytesPerSecond`; each request's size and the lanes in use as it started. */
async function transfer(bytesPerSecond: number, opts: { failAt?: number; retryAt?: number; maxRequest?: number } = {}) {
  let clock = 0;
  const pace = new Pace(8 * KiB, () => clock, opts.maxRequest);
  let left = 512;
  let n = 0;
  let inFlight = 0;
  const seen: { bytes: number; lanes: number }[] = [];
  let failed: { message: string; inFlight: number } | null = null;
  const take = (budget: number) => {
    if (left === 0) return null;
    const chunks = Math.max(1, Math.min(left, Math.floor(budget / (8 * KiB))));
    left -= chunks;
    return chunks * 8 * KiB;
  };
  await pace
    .inLanes(take, async (bytes) => {
      inFlight++;
      seen.push({ bytes, lanes: inFlight });
      const index = n++;
      // The link carries every request in flight at its shared speed.
      await Promise.resolve();
      clock += (bytes * inFlight * 1000) / bytesPerSecond;
      inFlight--;
      if (index === opts.failAt) throw new Error('link dropped');
      // A request that the peer had to send again: the link drops.
      if (index === opts.retryAt) pace.dropped();
      return bytes;
    })
    .catch((e: Error) => {
      // Settled only once nothing is in flight.
      failed = { message: e.message, inFlight };
    });
  return { seen, failed };
}

describe('pacing file transfers by the link', () => {
  it('on a slow link (64 kbit/s) keeps one chunk in flight at a time', async () => {
    const { seen } = await transfer(8_000);
    expect(seen.every((s) => s.bytes === 8 * KiB && s.lanes === 1)).toBe(true);
  });

  it('on a fast link grows to requests of 128 KiB, four side by side', async () => {
    const { seen, failed } = await transfer(50 * 1024 * 1024);
    expect(failed).toBeNull();
    expect(seen[0]).toEqual({ bytes: 8 * KiB, lanes: 1 });
    expect(Math.max(...seen.map((s) => s.bytes))).toBe(MAX_REQUEST_BYTES);
    expect(Math.max(...seen.map((s) => s.lanes))).toBe(4);
    expect(seen.length).toBeLessThan(512 / 8);
  });

  it('to a near server grows to requests of 512 KiB', async () => {
    const { seen, failed } = await transfer(50 * 1024 * 1024, { maxRequest: NEAR_REQUEST_BYTES });
    expect(failed).toBeNull();
    expect(Math.max(...seen.map((s) => s.bytes))).toBe(512 * KiB);
    expect(seen.length).toBeLessThan(512 / 32);
  });

  it('after a drop, one chunk at a time for the rest of the transfer', async () => {
    const { seen, failed } = await transfer(50 * 1024 * 1024, { retryAt: 20 });
    expect(failed).toBeNull();
    expect(Math.max(...seen.slice(0, 20).map((s) => s.bytes))).toBe(MAX_REQUEST_BYTES);
    // Those already on their way finish; every later request carries one chunk, alone.
    const after = seen.slice(24);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((s) => s.bytes === 8 * KiB && s.lanes === 1)).toBe(true);
  });

  it('a failure stops new requests, waits for those on the way, and is thrown', async () => {
    const { seen, failed } = await transfer(50 * 1024 * 1024, { failAt: 5 });
    expect(failed).toEqual({ message: 'link dropped', inFlight: 0 });
    expect(seen.length).toBeLessThan(12);
  });
});
