// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { useState } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { CountriesField, LanguagesField } from '../../renderer/contacts/AudienceFields';
import appEn from '../../renderer/i18n/en.json';

/** The languages and countries lists of the contact and outlet editors: what a typed code becomes, and what is refused. */

afterEach(() => cleanup());

function Both() {
  const [languages, setLanguages] = useState<string[]>([]);
  const [countries, setCountries] = useState<string[]>([]);
  return (
    <>
      <LanguagesField values={languages} onChange={setLanguages} />
      <CountriesField values={countries} onChange={setCountries} />
    </>
  );
}

function mount() {
  const i18n = i18next.createInstance();
  void i18n.use(initReactI18next).init({ resources: { en: { translation: appEn } }, lng: 'en', interpolation: { escapeValue: false }, initAsync: false });
  render(
    <I18nextProvider i18n={i18n}>
      <Both />
    </I18nextProvider>,
  );
}

function type(label: string, value: string) {
  const box = screen.getByRole('textbox', { name: label });
  fireEvent.change(box, { target: { value } });
  fireEvent.keyDown(box, { key: 'Enter' });
  return box;
}

describe('the languages and countries of a contact or an outlet', () => {
  it('adds codes as typed (countries in capitals) and names them under each list', () => {
    mount();
    type('Languages', ' fr ');
    type('Languages', 'ar');
    type('Countries', 'ke');
    type('Countries', 'CH');
    expect(screen.getByRole('list', { name: 'Languages' }).textContent).toBe('fr×ar×');
    expect(screen.getByRole('list', { name: 'Countries' }).textContent).toBe('KE×CH×');
    expect(screen.getByText('French, Arabic')).toBeTruthy();
    expect(screen.getByText('Kenya, Switzerland')).toBeTruthy();
  });

  it('refuses a value that is not a code of its list, saying which', () => {
    mount();
    const language = type('Languages', 'French');
    expect(screen.getByText('“French” is not a language code (use en, fr, es, ar or pt-BR).')).toBeTruthy();
    expect(language.getAttribute('aria-invalid')).toBe('true');
    const country = type('Countries', 'Kenya');
    expect(screen.getByText('“KENYA” is not a two-letter country code.')).toBeTruthy();
    expect(country.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('list', { name: 'Languages' })).toBeNull();
    expect(screen.queryByRole('list', { name: 'Countries' })).toBeNull();
  });
});
