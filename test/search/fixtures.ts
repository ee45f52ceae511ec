import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { SearchPath } from '../../electron/core/search/best-page';
import { searchLibrary, SEARCH_ORDER } from '../../electron/core/search/query';
import { afterEach } from 'vitest';
import { Library } from '../../electron/core/store/library';
import { MIGRATIONS } from '../../electron/core/store/migrations/index';
import { tempDir } from '../helpers';
import type { RemoteRevision } from '../../electron/core/store/replication-api';
import { TRASHED } from '../../electron/shared/releases/rules';
import { ftsQuery } from '../../electron/shared/search/terms';

/** Libraries for the search tests: documents of every length and mix of words, and the full ranking every page must be a slice of. */

const ctx = { author: 'amina' };

export const WORDS = ['water', 'waters', 'watershed', 'health', 'camp', 'vaccine', 'Søren', 'Łódź', 'Tromsø', 'المنظمة', 'نيروبي', 'report', 'flood'];

/** Documents of every length and mix of words: 3,000 contacts and 200 releases, all holding "water" or a word starting with it. */
export function fill(l: Library, seed = 1): void {
  const pick = (i: number, k: number): string => WORDS[(i * 7 + k * 3 + seed) % WORDS.length]!;
  const words = (i: number, n: number): string => Array.from({ length: n }, (_, k) => pick(i, k)).join(' ');
  l.docs.createMany(
    'contact',
    Array.from({ length: 3000 }, (_, i) => ({ fields: { name: `${pick(i, 1)} desk ${i}`, kind: 'journalist', notes: `water ${words(i, i % 9)}` } })),
    ctx,
  );
  l.docs.createMany(
    'release',
    Array.from({ length: 200 }, (_, i) => ({
      fields: { headline: `${pick(i, 2)} water report ${i}`, language: 'en', releaseDate: `2026-0${1 + (i % 9)}-1${i % 10}`, notesToEditors: words(i, 5 + (i % 40)) },
    })),
    ctx,
  );
}

export interface Row {
  rowid: number;
  score: number;
}

/** The whole ranking of live, untrashed matches of the wanted types, in SQL: what every page must be a slice of. */
export function fullRanking(db: Database.Database, query: string, types: string[] | null = null): Row[] {
  return db
    .prepare<{ match: string; types: string | null }, Row>(
      `SELECT f.rowid, f.rank AS score FROM (SELECT rowid, rank FROM search_fts WHERE search_fts MATCH @match) f
       JOIN docs d ON d.rowid = f.rowid LEFT JOIN release_p r ON r.doc_rowid = f.rowid
       WHERE d.deleted = 0 AND (r.status IS NULL OR r.status <> '${TRASHED}') AND (@types IS NULL OR d.type IN (SELECT value FROM json_each(@types)))
       ORDER BY ${SEARCH_ORDER}`,
    )
    .all({ match: ftsQuery(query)!, types: types === null ? null : JSON.stringify(types) });
}

export function page(db: Database.Database, query: string, limit: number, offset = 0, types?: ('release' | 'contact')[]): { ids: number[]; scores: number[]; path: SearchPath | undefined } {
  let path: SearchPath | undefined;
  const hits = searchLibrary(db, query, { limit, offset, types, onPath: (p) => (path = p) });
  const rowid = db.prepare<[string], number>('SELECT rowid FROM docs WHERE id = ?').pluck();
  return { ids: hits.map((h) => rowid.get(h.id)!), scores: hits.map((h) => h.score), path };
}

const hex = (s: string): string => createHash('md5').update(s).digest('hex');

/**
 * A document written elsewhere at revision `pos`, whose path is `names` (newest first, each
 * hashed into a revision id): `defaults` first, then the fields given, then the revision's own.
 */
export function remoteRevision(id: string, pos: number, names: readonly string[], defaults: Record<string, unknown>, fields: Record<string, unknown>): RemoteRevision {
  const ids = names.map(hex);
  return {
    ...defaults,
    updatedAt: '2026-11-02T10:00:00.000Z',
    updatedBy: 'hq',
    ...fields,
    _id: id,
    _rev: `${pos}-${ids[0]}`,
    _revisions: { start: pos, ids },
  };
}

/** A release written elsewhere, at revision `pos` of a path named after `seed`. */
export function pulled(id: string, seed: string, pos: number, fields: Record<string, unknown>, deleted = false): RemoteRevision {
  const names = Array.from({ length: pos }, (_, i) => `${seed}${pos - i}`);
  const doc = remoteRevision(id, pos, names, { type: 'release', language: 'en' }, fields);
  if (deleted) doc._deleted = true;
  return doc;
}

/**
 * Opens libraries for one test file and closes them after each test: call it once at the top of
 * the file and use the function it returns.
 */
export function libraries(): (dir?: string, migrations?: typeof MIGRATIONS) => Promise<Library> {
  const open: Library[] = [];
  afterEach(() => {
    while (open.length) open.pop()!.close();
  });
  return async (dir = tempDir(), migrations = MIGRATIONS) => {
    const l = await Library.open(dir, { author: 'amina', migrations });
    open.push(l);
    return l;
  };
}
