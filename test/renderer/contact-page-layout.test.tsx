// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ContactEditor } from '../../renderer/contacts/ContactEditor';
import { call, core } from '../core-harness';
import { coreClient, renderWithClient, renderWithCore } from './with-core';

afterEach(cleanup);

/**
 * A contact's page: each heading says what its part holds (the data-protection fields of the
 * form and the section that exports or erases the person are not both "Data protection"), the
 * page's sections are panels spaced as the rest of the app's, and the word that a merge was
 * done appears where the person merged, not under the list of releases naming the contact.
 */

/** The headings and fieldset legends of the page, as a person scanning it reads them. */
const headings = (root: HTMLElement) => [...root.querySelectorAll('h1, h2, h3, legend')].map((h) => h.textContent?.trim() ?? '');

describe('a contact’s page', () => {
  for (const lng of ['en', 'fr', 'es', 'ar']) {
    it(`gives each heading its own words (${lng})`, async () => {
      const c = await core();
      const { id } = await call<{ id: string }>(c, 'contact.create', { name: 'Grace Akello', role: 'Reporter' });
      const { container } = renderWithClient(coreClient(c), <ContactEditor id={id} />, lng);
      await screen.findByDisplayValue('Reporter', {}, { timeout: 15_000 });
      await within(container).findAllByRole('region');
      const all = headings(container).filter((h) => h !== '');
      expect(all.length).toBeGreaterThan(4);
      expect(all.filter((h, i) => all.indexOf(h) !== i)).toEqual([]);
    });
  }

  it('says a merge was done at the top of the merge section, and sets each section out as a panel', async () => {
    const c = await core();
    const { id } = await call<{ id: string }>(c, 'contact.create', { name: 'Amélie Kaboré', role: 'Reporter' });
    await call(c, 'contact.create', { name: 'Amélie Kaboré (Savane FM)' });
    renderWithCore(c, <ContactEditor id={id} />, 'test');
    await screen.findByDisplayValue('Reporter', {}, { timeout: 15_000 });
    const merge = await screen.findByRole('region', { name: 'Merge a duplicate into this contact' });
    fireEvent.change(within(merge).getByLabelText('Find the duplicate'), { target: { value: 'Savane' } });
    fireEvent.click(within(merge).getByRole('button', { name: 'Find' }));
    fireEvent.click(await within(merge).findByRole('button', { name: 'Amélie Kaboré (Savane FM)' }));
    fireEvent.click(await within(merge).findByRole('button', { name: 'Merge Amélie Kaboré (Savane FM) into this contact' }));

    const said = 'Merged: 0 releases and 0 kits now name this contact.';
    await screen.findByText(said, {}, { timeout: 15_000 });
    // The section starts again once the page reads the contact's new revision (it is keyed by it):
    // the note is looked for where it settles.
    await waitFor(() => {
      const done = screen.getByText(said);
      const region = screen.getByRole('region', { name: 'Merge a duplicate into this contact' });
      expect(region.contains(done)).toBe(true);
      // Right under the section's heading, before the search for another duplicate.
      expect(region.querySelector('h2')!.nextElementSibling).toBe(done);
      expect(screen.getByRole('region', { name: 'Named in' }).contains(done)).toBe(false);
    });

    for (const name of ['Private note', 'Named in', 'Merge a duplicate into this contact', 'Export or erase this person’s data']) {
      expect(screen.getByRole('region', { name }).classList.contains('panel'), name).toBe(true);
    }
  });
});
