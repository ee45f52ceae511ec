// @vitest-environment jsdom
import { createHash } from 'node:crypto';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { DOC_SCHEMA_VERSION } from '../../electron/shared/documents';
import { AttachmentDetails } from '../../renderer/attachments/AttachmentDetails';
import { ContactEditor } from '../../renderer/contacts/ContactEditor';
import { KitBuilder } from '../../renderer/kit-builder/KitBuilder';
import { OutletEditor } from '../../renderer/outlets/OutletEditor';
import { OfficeEditor } from '../../renderer/settings/OfficeEditor';
import { core } from '../core-harness';
import { renderWithCore } from './with-core';

/**
 * Documents written by a newer Dateline (another office updated first), in every editor that is
 * not the release editor: shown as they came, with the release editor's message above a form
 * that cannot be changed, and never saved (the core would refuse it with DOC_NEWER anyway).
 */

afterEach(cleanup);

const wait = { timeout: 15_000 };

/** Stores `body` as a newer Dateline wrote it (document version 2, with a field this one does not know), as sync brings it. */
function fromNewerDateline(c: Core, id: string, body: Record<string, unknown>): void {
  const hash = createHash('md5').update(id).digest('hex');
  const written = c.library.replication.bulkInsertRemote([
    { ...body, schema: DOC_SCHEMA_VERSION + 1, reviewedBy: 'hq', _id: id, _rev: `1-${hash}`, _revisions: { start: 1, ids: [hash] } },
  ]);
  expect(written).toMatchObject({ written: 1 });
}

/** The message, said once, as the release editor says it. */
async function newerNotice(): Promise<HTMLElement> {
  const notice = await screen.findByText('This was written by a newer version of Dateline (document version 2). You can read and export it; update Dateline to edit it.', {}, wait);
  expect(notice.getAttribute('role')).toBe('status');
  expect(notice.className).toContain('read-only-notice');
  return notice;
}

const isDisabled = (el: HTMLElement) => el.matches(':disabled');

/** Submitting the form (Enter in a field) writes nothing: the document keeps its one revision, and no error shows. */
async function submitWritesNothing(c: Core, id: string, form: HTMLElement) {
  fireEvent.submit(form);
  await act(() => new Promise((r) => setTimeout(r, 100)));
  expect(c.library.docs.revisions(id)).toHaveLength(1);
  expect(screen.queryByRole('alert')).toBeNull();
}

describe('a document from a newer Dateline, outside the release editor', () => {
  it('shows a contact read-only, with nothing to save or merge into it', async () => {
    const c = await core();
    fromNewerDateline(c, 'con-newer', { type: 'contact', kind: 'spokesperson', name: 'Wanjiru Kamau', role: 'Spokesperson', emails: [{ type: 'press', address: 'press.kenya@example.org' }] });
    renderWithCore(c, <ContactEditor id="con-newer" />, 'test');
    await newerNotice();
    const name = screen.getByLabelText('Name', { selector: 'input' }) as HTMLInputElement;
    expect(name.value).toBe('Wanjiru Kamau');
    expect(isDisabled(name)).toBe(true);
    expect(isDisabled(screen.getByRole('button', { name: 'Add an e-mail address' }))).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    await submitWritesNothing(c, 'con-newer', screen.getByRole('form', { name: 'Contact' }));
    // What does not write the contact stays: where it is named, its export, and erasing the person.
    await screen.findByRole('button', { name: 'Export everything about this person (JSON)' }, wait);
    expect(screen.queryByRole('region', { name: 'Merge a duplicate into this contact' })).toBeNull();
  });

  it('shows an outlet read-only', async () => {
    const c = await core();
    fromNewerDateline(c, 'out-newer', { type: 'outlet', name: 'Daily Nation', kind: 'newspaper', website: 'https://nation.example' });
    renderWithCore(c, <OutletEditor id="out-newer" />, 'test');
    await newerNotice();
    const name = screen.getByLabelText('Name', { selector: 'input' }) as HTMLInputElement;
    expect(name.value).toBe('Daily Nation');
    expect(isDisabled(name)).toBe(true);
    expect(isDisabled(screen.getByLabelText('Website'))).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    await submitWritesNothing(c, 'out-newer', screen.getByRole('form', { name: 'Outlet' }));
  });

  it('shows an office read-only', async () => {
    const c = await core();
    fromNewerDateline(c, 'off-newer', { type: 'office', name: 'Nairobi office', colours: { primary: '#1f3a5f', accent: '#c8102e' }, boilerplate: { en: 'We help people in crisis.' }, timeZone: 'Africa/Nairobi' });
    renderWithCore(c, <OfficeEditor id="off-newer" />, 'test');
    await newerNotice();
    const name = screen.getByLabelText('Name', { selector: 'input' }) as HTMLInputElement;
    expect(name.value).toBe('Nairobi office');
    expect(isDisabled(name)).toBe(true);
    expect(isDisabled(screen.getByLabelText('English'))).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    await submitWritesNothing(c, 'off-newer', screen.getByRole('form', { name: 'Office' }));
  });

  it('shows an attachment’s details read-only', async () => {
    const c = await core();
    fromNewerDateline(c, 'att-newer', {
      type: 'attachment',
      sha256: 'a'.repeat(64),
      originalName: 'factsheet.pdf',
      mediaType: 'application/pdf',
      size: 2048,
      width: null,
      height: null,
      caption: 'Cholera response in figures',
      consent: { consentObtained: true },
    });
    renderWithCore(c, <AttachmentDetails id="att-newer" onSaved={() => undefined} onDeleted={() => undefined} />, 'test');
    await newerNotice();
    const caption = screen.getByLabelText('Caption') as HTMLTextAreaElement;
    expect(caption.value).toBe('Cholera response in figures');
    expect(isDisabled(caption)).toBe(true);
    // Deleting is an edit too: not offered for a document this version only reads.
    expect(screen.queryByRole('button', { name: /^Delete/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Close' })).toBeTruthy();
    await submitWritesNothing(c, 'att-newer', caption.closest('form')!);
  });

  it('shows a kit read-only in the kit builder, saves nothing, and still exports it', async () => {
    const c = await core();
    fromNewerDateline(c, 'kit-newer', {
      type: 'kit',
      title: 'Drought response',
      language: 'en',
      pageSize: 'A4',
      audience: 'press',
      office: null,
      items: [{ kind: 'section', sectionKind: 'factSheet', title: 'Key figures', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '2 million people.' }] }] } }],
    });
    renderWithCore(c, <KitBuilder kitId="kit-newer" />, 'test');
    await newerNotice();
    const title = screen.getByLabelText('Kit title') as HTMLInputElement;
    expect(title.value).toBe('Drought response');
    expect(isDisabled(title)).toBe(true);
    expect(isDisabled(screen.getByRole('button', { name: 'Remove Key figures from the kit' }))).toBe(true);
    expect(document.querySelector('.kit-item-section .prose')?.getAttribute('contenteditable')).toBe('false');
    expect(document.querySelector('.drag-handle')?.getAttribute('draggable')).toBe('false');
    // No "Saved" beside the title: nothing is saved here.
    expect(screen.queryByText('Saved')).toBeNull();
    // A change that reaches the builder anyway (a drop, a keystroke) is not kept, nor saved after the pause.
    fireEvent.change(title, { target: { value: 'Edited anyway' } });
    await act(() => new Promise((r) => setTimeout(r, 800)));
    expect(title.value).toBe('Drought response');
    expect(c.library.docs.revisions('kit-newer')).toHaveLength(1);
    const exports = screen.getByRole('region', { name: 'Download' });
    expect(within(exports).getAllByRole('button').some((b) => !isDisabled(b))).toBe(true);
  });
});
