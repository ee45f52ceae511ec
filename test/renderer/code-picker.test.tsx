// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CountriesField, LanguagesField } from '../../renderer/contacts/AudienceFields';
import { OfficeMediaFields, type OfficeMedia } from '../../renderer/contacts/OfficeMediaFields';
import { setUpI18n } from '../../renderer/i18n';

/**
 * Countries and languages chosen by name: what a person types in the interface's language (or
 * English, or the code) and what they choose, with the keyboard or the mouse, stored as codes.
 */

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

let stored: { languages: string[]; countries: string[]; office: OfficeMedia } = { languages: [], countries: [], office: { country: null } };

/** A contact's languages and countries, or, given `office`, an office's media settings alone (French names both "Pays"). */
function Fields({ languages = [], countries = [], office }: Partial<typeof stored>) {
  const [l, setL] = useState(languages);
  const [c, setC] = useState(countries);
  const [o, setO] = useState<OfficeMedia>(office ?? { country: null });
  stored = { languages: l, countries: c, office: o };
  if (office) return <OfficeMediaFields value={o} onChange={setO} />;
  return (
    <>
      <LanguagesField values={l} onChange={setL} />
      <CountriesField values={c} onChange={setC} />
    </>
  );
}

function mount(lng: string, start: Partial<typeof stored> = {}) {
  render(
    <I18nextProvider i18n={setUpI18n(lng)}>
      <Fields {...start} />
    </I18nextProvider>,
  );
}

const box = (name: string) => screen.getByRole('combobox', { name });
const type = (name: string, text: string) => {
  fireEvent.change(box(name), { target: { value: text } });
  return box(name);
};
const key = (name: string, k: string) => fireEvent.keyDown(box(name), { key: k });
/** The suggestions shown, as their text (the name, then the code). */
const suggestions = () => screen.queryAllByRole('option').map((o) => o.textContent);
/** The chips of a field: what each shows. */
const chips = (name: string) => within(screen.getByRole('list', { name })).getAllByRole('listitem').map((li) => li.textContent);
/** What the field's status line last told a screen reader. */
const said = (name: string) => box(name).closest('.field')!.querySelector('[role="status"]')!.textContent;

describe('choosing countries by name', () => {
  it('finds a country by its French name without accents, and stores its code', () => {
    mount('fr');
    const countries = type('Pays', 'cote');
    expect(countries.getAttribute('aria-expanded')).toBe('true');
    expect(suggestions()[0]).toBe('Côte d’Ivoire CI');
    // The first suggestion is the one Enter takes, and the box says so.
    expect(countries.getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[0]!.id);
    key('Pays', 'Enter');
    expect(stored.countries).toEqual(['CI']);
    expect(chips('Pays')).toEqual(['Côte d’Ivoire CI×']);
    expect(countries.getAttribute('aria-expanded')).toBe('false');
    expect((countries as HTMLInputElement).value).toBe('');
    expect(said('Pays')).toBe('Ajout : Côte d’Ivoire.');
  });

  it('finds a country by its Arabic name or by its English one in the Arabic interface', () => {
    mount('ar');
    type('البلدان', 'ساحل');
    expect(suggestions()).toEqual(['ساحل العاج CI']);
    fireEvent.click(screen.getByRole('option', { name: /ساحل العاج/ }));
    type('البلدان', 'burkina');
    key('البلدان', 'Enter');
    expect(stored.countries).toEqual(['CI', 'BF']);
    expect(chips('البلدان')).toEqual(['ساحل العاج CI×', 'بوركينا فاسو BF×']);
    // The name inside the Arabic words is isolated (FSI…PDI), as every value in the Arabic interface.
    expect(screen.getByRole('button', { name: 'إزالة \u2068بوركينا فاسو\u2069' })).toBeTruthy();
  });

  it('finds a language by its code, and by its name in the interface’s language', () => {
    mount('en');
    type('Languages', 'prs');
    expect(suggestions()[0]).toBe('Dari prs');
    key('Languages', 'Enter');
    type('Languages', 'fren');
    expect(suggestions()).toEqual(['French fr', 'Canadian French fr-CA', 'Seselwa Creole French crs']);
    key('Languages', 'Enter');
    expect(stored.languages).toEqual(['prs', 'fr']);
    // What is chosen is not offered again.
    type('Languages', 'fren');
    expect(suggestions()).toEqual(['Canadian French fr-CA', 'Seselwa Creole French crs']);
  });

  it('says when nothing matches, and adds nothing on Enter', () => {
    mount('es');
    const countries = type('Países', 'Narnia');
    expect(countries.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByText('Ningún país coincide con «Narnia».')).toBeTruthy();
    key('Países', 'Enter');
    expect(stored.countries).toEqual([]);
  });
});

describe('the keyboard in the box', () => {
  it('moves with the arrows, wrapping round, and chooses with Enter', () => {
    mount('en');
    type('Countries', 'guinea');
    // Names that begin with the word first, then names with it further on.
    expect(suggestions()).toEqual(['Guinea GN', 'Guinea-Bissau GW', 'Equatorial Guinea GQ', 'Papua New Guinea PG']);
    const active = () => document.getElementById(box('Countries').getAttribute('aria-activedescendant')!)!;
    expect(active().textContent).toBe('Guinea GN');
    key('Countries', 'ArrowDown');
    expect(active().textContent).toBe('Guinea-Bissau GW');
    expect(active().getAttribute('aria-selected')).toBe('true');
    expect(screen.getAllByRole('option', { selected: true })).toHaveLength(1);
    key('Countries', 'ArrowUp');
    key('Countries', 'ArrowUp');
    expect(active().textContent).toBe('Papua New Guinea PG');
    key('Countries', 'Enter');
    expect(stored.countries).toEqual(['PG']);
  });

  it('opens every choice with Down in the empty box, the working languages first, and closes with Escape', () => {
    mount('fr');
    key('Langues', 'ArrowDown');
    expect(box('Langues').getAttribute('aria-expanded')).toBe('true');
    expect(suggestions().slice(0, 4)).toEqual(['anglais en', 'français fr', 'espagnol es', 'arabe ar']);
    key('Langues', 'Escape');
    expect(box('Langues').getAttribute('aria-expanded')).toBe('false');
    expect(suggestions()).toEqual([]);
    // A second Escape empties what was typed.
    type('Langues', 'ara');
    key('Langues', 'Escape');
    key('Langues', 'Escape');
    expect((box('Langues') as HTMLInputElement).value).toBe('');
  });

  it('takes the last choice off with Backspace in the empty box, not while text is in it', () => {
    mount('en', { countries: ['KE', 'CH'] });
    type('Countries', 'x');
    key('Countries', 'Backspace');
    expect(stored.countries).toEqual(['KE', 'CH']);
    type('Countries', '');
    key('Countries', 'Backspace');
    expect(stored.countries).toEqual(['KE']);
    expect(said('Countries')).toBe('Switzerland removed.');
    fireEvent.click(screen.getByRole('button', { name: 'Remove Kenya' }));
    expect(stored.countries).toEqual([]);
    expect(screen.queryByRole('list', { name: 'Countries' })).toBeNull();
  });
});

describe('codes stored that the list does not hold', () => {
  it('shows them by their name, or as the code, and takes them off', () => {
    mount('en', { countries: ['XK', 'QQ'], languages: ['pt-AO'] });
    expect(chips('Countries')).toEqual(['Kosovo XK×', 'QQ×']);
    expect(chips('Languages')).toEqual(['Portuguese (Angola) pt-AO×']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove QQ' }));
    expect(stored.countries).toEqual(['XK']);
  });

  it('takes one typed in full when the schema stores it', () => {
    mount('en');
    type('Countries', 'xk');
    expect(suggestions()[0]).toBe('Kosovo XK');
    key('Countries', 'Enter');
    expect(stored.countries).toEqual(['XK']);
  });
});

describe('an office’s one country', () => {
  it('is chosen by name, a new choice replacing it, and cleared from its chip', () => {
    mount('fr', { office: { country: 'KE' } });
    expect(chips('Pays')).toEqual(['Kenya KE×']);
    type('Pays', 'ouga');
    key('Pays', 'Enter');
    expect(stored.office.country).toBe('UG');
    expect(chips('Pays')).toEqual(['Ouganda UG×']);
    fireEvent.click(screen.getByRole('button', { name: 'Retirer Ouganda' }));
    expect(stored.office.country).toBeNull();
    expect(screen.getByText('Les numéros de téléphone saisis sans indicatif sont lus comme ceux de ce pays.')).toBeTruthy();
  });
});

describe('the pointer over the suggestions', () => {
  it('makes the one it moves over the one Enter takes', () => {
    mount('en');
    type('Countries', 'guinea');
    fireEvent.mouseMove(screen.getByRole('option', { name: 'Equatorial Guinea GQ' }), { clientX: 40, clientY: 80 });
    expect(document.getElementById(box('Countries').getAttribute('aria-activedescendant')!)!.textContent).toBe('Equatorial Guinea GQ');
    key('Countries', 'Enter');
    expect(stored.countries).toEqual(['GQ']);
  });
});

describe('where the suggestions open', () => {
  /** The window is 768 pixels high (jsdom's); the field's box stands from `top` 40 pixels down, and a list of suggestions is 256 high. */
  function laidOut(top: number) {
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      const height = this.classList.contains('code-picker-box') ? 40 : this.classList.contains('code-picker-list') ? 256 : 0;
      const y = this.classList.contains('code-picker-box') ? top : 0;
      return { x: 0, y, top: y, left: 0, right: 300, bottom: y + height, width: 300, height, toJSON: () => ({}) } as DOMRect;
    });
  }
  const list = () => screen.getByRole('listbox', { name: 'Countries' });

  it('opens above a field near the bottom of the window, where the room below is too short for it', () => {
    expect(window.innerHeight).toBe(768);
    laidOut(640);
    mount('en');
    type('Countries', 'guinea');
    expect(list().classList.contains('upward')).toBe(true);
    // Measured as it opens: closed and opened again higher up, it goes under the field.
    key('Countries', 'Escape');
    expect(box('Countries').getAttribute('aria-expanded')).toBe('false');
    vi.restoreAllMocks();
    laidOut(120);
    type('Countries', 'guin');
    expect(list().classList.contains('upward')).toBe(false);
  });

  it('opens under the field when the room below holds it, or when there is less room above', () => {
    laidOut(400);
    mount('en');
    type('Languages', 'fren');
    expect(screen.getByRole('listbox', { name: 'Languages' }).classList.contains('upward')).toBe(false);
    cleanup();
    vi.restoreAllMocks();
    // A window too short for the list either way: it opens where the room is larger, below.
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(300);
    laidOut(120);
    mount('en');
    type('Countries', 'guinea');
    expect(list().classList.contains('upward')).toBe(false);
  });
});
