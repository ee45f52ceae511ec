// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { CallResult, InputOf, MethodName } from '../../electron/shared/contract';
import type { Result } from '../../electron/shared/errors';
import { ClientProvider } from '../../renderer/client/context';
import type { DatelineClient } from '../../renderer/client/types';
import appEn from '../../renderer/i18n/en.json';
import { ImportScreen } from '../../renderer/import/ImportScreen';
import { CORPUS_DIR, buildDocx } from './corpus-helpers';
import { call, core } from './helpers';

/**
 * The review screen against a real core (real worker, real SQLite): paste, fix a field,
 * confirm, and find the release stored; discard stores nothing; a bad file says why.
 */

const opened: Core[] = [];
afterEach(() => {
  cleanup();
  while (opened.length) opened.pop()!.close();
});

function clientOf(c: Core): DatelineClient {
  return {
    call: <M extends MethodName>(method: M, input: InputOf<M>) => c.dispatch(method, input, { transport: 'test' }) as Promise<Result<CallResult<M>>>,
    on: () => () => undefined,
    onUnauthorized: () => () => undefined,
  };
}

function i18n() {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { en: { translation: appEn } },
    lng: 'en',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

async function mount() {
  const c = await core(opened);
  render(
    <I18nextProvider i18n={i18n()}>
      <ClientProvider client={clientOf(c)}>
        <ImportScreen />
      </ClientProvider>
    </I18nextProvider>,
  );
  return c;
}

const counts = async (c: Core) => (await call<{ counts: Record<string, number> }>(c, 'library.info', {})).counts;

describe('the import screen', () => {
  it('reads pasted text, lets the person fix a field, and stores only on confirm', async () => {
    const c = await mount();
    fireEvent.change(screen.getByLabelText('Paste a release'), { target: { value: readFileSync(join(CORPUS_DIR, '01-en-menu-sentence-contact.txt'), 'utf8') } });
    fireEvent.click(screen.getByRole('button', { name: 'Read pasted text' }));
    const headline = (await screen.findByLabelText('Headline', {}, { timeout: 15_000 })) as HTMLInputElement;
    expect(headline.value).toBe('Clean water reaches 40,000 people in Kasese as floods recede');
    expect((screen.getByLabelText('Dateline place') as HTMLInputElement).value).toBe('Geneva');
    expect((screen.getByLabelText('E-mail') as HTMLInputElement).value).toBe('jsmith@example.org');
    expect(screen.getByRole('complementary', { name: 'Cleaned text of Pasted text' }).textContent).toContain('Water is the first thing');
    expect(await counts(c)).toMatchObject({ release: 0, contact: 0, attachment: 0 });

    fireEvent.change(headline, { target: { value: 'Clean water for 40,000 people in Kasese' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm and store' }));
    await screen.findByText('Stored, with 1 new contact.', {}, { timeout: 15_000 });
    const list = await call<{ items: { id: string; headline: string }[] }>(c, 'release.list', { limit: 10 });
    expect(list.items.map((r) => r.headline)).toEqual(['Clean water for 40,000 people in Kasese']);
    expect(await counts(c)).toMatchObject({ release: 1, contact: 1, attachment: 1 });
    expect(screen.getByRole('link', { name: 'Open the release' }).getAttribute('href')).toBe(`#/releases/${list.items[0]!.id}`);
  });

  it('reads several files, shows which contact already exists, says why a file cannot be read, and discards without storing', async () => {
    const c = await mount();
    await call(c, 'contact.create', { kind: 'spokesperson', name: 'Ibrahim Maïga', emails: [{ address: 'imaiga@sahelrelief.example' }] });
    const docx = await buildDocx(JSON.parse(readFileSync(join(CORPUS_DIR, '12-en-word.docx.json'), 'utf8')));
    const files = [
      new File([new Uint8Array(docx)], 'tillaberi.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }),
      new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])], 'photo.docx'),
    ];
    fireEvent.change(screen.getByLabelText(/Choose files/), { target: { files } });
    await screen.findByText(/photo\.docx.*PNG image/, {}, { timeout: 15_000 });
    await screen.findByText('Matches existing contact Ibrahim Maïga: it will be linked, not added again.', {}, { timeout: 15_000 });
    expect((screen.getByLabelText('Headline') as HTMLInputElement).value).toBe('Solar pumps bring water back to 60 villages in Tillabéri');
    fireEvent.click(screen.getByRole('button', { name: 'Discard' }));
    expect(screen.queryByLabelText('Headline')).toBeNull();
    expect(await counts(c)).toMatchObject({ release: 0, contact: 1, attachment: 0 });
  });
});
