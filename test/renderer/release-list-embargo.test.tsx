// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page, ReleaseSummary } from '../../electron/shared/contract';
import { ReleasesScreen } from '../../renderer/releases/ReleasesScreen';
import { call, core, release } from '../core-harness';
import { giveListsAHeight } from './list-height';
import { renderWithCore } from './with-core';

/** The releases list says an embargo as the kits list does, until when and in its zone, and only while it holds. */

afterEach(cleanup);
beforeEach(() => localStorage.clear());

giveListsAHeight();

const rowOf = (headline: string) => screen.getByText(headline).closest('a')!;

describe('an embargo in the releases list', () => {
  it('is said in words while it holds, and not at all once it has lifted', async () => {
    const c = await core();
    await call(c, 'release.create', release({ headline: 'Seeds for Mopti', embargo: { at: '2099-12-03T13:00:00.000Z', timeZone: 'Europe/Zurich' } }));
    await call(c, 'release.create', release({ headline: 'Boreholes in Kasese', embargo: { at: '2020-01-10T07:00:00.000Z', timeZone: 'Africa/Kampala' } }));
    await call(c, 'release.create', release({ headline: 'Cholera vaccination in Gao' }));

    // The core gives the zone of an embargo in force only.
    const listed = await call<Page<ReleaseSummary>>(c, 'release.list', {});
    expect(Object.fromEntries(listed.items.map((r) => [r.headline, r.embargoTimeZone]))).toEqual({
      'Seeds for Mopti': 'Europe/Zurich',
      'Boreholes in Kasese': null,
      'Cholera vaccination in Gao': null,
    });

    renderWithCore(c, <ReleasesScreen />, 'test');
    await screen.findByText('3 releases', {}, { timeout: 15_000 });
    await waitFor(() => expect(rowOf('Seeds for Mopti').querySelector('.badge.embargo')?.textContent).toMatch(/^Embargoed until 14:00 Geneva time, \S/));
    expect(rowOf('Boreholes in Kasese').querySelector('.badge.embargo')).toBeNull();
    expect(rowOf('Boreholes in Kasese').textContent).not.toContain('Embargo');
    expect(rowOf('Cholera vaccination in Gao').querySelector('.badge.embargo')).toBeNull();
  });

  it('leaves the row as the embargo lifts, with the list open', async () => {
    const c = await core();
    const at = new Date(Date.now() + 2_000).toISOString();
    await call(c, 'release.create', release({ headline: 'Seeds for Mopti', embargo: { at, timeZone: 'Europe/Zurich' } }));
    renderWithCore(c, <ReleasesScreen />, 'test');
    await screen.findByText('1 release', {}, { timeout: 15_000 });
    await waitFor(() => expect(rowOf('Seeds for Mopti').querySelector('.badge.embargo')?.textContent).toMatch(/^Embargoed until /));
    await waitFor(() => expect(rowOf('Seeds for Mopti').querySelector('.badge.embargo')).toBeNull(), { timeout: 6_000 });
  });
});
