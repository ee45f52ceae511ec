// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { ConflictsScreen } from '../../renderer/conflicts/ConflictsScreen';
import { call, core, release } from '../core-harness';
import { focusAtChange } from './focus-at-commit';
import { renderWithCore } from './with-core';

/**
 * The conflicts inbox against a real core: Resolve says what it waits for while it cannot go
 * ahead, and a case settled leaves focus on the next one, then on "No conflicts to resolve".
 */

afterEach(cleanup);

/** A case: this window's session edited the headline that changed meanwhile. */
async function conflictOn(c: Core, headline: string): Promise<void> {
  const r = await call<{ id: string; rev: string }>(c, 'release.create', release({ headline }));
  await call(c, 'draft.save', { id: r.id, baseRev: r.rev, session: 'laptop', fields: { headline: `${headline}, extended` } });
  await call(c, 'release.update', { id: r.id, rev: null, fields: { headline: `${headline}, ended` } });
  await call(c, 'draft.commit', { id: r.id });
}

describe('the conflicts inbox', () => {
  it('says what Resolve waits for while it cannot go ahead', async () => {
    const c = await core();
    await conflictOn(c, 'Water trucking in Gao');
    renderWithCore(c, <ConflictsScreen />, 'test');
    const card = await screen.findByRole('region', {}, { timeout: 15_000 });
    await waitFor(() => expect(within(card).getAllByRole('radio').length).toBeGreaterThan(0));
    const resolve = within(card).getByRole('button', { name: 'Resolve' }) as HTMLButtonElement;
    expect(resolve.disabled).toBe(true);
    expect(document.getElementById(resolve.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Choose a version of each field first.');
    fireEvent.click(within(card).getByRole('button', { name: 'Keep all of the other version' }));
    expect(resolve.disabled).toBe(false);
    expect(resolve.getAttribute('aria-describedby')).toBeNull();
    expect(within(card).queryByText('Choose a version of each field first.')).toBeNull();
  });

  it("names each field's choice by its value too, so a screen reader says what is kept", async () => {
    const c = await core();
    await conflictOn(c, 'Water trucking in Gao');
    renderWithCore(c, <ConflictsScreen />, 'test');
    const card = await screen.findByRole('region', {}, { timeout: 15_000 });
    await waitFor(() => expect(within(card).getAllByRole('radio').length).toBeGreaterThan(0));
    // Found by its whole name: the field, the side and the value kept.
    expect(within(card).getByRole('radio', { name: 'Headline: keep the version shown now Water trucking in Gao, extended' })).toBeTruthy();
    expect(within(card).getByRole('radio', { name: 'Headline: keep the other version Water trucking in Gao, ended' })).toBeTruthy();
  });

  it('keeps focus on the cases left after one is settled, then on "No conflicts to resolve"', async () => {
    const c = await core();
    await conflictOn(c, 'Water trucking in Gao');
    await conflictOn(c, 'Seeds for Mopti');
    renderWithCore(c, <ConflictsScreen />, 'test');
    const cards = await screen.findAllByRole('region', {}, { timeout: 15_000 });
    expect(cards).toHaveLength(2);
    const [first, second] = cards as [HTMLElement, HTMLElement];
    await waitFor(() => expect(within(first).getAllByRole('radio').length).toBeGreaterThan(0));
    fireEvent.click(within(first).getByRole('button', { name: 'Keep all of the other version' }));
    const next = within(second).getByRole('heading', { level: 2 });
    // Focus is on the next case in the change that removes the settled one, not a moment later.
    const focusedOnRemoval = focusAtChange(document.body, () => screen.queryAllByRole('region').length === 1);
    fireEvent.click(within(first).getByRole('button', { name: 'Resolve' }));
    await waitFor(() => expect(screen.getAllByRole('region')).toHaveLength(1));
    await waitFor(() => expect(document.activeElement?.textContent).toBe(next.textContent));
    expect((await focusedOnRemoval)?.textContent).toBe(next.textContent);

    const last = screen.getByRole('region');
    await waitFor(() => expect(within(last).getAllByRole('radio').length).toBeGreaterThan(0));
    fireEvent.click(within(last).getByRole('button', { name: 'Keep all of the version shown now' }));
    const focusedOnEmpty = focusAtChange(document.body, () => screen.queryByText('No conflicts to resolve.') !== null);
    fireEvent.click(within(last).getByRole('button', { name: 'Resolve' }));
    const none = await screen.findByText('No conflicts to resolve.');
    await waitFor(() => expect(document.activeElement).toBe(none));
    expect(await focusedOnEmpty).toBe(none);
  });

  it('says which case was settled and that the choice travels with the next sync', async () => {
    const c = await core();
    await conflictOn(c, 'Water trucking in Gao');
    renderWithCore(c, <ConflictsScreen />, 'test');
    const card = await screen.findByRole('region', {}, { timeout: 15_000 });
    await waitFor(() => expect(within(card).getAllByRole('radio').length).toBeGreaterThan(0));
    fireEvent.click(within(card).getByRole('button', { name: 'Keep all of the other version' }));
    fireEvent.click(within(card).getByRole('button', { name: 'Resolve' }));
    const said = await screen.findByText(/^Resolved “Water trucking in Gao/u);
    expect(said.textContent).toMatch(/”: your choice goes to the other offices with the next sync\.$/u);
    expect(said.closest('[role="status"]')).not.toBeNull();
  });
});
