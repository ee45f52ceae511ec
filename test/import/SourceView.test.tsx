// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import appAr from '../../renderer/i18n/ar.json';
import appEn from '../../renderer/i18n/en.json';
import appEs from '../../renderer/i18n/es.json';
import appFr from '../../renderer/i18n/fr.json';
import { SourceView } from '../../renderer/import/SourceView';
import type { SourceAction } from '../../renderer/import/source-actions';

/** The source pane of the import review: where keyboard focus goes once a line's choices close, and how the review points to it. */

afterEach(cleanup);

function mount(roles?: ('headline' | 'body' | null)[]) {
  const i18n = i18next.createInstance();
  void i18n.use(initReactI18next).init({ resources: { en: { translation: appEn } }, lng: 'en', interpolation: { escapeValue: false }, initAsync: false });
  const done: Array<[SourceAction, number]> = [];
  render(
    <I18nextProvider i18n={i18n}>
      <SourceView
        label="Cleaned text of Pasted text"
        blocks={[
          { kind: 'paragraph', text: 'Who we are', dir: 'ltr' },
          { kind: 'heading', text: 'Wells reopen in the valley', dir: 'ltr' },
        ]}
        onAction={(a, n) => done.push([a, n])}
        {...(roles ? { roles } : {})}
      />
    </I18nextProvider>,
  );
  return done;
}

describe('the source pane by keyboard', () => {
  it('gives focus back to the line once a choice is made, so the next Tab goes on from there', () => {
    const done = mount();
    const line = screen.getByRole('button', { name: 'Wells reopen in the valley' });
    line.focus();
    fireEvent.click(line);
    const headline = within(screen.getByRole('group', { name: 'Use this line as' })).getByRole('button', { name: 'Headline' });
    headline.focus();
    fireEvent.click(headline);
    expect(done).toEqual([['headline', 1]]);
    expect(screen.queryByRole('group')).toBeNull();
    expect(document.activeElement).toBe(line);
  });

  it('closes the choices on Escape and gives focus back to the line', () => {
    const done = mount();
    const line = screen.getByRole('button', { name: 'Who we are' });
    fireEvent.click(line);
    const group = screen.getByRole('group', { name: 'Use this line as' });
    within(group).getByRole('button', { name: 'Dateline' }).focus();
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('group')).toBeNull();
    expect(line.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(line);
    // Escape on the line itself, its choices just opened, closes them too.
    fireEvent.click(line);
    fireEvent.keyDown(line, { key: 'Escape' });
    expect(screen.queryByRole('group')).toBeNull();
    expect(done).toEqual([]);
  });
});

describe('the choices of a line', () => {
  it('offer to leave a line of the body out, and to add back a line that is out, never a choice that would do nothing', () => {
    const done = mount(['body', null]);
    fireEvent.click(screen.getByRole('button', { name: 'Who we are' }));
    let group = screen.getByRole('group', { name: 'Use this line as' });
    expect(within(group).queryByRole('button', { name: 'Add to the body' })).toBeNull();
    fireEvent.click(within(group).getByRole('button', { name: 'Leave out of the body' }));
    fireEvent.click(screen.getByRole('button', { name: 'Wells reopen in the valley' }));
    group = screen.getByRole('group', { name: 'Use this line as' });
    expect(within(group).queryByRole('button', { name: 'Leave out of the body' })).toBeNull();
    fireEvent.click(within(group).getByRole('button', { name: 'Add to the body' }));
    expect(done).toEqual([
      ['drop', 0],
      ['add', 1],
    ]);
  });

  it('say "add to the body" in every language of the interface', () => {
    expect([appEn, appFr, appEs, appAr].map((l) => typeof l.import.source.add)).toEqual(['string', 'string', 'string', 'string']);
  });
});

describe('the source pane in words', () => {
  it('says which line is the headline and which are in the body, without changing the lines\' names', () => {
    mount(['body', 'headline']);
    expect(screen.getByRole('button', { name: 'Who we are', description: 'In the body' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Wells reopen in the valley', description: 'The headline' })).toBeTruthy();
    cleanup();
    mount([null, null]);
    expect(screen.getByRole('button', { name: 'Who we are', description: '' })).toBeTruthy();
  });

  it('is pointed to by the headline refusal by its name, not by a side: it is on the left in Arabic and under the fields in a narrow window', () => {
    const said = [appEn, appFr, appEs, appAr].map((l) => l.import.store.noLetters);
    expect(said.filter((s) => /\bright\b|droite|derecha|اليمين|اليسار/u.test(s))).toEqual([]);
    expect(said[0]).toContain('cleaned text');
  });
});
