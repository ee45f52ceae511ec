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
 * The review's quotes against a real core: a line made a quote, or a quote typed from one, gets
 * the speaker the importer reads there, marked as a guess; the source marks the lines the
 * release quotes already, whose "Quote" says so.
 */

afterEach(cleanup);

const LINES = [
  'Wells reopen in Bukavu as the rains ease',
  'BUKAVU, 3 March 2026 – Teams reopened twelve wells on Tuesday.',
  '“We will not leave the families now,” said Marie Dupont, head of the Bukavu office.',
  '“Every well we reopen means fewer children falling ill,” she added.',
  'Repairs took three weeks and were done by crews from the villages.',
  '“Water is the first thing families ask for when they come back.”',
  '“The crews worked through the night to finish the pumps,”',
  'said Jean Mukendi, who led the repairs.',
];

const PREVIEW: ImportPreview = {
  name: 'Pasted text',
  format: 'text',
  size: 600,
  release: {
    headline: LINES[0]!,
    subheadline: null,
    datelinePlace: 'Bukavu',
    releaseDate: '2026-03-03',
    embargo: null,
    language: 'en',
    body: LINES.slice(1),
    quotes: [{ speaker: 'Marie Dupont', role: 'head of the Bukavu office', text: 'We will not leave the families now' }],
    notesToEditors: null,
    boilerplate: null,
    endMark: null,
  },
  contacts: [],
  source: { blocks: LINES.map((text, n) => ({ kind: n === 0 ? 'heading' : 'paragraph', text, dir: 'ltr' })), html: '' },
  warnings: [],
  confidence: { headline: 'sure', datelinePlace: 'sure', releaseDate: 'sure', body: 'sure', contacts: 'missing' },
  elapsedMs: 0,
  duplicate: null,
};

function Reviewed() {
  const [item, setItem] = useState<Reviewing>({ key: 'k', name: 'Pasted text', state: 'review', source: { text: LINES.join('\n\n') }, preview: PREVIEW, ...formFromPreview(PREVIEW), error: null, storedAs: null });
  return <Review item={item} onChange={(change) => setItem((i) => ({ ...i, ...change(i) }))} onConfirm={() => undefined} onDiscard={() => undefined} />;
}

async function mount() {
  // Calls as web mode makes them; the test waits for those under way to say what came of them.
  const client = coreClient(await core(), { transport: 'http' });
  const pending: Promise<unknown>[] = [];
  const call: typeof client.call = (method, input) => {
    const answer = client.call(method, input);
    pending.push(answer);
    return answer;
  };
  renderWithClient({ ...client, call }, <Reviewed />);
  const answered = () => act(async () => void (await Promise.all(pending)));
  const source = screen.getByRole('complementary', { name: 'Cleaned text of Pasted text' });
  const quotes = screen.getByRole('group', { name: /^\d+ quotes?/u });
  const open = (line: string) => {
    fireEvent.click(within(source).getByRole('button', { name: line }));
    return within(source).getByRole('group', { name: 'Use this line as' });
  };
  const field = (label: string, n: number) => within(quotes).getAllByLabelText(label)[n] as HTMLInputElement;
  const badge = (label: string, n: number) => field(label, n).closest('.field')!.querySelector('.certainty')?.textContent ?? null;
  return { source, quotes, open, field, badge, answered };
}

describe('a quote made in the review', () => {
  it('gets the speaker and role the importer reads beside its line, marked as a guess until the person changes it', async () => {
    const { open, field, badge } = await mount();
    // "she added": the speaker named in the line above.
    fireEvent.click(within(open(LINES[3]!)).getByRole('button', { name: 'Quote' }));
    expect(field('Quote 2', 0).value).toBe(LINES[3]);
    await waitFor(() => expect(field('Speaker', 1).value).toBe('Marie Dupont'));
    expect(field('Speaker’s role', 1).value).toBe('head of the Bukavu office');
    expect(badge('Speaker', 1)).toBe('Check this');
    expect(badge('Speaker’s role', 1)).toBe('Check this');
    // The quote the importer found keeps no mark: the badges are the guess's.
    expect(badge('Speaker', 0)).toBeNull();

    fireEvent.change(field('Speaker', 1), { target: { value: 'Marie Dupont-Kabila' } });
    expect(badge('Speaker', 1)).toBe('Set by you');
    expect(badge('Speaker’s role', 1)).toBe('Check this');
  });

  it('leaves the speaker empty, with no mark, where the text names nobody', async () => {
    const { open, field, badge, answered } = await mount();
    // A quote alone after a paragraph that quotes nobody: the importer gives it no speaker either.
    fireEvent.click(within(open(LINES[5]!)).getByRole('button', { name: 'Quote' }));
    expect(field('Quote 2', 0).value).toBe('Water is the first thing families ask for when they come back.');
    await answered();
    expect(field('Speaker', 1).value).toBe('');
    expect(badge('Speaker', 1)).toBeNull();
  });

  it('typed or pasted by hand, gets the speaker of the line it comes from, and loses it when it no longer matches any line', async () => {
    const { quotes, field, badge, answered } = await mount();
    fireEvent.click(within(quotes).getByRole('button', { name: 'Add a quote' }));
    const text = within(quotes).getByLabelText('Quote 2');
    // The attribution is on the next line of the source: read as the one sentence it is.
    fireEvent.change(text, { target: { value: 'The crews worked through the night to finish the pumps' } });
    await waitFor(() => expect(field('Speaker', 1).value).toBe('Jean Mukendi'));
    expect(badge('Speaker', 1)).toBe('Check this');
    fireEvent.change(text, { target: { value: 'Something nobody said in this release at all' } });
    expect(field('Speaker', 1).value).toBe('');
    expect(badge('Speaker', 1)).toBeNull();
    // A speaker the person typed first stays theirs.
    fireEvent.change(field('Speaker', 1), { target: { value: 'Amani Bisimwa' } });
    fireEvent.change(text, { target: { value: 'The crews worked through the night to finish the pumps' } });
    await answered();
    expect(field('Speaker', 1).value).toBe('Amani Bisimwa');
  });
});

describe('the source lines already quoted', () => {
  it('carry a mark with its words, and their "Quote" says the line is one already', async () => {
    const { source, open, quotes } = await mount();
    expect(within(source).getByRole('button', { name: LINES[2], description: 'In the body Already a quote' })).toBeTruthy();
    expect(within(source).getByTitle('Already a quote').textContent).toContain('❝');
    expect(within(source).getByRole('button', { name: LINES[3], description: 'In the body' })).toBeTruthy();

    const group = open(LINES[2]!);
    expect(within(group).queryByRole('button', { name: 'Quote' })).toBeNull();
    const taken = within(group).getByRole('button', { name: 'Already a quote' }) as HTMLButtonElement;
    expect(taken.disabled).toBe(true);
    fireEvent.click(taken);
    expect(within(quotes).getAllByLabelText(/^Quote \d+$/u)).toHaveLength(1);

    // A line made a quote is marked at once; removing the quote takes the mark away.
    fireEvent.keyDown(taken, { key: 'Escape' });
    fireEvent.click(within(open(LINES[5]!)).getByRole('button', { name: 'Quote' }));
    expect(within(source).getByRole('button', { name: LINES[5], description: 'In the body Already a quote' })).toBeTruthy();
    fireEvent.click(within(quotes).getByRole('button', { name: 'Remove quote 2' }));
    expect(within(source).getByRole('button', { name: LINES[5], description: 'In the body' })).toBeTruthy();
  });
});
