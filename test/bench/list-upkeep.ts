import { performance } from 'node:perf_hooks';
import type { Library } from '../../electron/core/store/library';
import { makeContact, makeRelease, type Writer } from './corpus';
import { fmt, type Row } from './report';

const ROUNDS = 6;
const RELEASES = 200;
const CONTACTS = 800;

/**
 * What keeping the lists of best rows costs a write (core/search/champions.ts): the same kind of
 * batches written into the full library with its lists, and with the lists set aside (the
 * peer), in alternating rounds. A library filled from empty has no lists until a word is
 * searched, so the write rows above do not show this cost.
 */
export function benchListUpkeep(lib: Library, writer: Writer, firstContactNo: number): Row[] {
  const db = lib.db;
  const ctx = { author: 'bench' };
  const saved = db.prepare<[], { key: string; bound: string }>('SELECT key, bound FROM search_best_key').all();
  const bump = db.prepare('UPDATE search_best_state SET generation = generation + 1');
  const setAside = db.transaction(() => {
    db.exec('DELETE FROM search_best_key');
    bump.run();
  });
  const restore = db.transaction(() => {
    const put = db.prepare<[string, string]>('INSERT INTO search_best_key(key, bound) VALUES (?, ?)');
    for (const r of saved) put.run(r.key, r.bound);
    bump.run();
  });
  let contactNo = firstContactNo;
  const batch = () => ({
    releases: Array.from({ length: RELEASES }, () => ({ fields: makeRelease(writer) })),
    contacts: Array.from({ length: CONTACTS }, () => ({ fields: makeContact(writer, contactNo++) })),
  });
  // On a shared machine the wall time includes waiting for a core; the process's CPU time does not.
  const cpu = { withLists: 0, without: 0 };
  const timed = (b: ReturnType<typeof batch>, side: keyof typeof cpu): number => {
    // One write outside the clock first: a connection reloads the lists' keys after a change.
    lib.docs.create('contact', makeContact(writer, contactNo++), ctx);
    const c = process.cpuUsage();
    const t = performance.now();
    lib.docs.createMany('release', b.releases, ctx);
    lib.docs.createMany('contact', b.contacts, ctx);
    const ms = performance.now() - t;
    const used = process.cpuUsage(c);
    cpu[side] += (used.user + used.system) / 1000;
    return ms;
  };
  const listings = db.prepare<[], number>('SELECT count(*) FROM search_best').pluck();
  const listedBefore = listings.get() ?? 0;
  let withLists = 0;
  let without = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const [a, b] = [batch(), batch()];
    if (round % 2 === 0) {
      withLists += timed(a, 'withLists');
      setAside();
      without += timed(b, 'without');
      restore();
    } else {
      setAside();
      without += timed(a, 'without');
      restore();
      withLists += timed(b, 'withLists');
    }
  }
  const n = ROUNDS * (RELEASES + CONTACTS);
  const ratio = without / withLists;
  // `n` rows were written with the lists (as many without, and never listed: the library is thrown away after).
  const perRow = ((listings.get() ?? 0) - listedBefore) / n;
  return [
    {
      measure: `write into the full library, lists kept up (rows/s; ${RELEASES} releases + ${CONTACTS} contacts a batch)`,
      dateline: fmt.int((n / withLists) * 1000),
      peer: fmt.int((n / without) * 1000),
      ratio: fmt.ratio(ratio),
      goal: '>= 0.90x without lists',
      result: ratio >= 0.9 ? 'pass' : 'FAIL',
    },
    {
      measure: 'the same in CPU time (rows per CPU second)',
      dateline: fmt.int((n / cpu.withLists) * 1000),
      peer: fmt.int((n / cpu.without) * 1000),
      ratio: fmt.ratio(cpu.without / cpu.withLists),
      goal: '',
      result: 'info',
    },
    { measure: 'lists of best rows: rows listed per row written', dateline: perRow.toFixed(1), peer: '', ratio: '', goal: '', result: 'info' },
  ];
}
