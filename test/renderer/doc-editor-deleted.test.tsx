// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import sharp from 'sharp';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AttachmentDetails } from '../../renderer/attachments/AttachmentDetails';
import { ContactEditor } from '../../renderer/contacts/ContactEditor';
import { KitBuilder } from '../../renderer/kit-builder/KitBuilder';
import { call, core } from '../core-harness';
import { renderWithCore } from './with-core';

/**
 * An editor saving a document deleted elsewhere meanwhile keeps the person's version and says
 * so, with the way to the Conflicts screen; one merged into another contact says which, with the
 * way to it. Against a real core, whose calls are recorded.
 */

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const KEPT = 'Saved as your own version — this was deleted elsewhere meanwhile: your version is kept beside the deletion until you choose';

async function saveRole(role: string): Promise<void> {
  const input = (await screen.findByLabelText('Role', { exact: true }, { timeout: 15_000 })) as HTMLInputElement;
  await waitFor(() => expect(input.value).not.toBe(''));
  fireEvent.change(input, { target: { value: role } });
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
}

describe('an editor saving a document deleted elsewhere meanwhile', () => {
  it("keeps the person's contact, says it was deleted elsewhere and links to the Conflicts screen", async () => {
    const c = await core();
    const made = await call<{ id: string; rev: string }>(c, 'contact.create', { name: 'Fatou Sow', role: 'Reporter' });
    renderWithCore(c, <ContactEditor id={made.id} />, 'test');
    await screen.findByLabelText('Role', { exact: true }, { timeout: 15_000 });
    await waitFor(() => expect((screen.getByLabelText('Role', { exact: true }) as HTMLInputElement).value).toBe('Reporter'));
    // Another window deletes it behind the open editor.
    await call(c, 'doc.delete', { id: made.id, rev: made.rev });
    await saveRole('Health editor');

    const note = await screen.findByText(KEPT, {}, { timeout: 15_000 });
    expect(note.closest('[role="status"]')).not.toBeNull();
    expect(screen.getByRole('link', { name: 'Choose on the Conflicts screen' }).getAttribute('href')).toBe('#/conflicts');
    expect(screen.queryByRole('alert')).toBeNull();
    expect((screen.getByLabelText('Role', { exact: true }) as HTMLInputElement).value).toBe('Health editor');
    expect(await call<unknown[]>(c, 'conflict.list', {})).toMatchObject([{ docId: made.id, docType: 'contact', kind: 'delete' }]);
  });

  it('says a contact merged meanwhile went into another, and links to that one', async () => {
    const c = await core();
    const survivor = await call<{ id: string }>(c, 'contact.create', { name: 'Peter Okoth', role: 'Editor' });
    const duplicate = await call<{ id: string }>(c, 'contact.create', { name: 'P. Okoth', role: 'Reporter' });
    renderWithCore(c, <ContactEditor id={duplicate.id} />, 'test');
    await screen.findByLabelText('Role', { exact: true }, { timeout: 15_000 });
    await waitFor(() => expect((screen.getByLabelText('Role', { exact: true }) as HTMLInputElement).value).toBe('Reporter'));
    await call(c, 'contact.merge', { survivor: survivor.id, other: duplicate.id });
    await saveRole('Health editor');

    const alert = await screen.findByRole('alert', {}, { timeout: 15_000 });
    expect(alert.textContent).toBe('While you were editing, this contact was merged into “Peter Okoth”; your changes were not saved. Make them on that contact.');
    expect(screen.getByRole('link', { name: 'Open “Peter Okoth”' }).getAttribute('href')).toBe(`#/contacts/${survivor.id}`);
    // What the person typed stays in the form, to copy.
    expect((screen.getByLabelText('Role', { exact: true }) as HTMLInputElement).value).toBe('Health editor');
  });

  it('keeps the kit edited in the builder and says it was deleted elsewhere', async () => {
    const c = await core();
    const kit = await call<{ id: string; rev: string }>(c, 'kit.create', { title: 'Cholera response', language: 'en' });
    renderWithCore(c, <KitBuilder kitId={kit.id} />, 'test');
    const title = (await screen.findByLabelText('Kit title', {}, { timeout: 15_000 })) as HTMLInputElement;
    await waitFor(() => expect(title.value).toBe('Cholera response'));
    await call(c, 'doc.delete', { id: kit.id, rev: kit.rev });
    fireEvent.change(title, { target: { value: 'Cholera response, week 2' } });
    await screen.findByText(KEPT, {}, { timeout: 15_000 });
    expect(await call(c, 'kit.get', { id: kit.id })).toMatchObject({ title: 'Cholera response, week 2' });
  });

  it('sends only the changed details of an attachment, merges them, and keeps them when it was deleted elsewhere', async () => {
    const c = await core();
    const bytes = await sharp({ create: { width: 12, height: 8, channels: 3, background: '#2a6f4f' } }).png().toBuffer();
    const a = await call<{ id: string; rev: string }>(c, 'attachment.add', { name: 'borehole.png', data: bytes.toString('base64'), fields: { caption: 'Borehole' } });
    const spy = vi.spyOn(c, 'dispatch');
    renderWithCore(c, <AttachmentDetails id={a.id} onSaved={() => undefined} onDeleted={() => undefined} />, 'test');
    const credit = (await screen.findByLabelText('Credit', { exact: true }, { timeout: 15_000 })) as HTMLInputElement;
    await waitFor(() => expect((screen.getByLabelText('Caption', { exact: true }) as HTMLTextAreaElement).value).toBe('Borehole'));

    // Behind the open details: another window changes the caption.
    await call(c, 'attachment.update', { id: a.id, rev: null, fields: { caption: 'Borehole, Kasese' } });
    fireEvent.change(credit, { target: { value: 'UNICEF/Okello' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved — changes made elsewhere meanwhile were kept too', {}, { timeout: 15_000 });
    const updates = spy.mock.calls.filter(([m]) => m === 'attachment.update').map(([, input]) => input as { rev: string; fields: unknown });
    expect(updates.at(-1)).toMatchObject({ rev: a.rev, fields: { credit: 'UNICEF/Okello' } });
    expect(updates.at(-1)!.fields).toEqual({ credit: 'UNICEF/Okello' });
    await waitFor(() => expect((screen.getByLabelText('Caption', { exact: true }) as HTMLTextAreaElement).value).toBe('Borehole, Kasese'));

    const current = await call<{ rev: string }>(c, 'attachment.get', { id: a.id });
    await call(c, 'doc.delete', { id: a.id, rev: current.rev });
    fireEvent.change(credit, { target: { value: 'UNICEF/Okello 2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(KEPT, {}, { timeout: 15_000 });
    expect(await call(c, 'attachment.get', { id: a.id })).toMatchObject({ caption: 'Borehole, Kasese', credit: 'UNICEF/Okello 2026' });
  });
});
