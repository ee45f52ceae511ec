import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { InputOf, Page, ReleaseSummary } from '../../electron/shared/contract';
import { call, core, fail, release } from '../core-harness';

/**
 * The releases list in the order a person picks, sorted where the list is queried: every page
 * follows on from the one before, whatever the page size.
 */

/** Every release of the list, read `limit` at a time through the cursor. */
async function all(c: Core, input: Omit<InputOf<'release.list'>, 'limit' | 'cursor'>, limit = 2): Promise<ReleaseSummary[]> {
  const out: ReleaseSummary[] = [];
  let cursor: string | null = null;
  let total: number;
  do {
    const page: Page<ReleaseSummary> = await call<Page<ReleaseSummary>>(c, 'release.list', { ...input, limit, cursor });
    out.push(...page.items);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    total = page.total;
    cursor = page.nextCursor;
  } while (cursor);
  expect(out).toHaveLength(total);
  return out;
}

const HEADLINES = ['Zèbres et eau', 'eau potable à Gao', 'École rouverte', 'Écoles rouvertes', 'Phase 10 du plan', 'Phase 2 du plan', 'abri', 'Ecole du soir', 'المياه في غزة', 'آبار جديدة'];

describe('sorting the releases list', () => {
  it('sorts headlines A to Z and Z to A in the collation of the list’s language, across pages', async () => {
    const c = await core();
    for (const h of HEADLINES) await call(c, 'release.create', release({ headline: h, language: 'fr' }));
    await call(c, 'release.create', release({ headline: '', language: 'fr' }));
    const fr = new Intl.Collator('fr', { numeric: true });
    const expected = [...HEADLINES].sort(fr.compare);
    // Narrowed to French, French is the collation whatever the interface's language.
    const az = (await all(c, { sort: 'headline', language: 'fr', locale: 'en' })).map((r) => r.headline);
    expect(az).toEqual([...expected, '']);
    expect(az.indexOf('Phase 2 du plan')).toBeLessThan(az.indexOf('Phase 10 du plan'));
    const za = (await all(c, { sort: 'headline', direction: 'desc', language: 'fr' }, 3)).map((r) => r.headline);
    // An untitled release comes last either way.
    expect(za).toEqual([...expected].reverse().concat(''));
  });

  it('sorts by the date of the release and by embargo, those without one last in either direction', async () => {
    const c = await core();
    const dates = ['2026-11-03', null, '2026-12-01', '2025-01-20', null, '2026-11-03'];
    const made: { id: string; date: string | null }[] = [];
    for (const [i, d] of dates.entries()) {
      const r = await call<{ id: string }>(c, 'release.create', release({ headline: `Release ${i}`, releaseDate: d, embargo: d ? { at: `${d}T08:00:00.000Z`, timeZone: 'UTC' } : null }));
      made.push({ id: r.id, date: d });
    }
    const newest = (await all(c, { sort: 'releaseDate' })).map((r) => r.releaseDate);
    expect(newest).toEqual(['2026-12-01', '2026-11-03', '2026-11-03', '2025-01-20', null, null]);
    const oldest = (await all(c, { sort: 'releaseDate', direction: 'asc' })).map((r) => r.releaseDate);
    expect(oldest).toEqual(['2025-01-20', '2026-11-03', '2026-11-03', '2026-12-01', null, null]);
    const embargo = (await all(c, { sort: 'embargo' }, 4)).map((r) => r.embargoAt);
    expect(embargo).toEqual(['2025-01-20T08:00:00.000Z', '2026-11-03T08:00:00.000Z', '2026-11-03T08:00:00.000Z', '2026-12-01T08:00:00.000Z', null, null]);
    const embargoLast = (await all(c, { sort: 'embargo', direction: 'desc' }, 4)).map((r) => r.embargoAt);
    expect(embargoLast).toEqual(['2026-12-01T08:00:00.000Z', '2026-11-03T08:00:00.000Z', '2026-11-03T08:00:00.000Z', '2025-01-20T08:00:00.000Z', null, null]);
    // Last changed stays the default order, newest first.
    const changed = await all(c, {});
    expect(changed.map((r) => r.id)).toEqual(made.map((m) => m.id).reverse());
    expect((await all(c, { sort: 'updated', direction: 'asc' })).map((r) => r.id)).toEqual(made.map((m) => m.id));
  });

  it('sorts search results too, and refuses a sort or a language it does not know', async () => {
    const c = await core();
    for (const h of ['Water in Gao', 'Abri et eau', 'water trucks', 'Nothing here']) await call(c, 'release.create', release({ headline: h }));
    expect((await all(c, { sort: 'headline', query: 'water' })).map((r) => r.headline)).toEqual(['Water in Gao', 'water trucks']);
    expect((await fail(c, 'release.list', { sort: 'size' })).code).toBe('INVALID_INPUT');
    expect((await fail(c, 'release.list', { sort: 'headline', locale: 'not a language' })).code).toBe('INVALID_INPUT');
    expect((await fail(c, 'release.list', { direction: 'up' })).code).toBe('INVALID_INPUT');
  });
});
