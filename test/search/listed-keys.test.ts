import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { entryTokens, keyFrequencies, keysOfTokens } from '../../electron/core/search/bm25';
import { buildBestList, rebuildBestLists } from '../../electron/core/search/champions';
import { catchUpSearch } from '../../electron/core/search/index-writer';
import { ListedKeys } from '../../electron/core/search/listed-keys';
import { bounded, type Bound } from '../../electron/core/search/listing';
import { fill, libraries, pulled } from './fixtures';

const ctx = { author: 'amina' };

/** What a write must list a row under, counted as a rebuild counts (every beginning of every token, looked up by string). */
function byScan(keys: ReadonlyMap<string, Bound>, tokens: readonly string[]): string[] {
  const counts = keyFrequencies(tokens, keysOfTokens((k) => keys.has(k)))!;
  return [...counts].filter(([k, f]) => !bounded(keys.get(k)!, f, tokens.length)).map(([k]) => k);
}

function unbounded(listed: ListedKeys, tokens: readonly string[]): string[] {
  const out: string[] = [];
  listed.unbounded(tokens, (k) => out.push(k));
  return out;
}

describe('the listed keys a write checks a row against', () => {
  it('finds the keys a scan of every beginning of every token finds, for ASCII, Latin, Arabic and digits', () => {
    const keys = new Map<string, Bound>([
      ['wat', [[1, 2], [3, 9], [6, 40]]],
      ['wate', [[2, 5]]],
      ['water', []],
      ['waters', [[1, 1]]],
      ['hea', [[1, 30], [2, 60]]],
      ['health', [[1, 4]]],
      ['søre', [[1, 3]]],
      ['łod', [[2, 6]]],
      ['tromsø', []],
      ['منظ', [[1, 2], [2, 8]]],
      ['المنظمة', [[1, 50]]],
      ['202', [[1, 3]]],
      ['2026', [[4, 4]]],
      ['z9x', [[1, 100]]],
      // Shorter than any key a token counts under: never found.
      ['wa', []],
    ]);
    const listed = new ListedKeys(keys);
    expect(listed.size).toBe(keys.size - 1);
    const words = ['water', 'waters', 'watershed', 'wat', 'wa', 'w', 'wax', 'health', 'heal', 'heb', 'søren', 'sør', 'łodz', 'łodzkie', 'lodz', 'tromsø', 'tromso', 'منظمة', 'المنظمة', 'المنظمات', '2026', '2027', '20', 'z9x', 'z9', 'camp'];
    // Rows of every length and mix: 400 of them, from one token to 60.
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    let listedSomewhere = 0;
    let boundedSomewhere = 0;
    for (let row = 0; row < 400; row++) {
      const tokens = Array.from({ length: 1 + (next() % 60) }, () => words[next() % words.length]!);
      const want = byScan(keys, tokens);
      expect(unbounded(listed, tokens).sort(), tokens.join(' ')).toEqual(want.sort());
      listedSomewhere += want.length;
      const held = keyFrequencies(tokens, keysOfTokens((k) => keys.has(k) && k.length >= 3))!.size;
      boundedSomewhere += held - want.length;
    }
    // The rows both enter lists and stay within bounds, so both answers are checked.
    expect(listedSomewhere).toBeGreaterThan(100);
    expect(boundedSomewhere).toBeGreaterThan(100);
    // A second look at the same row finds the same keys: nothing is left counted from the first.
    const row = ['water', 'water', 'wat', 'health'];
    expect(unbounded(listed, row)).toEqual(unbounded(listed, row));
  });

  it('finds nothing when no key is listed', () => {
    expect(unbounded(new ListedKeys([]), ['water', 'منظمة', 'søren'])).toEqual([]);
  });
});

/** Every (key, row) listed, as "key rowid". */
function listings(db: Database.Database): Set<string> {
  return new Set(db.prepare<[], { key: string; doc_rowid: number }>('SELECT key, doc_rowid FROM search_best').all().map((r) => `${r.key} ${r.doc_rowid}`));
}

function listedKeys(db: Database.Database): Map<string, Bound> {
  const rows = db.prepare<[], { key: string; bound: string }>('SELECT key, bound FROM search_best_key').all();
  return new Map(rows.map((r) => [r.key, JSON.parse(r.bound) as Bound]));
}

const library = libraries();

describe('writes keep the lists of best rows', () => {
  it('list each row written exactly where its kept text is not bounded, so every row left out stays within its bound', async () => {
    const l = await library();
    fill(l);
    l.db.transaction(() => rebuildBestLists(l.db))();
    const want = listings(l.db);
    const built = want.size;
    const rowid = l.db.prepare<[string], number>('SELECT rowid FROM docs WHERE id = ?').pluck();
    const kept = l.db.prepare<[number], { title: string; body: string }>('SELECT title, body FROM search_text WHERE doc_rowid = ?');
    let boundedRows = 0;
    // What the lists must gain from the rows just written, worked out from their kept text and the keys listed now.
    const expectWritten = (ids: readonly string[]): void => {
      const keys = listedKeys(l.db);
      for (const id of ids) {
        const r = rowid.get(id)!;
        const e = kept.get(r)!;
        const tokens = entryTokens(e.title, e.body)!;
        const found = byScan(keys, tokens);
        for (const k of found) want.add(`${k} ${r}`);
        if (found.length === 0 && tokens.some((t) => keys.has(t.slice(0, 3)))) boundedRows++;
      }
    };

    // Batches of short contacts (most beat every listed row) and long releases (most within the bounds).
    const contacts = l.docs.createMany(
      'contact',
      Array.from({ length: 60 }, (_, i) => ({ fields: { name: `Desk ${i}`, kind: 'journalist' as const, notes: 'water '.repeat(1 + (i % 5)) + (i % 3 === 0 ? 'watershed camp' : 'report') } })),
      ctx,
    );
    expectWritten(contacts.map((d) => d.id));
    const releases = l.docs.createMany(
      'release',
      Array.from({ length: 30 }, (_, i) => ({
        fields: { headline: `Report ${i} on the waters`, language: 'en', notesToEditors: `${'health camp vaccine '.repeat(5 + i)} ${'water '.repeat(i % 7)}` },
      })),
      ctx,
    );
    expectWritten(releases.map((d) => d.id));

    // A list made meanwhile (a search of a word grown frequent): the next write is checked against it too.
    l.db.transaction(() => buildBestList(l.db, 'camp'))();
    for (const x of listings(l.db)) if (x.startsWith('camp ')) want.add(x);
    const one = l.docs.create('contact', { name: 'Camp Camp', kind: 'journalist', notes: 'camp water' }, ctx);
    expectWritten([one.id]);
    const cur = l.docs.require(releases[3]!.id);
    l.docs.update(cur.id, { ...cur.body, notesToEditors: 'water water camp' }, ctx, cur.rev);
    expectWritten([cur.id]);

    // Documents from elsewhere, indexed when the queue is caught up.
    l.replication.bulkInsertRemote(
      Array.from({ length: 8 }, (_, i) => pulled(`rel-remote-${i}`, `r${i}`, 1, { headline: `water ${'camp '.repeat(i)}remote` })),
      { _id: '_local/pull', since: 1 },
    );
    catchUpSearch(l.db);
    expectWritten(Array.from({ length: 8 }, (_, i) => `rel-remote-${i}`));

    const got = listings(l.db);
    expect(got.size).toBeGreaterThan(built + 60);
    expect(boundedRows).toBeGreaterThan(10);
    expect([...got].filter((x) => !want.has(x))).toEqual([]);
    expect([...want].filter((x) => !got.has(x))).toEqual([]);

    // From scratch: every row holding a listed key is listed under it or within its bound.
    const keys = listedKeys(l.db);
    const outside: string[] = [];
    for (const e of l.db.prepare<[], { doc_rowid: number; title: string; body: string }>('SELECT doc_rowid, title, body FROM search_text').iterate()) {
      const tokens = entryTokens(e.title, e.body);
      if (tokens === null) continue;
      for (const k of byScan(keys, tokens)) if (!got.has(`${k} ${e.doc_rowid}`)) outside.push(`${k} ${e.doc_rowid}`);
    }
    expect(outside).toEqual([]);
  });
});
