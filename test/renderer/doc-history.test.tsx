// @vitest-environment jsdom
import { createHash } from 'node:crypto';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { DOC_SCHEMA_VERSION } from '../../electron/shared/documents';
import { ContactEditor } from '../../renderer/contacts/ContactEditor';
import { KitBuilder } from '../../renderer/kit-builder/KitBuilder';
import { OutletEditor } from '../../renderer/outlets/OutletEditor';
import { OfficeEditor } from '../../renderer/settings/OfficeEditor';
import { DocHistory } from '../../renderer/ui/DocHistory';
import { call, core } from '../core-harness';
import { renderWithCore } from './with-core';

/**
 * Contacts and kits keep every revision: their editors show the versions, an earlier one read as
 * its fields in words, and restore it after asking. Against a real core, in web mode.
 */

afterEach(cleanup);

const wait = { timeout: 15_000 };

const history = () => screen.findByRole('list', { name: 'Version history' }, wait);

/** The versions listed, newest first, once there are `count` of them. */
async function versions(count: number): Promise<HTMLElement[]> {
  const list = await history();
  await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(count), wait);
  return within(list).getAllByRole('listitem');
}

/** The value shown beside a field's label in the version opened. */
function shownField(label: string): string {
  const version = screen.getByRole('region', { name: 'Earlier version' });
  const term = within(version).getAllByRole('term').find((dt) => dt.textContent === label);
  return term?.nextElementSibling?.textContent ?? '';
}

async function savePhone(number: string): Promise<void> {
  const phone = screen.getByLabelText('Phone 1', { selector: 'input' });
  fireEvent.change(phone, { target: { value: number } });
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  await screen.findByText('Saved', {}, wait);
}

describe('the version history of a contact', () => {
  it("shows the contact's versions, reads the first one as its fields, and restores its phone after asking", async () => {
    const c = await core();
    const made = await call<{ id: string }>(c, 'contact.create', {
      name: 'Amina Diallo',
      role: 'Health reporter',
      organisation: 'Daily Nation',
      phones: [{ type: 'work', number: '+254 20 3288000' }],
    });
    const first = (await call<{ phones: { number: string }[] }>(c, 'contact.get', { id: made.id })).phones[0]!.number;
    renderWithCore(c, <ContactEditor id={made.id} />);
    await waitFor(() => expect((screen.getByLabelText('Phone 1', { selector: 'input' }) as HTMLInputElement).value).toBe(first), wait);

    // A colleague's bad merge, then another edit: the phone is overwritten twice.
    await savePhone('+254 700 000001');
    await savePhone('+254 700 000002');
    const [newest, , created] = await versions(3);
    expect(newest!.textContent).toContain('Current');

    fireEvent.click(within(created!).getByRole('button', { name: /^View the version of/ }));
    const version = await screen.findByRole('region', { name: 'Earlier version' }, wait);
    await within(version).findByRole('heading', { name: 'Amina Diallo' }, wait);
    expect(shownField('Role')).toBe('Health reporter');
    expect(shownField('Organisation')).toBe('Daily Nation');
    expect(shownField('Phone numbers')).toBe(`${first} (Work, Anyone (public kits))`);
    // Read-only: nothing in it can be typed into.
    expect(within(version).queryByRole('textbox')).toBeNull();

    // Asked first; Cancel leaves everything as it was.
    fireEvent.click(within(version).getByRole('button', { name: 'Restore this version' }));
    const question = screen.getByRole('alertdialog');
    expect(question.textContent).toMatch(/^Restore the version of .+\? It becomes the current version; the one it replaces stays in this list\./);
    fireEvent.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect((await call<{ phones: { number: string }[] }>(c, 'contact.get', { id: made.id })).phones[0]!.number).toBe('+254 700 000002');

    fireEvent.click(within(version).getByRole('button', { name: 'Restore this version' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Restore' }));
    const said = await screen.findByText(/^Restored the version of .+\. The version it replaced is still in this list\.$/, {}, wait);
    expect(said.getAttribute('role')).toBe('status');
    await waitFor(() => expect(document.activeElement).toBe(said));
    // The editor reads the contact again: the phone is the first one, in the form and in the library.
    await waitFor(() => expect((screen.getByLabelText('Phone 1', { selector: 'input' }) as HTMLInputElement).value).toBe(first), wait);
    expect((await call<{ phones: { number: string }[] }>(c, 'contact.get', { id: made.id })).phones[0]!.number).toBe(first);
    expect(screen.queryByRole('region', { name: 'Earlier version' })).toBeNull();
    // The restore is a version of its own, the current one; the overwritten phone can come back the same way.
    const after = await versions(4);
    expect(after[0]!.textContent).toContain('Current');
  });

  it('says that what was typed and not saved goes with a restore', async () => {
    const c = await core();
    const made = await call<{ id: string; rev: string }>(c, 'contact.create', { name: 'Fatou Sow', role: 'Reporter' });
    await call(c, 'contact.update', { id: made.id, rev: made.rev, fields: { role: 'Editor' } });
    renderWithCore(c, <ContactEditor id={made.id} />);
    const [, created] = await versions(2);
    fireEvent.change(screen.getByLabelText('Role', { exact: true }), { target: { value: 'Health editor' } });
    fireEvent.click(within(created!).getByRole('button', { name: /^View the version of/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Restore this version' }, wait));
    expect(screen.getByRole('alertdialog').textContent).toContain('The changes you have not saved will be lost.');
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect((screen.getByLabelText('Role', { exact: true }) as HTMLInputElement).value).toBe('Reporter'), wait);
  });

  it('shows nothing to read or restore for a person erased, whose earlier versions went with the erase', async () => {
    const c = await core();
    const made = await call<{ id: string; rev: string }>(c, 'contact.create', { name: 'Peter Okoth', phones: [{ type: 'work', number: '+254 20 3288000' }] });
    await call(c, 'contact.update', { id: made.id, rev: made.rev, fields: { role: 'Editor' } });
    await call(c, 'contact.erase', { id: made.id });
    renderWithCore(c, <DocHistory type="contact" id={made.id} currentRev={null} onRestored={() => undefined} ask={{ unsaved: false }} />);
    // The erase is listed as what it was; the versions before it are no longer kept.
    const [erase, ...items] = await versions(3);
    expect(erase!.textContent).toContain('Erased at the person’s request');
    for (const item of items) expect(item.textContent).toContain('No longer kept');
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the versions of a contact from a newer Dateline, and offers no restore', async () => {
    const c = await core();
    writeNewer(c, 'con-newer', 2);
    renderWithCore(c, <ContactEditor id="con-newer" />, 'test');
    const [, older] = await versions(2);
    fireEvent.click(within(older!).getByRole('button', { name: /^View the version of/ }));
    const version = await screen.findByRole('region', { name: 'Earlier version' }, wait);
    await within(version).findByText('This was written by a newer version of Dateline: its earlier versions can be read here, not restored.', {}, wait);
    expect(shownField('Role')).toBe('Reporter');
    expect(within(version).queryByRole('button', { name: 'Restore this version' })).toBeNull();
  });
});

/** A contact of two revisions from a newer Dateline (document version 2), as sync brings it. */
function writeNewer(c: Core, id: string, revisions: number): void {
  const hashes = Array.from({ length: revisions }, (_, i) => createHash('md5').update(`${id}-${i}`).digest('hex'));
  const bodies = hashes.map((h, i) => ({
    type: 'contact',
    kind: 'journalist',
    name: 'Wanjiru Kamau',
    role: i === 0 ? 'Reporter' : 'Editor',
    schema: DOC_SCHEMA_VERSION + 1,
    reviewedBy: 'hq',
    _id: id,
    _rev: `${i + 1}-${h}`,
    _revisions: { start: i + 1, ids: hashes.slice(0, i + 1).reverse() },
  }));
  for (const body of bodies) expect(c.library.replication.bulkInsertRemote([body])).toMatchObject({ written: 1 });
}

describe('the version history of a kit', () => {
  it("restores the kit's first title from the builder", async () => {
    const c = await core();
    const kit = await call<{ id: string }>(c, 'kit.create', { title: 'Cholera response', language: 'en' });
    renderWithCore(c, <KitBuilder kitId={kit.id} />);
    const title = (await screen.findByLabelText('Kit title', {}, wait)) as HTMLInputElement;
    await waitFor(() => expect(title.value).toBe('Cholera response'), wait);
    for (const next of ['Cholera response, week 2', 'Cholera response, week 3']) {
      fireEvent.change(title, { target: { value: next } });
      await waitFor(async () => expect(await call(c, 'kit.get', { id: kit.id })).toMatchObject({ title: next }), wait);
    }
    const [newest, , created] = await versions(3);
    expect(newest!.textContent).toContain('Current');
    fireEvent.click(within(created!).getByRole('button', { name: /^View the version of/ }));
    const version = await screen.findByRole('region', { name: 'Earlier version' }, wait);
    await within(version).findByRole('heading', { name: 'Cholera response' }, wait);
    expect(shownField('Kit language')).toBe('English');

    fireEvent.click(within(version).getByRole('button', { name: 'Restore this version' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Restore' }));
    await screen.findByText(/^Restored the version of /, {}, wait);
    await waitFor(() => expect((screen.getByLabelText('Kit title') as HTMLInputElement).value).toBe('Cholera response'), wait);
    expect(await call(c, 'kit.get', { id: kit.id })).toMatchObject({ title: 'Cholera response' });
    // Nothing waits to be saved over the restored kit.
    await new Promise((r) => setTimeout(r, 700));
    expect(await call(c, 'kit.get', { id: kit.id })).toMatchObject({ title: 'Cholera response' });
    expect((await versions(4))[0]!.textContent).toContain('Current');
  });
});

describe('the version history of an outlet and an office', () => {
  it("restores an outlet's website and an office's name from their editors", async () => {
    const c = await core();
    const outlet = await call<{ id: string; rev: string }>(c, 'outlet.create', { name: 'Daily Nation', kind: 'newspaper', website: 'https://nation.africa' });
    await call(c, 'outlet.update', { id: outlet.id, rev: outlet.rev, fields: { website: 'https://wrong.example' } });
    const office = await call<{ id: string; rev: string }>(c, 'office.create', { name: 'Nairobi' });
    await call(c, 'office.update', { id: office.id, rev: office.rev, fields: { name: 'Nairobi (old)' } });
    for (const { ui, field, label, before } of [
      { ui: <OutletEditor id={outlet.id} />, field: 'Website', label: 'Website', before: 'https://nation.africa' },
      { ui: <OfficeEditor id={office.id} />, field: 'Name', label: 'Name', before: 'Nairobi' },
    ]) {
      renderWithCore(c, ui);
      const [, created] = await versions(2);
      fireEvent.click(within(created!).getByRole('button', { name: /^View the version of/ }));
      await waitFor(() => expect(shownField(label)).toBe(before), wait);
      fireEvent.click(screen.getByRole('button', { name: 'Restore this version' }));
      fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Restore' }));
      await screen.findByText(/^Restored the version of /, {}, wait);
      await waitFor(() => expect((screen.getByLabelText(field, { selector: 'input' }) as HTMLInputElement).value).toBe(before), wait);
      cleanup();
    }
  });
});
