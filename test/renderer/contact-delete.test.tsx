// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { href } from '../../renderer/app/router';
import { ContactEditor } from '../../renderer/contacts/ContactEditor';
import { ContactsScreen } from '../../renderer/contacts/ContactsScreen';
import { call, core } from '../core-harness';
import { renderWithCore, routedScreens } from './with-core';

/**
 * A stale contact deleted from its page (not erased: no import is kept from bringing the person
 * back): asked first, then the contacts list says so with Undo, which brings the contact back
 * as it was.
 */

const Shell = routedScreens((route) => (route.screen === 'contact' ? <ContactEditor key={route.id} id={route.id} /> : <ContactsScreen />));

describe('deleting a contact', () => {
  it('asks first, keeps it on Cancel, then the list says so with Undo, which brings it back', async () => {
    const c = await core();
    const { id } = await call<{ id: string }>(c, 'contact.create', { name: 'Grace Akello', role: 'Reporter', emails: [{ type: 'work', address: 'grace@example.org' }] });
    await call(c, 'contact.create', { name: 'Joseph Okello' });
    window.location.hash = href.contact(id);
    renderWithCore(c, <Shell />, 'test');
    const ask = await screen.findByRole('button', { name: 'Delete contact…' }, { timeout: 15_000 });
    fireEvent.click(ask);
    const question = screen.getByRole('alertdialog');
    expect(question.textContent).toContain('Delete “Grace Akello” from the contacts?');
    expect(question.textContent).toContain('use Erase instead');
    fireEvent.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect((await call<{ name: string }>(c, 'contact.get', { id })).name).toBe('Grace Akello');

    fireEvent.click(screen.getByRole('button', { name: 'Delete contact…' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(window.location.hash).toBe(href.contacts()));
    const said = await screen.findByText(/The contact “Grace Akello” was deleted\./, {}, { timeout: 15_000 });
    expect(said.closest('[role="status"]')).not.toBeNull();
    await screen.findByText('1 contact', {}, { timeout: 15_000 });
    const undo = screen.getByRole('button', { name: 'Undo deleting “Grace Akello”' });
    await waitFor(() => expect(document.activeElement).toBe(undo));
    fireEvent.click(undo);
    await screen.findByText(/The contact “Grace Akello” is back\./, {}, { timeout: 15_000 });
    await screen.findByText('2 contacts', {}, { timeout: 15_000 });
    expect(await call<{ name: string; emails: { address: string }[] }>(c, 'contact.get', { id })).toMatchObject({ name: 'Grace Akello', emails: [{ address: 'grace@example.org' }] });
  });
});
