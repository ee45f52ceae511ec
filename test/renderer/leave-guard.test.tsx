// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { href } from '../../renderer/app/router';
import { OutletEditor } from '../../renderer/outlets/OutletEditor';
import { ServerSection } from '../../renderer/sync/ServerSection';
import { call, core } from '../core-harness';
import { renderWithCore, routedScreens } from './with-core';

/**
 * Leaving a form with unsaved changes, against a real core: a sidebar link or going back asks
 * "Discard changes?" first, closing the page is held by its beforeunload, and a form with no
 * change (or its changes saved) leaves silently.
 */

const Shell = routedScreens((route) => (
  <>
    <nav>
      <a href={href.settings()}>Settings</a>
    </nav>
    {route.screen === 'outlet' ? <OutletEditor key={route.id ?? 'new'} id={route.id} /> : <p>Elsewhere</p>}
  </>
));

/** Whether closing or reloading the page now would be held (the desktop app then asks). */
function closingIsHeld(): boolean {
  const e = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(e);
  return e.defaultPrevented;
}

async function openOutlet(c: Core): Promise<{ id: string; name: HTMLInputElement }> {
  const { id } = await call<{ id: string }>(c, 'outlet.create', { name: 'Radio Okapi', kind: 'radio' });
  window.location.hash = href.outlet(id);
  renderWithCore(c, <Shell />, 'test');
  const name = (await screen.findByLabelText('Name', {}, { timeout: 15_000 })) as HTMLInputElement;
  await waitFor(() => expect(name.value).toBe('Radio Okapi'));
  return { id, name };
}

describe('leaving a form with unsaved changes', () => {
  it('leaves silently when nothing was changed', async () => {
    const c = await core();
    await openOutlet(c);
    expect(closingIsHeld()).toBe(false);
    fireEvent.click(screen.getByRole('link', { name: 'Settings' }));
    await screen.findByText('Elsewhere');
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('asks before a link leaves: Keep editing keeps the edit and gives focus back; Discard leaves and stores nothing', async () => {
    const c = await core();
    const { id, name } = await openOutlet(c);
    fireEvent.change(name, { target: { value: 'Radio Okapi Kinshasa' } });
    expect(closingIsHeld()).toBe(true);

    const link = screen.getByRole('link', { name: 'Settings' });
    link.focus();
    fireEvent.click(link);
    const question = screen.getByRole('alertdialog', { name: 'Discard changes?' });
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Keep editing' }));
    expect(window.location.hash).toBe(href.outlet(id));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(link);
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Radio Okapi Kinshasa');

    fireEvent.click(link);
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Discard changes' }));
    await screen.findByText('Elsewhere');
    expect(window.location.hash).toBe(href.settings());
    expect(closingIsHeld()).toBe(false);
    expect((await call<{ name: string }>(c, 'outlet.get', { id })).name).toBe('Radio Okapi');
  });

  it('asks when the address changes by itself (Back in a browser) and stays where it was until told', async () => {
    const c = await core();
    const { id, name } = await openOutlet(c);
    fireEvent.change(name, { target: { value: 'Radio Okapi Kinshasa' } });
    act(() => {
      window.location.hash = href.outlets();
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await screen.findByRole('alertdialog', { name: 'Discard changes?' });
    expect(window.location.hash).toBe(href.outlet(id));
    expect(screen.getByLabelText('Name')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Keep editing' }));
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Radio Okapi Kinshasa');
  });

  it('leaves silently once the changes are saved', async () => {
    const c = await core();
    const { id, name } = await openOutlet(c);
    fireEvent.change(name, { target: { value: 'Radio Okapi Kinshasa' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await call<{ name: string }>(c, 'outlet.get', { id })).name).toBe('Radio Okapi Kinshasa'));
    await waitFor(() => expect(closingIsHeld()).toBe(false));
    fireEvent.click(screen.getByRole('link', { name: 'Settings' }));
    await screen.findByText('Elsewhere');
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('holds closing the page while the sync server settings are changed and not saved', async () => {
    const c = await core();
    renderWithCore(c, <ServerSection />, 'test');
    const server = (await screen.findByLabelText('Server address', {}, { timeout: 15_000 })) as HTMLInputElement;
    expect(closingIsHeld()).toBe(false);
    fireEvent.change(server, { target: { value: 'https://couch.example.org' } });
    expect(closingIsHeld()).toBe(true);
  });
});
