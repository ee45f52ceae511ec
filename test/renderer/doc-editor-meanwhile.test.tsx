// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core/index';
import { ContactEditor } from '../../renderer/contacts/ContactEditor';
import { KitBuilder } from '../../renderer/kit-builder/KitBuilder';
import { OutletEditor } from '../../renderer/outlets/OutletEditor';
import { call, core } from '../core-harness';
import { renderWithCore } from './with-core';

/**
 * An editor saves only the fields the person changed, on the revision it loaded, so a change
 * made elsewhere meanwhile is merged in rather than overwritten (or refused), and the editor
 * says so. Against a real core, whose calls are recorded.
 */

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** The inputs of every call of `method` made from now on (by the screen). */
function recorded(c: Core, method: string): { inputs: () => Record<string, unknown>[] } {
  const spy = vi.spyOn(c, 'dispatch');
  return { inputs: () => spy.mock.calls.filter(([m]) => m === method).map(([, input]) => input as Record<string, unknown>) };
}

describe('an editor saving a document changed elsewhere meanwhile', () => {
  it('sends only the changed field of a contact, keeps the data protection set elsewhere, and shows the merged contact', async () => {
    const c = await core();
    // No data protection stored: the form shows its blank one, which is no edit of the person's.
    const made = await call<{ id: string; rev: string }>(c, 'contact.create', { name: 'Fatou Sow', role: 'Reporter' });
    renderWithCore(c, <ContactEditor id={made.id} />, 'test');
    const role = (await screen.findByLabelText('Role', { exact: true }, { timeout: 15_000 })) as HTMLInputElement;
    await waitFor(() => expect(role.value).toBe('Reporter'));

    await call(c, 'contact.update', { id: made.id, rev: null, fields: { dataProtection: { legalBasis: 'consent', consentDate: '2026-11-02' }, notes: 'Prefers WhatsApp' } });
    const updates = recorded(c, 'contact.update');
    fireEvent.change(role, { target: { value: 'Health editor' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved — changes made elsewhere meanwhile were kept too', {}, { timeout: 15_000 });

    expect(updates.inputs().filter((u) => u.id === made.id).map((u) => [u.rev, u.fields])).toEqual([[made.rev, { role: 'Health editor' }]]);
    expect(await call(c, 'contact.get', { id: made.id })).toMatchObject({
      role: 'Health editor',
      notes: 'Prefers WhatsApp',
      dataProtection: { legalBasis: 'consent', consentDate: '2026-11-02' },
      conflicted: false,
    });
    // Read again: the form holds the note made elsewhere, so the next save cannot drop it.
    await waitFor(() => expect((screen.getByLabelText('Notes', { exact: true }) as HTMLTextAreaElement).value).toBe('Prefers WhatsApp'));
  });

  it('says an outlet changed on both sides keeps both versions, with the way to the Conflicts screen', async () => {
    const c = await core();
    const made = await call<{ id: string }>(c, 'outlet.create', { name: 'Radio Okapi', kind: 'radio' });
    renderWithCore(c, <OutletEditor id={made.id} />, 'test');
    const name = (await screen.findByLabelText('Name', { exact: true }, { timeout: 15_000 })) as HTMLInputElement;
    await waitFor(() => expect(name.value).toBe('Radio Okapi'));

    await call(c, 'outlet.update', { id: made.id, rev: null, fields: { name: 'Radio Okapi Kinshasa' } });
    fireEvent.change(name, { target: { value: 'Radio Okapi Goma' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    // The note is the status that speaks of the save (the country and language pickers have their own).
    const note = await screen.findByText('Saved — the same fields were changed elsewhere meanwhile: both versions are kept until you choose', {}, { timeout: 15_000 });
    expect(note.closest('[role="status"]')).not.toBeNull();
    expect(screen.getByRole('link', { name: 'Choose on the Conflicts screen' }).getAttribute('href')).toBe('#/conflicts');
    expect(name.value).toBe('Radio Okapi Goma');
    expect(await call<unknown[]>(c, 'conflict.list', {})).toMatchObject([{ docId: made.id, docType: 'outlet', fields: ['name'] }]);
  });

  it('saves only what changed in the kit builder and shows what was changed elsewhere', async () => {
    const c = await core();
    const kit = await call<{ id: string; rev: string }>(c, 'kit.create', { title: 'Cholera response', language: 'en' });
    renderWithCore(c, <KitBuilder kitId={kit.id} />, 'test');
    const title = (await screen.findByLabelText('Kit title', {}, { timeout: 15_000 })) as HTMLInputElement;
    await waitFor(() => expect(title.value).toBe('Cholera response'));

    await call(c, 'kit.update', { id: kit.id, rev: null, fields: { audience: 'public' } });
    const updates = recorded(c, 'kit.update');
    fireEvent.change(title, { target: { value: 'Cholera response, week 2' } });
    await screen.findByText('Saved — changes made elsewhere meanwhile were kept too', {}, { timeout: 15_000 });
    expect(updates.inputs().filter((u) => u.id === kit.id).map((u) => [u.rev, u.fields])).toEqual([[kit.rev, { title: 'Cholera response, week 2' }]]);
    expect(await call(c, 'kit.get', { id: kit.id })).toMatchObject({ title: 'Cholera response, week 2', audience: 'public' });
    await waitFor(() => expect((screen.getByLabelText('Audience') as HTMLSelectElement).value).toBe('public'));
  });
});
