// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { markdownToRichText } from '../../electron/core/markdown';
import { ContactRecord } from '../../renderer/contacts/ContactRecord';
import { allContacts, call, core } from './helpers';
import { renderWithCore } from '../renderer/with-core';

/** Beside a contact, against a real core: where it is named, merging a duplicate side by side, erasing. */

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

function mount(c: Core, id: string) {
  renderWithCore(c, <ContactRecord id={id} />);
}

const wait = { timeout: 15_000 };

describe('a contact\'s page', () => {
  it('lists the releases naming it and merges a duplicate chosen field by field, moving the duplicate\'s release over', async () => {
    const c = await core();
    const keep = await call<{ id: string }>(c, 'contact.create', { name: 'Grace Akello', role: 'Reporter', emails: [{ address: 'grace@monitor.example' }] });
    const dup = await call<{ id: string }>(c, 'contact.create', { name: 'Grace Akello-Okot', role: 'Health editor', phones: [{ type: 'mobile', number: '+256 772 123456' }] });
    await call(c, 'release.create', { headline: 'Boreholes in Kasese', language: 'en', body: markdownToRichText('Text.'), contacts: [keep.id] });
    await call(c, 'release.create', { headline: 'Cholera response in Kampala', language: 'en', body: markdownToRichText('Text.'), contacts: [dup.id] });
    mount(c, keep.id);
    await screen.findByRole('link', { name: 'Boreholes in Kasese' }, wait);
    // The merge panel comes with the contact, a call of its own beside the list of releases.
    fireEvent.change(await screen.findByLabelText('Find the duplicate', {}, wait), { target: { value: 'okot' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Grace Akello-Okot' }, wait));
    const roleRow = (await screen.findByRole('rowheader', { name: 'Role' }, wait)).closest('tr')!;
    fireEvent.click(roleRow.querySelectorAll('input[type=radio]')[1]!);
    fireEvent.click(screen.getByRole('button', { name: 'Merge Grace Akello-Okot into this contact' }));
    await screen.findByText('Merged: one release and 0 kits now name this contact.', {}, wait);
    await screen.findByRole('link', { name: 'Cholera response in Kampala' }, wait);
    const [only] = await allContacts(c);
    expect(only).toMatchObject({ id: keep.id, name: 'Grace Akello', role: 'Health editor', phones: [{ number: '+256 772 123456' }] });
  });

  it('says when a merge changed the default press contacts of an office that named the duplicate', async () => {
    const c = await core();
    const keep = await call<{ id: string }>(c, 'contact.create', { kind: 'spokesperson', name: 'Ana Duarte', emails: [{ address: 'ana.duarte@hq.example' }] });
    const dup = await call<{ id: string }>(c, 'contact.create', { kind: 'spokesperson', name: 'Ana Duarte Silva' });
    const office = await call<{ id: string }>(c, 'office.create', { name: 'Geneva Headquarters', contacts: [dup.id] });
    mount(c, keep.id);
    fireEvent.change(await screen.findByLabelText('Find the duplicate', {}, wait), { target: { value: 'silva' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Ana Duarte Silva' }, wait));
    fireEvent.click(await screen.findByRole('button', { name: 'Merge Ana Duarte Silva into this contact' }, wait));
    await screen.findByText('Merged: 0 releases and 0 kits now name this contact. The default press contacts of one office were updated.', {}, wait);
    expect((await call<{ contacts: string[] }>(c, 'office.get', { id: office.id })).contacts).toEqual([keep.id]);
  });

  it('shows on this contact\'s side what the merge writes when it is kept: an empty field filled from the duplicate', async () => {
    const c = await core();
    const keep = await call<{ id: string }>(c, 'contact.create', { name: 'Pablo Neruda', emails: [{ address: 'pablo@diario.example' }] });
    await call(c, 'contact.create', { name: 'Pablo Neruda R.', role: 'Editor', emails: [{ address: 'pneruda@radio.example' }] });
    mount(c, keep.id);
    fireEvent.change(await screen.findByLabelText('Find the duplicate', {}, wait), { target: { value: 'neruda' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Pablo Neruda R.' }, wait));
    const cells = async (name: string) => [...(await screen.findByRole('rowheader', { name }, wait)).closest('tr')!.querySelectorAll('td')].map((td) => td.textContent!.trim());
    expect(await cells('Role')).toEqual(['Editor', 'Editor']);
    fireEvent.click(screen.getByRole('button', { name: 'Merge Pablo Neruda R. into this contact' }));
    await screen.findByText(/^Merged:/, {}, wait);
    const [only] = await allContacts(c);
    expect(only).toMatchObject({ id: keep.id, role: 'Editor' });
    expect(only!.emails.map((e) => e.address).sort()).toEqual(['pablo@diario.example', 'pneruda@radio.example']);
  });

  it('shows both sides of a merge in words: the kind, the outlet by name, data protection, never raw JSON or an id', async () => {
    const c = await core();
    const nation = await call<{ id: string }>(c, 'outlet.create', { name: 'Daily Nation', kind: 'newspaper' });
    const keep = await call<{ id: string }>(c, 'contact.create', { name: 'John Mwangi', kind: 'journalist', outlet: nation.id });
    await call(c, 'contact.create', {
      name: 'J. Mwangi',
      kind: 'spokesperson',
      dataProtection: { legalBasis: 'consent', consentDate: '2026-03-01', doNotContact: true },
    });
    await call(c, 'contact.create', { name: 'Jo Mwangi', dataProtection: {} });
    mount(c, keep.id);
    fireEvent.change(await screen.findByLabelText('Find the duplicate', {}, wait), { target: { value: 'mwangi' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find' }));
    fireEvent.click(await screen.findByRole('button', { name: 'J. Mwangi' }, wait));
    const row = async (name: string) => [...(await screen.findByRole('rowheader', { name }, wait)).closest('tr')!.querySelectorAll('td')].map((td) => td.textContent!.trim());
    expect(await row('Kind')).toEqual(['Journalist', 'Spokesperson']);
    await waitFor(async () => expect(await row('Outlet')).toEqual(['Daily Nation', '—']), wait);
    // Keeping this contact's empty record keeps the duplicate's: the side shows what the merge writes.
    expect(await row('Data protection')).toEqual(['Consent · consent given Mar 1, 2026 · Do not contact', 'Consent · consent given Mar 1, 2026 · Do not contact']);
    expect(document.body.textContent).not.toContain('{');

    // A duplicate whose data protection was saved empty shows nothing to choose either.
    fireEvent.click(screen.getByRole('button', { name: 'Find' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Jo Mwangi' }, wait));
    await waitFor(async () => expect(await row('Data protection')).toEqual(['—', '—']), wait);
  });

  it('erases the person after a second confirmation and goes back to the list', async () => {
    const c = await core();
    const p = await call<{ id: string }>(c, 'contact.create', { name: 'To Erase', emails: [{ address: 'erase@me.example' }] });
    mount(c, p.id);
    fireEvent.click(await screen.findByRole('button', { name: 'Erase this person…' }, wait));
    expect(await allContacts(c)).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Erase for good' }));
    await waitFor(() => expect(window.location.hash).toBe('#/contacts'), wait);
    expect(await allContacts(c)).toEqual([]);
  });

  it('asks to erase with focus on Cancel; Escape or Cancel closes the question and gives focus back to the button that asked', async () => {
    const c = await core();
    const p = await call<{ id: string }>(c, 'contact.create', { name: 'Kept Person', emails: [{ address: 'kept@me.example' }] });
    mount(c, p.id);
    fireEvent.click(await screen.findByRole('button', { name: 'Erase this person…' }, wait));
    expect(document.activeElement).toBe(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Cancel' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Erase this person…' }));

    fireEvent.click(screen.getByRole('button', { name: 'Erase this person…' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Erase this person…' }));
    expect(await allContacts(c)).toHaveLength(1);
  });
});
