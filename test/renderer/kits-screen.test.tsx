// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DateStyleContext } from '../../renderer/i18n/useDates';
import { KitsScreen } from '../../renderer/kits/KitsScreen';
import { call, core, release } from '../core-harness';
import { renderWithCore } from './with-core';
import { defaultWorkLanguage } from '../../renderer/ui/languages';
import appEs from '../../renderer/i18n/es.json';

/** Starting a kit, against a real core: Create kit with no title says why it cannot, instead of being greyed out. */

afterEach(cleanup);

describe('the kits screen', () => {
  it('asks for a title when Create kit is pressed without one, with focus on the title, and stores nothing', async () => {
    const c = await core();
    renderWithCore(c, <KitsScreen />, 'test');
    const create = await screen.findByRole('button', { name: 'Create kit' }, { timeout: 15_000 });
    expect((create as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(create);
    const title = screen.getByLabelText('Title');
    expect(screen.getByText('Give the kit a title first.')).toBeTruthy();
    expect(document.activeElement).toBe(title);
    expect(title.getAttribute('aria-describedby')).not.toBeNull();
    expect((await call<{ items: unknown[] }>(c, 'kit.list', { limit: 10 })).items).toHaveLength(0);
    fireEvent.change(title, { target: { value: 'Mopti seeds' } });
    expect(screen.queryByText('Give the kit a title first.')).toBeNull();
  });
});

describe("a new kit's language", () => {
  it("is the interface's when it is a working language, and stays the person's choice", async () => {
    const c = await core();
    renderWithCore(c, <KitsScreen />, 'test', 'es');
    const language = (await screen.findByLabelText(appEs.kits.language, {}, { timeout: 15_000 })) as HTMLSelectElement;
    expect(language.value).toBe('es');
    fireEvent.change(screen.getByLabelText(appEs.kits.title), { target: { value: 'Semillas de Mopti' } });
    fireEvent.click(screen.getByRole('button', { name: appEs.kits.create }));
    await waitFor(async () => expect((await call<{ items: { language: string }[] }>(c, 'kit.list', { limit: 10 })).items.map((k) => k.language)).toEqual(['es']), { timeout: 15_000 });
  });

  it('falls back to English for an interface language no release is written in', () => {
    expect(defaultWorkLanguage('fr-CA')).toBe('fr');
    expect(defaultWorkLanguage('ar')).toBe('ar');
    expect(defaultWorkLanguage('de')).toBe('en');
    expect(defaultWorkLanguage(undefined)).toBe('en');
  });
});

describe('the kits list', () => {
  it('shows the embargo a kit is under beside its title, and nothing for a kit that is not', async () => {
    const c = await core();
    const rel = await call<{ id: string }>(c, 'release.create', release({ embargo: { at: '2099-12-08T09:00:00.000Z', timeZone: 'Europe/Zurich' } }));
    await call(c, 'kit.create', { title: 'Geneva pledging kit', language: 'en', items: [{ kind: 'release', id: rel.id }] });
    await call(c, 'kit.create', { title: 'Open kit', language: 'en', items: [] });
    // The embargo's day is written as the person's date format writes dates.
    const { unmount } = renderWithCore(c, <DateStyleContext.Provider value={{ style: 'dayMonth', choose: () => undefined }}><KitsScreen /></DateStyleContext.Provider>, 'test');
    const embargoed = (await screen.findByRole('link', { name: 'Geneva pledging kit' }, { timeout: 15_000 })).closest('tr')!;
    expect(embargoed.className).toContain('kit-embargoed');
    expect(embargoed.textContent).toContain('Embargoed until 10:00 Geneva time, 8 Dec 2099');
    const open = screen.getByRole('link', { name: 'Open kit' }).closest('tr')!;
    expect(open.className).not.toContain('kit-embargoed');
    expect(open.textContent).not.toContain('Embargoed');
    expect(screen.getByRole('columnheader', { name: 'Embargo' })).toBeTruthy();
    unmount();
    renderWithCore(c, <DateStyleContext.Provider value={{ style: 'iso', choose: () => undefined }}><KitsScreen /></DateStyleContext.Provider>, 'test');
    const iso = (await screen.findByRole('link', { name: 'Geneva pledging kit' }, { timeout: 15_000 })).closest('tr')!;
    expect(iso.textContent).toContain('Embargoed until 10:00 Geneva time, 2099-12-08');
  });
});
