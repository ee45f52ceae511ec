import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { catchUpSearch } from '../../electron/core/search/index-writer';
import { Library } from '../../electron/core/store/library';
import { MIGRATIONS } from '../../electron/core/store/migrations/index';
import { rebuildProjections } from '../../electron/core/store/projections';
import type { RemoteRevision } from '../../electron/core/store/replication-api';
import { TRASHED } from '../../electron/shared/releases/rules';
import { ftsQuery } from '../../electron/shared/search/text';
import { tempDir } from '../helpers';

const ctx = { author: 'amina' };
const hex = (s: string): string => createHash('md5').update(s).digest('hex');

/** A release written elsewhere, at revision `pos` of a path named after `seed`. */
function pulled(id: string, seed: string, pos: number, headline: string, deleted = false): RemoteRevision {
  const ids = Array.from({ length: pos }, (_, i) => hex(`${seed}${pos - i}`));
  const doc: RemoteRevision = {
    type: 'release',
    language: 'en',
    headline,
    updatedAt: '2026-11-02T10:00:00.000Z',
    updatedBy: 'hq',
    _id: id,
    _rev: `${pos}-${ids[0]}`,
    _revisions: { start: pos, ids },
  };
  if (deleted) doc._deleted = true;
  return doc;
}

/** One varint of FTS5's record format: 7 bits a byte, high bit set while more follow, a 9th byte whole. */
function varint(buf: Buffer, at: number): [number, number] {
  let v = 0;
  for (let i = 0; i < 9; i++) {
    const b = buf[at + i]!;
    if (i === 8) return [v * 256 + b, at + 9];
    v = v * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) return [v, at + i + 1];
  }
  throw new Error('unreachable');
}

/** What bm25 reads: the index's own row count and token count per column (the record with id 1). */
function totals(db: Database.Database): { rows: number; title: number; body: number } {
  const block = db.prepare<[], Buffer>('SELECT block FROM search_fts_data WHERE id = 1').pluck().get()!;
  const [rows, a] = varint(block, 0);
  const [title, b] = varint(block, a);
  const [body] = varint(block, b);
  return { rows, title, body };
}

const QUERIES = ['water', 'floods', 'camp', 'vaccine', 'bogota', 'ecole', 'المنظمة', 'report', 'water camp', 'vacc', 'nairobi', 'desk'];
const WORDS = ['water', 'health', 'school', 'floods', 'camp', 'vaccine', 'Bogotá', 'école', 'المنظمة', 'Kasese', 'Nairobi'];

/** Every query's matches (as the app asks for them) with their bm25 scores, by rowid. */
function scores(db: Database.Database): Record<string, [number, number][]> {
  const stmt = db.prepare<[string], [number, number]>('SELECT rowid, bm25(search_fts) FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid').raw();
  return Object.fromEntries(QUERIES.map((q) => [q, stmt.all(ftsQuery(q)!)]));
}

/** The same live documents indexed afresh, in the same database. */
function rebuilt(db: Database.Database): void {
  db.transaction(() => rebuildProjections(db))();
}

/** A library lived in: local creates, edits, deletes, erases, trash, and batches from elsewhere that add, change and delete. */
function live(l: Library): void {
  const pick = (i: number, k: number): string => WORDS[(i * k + k) % WORDS.length]!;
  const ids: string[] = [];
  for (let i = 0; i < 40; i++) {
    const words = Array.from({ length: 1 + (i % 7) }, (_, k) => pick(i, k + 2)).join(' ');
    const d =
      i % 4 === 3
        ? l.docs.create('contact', { name: `${pick(i, 1)} desk ${i}`, notes: words }, ctx)
        : l.docs.create('release', { headline: `${pick(i, 1)} report ${i}`, language: 'en', notesToEditors: words }, ctx);
    ids.push(d.id);
  }
  for (let i = 0; i < 40; i += 5) {
    const cur = l.docs.require(ids[i]!);
    l.docs.update(ids[i]!, { ...cur.body, headline: `${pick(i, 9)} ${pick(i, 4)} update`, notesToEditors: 'water water camp' }, ctx, cur.rev);
  }
  for (let i = 1; i < 40; i += 6) l.docs.remove(ids[i]!, ctx);
  for (let i = 2; i < 40; i += 9) l.docs.erase(ids[i]!, { erased: true }, ctx);
  const trash = l.docs.require(ids[4]!);
  l.docs.update(ids[4]!, { ...trash.body, status: TRASHED }, ctx, trash.rev);
  const batch: RemoteRevision[] = [];
  for (let i = 0; i < 12; i++) batch.push(pulled(`rel-remote-${i}`, `r${i}`, 1, `${pick(i, 3)} ${pick(i, 5)} remote report`));
  l.replication.bulkInsertRemote(batch, { _id: '_local/pull', since: 1 });
  l.replication.bulkInsertRemote(
    [
      pulled('rel-remote-0', 'r0', 2, 'vaccine campaign in Nairobi'),
      pulled('rel-remote-1', 'r1', 2, 'gone', true),
      pulled('rel-remote-2', 'r2', 2, 'école à Bogotá'),
    ],
    { _id: '_local/pull', since: 2 },
  );
  catchUpSearch(l.db);
  // Changed again after catching up: the entries written by the catch-up are removed exactly too.
  l.replication.bulkInsertRemote([pulled('rel-remote-2', 'r2', 3, 'floods')], { _id: '_local/pull', since: 3 });
  catchUpSearch(l.db);
  conflictsAndErasures(l);
}

/**
 * Winners replaced by branches from elsewhere, replays, compaction, and erasures, each where
 * the removed entry's text must come from a winner the store no longer shows: a winner that
 * lost to a branch, an entry still queued, a body an erase removes.
 */
function conflictsAndErasures(l: Library): void {
  const pull = (docs: RemoteRevision[], since: number): void => void l.replication.bulkInsertRemote(docs, { _id: '_local/pull', since });
  // A second branch that wins (from another root, deeper), then one that loses (shallower).
  pull([pulled('rel-remote-3', 'b3', 2, 'Kasese water branch wins')], 10);
  pull([pulled('rel-remote-4', 'r4', 2, 'health camp'), pulled('rel-remote-4', 'b4', 1, 'a losing branch about health')], 11);
  // A local edit of a document still queued: its entry is written now, from the new winner.
  pull([pulled('rel-remote-5', 'r5', 2, 'queued then edited')], 12);
  const queued = l.docs.require('rel-remote-5');
  l.docs.update('rel-remote-5', { ...queued.body, headline: 'edited before the catch-up: vaccine camp' }, ctx, queued.rev);
  catchUpSearch(l.db);
  // Replays change nothing.
  pull([pulled('rel-remote-3', 'b3', 2, 'Kasese water branch wins'), pulled('rel-remote-2', 'r2', 3, 'floods')], 13);
  // Compaction, then edits on top of the compacted history.
  l.docs.compact();
  pull([pulled('rel-remote-0', 'r0', 3, 'after compaction: Bogotá floods')], 14);
  catchUpSearch(l.db);
  const local = l.docs.require('rel-remote-6');
  l.docs.update('rel-remote-6', { ...local.body, headline: 'school report after compaction' }, ctx, local.rev);
  // Erasures: of a conflicted document, of one whose new winner is still queued, of one deleted and back.
  l.docs.erase('rel-remote-3', { erased: true }, ctx);
  pull([pulled('rel-remote-7', 'r7', 2, 'queued and erased: camp')], 15);
  l.docs.erase('rel-remote-7', { erased: true }, ctx);
  pull([pulled('rel-remote-8', 'r8', 2, 'gone for a while', true)], 16);
  pull([pulled('rel-remote-8', 'r8', 3, 'back again: Nairobi water')], 17);
  catchUpSearch(l.db);
  l.docs.erase('rel-remote-8', { mergedInto: 'rel-remote-9' }, ctx);
  // A winner replaced by a tombstone from elsewhere after its entry was caught up.
  pull([pulled('rel-remote-9', 'r9', 2, 'deleted elsewhere', true)], 18);
  catchUpSearch(l.db);
}

/** How many live documents of the indexed types the library holds: one entry each. */
function liveDocuments(l: Library): number {
  return Object.values(l.docs.liveCounts()).reduce((a, b) => a + b, 0);
}

const open: Library[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

async function library(dir = tempDir(), migrations = MIGRATIONS): Promise<Library> {
  const l = await Library.open(dir, { author: 'amina', migrations });
  open.push(l);
  return l;
}

describe('the search index forgets removed documents exactly', () => {
  it('keeps the row count and token totals of a fresh index of the live documents', async () => {
    const l = await library();
    live(l);
    const lived = totals(l.db);
    const entries = liveDocuments(l);
    rebuilt(l.db);
    const fresh = totals(l.db);
    expect(fresh.rows).toBe(entries);
    expect(fresh.rows).toBeGreaterThan(30);
    expect(lived).toEqual(fresh);
  });

  it('scores every query as a fresh index of the live documents does', async () => {
    const l = await library();
    live(l);
    const lived = scores(l.db);
    expect(Object.entries(lived).filter(([, hits]) => hits.length === 0)).toEqual([]);
    rebuilt(l.db);
    expect(lived).toEqual(scores(l.db));
  });

  it('repairs the totals a version 4 library drifted to, in the migration', async () => {
    const dir = tempDir();
    const old = await library(dir, MIGRATIONS.slice(0, 4));
    live(old);
    const drifted = totals(old.db);
    const driftedScores = scores(old.db);
    old.close();
    open.pop();
    const l = await library(dir);
    expect(l.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    const migrated = totals(l.db);
    const migratedScores = scores(l.db);
    // The older contentless_delete index never lowered its totals: removed documents were still counted.
    expect(drifted.rows).toBeGreaterThan(migrated.rows);
    expect(driftedScores).not.toEqual(migratedScores);
    rebuilt(l.db);
    expect(migrated).toEqual(totals(l.db));
    expect(migratedScores).toEqual(scores(l.db));
  });

  it("upgrades a version 5 library that kept each entry's text, and removes its entries exactly after", async () => {
    const dir = tempDir();
    const old = await library(dir, MIGRATIONS.slice(0, 5));
    live(old);
    expect(old.db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'search_text'").get()).toBeDefined();
    old.close();
    open.pop();
    const l = await library(dir);
    expect(l.db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'search_text'").get()).toBeUndefined();
    // Entries written at version 5 are removed from the winners they were indexed from.
    for (let i = 0; i < 12; i++) {
      const d = l.docs.getStored(`rel-remote-${i}`)!;
      if (!d.deleted) l.docs.update(d.id, { ...d.body, headline: `desk ${i} rewritten` }, ctx, d.rev);
    }
    l.docs.erase('rel-remote-0', { erased: true }, ctx);
    const upgraded = { totals: totals(l.db), scores: scores(l.db) };
    rebuilt(l.db);
    expect(upgraded).toEqual({ totals: totals(l.db), scores: scores(l.db) });
    expect(upgraded.totals.rows).toBe(liveDocuments(l));
  });
});
