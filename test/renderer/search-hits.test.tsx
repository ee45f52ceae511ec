// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { markdownToRichText } from '../../electron/core/markdown';
import type { SearchHit } from '../../electron/shared/contract';
import { GlobalSearch } from '../../renderer/app/GlobalSearch';
import { ClientProvider } from '../../renderer/client/context';
import type { DatelineClient } from '../../renderer/client/types';
import { setUpI18n } from '../../renderer/i18n';
import { call, core, release } from '../core-harness';

/** A search hit's line under the headline: the language by its name and the date as the person writes dates, never "fr · 2026-11-03". */

afterEach(() => {
  cleanup();
  localStorage.clear();
});

function searchIn(c: Core, lng: string) {
  const client: DatelineClient = {
    call: ((method, input) => c.dispatch(method, input, { transport: 'http' })) as DatelineClient['call'],
    on: () => () => undefined,
    onUnauthorized: () => () => undefined,
  };
  const i18n = setUpI18n(lng);
  render(
    <I18nextProvider i18n={i18n}>
      <ClientProvider client={client}>
        <GlobalSearch />
      </ClientProvider>
    </I18nextProvider>,
  );
}

const FSI_PDI = /[\u2068\u2069]/g;

describe('a release found by search', () => {
  it('comes from the core as fields, not as wording', async () => {
    const c = await core();
    await call(c, 'release.create', release({ headline: 'Les forages de Kasese', language: 'fr', releaseDate: '2026-11-03' }));
    const [hit] = await call<SearchHit[]>(c, 'search', { query: 'forages' });
    expect(hit).toMatchObject({ type: 'release', title: 'Les forages de Kasese', language: 'fr', date: '2026-11-03', detail: null });
  });

  for (const [lng, words] of [
    ['en', 'French · Nov 3, 2026'],
    ['fr', 'français · 3 nov. 2026'],
    ['ar', 'الفرنسية · 3 نوفمبر 2026'],
  ] as const) {
    it(`is worded in the interface's language (${lng})`, async () => {
      const c = await core();
      await call(c, 'release.create', release({ headline: 'Les forages de Kasese', language: 'fr', releaseDate: '2026-11-03' }));
      searchIn(c, lng);
      await act(async () => {
        fireEvent.change(screen.getByRole('combobox'), { target: { value: 'forages' } });
      });
      const option = await screen.findByRole('option');
      expect(option.querySelector('.hit-detail')?.textContent?.replace(FSI_PDI, '')).toBe(words);
    });
  }
});

describe('a kit found by search', () => {
  it('opens that kit, not the list of kits', async () => {
    const c = await core();
    const kit = await call<{ id: string }>(c, 'kit.create', { title: 'Kasese water kit', language: 'en', items: [] });
    window.location.hash = '#/releases';
    searchIn(c, 'en');
    const box = screen.getByRole('combobox');
    await act(async () => {
      fireEvent.change(box, { target: { value: 'Kasese water' } });
    });
    await screen.findByRole('option', { name: /Kasese water kit/ });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(window.location.hash).toBe(`#/kits/${kit.id}`);
  });
});

describe('the passage of a release found by search', () => {
  async function library() {
    const c = await core();
    await call(c, 'release.create', release({
      headline: 'Wells for Gao',
      body: markdownToRichText('The new wells near <b>the</b> market of Gao serve 12,000 people, and the cholera cases fell.'),
    }));
    await call(c, 'contact.create', { kind: 'journalist', name: 'Awa Traoré', organisation: 'Cholera Market Watch' });
    await call(c, 'release.create', release({
      headline: 'وصول البذور إلى موبتي',
      language: 'ar',
      body: markdownToRichText('سلّمت المنظمة اليوم بذورا إلى 1200 مزارع في موبتي قبل موسم الأمطار.'),
    }));
    return c;
  }

  it('comes from the core only when asked for; none for a contact whose line holds the words', async () => {
    const c = await library();
    const plain = await call<SearchHit[]>(c, 'search', { query: 'cholera' });
    expect(plain.every((h) => h.passage === undefined)).toBe(true);
    const hits = await call<SearchHit[]>(c, 'search', { query: 'cholera', passages: true });
    // Its organisation, shown on its line, is where the word is: nothing more to say why.
    expect(hits.find((h) => h.type === 'contact')?.passage).toBeNull();
    expect(hits.find((h) => h.type === 'release')?.passage?.parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['cholera']);
  });

  it('is shown under the release hit as text with the words marked, and describes the option, which keeps its name', async () => {
    const c = await library();
    searchIn(c, 'en');
    await act(async () => {
      fireEvent.change(screen.getByRole('combobox'), { target: { value: 'cholera mark' } });
    });
    // The name is the title and its line; the passage is not in it.
    const found = await screen.findByRole('option', { name: /^Wells for Gao English · .*2026\W*$/u });
    const passage = found.querySelector('.row-passage')!;
    expect([...passage.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['market', 'cholera']);
    // What looked like markup in the release is text on screen.
    expect(passage.querySelector('b')).toBeNull();
    expect(passage.textContent).toContain('near <b>the</b> market of Gao serve 12,000 people, and the cholera cases fell.');
    expect(screen.getByRole('option', { description: /near <b>the<\/b> market of Gao serve 12,000 people, and the cholera cases fell\.$/ })).toBe(found);
    // A contact found by the same words keeps its own line and has no passage.
    const contact = screen.getByRole('option', { name: 'Awa Traoré Cholera Market Watch' });
    expect(contact.querySelector('.row-passage')).toBeNull();
    expect(contact.getAttribute('aria-describedby')).toBeNull();

    // The keyboard walks the options as before: the one the arrows reach is the active one.
    const box = screen.getByRole('combobox');
    const options = screen.getAllByRole('option');
    expect(options).toHaveLength(2);
    expect(box.getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(box.getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    expect(options[1]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    expect(box.getAttribute('aria-activedescendant')).toBe(options[0]!.id);
  });

  it('is shown for an Arabic release in the Arabic interface, in its language, a word marked after its article', async () => {
    const c = await library();
    searchIn(c, 'ar');
    await act(async () => {
      fireEvent.change(screen.getByRole('combobox'), { target: { value: 'الأمطار' } });
    });
    const found = await screen.findByRole('option', { name: /وصول البذور إلى موبتي/ });
    const passage = found.querySelector('.row-passage')!;
    expect(passage.getAttribute('lang')).toBe('ar');
    expect(passage.getAttribute('dir')).toBe('auto');
    expect([...passage.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['الأمطار']);
    expect(screen.getByRole('option', { description: /قبل موسم الأمطار\./ })).toBe(found);
  });
});

describe('an outlet found by search', () => {
  for (const [lng, kind] of [
    ['en', 'Television'],
    ['fr', 'Télévision'],
    ['es', 'Televisión'],
    ['ar', 'تلفزيون'],
  ] as const) {
    it(`is offered under Outlets with its type in words, and opens the outlet's page (${lng})`, async () => {
      const c = await core();
      const outlet = await call<{ id: string }>(c, 'outlet.create', { name: 'Citizen TV Nairobi', kind: 'tv' });
      // A journalist of the outlet is found too, in a group of their own.
      await call(c, 'contact.create', { name: 'Wanjiru Kamau', organisation: 'Citizen TV Nairobi' });
      window.location.hash = '#/releases';
      searchIn(c, lng);
      const box = screen.getByRole('combobox');
      await act(async () => {
        fireEvent.change(box, { target: { value: 'Citizen' } });
      });
      const options = await screen.findAllByRole('option');
      expect(options).toHaveLength(2);
      const group = (await screen.findByText(setUpI18n(lng).t('docType.outlet', { count: 2 }))).closest('[role="group"]')!;
      const option = group.querySelector('[role="option"]')!;
      expect(option.querySelector('.hit-title')?.textContent).toBe('Citizen TV Nairobi');
      expect(option.querySelector('.hit-detail')?.textContent).toBe(kind);
      fireEvent.click(option);
      expect(window.location.hash).toBe(`#/outlets/${outlet.id}`);
    });
  }
});

describe('an attachment found by search', () => {
  for (const [lng, name, words] of [
    ['en', 'Floods in Kassala.txt', 'Text document'],
    ['fr', 'Inondations à Tillabéri.txt', 'Document texte'],
    ['ar', 'الفيضانات في كسلا.txt', 'مستند نصي'],
    ['en', 'Kassala clinic.png', 'Image (PNG)'],
  ] as const) {
    it(`says the kind of file in words, not its media type (${lng}, ${name})`, async () => {
      const c = await core();
      const data = name.endsWith('.png')
        ? 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='
        : Buffer.from('Relief teams reached Kassala.').toString('base64');
      await call(c, 'attachment.add', { name, data, ...(name.endsWith('.txt') ? { mediaType: 'text/plain; charset=utf-8' } : {}) });
      searchIn(c, lng);
      await act(async () => {
        fireEvent.change(screen.getByRole('combobox'), { target: { value: name.slice(0, name.indexOf(' ')) } });
      });
      const option = await screen.findByRole('option');
      expect(option.querySelector('.hit-detail')?.textContent?.replace(FSI_PDI, '')).toBe(words);
    });
  }
});
