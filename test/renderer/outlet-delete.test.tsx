// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Page } from '../../electron/shared/contract';
import type { OutletSummary } from '../../electron/shared/contacts/organise-contract';
import { href } from '../../renderer/app/router';
import { OutletEditor } from '../../renderer/outlets/OutletEditor';
import { OutletsScreen } from '../../renderer/outlets/OutletsScreen';
import { call, core } from '../core-harness';
import { giveListsAHeight } from './list-height';
import { renderWithCore, routedScreens } from './with-core';

/**
 * Deleting an outlet from its page asks first (a deleted outlet has no trash), and the outlets
 * list it goes back to says which one went.
 */

const Shell = routedScreens((route) => (route.screen === 'outlet' ? <OutletEditor key={route.id} id={route.id} /> : <OutletsScreen />));

giveListsAHeight();

describe('deleting an outlet', () => {
  it('asks first, keeps the outlet on Cancel, and once deleted the list says which outlet went, once', async () => {
    const c = await core();
    const nation = await call<{ id: string }>(c, 'outlet.create', { name: 'Daily Nation', kind: 'newspaper' });
    await call(c, 'outlet.create', { name: 'Citizen TV', kind: 'tv' });
    const names = async () => (await call<Page<OutletSummary>>(c, 'outlet.list', { limit: 10 })).items.map((o) => o.name).sort();
    window.location.hash = href.outlet(nation.id);
    const view = renderWithCore(c, <Shell />, 'test');

    const ask = await screen.findByRole('button', { name: 'Delete this outlet' }, { timeout: 15_000 });
    ask.focus();
    fireEvent.click(ask);
    const question = screen.getByRole('alertdialog');
    expect(question.textContent).toContain('Delete the outlet “Daily Nation”? It waits in the trash until the trash is emptied.');
    // The safe answer has the keyboard; Cancel leaves everything as it was, focus back on the button that asked.
    const cancel = within(question).getByRole('button', { name: 'Cancel' });
    expect(document.activeElement).toBe(cancel);
    fireEvent.click(cancel);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete this outlet' }));
    expect(await names()).toEqual(['Citizen TV', 'Daily Nation']);
    expect(window.location.hash).toBe(href.outlet(nation.id));

    fireEvent.click(screen.getByRole('button', { name: 'Delete this outlet' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(window.location.hash).toBe(href.outlets()));
    const said = await screen.findByText('The outlet “Daily Nation” was deleted.', {}, { timeout: 15_000 });
    expect(said.closest('[role="status"]')).not.toBeNull();
    await screen.findByText('1 outlet', {}, { timeout: 15_000 });
    expect(await names()).toEqual(['Citizen TV']);

    // Said once: the list opened again later says nothing of it.
    view.unmount();
    renderWithCore(c, <Shell />, 'test');
    await screen.findByText('1 outlet', {}, { timeout: 15_000 });
    expect(screen.queryByText(/was deleted/)).toBeNull();
  });
});
