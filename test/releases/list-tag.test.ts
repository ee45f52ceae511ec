import { describe, expect, it } from 'vitest';
import type { Created, Page, ReleaseSummary } from '../../electron/shared/contract';
import { call, core, release } from '../core-harness';

/** The releases list's tag filter, on a real library, as a person types a tag they remember. */

describe('filtering releases by tag', () => {
  it('finds a tag typed with other capitals or without its accents, and only that tag', async () => {
    const c = await core();
    const cash = await call<Created>(c, 'release.create', release({ headline: 'Cash for 4,000 households', tags: ['cash', 'Réfugiés'] }));
    const both = await call<Created>(c, 'release.create', release({ headline: 'Cash and shelter', tags: ['CASH'] }));
    await call<Created>(c, 'release.create', release({ headline: 'Cash-for-work in Teknaf', tags: ['cash-for-work'] }));
    const ids = async (tag: string) => (await call<Page<ReleaseSummary>>(c, 'release.list', { tag })).items.map((r) => r.id).sort();

    expect(await ids('cash')).toEqual([cash.id, both.id].sort());
    expect(await ids('Cash')).toEqual([cash.id, both.id].sort());
    expect(await ids('refugies')).toEqual([cash.id]);
    expect(await ids(' réfugiés ')).toEqual([cash.id]);
    // A tag is matched whole: part of one is not it.
    expect(await ids('cas')).toEqual([]);
    expect(await ids('shelter')).toEqual([]);
  });

  it('finds an Arabic tag typed with or without its article, and with a bare alef', async () => {
    const c = await core();
    const floods = await call<Created>(c, 'release.create', release({ headline: 'الفيضانات في السودان', language: 'ar', tags: ['الفيضانات', 'أمطار'] }));
    await call<Created>(c, 'release.create', release({ headline: 'الجفاف في الصومال', language: 'ar', tags: ['الجفاف'] }));
    const ids = async (tag: string) => (await call<Page<ReleaseSummary>>(c, 'release.list', { tag })).items.map((r) => r.id);

    expect(await ids('الفيضانات')).toEqual([floods.id]);
    expect(await ids('فيضانات')).toEqual([floods.id]);
    expect(await ids('امطار')).toEqual([floods.id]);
    expect(await ids('الأمطار')).toEqual([floods.id]);
    // Still whole: part of a tag is not it.
    expect(await ids('فيضان')).toEqual([]);
  });
});
