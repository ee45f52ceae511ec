// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../electron/shared/import/contract';
import { Review, type Reviewing } from '../../renderer/import/ImportReview';
import { formFromPreview } from '../../renderer/import/draft';
import { core } from '../core-harness';
import { coreClient, renderWithClient } from './with-core';

/**
 * A choice made on a line of the cleaned source says what it did under that line, with Undo:
 * a click can replace the headline the person wrote or take a paragraph out of the body, and
 * nothing else brings those back.
 */

afterEach(cleanup);

const LINES = [
  'Home',
  'Wells reopen in Bukavu as the rains ease',
  'BUKAVU, 3 March 2026 – Teams reopened twelve wells on Tuesday.',
  'Repairs took three weeks and were done by crews from the villages.',
  'For more information: Marie Dupont, marie.dupont@example.org, +243 81 000 0000',
];

const PREVIEW: ImportPreview = {
  name: 'Pasted text',
  format: 'text',
  size: 400,
  release: {
    headline: LINES[1]!,
    subheadline: null,
    datelinePlace: 'Bukavu',
    releaseDate: '2026-03-03',
    embargo: null,
    language: 'en',
    body: ['Teams reopened twelve wells on Tuesday.', LINES[3]!, LINES[4]!],
    quotes: [],
    notesToEditors: null,
    boilerplate: null,
    endMark: null,
  },
  contacts: [],
  source: { blocks: LINES.map((text) => ({ kind: 'paragraph', text, dir: 'ltr' })), html: '' },
  warnings: [],
  confidence: { headline: 'sure', datelinePlace: 'sure', releaseDate: 'sure', body: 'sure', contacts: 'missing' },
  elapsedMs: 0,
  duplicate: null,
};

function Reviewed() {
  const [item, setItem] = useState<Reviewing>({ key: 'k', name: 'Pasted text', state: 'review', source: { text: LINES.join('\n') }, preview: PREVIEW, ...formFromPreview(PREVIEW), error: null, storedAs: null });
  return <Review item={item} onChange={(change) => setItem((i) => ({ ...i, ...change(i) }))} onConfirm={() => undefined} onDiscard={() => undefined} />;
}

async function mount() {
  renderWithClient(coreClient(await core(), { transport: 'http' }), <Reviewed />);
  const source = screen.getByRole('complementary', { name: 'Cleaned text of Pasted text' });
  const form = screen.getByRole('form', { name: 'Extracted fields' });
  const line = (text: string) => within(source).getByRole('button', { name: text });
  const choose = (text: string, choice: string) => {
    fireEvent.click(line(text));
    fireEvent.click(within(within(source).getByRole('group', { name: 'Use this line as' })).getByRole('button', { name: choice }));
  };
  const value = (label: string) => (within(form).getByLabelText(label, { exact: true }) as HTMLInputElement).value;
  const undo = () => within(source).queryByRole('button', { name: 'Undo the change made from this line' });
  return { source, line, choose, value, undo };
}

describe('a choice made in the cleaned source', () => {
  it('says what it did under its line, and Undo puts back the headline the person had written', async () => {
    const { source, line, choose, value, undo } = await mount();
    const headline = within(screen.getByRole('form', { name: 'Extracted fields' })).getByLabelText('Headline', { exact: true });
    fireEvent.change(headline, { target: { value: 'Twelve wells reopen in Bukavu' } });

    // A slip of the mouse: the menu's "Home" becomes the headline.
    choose('Home', 'Headline');
    expect(value('Headline')).toBe('Home');
    expect(within(source).getByRole('status').textContent).toContain('This line is now the headline.');
    expect(document.activeElement).toBe(line('Home'));

    fireEvent.click(undo()!);
    expect(value('Headline')).toBe('Twelve wells reopen in Bukavu');
    // Said and undone: the offer goes, the keyboard is back on the line.
    expect(undo()).toBeNull();
    expect(document.activeElement).toBe(line('Home'));
  });

  it('brings back the paragraphs a new first paragraph dropped, and leaves the fields the choice did not touch as the person left them', async () => {
    const { choose, value, undo } = await mount();
    const body = value('Body (a blank line between paragraphs)');
    choose(LINES[3]!, 'First paragraph');
    expect(value('Body (a blank line between paragraphs)')).not.toContain('twelve wells');
    // Typed after the choice, in another field: Undo keeps it.
    fireEvent.change(within(screen.getByRole('form', { name: 'Extracted fields' })).getByLabelText('Subheadline', { exact: true }), { target: { value: 'Crews from the villages did the repairs' } });

    fireEvent.click(undo()!);
    expect(value('Body (a blank line between paragraphs)')).toBe(body);
    expect(value('Subheadline')).toBe('Crews from the villages did the repairs');
  });

  it('takes back a contact read from a line: the person leaves the contacts and the line goes back into the body', async () => {
    const { choose, value, undo } = await mount();
    const body = value('Body (a blank line between paragraphs)');
    choose(LINES[4]!, 'Media contact');
    // Read by the core's contact reader.
    await waitFor(() => expect(screen.getAllByLabelText('E-mail').map((e) => (e as HTMLInputElement).value)).toEqual(['marie.dupont@example.org']));
    expect(value('Body (a blank line between paragraphs)')).not.toContain('marie.dupont');

    await act(async () => void fireEvent.click(undo()!));
    expect(screen.queryAllByLabelText('E-mail')).toEqual([]);
    expect(value('Body (a blank line between paragraphs)')).toBe(body);
  });

  it('offers no Undo for a choice that changed nothing', async () => {
    const { choose, undo } = await mount();
    // The headline's own line made the headline again.
    choose(LINES[1]!, 'Headline');
    expect(undo()).toBeNull();
  });
});
