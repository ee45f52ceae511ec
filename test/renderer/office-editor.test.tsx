// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { href } from '../../renderer/app/router';
import { OfficeEditor } from '../../renderer/settings/OfficeEditor';
import { call, core } from '../core-harness';
import { renderWithCore, routedScreens } from './with-core';

/**
 * The office editor's frame against a real core: the way back to Settings, the office's name as
 * the title, and a Save button that waits while the time zone typed is not a known one.
 */

const Shell = routedScreens((route) => (route.screen === 'office' ? <OfficeEditor key={route.id ?? 'new'} id={route.id} /> : <p>Elsewhere</p>));

describe('the office editor', () => {
  it('names a new office by its words until it is created', async () => {
    const c = await core();
    window.location.hash = href.newOffice();
    renderWithCore(c, <Shell />, 'test');
    expect(await screen.findByRole('heading', { level: 1, name: 'New office' }, { timeout: 15_000 })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Settings' }).getAttribute('href')).toBe(href.settings());
    expect(screen.getByRole('button', { name: 'Create office' })).toBeTruthy();
  });

  it('opens the office just created saying it is saved, with the focus on its Save button, as the blank form had it', async () => {
    const c = await core();
    window.location.hash = href.newOffice();
    renderWithCore(c, <Shell />, 'test');
    fireEvent.change(await screen.findByLabelText('Name', {}, { timeout: 15_000 }), { target: { value: 'Bukavu office' } });
    const create = screen.getByRole('button', { name: 'Create office' });
    create.focus();
    fireEvent.click(create);
    // The office's own address, its editor in place of the blank one.
    await screen.findByRole('heading', { level: 1, name: 'Bukavu office' }, { timeout: 15_000 });
    const save = await screen.findByRole('button', { name: 'Save' });
    expect(screen.getByText('Saved')).toBeTruthy();
    expect(document.activeElement).toBe(save);
    // Opened again later, the same office is an editor like any other: nothing said, nothing focused.
    const id = window.location.hash.split('/').pop()!;
    window.location.hash = href.settings();
    await screen.findByText('Elsewhere');
    window.location.hash = href.office(id);
    await screen.findByRole('heading', { level: 1, name: 'Bukavu office' }, { timeout: 15_000 });
    expect(screen.queryByText('Saved')).toBeNull();
    expect(document.activeElement).not.toBe(screen.getByRole('button', { name: 'Save' }));
  });

  it('gives the focus back to Save once a save is done, the button having been disabled meanwhile', async () => {
    const c = await core();
    const { id } = await call<{ id: string }>(c, 'office.create', { name: 'Uvira office' });
    window.location.hash = href.office(id);
    renderWithCore(c, <Shell />, 'test');
    await screen.findByRole('heading', { level: 1, name: 'Uvira office' }, { timeout: 15_000 });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Uvira sub-office' } });
    const save = screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    save.focus();
    fireEvent.click(save);
    expect(save.disabled).toBe(true);
    // The browser moves the focus off a disabled button to the page; jsdom does not (nor blurs
    // one), so the test puts it on the page: on an element that then goes.
    const elsewhere = document.body.appendChild(document.createElement('input'));
    elsewhere.focus();
    elsewhere.remove();
    expect(document.activeElement).toBe(document.body);
    await screen.findByText('Saved', {}, { timeout: 15_000 });
    expect(document.activeElement).toBe(save);
  });

  it('shows the office by its name, and holds Save while the time zone is not a known one', async () => {
    const c = await core();
    const { id } = await call<{ id: string }>(c, 'office.create', { name: 'Goma office', timeZone: 'Africa/Lubumbashi' });
    window.location.hash = href.office(id);
    renderWithCore(c, <Shell />, 'test');
    await screen.findByRole('heading', { level: 1, name: 'Goma office' }, { timeout: 15_000 });
    const save = screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    expect(save.disabled).toBe(false);

    fireEvent.change(screen.getByLabelText('Time zone'), { target: { value: 'Africa/Lubumbashee' } });
    // Said of the office, not of an embargo: nothing here is an embargo.
    const said = (await screen.findByRole('alert')).textContent;
    expect(said).toContain('“Africa/Lubumbashee” is not a time zone Dateline knows');
    expect(said).toContain('the office is not saved until then');
    expect(said).not.toContain('embargo');
    expect(save.disabled).toBe(true);

    fireEvent.change(screen.getByLabelText('Time zone'), { target: { value: 'Africa/Lubumbashi' } });
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(save.disabled).toBe(false);
    // An emptied name shows "(untitled)" as the title.
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: '' } });
    await screen.findByRole('heading', { level: 1, name: '(untitled)' });
  });
});
