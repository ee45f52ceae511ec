// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReleasesScreen } from '../../renderer/releases/ReleasesScreen';
import { call, core, release } from '../core-harness';
import { giveListsAHeight } from './list-height';
import { renderWithCore } from './with-core';

/**
 * The releases list's order: a labelled choice of what to sort by and in which direction, sorted
 * by the core across the whole list, and remembered on this computer for the next time.
 */

afterEach(cleanup);
beforeEach(() => localStorage.clear());

giveListsAHeight();

const shownHeadlines = () => [...document.querySelectorAll('.row-title')].map((e) => e.textContent);

describe('sorting the releases list', () => {
  it('sorts by the order chosen, says the direction in words that fit it, and keeps the choice for the next time', async () => {
    const c = await core();
    for (const [headline, releaseDate] of [
      ['Seeds for Mopti', '2026-10-02'],
      ['Boreholes in Kasese', '2026-12-01'],
      ['Cholera vaccination in Gao', null],
    ] as const) {
      await call(c, 'release.create', release({ headline, releaseDate }));
    }
    const view = renderWithCore(c, <ReleasesScreen />, 'test');
    await screen.findByText('3 releases', {}, { timeout: 15_000 });
    // Last changed first, as before.
    await waitFor(() => expect(shownHeadlines()).toEqual(['Cholera vaccination in Gao', 'Boreholes in Kasese', 'Seeds for Mopti']));

    const sortBy = screen.getByLabelText('Sort by') as HTMLSelectElement;
    expect([...sortBy.options].map((o) => o.text)).toEqual(['Last changed', 'Release date', 'Headline', 'Embargo']);
    fireEvent.change(sortBy, { target: { value: 'headline' } });
    const direction = screen.getByLabelText('Order') as HTMLSelectElement;
    expect(direction.selectedOptions[0]!.text).toBe('A to Z');
    await waitFor(() => expect(shownHeadlines()).toEqual(['Boreholes in Kasese', 'Cholera vaccination in Gao', 'Seeds for Mopti']));
    fireEvent.change(direction, { target: { value: 'desc' } });
    await waitFor(() => expect(shownHeadlines()).toEqual(['Seeds for Mopti', 'Cholera vaccination in Gao', 'Boreholes in Kasese']));

    fireEvent.change(sortBy, { target: { value: 'releaseDate' } });
    expect((screen.getByLabelText('Order') as HTMLSelectElement).selectedOptions[0]!.text).toBe('Newest first');
    // The release without a date comes last.
    await waitFor(() => expect(shownHeadlines()).toEqual(['Boreholes in Kasese', 'Seeds for Mopti', 'Cholera vaccination in Gao']));

    // The list opened again on this computer keeps the order.
    view.unmount();
    renderWithCore(c, <ReleasesScreen />, 'test');
    await screen.findByText('3 releases', {}, { timeout: 15_000 });
    expect((screen.getByLabelText('Sort by') as HTMLSelectElement).value).toBe('releaseDate');
    await waitFor(() => expect(shownHeadlines()).toEqual(['Boreholes in Kasese', 'Seeds for Mopti', 'Cholera vaccination in Gao']));
  });

  it('falls back to the last changed first when what this computer kept is not an order', async () => {
    localStorage.setItem('dateline.releaseOrder', '{"sort":"size","direction":"up"}');
    const c = await core();
    await call(c, 'release.create', release({ headline: 'Seeds for Mopti' }));
    renderWithCore(c, <ReleasesScreen />, 'test');
    await screen.findByText('1 release', {}, { timeout: 15_000 });
    expect((screen.getByLabelText('Sort by') as HTMLSelectElement).value).toBe('updated');
    expect((screen.getByLabelText('Order') as HTMLSelectElement).value).toBe('desc');
  });
});
