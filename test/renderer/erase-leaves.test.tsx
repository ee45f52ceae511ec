// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { href } from '../../renderer/app/router';
import { ContactEditor } from '../../renderer/contacts/ContactEditor';
import { call, core } from '../core-harness';
import { renderWithCore, routedScreens } from './with-core';

/**
 * Erasing a person whose page holds unsaved edits: the edits went with the person, so the page
 * leaves for the contacts list without asking "Discard changes?" about them.
 */

const Shell = routedScreens((route) => (route.screen === 'contact' ? <ContactEditor key={route.id} id={route.id} /> : <p>The contacts list</p>));

describe('erasing a person with unsaved edits on their page', () => {
  it('goes to the contacts list without asking about the edits', async () => {
    const c = await core();
    const { id } = await call<{ id: string }>(c, 'contact.create', { name: 'Grace Akello', role: 'Reporter' });
    window.location.hash = href.contact(id);
    renderWithCore(c, <Shell />, 'test');
    const role = (await screen.findByDisplayValue('Reporter', {}, { timeout: 15_000 })) as HTMLInputElement;
    fireEvent.change(role, { target: { value: 'Editor' } });
    fireEvent.click(screen.getByRole('button', { name: 'Erase this person…' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Erase for good' }));
    await screen.findByText('The contacts list');
    expect(screen.queryByRole('alertdialog', { name: 'Discard changes?' })).toBeNull();
    await waitFor(() => expect(window.location.hash).toBe(href.contacts()));
  });
});
