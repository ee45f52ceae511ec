import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { Created, InputOf, Page, ReleaseSummary } from '../../electron/shared/contract';
import { markdownToRichText } from '../../electron/core/markdown';
import { call, core, fail, release } from '../core-harness';

/**
 * The releases a kit can take, as the kit builder's picker asks for them (`addable`, `ranked`):
 * what is typed finds the best matches first, as the top bar's search ranks them; nothing typed
 * lists the newest first. Every page follows on from the one before.
 */

async function headlines(c: Core, input: Omit<InputOf<'release.list'>, 'limit' | 'cursor'>, limit: number): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | null = null;
  let total: number;
  do {
    const page: Page<ReleaseSummary> = await call<Page<ReleaseSummary>>(c, 'release.list', { ...input, limit, cursor });
    out.push(...page.items.map((r) => r.headline));
    total = page.total;
    cursor = page.nextCursor;
  } while (cursor);
  expect(out).toHaveLength(total);
  return out;
}

const BEST = 'Sudan floods: aid reaches 12,000 families in Kassala';

describe('the kit picker’s releases in order of relevance', () => {
  it('puts the release about what is typed first, before newer ones that only mention it, across pages', async () => {
    const c = await core();
    await call<Created>(c, 'release.create', release({ headline: BEST, releaseDate: '2025-08-01' }));
    // Newer: each names the words once, deep in a long body.
    const filler = 'Teams delivered water, shelter kits and food parcels to families across the region this week. '.repeat(12);
    await call<Created>(c, 'release.create', release({ headline: 'Weekly field update 41', releaseDate: '2026-02-01', body: markdownToRichText(`${filler} Rains also caused floods in Sudan.`) }));
    await call<Created>(c, 'release.create', release({ headline: 'Weekly field update 42', releaseDate: '2026-03-01', body: markdownToRichText(`${filler} Floods in Sudan were reported.`) }));
    await call<Created>(c, 'release.create', release({ headline: 'Nutrition survey in Darfur', releaseDate: '2026-04-01' }));
    const withdrawn = await call<Created>(c, 'release.create', release({ headline: 'Sudan floods: first figures', releaseDate: '2026-05-01', status: 'released' }));
    await call(c, 'release.withdraw', { id: withdrawn.id, rev: withdrawn.rev, reason: 'Figures corrected' });

    const ranked = await headlines(c, { addable: true, ranked: true, query: 'sudan floods' }, 1);
    expect(ranked[0]).toBe(BEST);
    expect(ranked).toHaveLength(3);
    expect(ranked.slice(1).sort()).toEqual(['Weekly field update 41', 'Weekly field update 42']);
    // Pages of any size give the same order.
    expect(await headlines(c, { addable: true, ranked: true, query: 'sudan floods' }, 2)).toEqual(ranked);
    // Part of a word, as it is being typed, ranks the same way.
    expect((await headlines(c, { addable: true, ranked: true, query: 'SUDAN flo' }, 30))[0]).toBe(BEST);

    // The list's own order when not ranked: last changed first.
    expect((await headlines(c, { addable: true, query: 'sudan floods' }, 30))[0]).not.toBe(BEST);
    // Nothing typed: the newest first, ranked or not.
    const newest = await headlines(c, { addable: true, ranked: true }, 2);
    expect(newest).toEqual(['Nutrition survey in Darfur', 'Weekly field update 42', 'Weekly field update 41', BEST]);
  });

  it('breaks a tie by the newest release date, and refuses a cursor it did not give', async () => {
    const c = await core();
    for (const d of ['2026-01-10', '2026-03-10', '2026-02-10']) await call(c, 'release.create', release({ headline: `Cholera response ${d}`, releaseDate: d, body: markdownToRichText('Vaccination.') }));
    // Headlines of the same length with the word once: the same score.
    expect(await headlines(c, { ranked: true, query: 'cholera' }, 1)).toEqual(['Cholera response 2026-03-10', 'Cholera response 2026-02-10', 'Cholera response 2026-01-10']);
    expect((await fail(c, 'release.list', { ranked: true, query: 'cholera', limit: 1, cursor: 'bm90IGEgY3Vyc29y' })).code).toBe('INVALID_INPUT');
  });
});
