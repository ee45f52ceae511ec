// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { href } from '../../renderer/app/router';
import { NewRelease, ReleaseEditor } from '../../renderer/releases/ReleaseEditor';
import { call, core, release } from '../core-harness';
import { renderWithCore, routedScreens } from './with-core';

/**
 * A release date that cannot be read changes nothing stored: the editor must not say "Saved"
 * over it, and leaving the release asks first, on a stored release as on a new one.
 */

const Shell = routedScreens((route) => (
  <>
    <nav>
      <a href={href.settings()}>Settings</a>
    </nav>
    {route.screen === 'release' ? <ReleaseEditor id={route.id} /> : route.screen === 'newRelease' ? <NewRelease language={null} /> : <p>Elsewhere</p>}
  </>
));

const saveState = () => document.querySelector('.save-state')!.textContent;

function closingIsHeld(): boolean {
  const e = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(e);
  return e.defaultPrevented;
}

describe('a release date that is not a date', () => {
  it('says the change is not saved, and asks before the page is left', async () => {
    const c = await core();
    const { id } = await call<{ id: string }>(c, 'release.create', release({ releaseDate: '2026-11-30' }));
    window.location.hash = href.release(id);
    renderWithCore(c, <Shell />, 'test');
    const date = (await screen.findByRole('textbox', { name: 'Release date' }, { timeout: 15_000 })) as HTMLInputElement;
    await waitFor(() => expect(saveState()).toBe('Saved'));

    fireEvent.change(date, { target: { value: '31 February 2026' } });
    fireEvent.blur(date);
    expect(saveState()).toBe('Not saved: fix the release date');
    expect(screen.getByText('February 2026 has no day 31.')).toBeTruthy();
    expect(closingIsHeld()).toBe(true);

    fireEvent.click(screen.getByRole('link', { name: 'Settings' }));
    const question = screen.getByRole('alertdialog', { name: 'Discard changes?' });
    fireEvent.click(within(question).getByRole('button', { name: 'Keep editing' }));
    expect(window.location.hash).toBe(href.release(id));

    fireEvent.change(date, { target: { value: '2026-12-01' } });
    fireEvent.blur(date);
    await waitFor(() => expect(saveState()).toBe('Saved'), { timeout: 15_000 });
    expect(closingIsHeld()).toBe(false);
    expect((await call<{ releaseDate: string }>(c, 'release.get', { id })).releaseDate).toBe('2026-12-01');
  }, 60_000);

  it('says so on a new release too', async () => {
    const c = await core();
    window.location.hash = href.newRelease(null);
    renderWithCore(c, <Shell />, 'test');
    const date = await screen.findByRole('textbox', { name: 'Release date' }, { timeout: 15_000 });
    fireEvent.change(date, { target: { value: '31/02/2026' } });
    fireEvent.blur(date);
    expect(saveState()).toBe('Not saved: fix the release date');
    expect(closingIsHeld()).toBe(true);
  }, 60_000);
});
