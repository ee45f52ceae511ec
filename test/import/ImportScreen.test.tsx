// @vitest-environment jsdom
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { ImportScreen } from '../../renderer/import/ImportScreen';
import { call, core } from '../core-harness';
import { renderWithCore } from '../renderer/with-core';
import { CORPUS_DIR, buildDocx } from './corpus-helpers';
import { ROUNDUP } from './helpers';

/**
 * The review screen against a real core (real worker, real SQLite): paste, fix a field,
 * confirm, and find the release stored; discard stores nothing; a bad file says why.
 */

afterEach(cleanup);

async function mount() {
  const c = await core();
  renderWithCore(c, <ImportScreen />, 'test');
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
    // The release gives no date: Store says so once, then stores without one.
    expect(screen.getByRole('alert').textContent).toMatch(/no date/u);
    fireEvent.click(screen.getByRole('button', { name: 'Store without a date' }));
    await screen.findByText('Stored, with 1 new contact.', {}, { timeout: 15_000 });
    const list = await call<{ items: { id: string; headline: string }[] }>(c, 'release.list', { limit: 10 });
    expect(list.items.map((r) => r.headline)).toEqual(['Clean water for 40,000 people in Kasese']);
    expect(await counts(c)).toMatchObject({ release: 1, contact: 1, attachment: 1 });
    expect(screen.getByRole('link', { name: 'Open the release “Clean water for 40,000 people in Kasese”' }).getAttribute('href')).toBe(`#/releases/${list.items[0]!.id}`);
    // The pasted original is kept under the release's headline, not as one more "Pasted text".
    const original = await call<{ items: { originalName: string }[] }>(c, 'attachment.list', { release: list.items[0]!.id, limit: 10 });
    expect(original.items.map((a) => a.originalName)).toEqual(['Clean water for 40,000 people in Kasese.txt']);
  });

  it('marks a field the person set, from the cleaned source or by typing, as set by them rather than with the importer\'s confidence', async () => {
    await mount();
    fireEvent.change(screen.getByLabelText('Paste a release'), { target: { value: readFileSync(join(CORPUS_DIR, '01-en-menu-sentence-contact.txt'), 'utf8') } });
    fireEvent.click(screen.getByRole('button', { name: 'Read pasted text' }));
    const headline = (await screen.findByLabelText('Headline', {}, { timeout: 20_000 })) as HTMLInputElement;
    const badge = (label: string) => screen.getByLabelText(label).closest('.field')!.querySelector('.certainty')?.textContent ?? null;
    expect(badge('Headline')).toBe('Found');
    expect(badge('Dateline place')).toBe('Found');
    expect(badge('Subheadline')).toBeNull();

    const source = screen.getByRole('complementary', { name: 'Cleaned text of Pasted text' });
    const use = (line: string, as: string) => {
      fireEvent.click(within(source).getAllByRole('button', { name: line })[0]!);
      fireEvent.click(within(source).getByRole('button', { name: as }));
    };
    use('Our Work', 'Headline');
    expect(headline.value).toBe('Our Work');
    expect(badge('Headline')).toBe('Set by you');
    expect(headline.closest('.field')!.className).not.toContain('doubtful');
    use('Take Action', 'Dateline');
    expect(badge('Dateline place')).toBe('Set by you');
    fireEvent.change(screen.getByLabelText('Subheadline'), { target: { value: 'Twelve boreholes in three months' } });
    expect(badge('Subheadline')).toBe('Set by you');
    fireEvent.change(screen.getByLabelText('Release date'), { target: { value: '2026-04-02' } });
    expect(badge('Release date')).toBe('Set by you');
    expect(badge('Language')).toBeNull();
    // The contacts as a whole: one removed, the list is the person's.
    const contacts = screen.getByRole('group', { name: /media contact/u });
    expect(within(contacts).getByText('Found')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove John Smith' }));
    expect(within(contacts).getByText('Set by you')).toBeTruthy();

    // Put back to what the importer read, the field is the importer's again.
    fireEvent.change(headline, { target: { value: '  Clean water reaches 40,000 people in Kasese as floods recede ' } });
    expect(badge('Headline')).toBe('Found');
  });

  it('discards a review with Undo in its place, which brings the review back as the person left it; nothing is stored', async () => {
    const c = await mount();
    fireEvent.change(screen.getByLabelText('Paste a release'), { target: { value: readFileSync(join(CORPUS_DIR, '01-en-menu-sentence-contact.txt'), 'utf8') } });
    fireEvent.click(screen.getByRole('button', { name: 'Read pasted text' }));
    const headline = (await screen.findByLabelText('Headline', {}, { timeout: 15_000 })) as HTMLInputElement;
    // The paste box is empty once read: the review is all there is of the text.
    expect((screen.getByLabelText('Paste a release') as HTMLTextAreaElement).value).toBe('');
    fireEvent.change(headline, { target: { value: 'Clean water for 40,000 people in Kasese' } });

    fireEvent.click(screen.getByRole('button', { name: 'Discard' }));
    expect(screen.queryByLabelText('Headline')).toBeNull();
    const item = screen.getByRole('region', { name: 'Import of Pasted text' });
    expect(within(item).getByRole('status').textContent).toContain('Discarded: nothing was stored.');
    const undo = within(item).getByRole('button', { name: 'Undo: bring back the review of “Pasted text”' });
    await waitFor(() => expect(document.activeElement).toBe(undo));
    expect(await counts(c)).toMatchObject({ release: 0, contact: 0, attachment: 0 });

    fireEvent.click(undo);
    expect((screen.getByLabelText('Headline') as HTMLInputElement).value).toBe('Clean water for 40,000 people in Kasese');
    expect(screen.queryByText('Discarded: nothing was stored.')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(within(item).getByRole('heading', { name: 'Pasted text' })));
    expect(await counts(c)).toMatchObject({ release: 0 });
  });

  it('takes a quote, a subheadline and the release date from lines of the source, and adds a quote written by hand', async () => {
    const c = await mount();
    const text = `${readFileSync(join(CORPUS_DIR, '01-en-menu-sentence-contact.txt'), 'utf8').trim()}\nPage last updated on 3 April 2026`;
    fireEvent.change(screen.getByLabelText('Paste a release'), { target: { value: text } });
    fireEvent.click(screen.getByRole('button', { name: 'Read pasted text' }));
    await screen.findByLabelText('Headline', {}, { timeout: 15_000 });
    expect((screen.getByLabelText('Release date') as HTMLInputElement).value).toBe('');
    const source = screen.getByRole('complementary', { name: 'Cleaned text of Pasted text' });
    const choices = (line: RegExp) => {
      fireEvent.click(within(source).getAllByRole('button', { name: line })[0]!);
      return within(within(source).getByRole('group', { name: 'Use this line as' })).getAllByRole('button').map((b) => b.textContent);
    };
    const choose = (name: string) => fireEvent.click(within(within(source).getByRole('group', { name: 'Use this line as' })).getByRole('button', { name }));

    // A line with no date in it does not offer to be the release date.
    expect(choices(/^Take Action$/u)).not.toContain('Release date');
    choose('Subheadline');
    expect((screen.getByLabelText('Subheadline') as HTMLInputElement).value).toBe('Take Action');
    expect(choices(/^Page last updated/u)).toContain('Release date');
    choose('Release date');
    expect((screen.getByLabelText('Release date') as HTMLInputElement).value).not.toBe('');

    const quotes = screen.getByRole('group', { name: /^\d+ quotes?/u });
    const before = within(quotes).getAllByLabelText(/^Quote \d+$/u).length;
    choices(/^Nearly a third/u);
    choose('Quote');
    const taken = within(quotes).getAllByLabelText(/^Quote \d+$/u);
    expect(taken).toHaveLength(before + 1);
    expect((taken.at(-1) as HTMLTextAreaElement).value).toMatch(/^Nearly a third of the district/u);
    fireEvent.change(within(quotes).getAllByLabelText('Speaker').at(-1)!, { target: { value: 'Jane Doe' } });

    fireEvent.click(within(quotes).getByRole('button', { name: 'Add a quote' }));
    const added = within(quotes).getAllByLabelText(/^Quote \d+$/u).at(-1) as HTMLTextAreaElement;
    expect(added.value).toBe('');
    await waitFor(() => expect(document.activeElement).toBe(added));
    fireEvent.change(added, { target: { value: 'We will stay as long as we are needed.' } });
    fireEvent.change(within(quotes).getAllByLabelText('Speaker').at(-1)!, { target: { value: 'John Smith' } });

    fireEvent.click(screen.getByRole('button', { name: 'Confirm and store' }));
    await screen.findByText(/^Stored, with/u, {}, { timeout: 15_000 });
    const [item] = (await call<{ items: { id: string }[] }>(c, 'release.list', { limit: 10 })).items;
    const stored = await call<{ subheadline: string; releaseDate: string; quotes: { speaker: string | null; text: string }[] }>(c, 'release.get', { id: item!.id });
    expect(stored.subheadline).toBe('Take Action');
    expect(stored.releaseDate).toBe('2026-04-03');
    expect(stored.quotes.slice(-2)).toEqual([
      expect.objectContaining({ speaker: 'Jane Doe', text: expect.stringMatching(/^Nearly a third of the district/u) }),
      expect.objectContaining({ speaker: 'John Smith', text: 'We will stay as long as we are needed.' }),
    ]);
  });

  it('brings each new paste into view and gives it the focus: a second one lands under the first, below the window', async () => {
    await mount();
    const paste = (text: string) => {
      fireEvent.change(screen.getByLabelText('Paste a release'), { target: { value: text } });
      fireEvent.click(screen.getByRole('button', { name: 'Read pasted text' }));
    };
    paste(readFileSync(join(CORPUS_DIR, '01-en-menu-sentence-contact.txt'), 'utf8'));
    await screen.findByLabelText('Headline', {}, { timeout: 15_000 });
    const [first] = screen.getAllByRole('heading', { level: 2, name: 'Pasted text' });
    expect(document.activeElement).toBe(first);
    paste(readFileSync(join(CORPUS_DIR, '02-en-hardwrapped-email.txt'), 'utf8'));
    await waitFor(() => expect(screen.getAllByLabelText('Headline')).toHaveLength(2), { timeout: 15_000 });
    const headings = screen.getAllByRole('heading', { level: 2, name: 'Pasted text' });
    expect(headings).toHaveLength(2);
    expect(document.activeElement).toBe(headings[1]);
  });

  it('says a release is already in the library before storing it again, links to it, and stores a second copy only when asked', async () => {
    const c = await mount();
    const text = readFileSync(join(CORPUS_DIR, '02-en-hardwrapped-email.txt'), 'utf8');
    const paste = () => {
      fireEvent.change(screen.getByLabelText('Paste a release'), { target: { value: text } });
      fireEvent.click(screen.getByRole('button', { name: 'Read pasted text' }));
    };
    paste();
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm and store' }, { timeout: 15_000 }));
    await screen.findByText(/^Stored, with/u, {}, { timeout: 15_000 });
    const [first] = (await call<{ items: { id: string; headline: string }[] }>(c, 'release.list', { limit: 10 })).items;

    paste();
    const notice = await screen.findByText(/^Already in the library:/u, {}, { timeout: 15_000 });
    expect(notice.textContent).toContain(`“${first!.headline}”, stored `);
    expect(within(notice).getByRole('link', { name: 'Open it' }).getAttribute('href')).toBe(`#/releases/${first!.id}`);
    expect(screen.queryByRole('button', { name: 'Confirm and store' })).toBeNull();
    expect(await counts(c)).toMatchObject({ release: 1 });

    fireEvent.click(screen.getByRole('button', { name: 'Store anyway' }));
    await waitFor(() => expect(screen.getAllByText(/^Stored, with/u)).toHaveLength(2), { timeout: 15_000 });
    expect(await counts(c)).toMatchObject({ release: 2 });
  });

  it('follows the release as it will be stored: the warning goes when the headline is edited away from the same release, and comes back with it', async () => {
    const c = await mount();
    const text = readFileSync(join(CORPUS_DIR, '02-en-hardwrapped-email.txt'), 'utf8');
    const paste = (value: string) => {
      fireEvent.change(screen.getByLabelText('Paste a release'), { target: { value } });
      fireEvent.click(screen.getByRole('button', { name: 'Read pasted text' }));
    };
    paste(text);
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm and store' }, { timeout: 30_000 }));
    await screen.findByText(/^Stored, with/u, {}, { timeout: 30_000 });

    // The same text with other spacing: another original, the same release by its headline and body.
    paste(`${text}\n\n`);
    await screen.findByText(/^Already in the library:/u, {}, { timeout: 30_000 });
    const headline = screen.getByLabelText('Headline') as HTMLInputElement;
    const read = headline.value;
    fireEvent.change(headline, { target: { value: `${read} (second phase)` } });
    expect(screen.queryByText(/^Already in the library:/u)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Store anyway' })).toBeNull();
    fireEvent.change(headline, { target: { value: `  ${read} ` } });
    expect(screen.getByText(/^Already in the library:/u)).toBeTruthy();
    fireEvent.change(headline, { target: { value: `${read} (second phase)` } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm and store' }));
    await waitFor(() => expect(screen.getAllByText(/^Stored, with/u)).toHaveLength(2), { timeout: 30_000 });
    expect(await counts(c)).toMatchObject({ release: 2 });

    // The very same original: edited, it is a different release, but the original is still the
    // one imported before, and the warning says so.
    paste(text);
    await screen.findByText(/^Already in the library:/u, {}, { timeout: 30_000 });
    const third = screen.getAllByLabelText('Headline').at(-1) as HTMLInputElement;
    fireEvent.change(third, { target: { value: 'Boreholes, a year on' } });
    expect(screen.queryByText(/^Already in the library:/u)).toBeNull();
    expect(screen.getByText(/^Imported before from the same original:/u).textContent).toContain(`“${read}”`);
    expect(screen.getByRole('button', { name: 'Store anyway' })).toBeTruthy();
  }, 120_000);

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

  it('sends a contacts file (CSV or vCard) to the contacts import rather than to a dead end', async () => {
    const c = await mount();
    const files = [
      new File(['First Name,Last Name,E-mail Address\nAmina,Haddad,amina@example.net\n'], 'press list.csv', { type: 'text/csv' }),
      new File(['BEGIN:VCARD\nVERSION:3.0\nFN:Amina Haddad\nEND:VCARD\n'], 'amina.vcf'),
      new File(['%PDF-1.7'], 'kit.pdf', { type: 'application/pdf' }),
    ];
    fireEvent.change(screen.getByLabelText(/Choose files/), { target: { files } });
    for (const name of ['press list.csv', 'amina.vcf']) {
      const item = await screen.findByRole('region', { name: `Import of ${name}` });
      expect(within(item).getByRole('alert').textContent).toContain(`“${name}” holds contacts, not a release`);
      expect(within(item).getByRole('link', { name: 'Import contacts' }).getAttribute('href')).toBe('#/contacts/import');
    }
    // Any other file is told which files release import takes, with no link.
    const pdf = await screen.findByRole('region', { name: 'Import of kit.pdf' });
    expect(within(pdf).getByRole('alert').textContent).toContain('is not a file Dateline imports releases from');
    expect(within(pdf).queryByRole('link')).toBeNull();
    expect(await counts(c)).toMatchObject({ release: 0, contact: 0 });
  });

  it('says how far it is through several files, can stop after the current one, and sums them up', async () => {
    const c = await mount();
    const text = readFileSync(join(CORPUS_DIR, '02-en-hardwrapped-email.txt'), 'utf8');
    fireEvent.change(screen.getByLabelText('Paste a release'), { target: { value: text } });
    fireEvent.click(screen.getByRole('button', { name: 'Read pasted text' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm and store' }, { timeout: 15_000 }));
    await screen.findByText(/^Stored, with/u, {}, { timeout: 15_000 });

    const docx = await buildDocx(JSON.parse(readFileSync(join(CORPUS_DIR, '12-en-word.docx.json'), 'utf8')));
    const files = () => [
      new File([text], 'again.txt', { type: 'text/plain' }),
      new File([new Uint8Array(docx)], 'tillaberi.docx'),
      new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])], 'photo.docx'),
    ];
    fireEvent.change(screen.getByLabelText(/Choose files/), { target: { files: files() } });
    expect(screen.getByText('Reading file 1 of 3…')).toBeTruthy();
    await screen.findByText('Files read: 3 of 3 · To review: 1 · Already in the library: 1 · Could not be read: 1', {}, { timeout: 30_000 });
    expect(screen.queryByRole('button', { name: 'Stop after this file' })).toBeNull();
    expect(screen.getAllByRole('region', { name: /^Import of / }).map((r) => r.getAttribute('aria-label'))).toEqual([
      'Import of Pasted text',
      'Import of again.txt',
      'Import of tillaberi.docx',
      'Import of photo.docx',
    ]);

    // Stopped while the first file is read: that one is finished, the others are left.
    fireEvent.change(screen.getByLabelText(/Choose files/), { target: { files: files() } });
    fireEvent.click(screen.getByRole('button', { name: 'Stop after this file' }));
    expect(screen.getByText('Stopping after this file…')).toBeTruthy();
    await screen.findByText('Stopped. Files read: 1 of 3 · To review: 0 · Already in the library: 1 · Could not be read: 0', {}, { timeout: 30_000 });
    expect(screen.getAllByRole('region', { name: 'Import of again.txt' })).toHaveLength(2);
    expect(screen.getAllByRole('region', { name: 'Import of tillaberi.docx' })).toHaveLength(1);
    expect(await counts(c)).toMatchObject({ release: 1 });
  }, 90_000);

  it('keeps the summary of several files in step with each one: stored, discarded, and back to review after Undo', async () => {
    await mount();
    const docx = await buildDocx(JSON.parse(readFileSync(join(CORPUS_DIR, '12-en-word.docx.json'), 'utf8')));
    const files = [new File([readFileSync(join(CORPUS_DIR, '02-en-hardwrapped-email.txt'), 'utf8')], 'boreholes.txt', { type: 'text/plain' }), new File([new Uint8Array(docx)], 'tillaberi.docx')];
    fireEvent.change(screen.getByLabelText(/Choose files/), { target: { files } });
    await screen.findByText('Files read: 2 of 2 · To review: 2 · Already in the library: 0 · Could not be read: 0', {}, { timeout: 30_000 });

    const first = screen.getByRole('region', { name: 'Import of boreholes.txt' });
    fireEvent.click(within(first).getByRole('button', { name: 'Confirm and store' }));
    await within(first).findByText(/^Stored, with/u, {}, { timeout: 15_000 });
    expect(screen.getByText('Files read: 2 of 2 · To review: 1 · Already in the library: 0 · Could not be read: 0 · Stored: 1')).toBeTruthy();

    const second = screen.getByRole('region', { name: 'Import of tillaberi.docx' });
    fireEvent.click(within(second).getByRole('button', { name: 'Discard' }));
    expect(screen.getByText('Files read: 2 of 2 · To review: 0 · Already in the library: 0 · Could not be read: 0 · Stored: 1 · Discarded: 1')).toBeTruthy();
    fireEvent.click(within(second).getByRole('button', { name: /^Undo/u }));
    expect(screen.getByText('Files read: 2 of 2 · To review: 1 · Already in the library: 0 · Could not be read: 0 · Stored: 1')).toBeTruthy();
  }, 60_000);

  it('says why a page with no release was refused, with what it saw there (read in the worker)', async () => {
    await mount();
    const teaser = 'Teams reached families in the district this week with water, food and shelter, and are now assessing the villages further up the valley.';
    const titles = ['Floods cut off three districts as rivers rise in the east', 'Clinics reopen in the north after two years', 'A survey maps the households most at risk', 'Volunteers train to answer the cholera hotline'];
    const page = ['News releases', 'The latest statements from our teams.', ...titles.flatMap((title) => [title, teaser])].join('\n');
    fireEvent.change(screen.getByLabelText('Paste a release'), { target: { value: page } });
    fireEvent.click(screen.getByRole('button', { name: 'Read pasted text' }));
    const refused = await screen.findByText(/^This page holds no single release/u, {}, { timeout: 15_000 });
    expect(refused.textContent).toBe(
      'This page holds no single release: it lists 4 items, like a news index or a search result page. Open the release itself and import that page, or copy the release’s own text alone and paste it; nothing was imported.',
    );
  });

  it('offers "Import it anyway" for a page refused as no release, and for no other refusal; it opens the usual review', async () => {
    const c = await mount();
    fireEvent.change(screen.getByLabelText(/Choose files/), { target: { files: [new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])], 'photo.docx')] } });
    const picture = await screen.findByRole('region', { name: 'Import of photo.docx' });
    await within(picture).findByText(/PNG image/u, {}, { timeout: 15_000 });
    expect(within(picture).queryByRole('button', { name: 'Import it anyway' })).toBeNull();

    fireEvent.change(screen.getByLabelText('Paste a release'), { target: { value: ROUNDUP } });
    fireEvent.click(screen.getByRole('button', { name: 'Read pasted text' }));
    const pasted = screen.getByRole('region', { name: 'Import of Pasted text' });
    await within(pasted).findByText(/^This page holds no single release/u, {}, { timeout: 15_000 });
    expect(within(pasted).getByText(/If this page is one release, import it anyway/u)).toBeTruthy();
    fireEvent.click(within(pasted).getByRole('button', { name: 'Import it anyway' }));
    // The keyboard's place is kept on the item while it is read again.
    expect(document.activeElement).toBe(within(pasted).getByRole('heading', { name: 'Pasted text' }));
    const headline = (await within(pasted).findByLabelText('Headline', {}, { timeout: 15_000 })) as HTMLInputElement;
    expect(headline.value).toBe('What the winter appeal paid for in the valley');
    expect(within(pasted).queryByText(/^This page holds no single release/u)).toBeNull();
    expect(await counts(c)).toMatchObject({ release: 0, attachment: 0 });

    fireEvent.click(within(pasted).getByRole('button', { name: 'Confirm and store' }));
    fireEvent.click(within(pasted).getByRole('button', { name: 'Store without a date' }));
    await within(pasted).findByText(/^Stored/u, {}, { timeout: 15_000 });
    const list = await call<{ items: { id: string; headline: string }[] }>(c, 'release.list', { limit: 10 });
    expect(list.items.map((r) => r.headline)).toEqual(['What the winter appeal paid for in the valley']);
    // The original is kept as pasted, the person's answer no part of it.
    const files = await call<{ items: { id: string }[] }>(c, 'attachment.list', { release: list.items[0]!.id, limit: 10 });
    const original = await call<{ data: string }>(c, 'attachment.content', { id: files.items[0]!.id });
    expect(Buffer.from(original.data, 'base64').toString('utf8')).toBe(ROUNDUP);
  });
});

const EXAMPLE = join(import.meta.dirname, '..', '..', '..', 'shared', 'examples', 'iom-release-scraped.txt');

describe.runIf(existsSync(EXAMPLE))('the review of the scraped IOM release', () => {
  it('shows the release exactly, says how sure it is, fixes a field in one click, and refuses or warns before storing', async () => {
    const c = await mount();
    fireEvent.change(screen.getByLabelText('Paste a release'), { target: { value: readFileSync(EXAMPLE, 'utf8') } });
    fireEvent.click(screen.getByRole('button', { name: 'Read pasted text' }));
    const headline = (await screen.findByLabelText('Headline', {}, { timeout: 20_000 })) as HTMLInputElement;
    expect(headline.value).toBe('IOM, United Cities and Local Governments Highlight Importance of Migration Governance in Cities');
    expect((screen.getByLabelText('Dateline place') as HTMLInputElement).value).toBe('Switzerland');
    expect((screen.getByLabelText('Release date') as HTMLInputElement).value).toBe('');
    expect(screen.getByText('No release date was found; set one before storing.')).toBeTruthy();
    const body = (screen.getByLabelText('Body (a blank line between paragraphs)') as HTMLTextAreaElement).value.split('\n\n');
    expect(body[0]).toMatch(/^IOM took part in the 5th World Summit/u);
    expect(body[body.length - 1]).toMatch(/migration provisions of the New Urban Agenda\.$/u);
    expect(body.join(' ')).not.toMatch(/Partnerships|WHO WE ARE|Work with us/u);
    expect((screen.getByLabelText('Speaker') as HTMLInputElement).value).toBe('Marcelo Pisani');
    // The speaker's role is shown beside the name, and the quote whole in a box of its own width.
    expect((screen.getByLabelText('Speaker’s role') as HTMLInputElement).value).toBe("IOM's Regional Director for Central America, North America and the Caribbean");
    expect((screen.getByLabelText('Quote 1') as HTMLTextAreaElement).value).toMatch(/^Mayors and local authorities have a crucial role/u);
    expect(screen.getByRole('button', { name: 'Remove quote 1' })).toBeTruthy();
    expect((screen.getByLabelText('E-mail') as HTMLInputElement).value).toBe('ipopp@iom.int');
    // Each graded field says how sure the importer is; the missing date is marked.
    const dateField = screen.getByLabelText('Release date').closest('.field')!;
    expect(dateField.className).toContain('doubtful');
    expect(within(dateField as HTMLElement).getByText('Not found')).toBeTruthy();
    expect(within(headline.closest('.field') as HTMLElement).getByText('Found')).toBeTruthy();

    // One click on a line of the source, one on the choice: the line becomes the headline.
    const source = screen.getByRole('complementary', { name: 'Cleaned text of Pasted text' });
    fireEvent.click(within(source).getAllByRole('button', { name: 'Partnerships' })[0]!);
    fireEvent.click(within(source).getByRole('button', { name: 'Headline' }));
    expect(headline.value).toBe('Partnerships');
    // A headline with no letters is refused; a missing date is warned about once.
    fireEvent.change(headline, { target: { value: '-' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm and store' }));
    expect(screen.getByRole('alert').textContent).toMatch(/headline has no letters/u);
    fireEvent.change(headline, { target: { value: 'IOM and UCLG highlight migration governance in cities' } });
    fireEvent.change(screen.getByLabelText('Speaker’s role'), { target: { value: 'IOM Regional Director for Central America, North America and the Caribbean' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm and store' }));
    expect(screen.getByRole('alert').textContent).toMatch(/no date/u);
    expect(await counts(c)).toMatchObject({ release: 0 });
    fireEvent.click(screen.getByRole('button', { name: 'Store without a date' }));
    await screen.findByText('Stored, with 1 new contact.', {}, { timeout: 20_000 });
    const list = await call<{ items: { id: string }[] }>(c, 'release.list', { limit: 10 });
    const stored = await call<{ headline: string; quotes: { speaker: string; role: string | null; text: string }[] }>(c, 'release.get', { id: list.items[0]!.id });
    expect(stored.headline).toBe('IOM and UCLG highlight migration governance in cities');
    // The quote is kept once, as a quote, with its speaker's role.
    expect(stored.quotes).toHaveLength(1);
    expect(stored.quotes[0]).toMatchObject({ speaker: 'Marcelo Pisani', role: 'IOM Regional Director for Central America, North America and the Caribbean' });
  });

  it('makes a media contact of a sentence in one click: the person in it, listed once', async () => {
    await mount();
    fireEvent.change(screen.getByLabelText('Paste a release'), { target: { value: readFileSync(EXAMPLE, 'utf8') } });
    fireEvent.click(screen.getByRole('button', { name: 'Read pasted text' }));
    await screen.findByLabelText('Headline', {}, { timeout: 20_000 });
    const source = screen.getByRole('complementary', { name: 'Cleaned text of Pasted text' });
    const useAsContact = async (line: RegExp) => {
      fireEvent.click(within(source).getAllByRole('button', { name: line })[0]!);
      fireEvent.click(within(source).getByRole('button', { name: 'Media contact' }));
    };
    const names = () => screen.getAllByLabelText('Name').map((e) => (e as HTMLInputElement).value);

    // The contact the importer found, removed, then taken from its line: the person, not the sentence.
    fireEvent.click(screen.getByRole('button', { name: 'Remove Ioana Popp' }));
    await useAsContact(/^For further information/u);
    await waitFor(() => expect(names()).toEqual(['Ioana Popp']));
    expect((screen.getByLabelText('Organisation') as HTMLInputElement).value).toBe('IOM Geneva');
    expect((screen.getByLabelText('E-mail') as HTMLInputElement).value).toBe('ipopp@iom.int');
    // Taken again: still one person. A line with nobody in it says so and adds nobody.
    await useAsContact(/^For further information/u);
    await useAsContact(/^Partnerships$/u);
    await screen.findByText('No name, e-mail address or phone number was found in that line.');
    expect(names()).toEqual(['Ioana Popp']);
  });

  it('takes back the warning about a missing date once the person sets one', async () => {
    await mount();
    fireEvent.change(screen.getByLabelText('Paste a release'), { target: { value: readFileSync(EXAMPLE, 'utf8') } });
    fireEvent.click(screen.getByRole('button', { name: 'Read pasted text' }));
    await screen.findByLabelText('Headline', {}, { timeout: 20_000 });
    expect(screen.queryByText('No release date was found; set one before storing.')).not.toBeNull();
    expect(screen.queryByText('Not found')).not.toBeNull();
    fireEvent.change(screen.getByLabelText('Release date'), { target: { value: '2016-10-14' } });
    expect(screen.queryByText('No release date was found; set one before storing.')).toBeNull();
    // The field is no longer marked as not found: it holds the date the person gave.
    expect(screen.queryByText('Not found')).toBeNull();
    // Cleared again, it is missing again.
    fireEvent.change(screen.getByLabelText('Release date'), { target: { value: '' } });
    expect(screen.queryByText('No release date was found; set one before storing.')).not.toBeNull();
    expect(screen.queryByText('Not found')).not.toBeNull();
  });
});
