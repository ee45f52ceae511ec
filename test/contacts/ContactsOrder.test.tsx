// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContactsScreen } from '../../renderer/contacts/ContactsScreen';
import { giveListsAHeight } from '../renderer/list-height';
import { renderWithCore } from '../renderer/with-core';
import { call, core } from './helpers';

/**
 * The contacts list grouped by outlet, country or language from the screen: the groups named and
 * ordered in the interface's language, each row saying its country or language, and the order
 * kept on this computer for the next time.
 */

afterEach(cleanup);
beforeEach(() => localStorage.clear());
giveListsAHeight();

const rows = () => [...document.querySelectorAll('.row-link')].map((a) => [a.querySelector('.row-title')?.textContent, ...[...a.querySelectorAll('.row-meta > *')].map((e) => e.textContent)].join(' | '));

describe('ordering the contacts list', () => {
  it('groups by country in French, says each row’s country, and keeps the order for the next time', async () => {
    const c = await core();
    await call(c, 'contact.create', { kind: 'journalist', name: 'Amina Diallo', countries: ['SN'] });
    await call(c, 'contact.create', { kind: 'journalist', name: 'Jonas Weber', countries: ['DE'] });
    await call(c, 'contact.create', { kind: 'spokesperson', name: 'Bruno Díaz', countries: ['KE', 'UG'] });
    await call(c, 'contact.create', { kind: 'journalist', name: 'Carla Ruiz' });
    const view = renderWithCore(c, <ContactsScreen />, 'test', 'fr');
    await screen.findByText('4 contacts', {}, { timeout: 15_000 });
    await waitFor(() => expect(rows().map((r) => r.split(' | ')[0])).toEqual(['Amina Diallo', 'Bruno Díaz', 'Carla Ruiz', 'Jonas Weber']));

    const sortBy = screen.getByLabelText('Trier par') as HTMLSelectElement;
    expect([...sortBy.options].map((o) => o.text)).toEqual(['Nom', 'Dernière modification', 'Média ou organisation', 'Pays', 'Langue', 'Rubrique', 'Liste']);
    fireEvent.change(sortBy, { target: { value: 'country' } });
    await waitFor(() =>
      expect(rows()).toEqual([
        'Jonas Weber | Journaliste | Allemagne',
        'Bruno Díaz | Porte-parole | Kenya, Ouganda',
        'Amina Diallo | Journaliste | Sénégal',
        'Carla Ruiz | Journaliste',
      ]),
    );

    view.unmount();
    renderWithCore(c, <ContactsScreen />, 'test', 'fr');
    await screen.findByText('4 contacts', {}, { timeout: 15_000 });
    expect((screen.getByLabelText('Trier par') as HTMLSelectElement).value).toBe('country');
    await waitFor(() => expect(rows()[0]).toBe('Jonas Weber | Journaliste | Allemagne'));
  });

  it('falls back to the order by name when what this computer kept is not an order', async () => {
    localStorage.setItem('dateline.contactOrder', '"size"');
    const c = await core();
    await call(c, 'contact.create', { kind: 'journalist', name: 'Amina Diallo' });
    renderWithCore(c, <ContactsScreen />, 'test');
    await screen.findByText('1 contact', {}, { timeout: 15_000 });
    expect((screen.getByLabelText('Sort by') as HTMLSelectElement).value).toBe('name');
  });
});
