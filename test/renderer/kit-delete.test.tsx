// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Doc } from '../../electron/shared/documents';
import { href } from '../../renderer/app/router';
import { setUpI18n } from '../../renderer/i18n';
import { KitBuilder } from '../../renderer/kit-builder/KitBuilder';
import { KitsScreen } from '../../renderer/kits/KitsScreen';
import { call, core, fail, release } from '../core-harness';
import { renderWithCore, routedScreens } from './with-core';

/**
 * "Delete kit…" in the kit builder asks first (Cancel focused, Escape for it), then takes the
 * person back to the kits list, which says which kit was deleted with Undo at hand (focused),
 * and Undo brings the kit back as it was, the edit typed just before included.
 */

const Shell = routedScreens((route) => (route.screen === 'kit' ? <KitBuilder key={route.id} kitId={route.id} /> : <KitsScreen />));

const titles = () => [...document.querySelectorAll('.kit-row a')].map((a) => a.textContent);

describe('deleting a kit from the kit builder', () => {
  it('asks first, then the list says so with Undo, which brings the kit back', async () => {
    const c = await core();
    const r = await call<{ id: string }>(c, 'release.create', release({ headline: 'Boreholes in Kasese' }));
    const kit = await call<{ id: string }>(c, 'kit.create', { title: 'Kasese kit', language: 'en', items: [{ kind: 'release', id: r.id }] });
    await call(c, 'kit.create', { title: 'Goma kit', language: 'en' });
    window.location.hash = href.kit(kit.id);
    renderWithCore(c, <Shell />, 'test');
    const title = (await screen.findByDisplayValue('Kasese kit', {}, { timeout: 15_000 })) as HTMLInputElement;

    // Escape is the safe answer: nothing is deleted, and the keyboard is back on the button.
    fireEvent.click(screen.getByRole('button', { name: 'Delete kit…' }));
    let question = screen.getByRole('alertdialog');
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Cancel' }));
    fireEvent.keyDown(question, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete kit…' }));

    // An edit still waiting for the pause is saved first: Undo brings back the kit as it was on screen.
    fireEvent.change(title, { target: { value: 'Kasese press kit' } });
    fireEvent.click(screen.getByRole('button', { name: 'Delete kit…' }));
    question = screen.getByRole('alertdialog');
    expect(
      within(question).getByText(
        'Delete the kit “Kasese press kit”? Its releases, photos and contacts stay in the library, and files already exported stay where they were saved.',
      ),
    ).toBeTruthy();
    fireEvent.click(within(question).getByRole('button', { name: 'Delete kit' }));

    await waitFor(() => expect(window.location.hash).toBe(href.kits()), { timeout: 15_000 });
    const said = await screen.findByText(/^The kit “Kasese press kit” was deleted\./, {}, { timeout: 15_000 });
    expect(said.closest('[role="status"]')).not.toBeNull();
    const undo = screen.getByRole('button', { name: 'Undo: bring back the kit “Kasese press kit”' });
    await waitFor(() => expect(document.activeElement).toBe(undo));
    await waitFor(() => expect(titles()).toEqual(['Goma kit']), { timeout: 15_000 });
    expect((await fail(c, 'kit.get', { id: kit.id })).code).toBe('NOT_FOUND');

    fireEvent.click(undo);
    await screen.findByText('The kit “Kasese press kit” is back.', {}, { timeout: 15_000 });
    await waitFor(() => expect(titles()).toHaveLength(2), { timeout: 15_000 });
    expect(titles()).toContain('Kasese press kit');
    const back = await call<Doc<'kit'>>(c, 'kit.get', { id: kit.id });
    expect(back.title).toBe('Kasese press kit');
    expect(back.items).toEqual([{ kind: 'release', id: r.id }]);
    expect(screen.queryByRole('button', { name: /^Undo/ })).toBeNull();
  }, 60_000);

  it('words the question, the line and Undo in the four languages', () => {
    for (const lng of ['en', 'fr', 'es', 'ar']) {
      const { t } = setUpI18n(lng);
      expect(t('kitBuilder.deleteConfirm', { title: 'Kasese' }), lng).toContain('Kasese');
      expect(t('kits.deleted', { title: 'Kasese' }), lng).toContain('Kasese');
      expect(t('kits.undoOne', { title: 'Kasese' }), lng).toContain('Kasese');
      expect(t('kits.restored', { title: 'Kasese' }), lng).toContain('Kasese');
      expect(t('kitBuilder.deleteAsk'), lng).not.toBe('kitBuilder.deleteAsk');
    }
  });
});
