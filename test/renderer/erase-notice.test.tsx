// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { href } from '../../renderer/app/router';
import { ContactEditor } from '../../renderer/contacts/ContactEditor';
import { ContactsScreen } from '../../renderer/contacts/ContactsScreen';
import { setUpI18n } from '../../renderer/i18n';
import { call, core } from '../core-harness';
import { photo } from '../kits/fixtures';
import { renderWithCore, routedScreens } from './with-core';

/**
 * After a person is erased from their page, the contacts list says what went, in a status line
 * a screen reader announces; the person's name is gone by design, so the line counts instead.
 */

const Shell = routedScreens((route) => (route.screen === 'contact' ? <ContactEditor key={route.id} id={route.id} /> : <ContactsScreen />));

describe('the contacts list after an erase', () => {
  it('says the contact was erased, with the documents and files removed, once', async () => {
    const c = await core();
    const picture = await call<{ id: string }>(c, 'attachment.add', { name: 'grace.jpg', data: (await photo(320, 240, 5)).toString('base64') });
    const { id } = await call<{ id: string }>(c, 'contact.create', { name: 'Grace Akello', role: 'Reporter', photo: picture.id });
    await call(c, 'contact.create', { name: 'Joseph Okello' });
    window.location.hash = href.contact(id);
    const view = renderWithCore(c, <Shell />, 'test');
    fireEvent.click(await screen.findByRole('button', { name: 'Erase this person…' }, { timeout: 15_000 }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Erase for good' }));
    await waitFor(() => expect(window.location.hash).toBe(href.contacts()));
    const said = await screen.findByText('The contact was erased: 2 documents and 1 file removed.', {}, { timeout: 15_000 });
    expect(said.closest('[role="status"]')).not.toBeNull();
    // Of the two contacts, one is left.
    await screen.findByText('1 contact', {}, { timeout: 15_000 });

    // Said once: the list opened again later says nothing of it.
    view.unmount();
    renderWithCore(c, <Shell />, 'test');
    await screen.findByText('1 contact', {}, { timeout: 15_000 });
    expect(screen.queryByText(/The contact was erased/)).toBeNull();
  });

  it('words the line in the four languages, the numbers agreeing', () => {
    const said = (language: string, documents: number, files: number) => {
      const { t } = setUpI18n(language);
      return t('contacts.erased', { documents: t('contacts.erasedDocuments', { count: documents }), files: t('contacts.erasedFiles', { count: files }) }).replace(/[\u2068\u2069]/g, '');
    };
    expect(said('en', 1, 0)).toBe('The contact was erased: 1 document and 0 files removed.');
    expect(said('fr', 2, 1)).toBe('Le contact a été effacé : 2 documents et 1 fichier supprimés.');
    expect(said('es', 2, 1)).toBe('El contacto se borró: se eliminaron 2 documentos y 1 archivo.');
    expect(said('ar', 2, 1)).toBe('مُحيت جهة الاتصال: أُزيل مستندان وملف واحد.');
  });
});
