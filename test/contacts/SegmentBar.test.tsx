// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { ContactsScreen } from '../../renderer/contacts/ContactsScreen';
import { SegmentBar } from '../../renderer/contacts/SegmentBar';
import { damageLocal } from '../damage';
import { call, core } from './helpers';
import { renderWithCore } from '../renderer/with-core';

/** The saved segments above the contact list, against a real core. */

afterEach(() => cleanup());

function mount(c: Core) {
  renderWithCore(c, <SegmentBar filter={{}} onApply={() => undefined} />);
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
    expect(alert.textContent).toContain('The saved segments "contact-segments" cannot be read: segments.0.filter.country');
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
    renderWithCore(c, <SegmentBar filter={{ country: 'CO' }} onApply={() => undefined} />);
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
