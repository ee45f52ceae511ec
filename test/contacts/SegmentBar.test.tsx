// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { ContactFilter } from '../../electron/shared/contacts/filter';
import { ContactsScreen } from '../../renderer/contacts/ContactsScreen';
import { SegmentBar } from '../../renderer/contacts/SegmentBar';
import { damageLocal } from '../damage';
import { call, core } from './helpers';
import { renderWithCore } from '../renderer/with-core';

/** The saved segments above the contact list, against a real core. */

afterEach(() => cleanup());

/** The bar as the contacts screen holds it: the segment chosen is the screen's. */
function Bar({ filter }: { filter: ContactFilter }) {
  const [chosen, setChosen] = useState('');
  return <SegmentBar filter={filter} onApply={() => undefined} chosen={chosen} onChoose={setChosen} />;
}

function mount(c: Core) {
  renderWithCore(c, <Bar filter={{}} />);
}

describe('the segment bar', () => {
  it('offers the saved segments, says what each export format leaves out, and says so when their record was damaged outside Dateline instead of showing none', async () => {
    const c = await core();
    await call(c, 'segment.save', { name: 'Colombia', filter: { country: 'CO' } });
    mount(c);
    const select = await screen.findByRole('combobox', { name: 'Saved segment' });
    await within(select).findByRole('option', { name: 'Colombia' });
    // Where the format is chosen, each button says what its format leaves out: a CSV the photos, both the outlets before.
    for (const name of ['Export as CSV', 'Export as vCard']) {
      const button = screen.getByRole('button', { name });
      expect(document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent).toBe('CSV leaves out photos; vCard keeps them. Neither keeps the outlets a contact worked for before.');
    }
    cleanup();

    damageLocal(c.library.db, 'contact-segments', '{"segments":[{"name":"Colombia","filter":{"country":7}}]}');
    mount(c);
    const alert = await screen.findByText(/^Data stored in this library cannot be read: it was changed outside Dateline/);
    // The record and what in it is damaged, on the details line under the person's sentence.
    expect(alert.textContent).toContain('saved segments "contact-segments": segments.0.filter.country');
  });
});

describe('a segment chosen on the contacts screen', () => {
  it('stops showing as chosen once the filters are changed away from it, so choosing it again applies it again', async () => {
    const c = await core();
    await call(c, 'contact.create', { kind: 'journalist', name: 'Camila Rojas', countries: ['CO'] });
    await call(c, 'contact.create', { kind: 'journalist', name: 'Wanjiru Kamau', countries: ['KE'] });
    await call(c, 'segment.save', { name: 'Colombia', filter: { country: 'CO' } });
    renderWithCore(c, <ContactsScreen />);
    const segment = await screen.findByRole<HTMLSelectElement>('combobox', { name: 'Saved segment' });
    const country = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Country' });
    await within(segment).findByRole('option', { name: 'Colombia' });
    await within(country).findByRole('option', { name: 'Colombia' });

    fireEvent.change(segment, { target: { value: 'Colombia' } });
    await waitFor(() => expect(country.value).toBe('CO'));
    await screen.findByText('1 contact');

    // The person widens the list again: the segment no longer describes it.
    fireEvent.change(country, { target: { value: '' } });
    await screen.findByText('2 contacts');
    expect(segment.value).toBe('');
    expect(screen.queryByRole('button', { name: 'Delete segment “Colombia”' })).toBeNull();

    fireEvent.change(segment, { target: { value: 'Colombia' } });
    await waitFor(() => expect(country.value).toBe('CO'));
    await screen.findByText('1 contact');
  });
});

describe('deleting a segment', () => {
  it('asks first, keeps it on Cancel or Escape, then deletes it and says so', async () => {
    const c = await core();
    await call(c, 'segment.save', { name: 'Colombia', filter: { country: 'CO' } });
    renderWithCore(c, <Bar filter={{ country: 'CO' }} />);
    const segment = await screen.findByRole<HTMLSelectElement>('combobox', { name: 'Saved segment' });
    await within(segment).findByRole('option', { name: 'Colombia' });
    fireEvent.change(segment, { target: { value: 'Colombia' } });

    fireEvent.click(await screen.findByRole('button', { name: 'Delete segment “Colombia”' }));
    const question = screen.getByRole('alertdialog');
    expect(question.textContent).toContain('Delete the saved segment “Colombia”? Only the saved search goes: its contacts stay in the list.');
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete segment “Colombia”' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete segment “Colombia”' }));
    fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(await call(c, 'segment.list', {})).toEqual([{ name: 'Colombia', filter: { country: 'CO' } }]);

    fireEvent.click(screen.getByRole('button', { name: 'Delete segment “Colombia”' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete the segment' }));
    await screen.findByText('Segment “Colombia” deleted.');
    expect(await call(c, 'segment.list', {})).toEqual([]);
    expect(within(segment).queryByRole('option', { name: 'Colombia' })).toBeNull();
    expect(document.activeElement).toBe(segment);
  });
});

describe('“Clear filters” on the contacts screen', () => {
  beforeEach(() => localStorage.clear());

  it('shows only while a search or a filter is set, and clears the search, every filter and the segment, keeping the order', async () => {
    const c = await core();
    await call(c, 'contact.create', { kind: 'journalist', name: 'Camila Rojas', countries: ['CO'] });
    await call(c, 'contact.create', { kind: 'journalist', name: 'Andrés Gómez', countries: ['CO'] });
    await call(c, 'contact.create', { kind: 'spokesperson', name: 'Wanjiru Kamau', countries: ['KE'] });
    await call(c, 'segment.save', { name: 'Colombia', filter: { country: 'CO' } });
    renderWithCore(c, <ContactsScreen />);
    const segment = await screen.findByRole<HTMLSelectElement>('combobox', { name: 'Saved segment' });
    const country = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Country' });
    const kind = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Kind' });
    const sort = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Sort by' });
    const search = screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search contacts' });
    await within(segment).findByRole('option', { name: 'Colombia' });
    await screen.findByText('3 contacts');
    const clear = () => screen.queryByRole('button', { name: 'Clear filters' });
    expect(clear()).toBeNull();

    // The order is not a filter: it stays as chosen, and shows no button.
    fireEvent.change(sort, { target: { value: 'updated' } });
    expect(clear()).toBeNull();

    fireEvent.change(segment, { target: { value: 'Colombia' } });
    await waitFor(() => expect(country.value).toBe('CO'));
    fireEvent.change(kind, { target: { value: 'journalist' } });
    fireEvent.change(search, { target: { value: 'Rojas' } });
    await screen.findByText('1 contact');
    fireEvent.click(clear()!);

    expect(search.value).toBe('');
    expect(country.value).toBe('');
    expect(kind.value).toBe('');
    expect(segment.value).toBe('');
    expect(sort.value).toBe('updated');
    expect(clear()).toBeNull();
    // The button has gone: the keyboard goes on from the search box.
    expect(document.activeElement).toBe(search);
    await screen.findByText('3 contacts');
    // The segment is no longer the one chosen: the same filters set by hand are not it.
    fireEvent.change(country, { target: { value: 'CO' } });
    await screen.findByText('2 contacts');
    expect(segment.value).toBe('');
    fireEvent.click(clear()!);

    // A search alone shows it too.
    fireEvent.change(search, { target: { value: 'Kamau' } });
    expect(clear()).not.toBeNull();
  });
});
