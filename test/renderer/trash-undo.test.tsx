// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { href } from '../../renderer/app/router';
import { setUpI18n } from '../../renderer/i18n';
import { ReleaseEditor } from '../../renderer/releases/ReleaseEditor';
import { ReleasesScreen } from '../../renderer/releases/ReleasesScreen';
import { call, core, release } from '../core-harness';
import { renderWithCore, routedScreens } from './with-core';

/**
 * "Move to trash" in the editor takes the person back to the list: the list says which release
 * went to the trash, with Undo at hand (focused, for the keyboard), and Undo brings it back.
 */

const Shell = routedScreens((route) => (route.screen === 'release' ? <ReleaseEditor key={route.id} id={route.id} /> : <ReleasesScreen />));

describe('moving a release to the trash from the editor', () => {
  it('says so on the list with Undo, which brings the release back', async () => {
    const c = await core();
    const { id } = await call<{ id: string }>(c, 'release.create', release({ headline: 'Boreholes in Kasese' }));
    await call(c, 'release.create', release({ headline: 'Seeds for Mopti' }));
    window.location.hash = href.release(id);
    const view = renderWithCore(c, <Shell />, 'test');
    fireEvent.click(await screen.findByRole('button', { name: 'Move to trash' }, { timeout: 15_000 }));
    await waitFor(() => expect(window.location.hash).toBe(href.releases()));
    const said = await screen.findByText('“Boreholes in Kasese” was moved to the trash.', {}, { timeout: 15_000 });
    expect(said.closest('[role="status"]')).not.toBeNull();
    await screen.findByText('1 release', {}, { timeout: 15_000 });
    const undo = screen.getByRole('button', { name: 'Undo: take “Boreholes in Kasese” out of the trash' });
    expect(document.activeElement).toBe(undo);

    fireEvent.click(undo);
    await screen.findByText('“Boreholes in Kasese” is back among the releases.', {}, { timeout: 15_000 });
    await screen.findByText('2 releases', {}, { timeout: 15_000 });
    expect((await call<{ trashed: unknown }>(c, 'release.get', { id })).trashed).toBeNull();
    expect(screen.queryByRole('button', { name: /^Undo/ })).toBeNull();

    // Said once: the list opened again later says nothing of it.
    view.unmount();
    renderWithCore(c, <Shell />, 'test');
    await screen.findByText('2 releases', {}, { timeout: 15_000 });
    expect(screen.queryByText(/was moved to the trash/)).toBeNull();
  });

  it('words the line and the button in the four languages', () => {
    for (const lng of ['en', 'fr', 'es', 'ar']) {
      const { t } = setUpI18n(lng);
      expect(t('trash.moved', { headline: 'Kasese' }), lng).toContain('Kasese');
      expect(t('trash.undoOne', { headline: 'Kasese' }), lng).toContain('Kasese');
      expect(t('trash.undo'), lng).not.toBe('trash.undo');
    }
  });
});
