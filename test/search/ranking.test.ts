import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { markdownToRichText } from '../../electron/core/markdown';
import { ContactFields, OutletFields, ReleaseFields, type DocType } from '../../electron/shared/documents';
import type { SearchHit } from '../../electron/shared/search/contract';
import { ftsQuery } from '../../electron/shared/search/terms';
import { core } from '../core-harness';

async function search(c: Core, input: Record<string, unknown>): Promise<SearchHit[]> {
  const r = await c.dispatch('search', input, { transport: 'test' });
  if (!r.ok) throw new Error(`search failed: ${r.error.code} ${r.error.message}`);
  return r.value as SearchHit[];
}

function addRelease(c: Core, headline: string, releaseDate: string, body = 'The office issued this statement today.'): string {
  const fields = ReleaseFields.parse({ headline, language: 'en', releaseDate, body: markdownToRichText(body) });
  return c.library.docs.create('release', fields, { author: 'amina' }).id;
}

describe('search ranking', () => {
  it('ranks every match: the best release is found under thousands of newer contacts, with or without a type filter', async () => {
    const c = await core();
    const best = addRelease(c, 'Cholera cholera response', '2026-01-10', 'Cholera vaccination reaches the camps.');
    c.library.db.transaction(() => {
      for (let i = 0; i < 6000; i++) {
        const fields = ContactFields.parse({ name: `Desk ${i}`, kind: 'journalist', organisation: `Cholera watch network bulletin number ${i}` });
        c.library.docs.create('contact', fields, { author: 'amina' });
      }
    })();
    const releasesOnly = await search(c, { query: 'cholera', types: ['release'] });
    expect(releasesOnly.map((h) => h.id)).toEqual([best]);
    const all = await search(c, { query: 'cholera', limit: 20 });
    expect(all).toHaveLength(20);
    expect(all[0]!.id).toBe(best);
    expect(all.slice(1).every((h) => h.type === 'contact')).toBe(true);
  });

  it('pages through every match, and breaks ties by the newest release date', async () => {
    const c = await core();
    const dates = Array.from({ length: 45 }, (_, i) => `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`);
    const ids = dates.map((d) => addRelease(c, 'Flood appeal launched', d));
    const seen: SearchHit[] = [];
    for (let offset = 0; offset < 60; offset += 20) seen.push(...(await search(c, { query: 'flood appeal', limit: 20, offset })));
    expect(seen).toHaveLength(45);
    expect(new Set(seen.map((h) => h.id))).toEqual(new Set(ids));
    // Every text is the same, so the order is the release date, newest first.
    const byDate = new Map(ids.map((id, i) => [id, dates[i]!]));
    const order = seen.map((h) => byDate.get(h.id)!);
    expect(order).toEqual([...order].sort().reverse());
    expect(await search(c, { query: 'flood appeal', limit: 20, offset: 45 })).toEqual([]);
  });

  it('gives every page of the full SQL ranking, under long runs of equal scores, a type filter and the trash', async () => {
    const c = await core();
    const who = { author: 'amina' };
    // Equal texts make equal scores: runs of 70 contacts and 50 releases tie, longer than the
    // candidates first fetched, so the page has to be settled past them.
    c.library.db.transaction(() => {
      for (let i = 0; i < 70; i++) c.library.docs.create('contact', ContactFields.parse({ name: 'Desk', kind: 'journalist', organisation: 'Rainfall watch' }), who);
      for (let i = 0; i < 140; i++) {
        const words = ['rainfall', ...Array.from({ length: i % 9 }, (_, j) => `word${j}`), i % 4 === 0 ? 'rainfall' : 'delta'].join(' ');
        const fields = ReleaseFields.parse({
          headline: i < 50 ? 'Rainfall outlook' : `Rainfall ${words}`,
          language: 'en',
          releaseDate: i % 5 === 0 ? null : `2025-${String((i % 12) + 1).padStart(2, '0')}-10`,
          body: markdownToRichText(i < 50 ? 'Seasonal rainfall.' : words),
          ...(i % 7 === 3 ? { trashed: { at: '2026-02-01T10:00:00.000Z' } } : {}),
        });
        c.library.docs.create('release', fields, who);
      }
      for (let i = 0; i < 30; i++) c.library.docs.create('outlet', OutletFields.parse({ name: `Rainfall radio ${i % 3}` }), who);
    })();
    // The reference: every match joined, filtered and ordered in one SQL query.
    const reference = (types: DocType[] | null): string[] =>
      c.library.db
        .prepare(
          `SELECT d.id FROM (SELECT rowid, rank FROM search_fts WHERE search_fts MATCH ?) f JOIN docs d ON d.rowid = f.rowid
           LEFT JOIN release_p r ON r.doc_rowid = f.rowid
           WHERE d.deleted = 0 AND (r.status IS NULL OR r.status <> 'trashed') AND (? IS NULL OR d.type IN (SELECT value FROM json_each(?)))
           ORDER BY f.rank, r.release_date DESC NULLS LAST, f.rowid DESC`,
        )
        .pluck()
        .all(ftsQuery('rainfall'), types && JSON.stringify(types), types && JSON.stringify(types)) as string[];
    for (const types of [null, ['release'], ['contact', 'release']] as (DocType[] | null)[]) {
      const expected = reference(types);
      expect(expected.length).toBeGreaterThan(100);
      const pages: string[] = [];
      for (let offset = 0; offset <= expected.length; offset += 20) {
        pages.push(...(await search(c, { query: 'rainfall', limit: 20, offset, ...(types ? { types } : {}) })).map((h) => h.id));
      }
      expect(pages).toEqual(expected);
    }
  });

  it('refuses a negative offset with a clear error', async () => {
    const c = await core();
    const r = await c.dispatch('search', { query: 'x', offset: -1 }, { transport: 'test' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^search: offset: /);
  });
});
