// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DatelineClient } from '../../renderer/client/types';
import { href } from '../../renderer/app/router';
import { ContactRecord } from '../../renderer/contacts/ContactRecord';
import { call, core } from '../core-harness';
import { coreClient, renderWithClient } from './with-core';

/**
 * "Erase for good" clicked twice before the first answer comes (a double click, a slow machine):
 * the person is erased once, the second click not sent, so no "not found" follows the erase.
 */

describe('erasing a person', () => {
  it('sends one erase for two quick clicks, its answer disabled while the erase is under way', async () => {
    const c = await core();
    const { id } = await call<{ id: string }>(c, 'contact.create', { name: 'Grace Akello' });
    const real = coreClient(c);
    const erases: string[] = [];
    const client: DatelineClient = {
      ...real,
      call: (method, input) => {
        if (method === 'contact.erase') erases.push(method);
        return real.call(method, input);
      },
    };
    window.location.hash = href.contact(id);
    renderWithClient(client, <ContactRecord id={id} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Erase this person…' }, { timeout: 15_000 }));
    const question = screen.getByRole('alertdialog');
    const erase = within(question).getByRole('button', { name: 'Erase for good' }) as HTMLButtonElement;
    fireEvent.click(erase);
    fireEvent.click(erase);
    expect(erase.disabled).toBe(true);
    await waitFor(() => expect(window.location.hash).toBe(href.contacts()));
    expect(erases).toHaveLength(1);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
