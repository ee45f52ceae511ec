import { describe, expect, it } from 'vitest';
import type { ReleaseForm } from '../../renderer/import/draft';
import { readDateEntry } from '../../renderer/i18n/date-entry';
import {
  addContactLine,
  applySourceAction,
  dateInLine,
  lineHoldsQuote,
  lineRoles,
  quoteContext,
  quotedLines,
  quoteOfLine,
  sourceActionsFor,
  splitDateline,
  withQuoteText,
  withSpeakerGuess,
} from '../../renderer/import/source-actions';

/** One click on a line of the source sets a field: the rules behind the review screen's source pane. */

const LINES = [
  'Who we are',
  'Partnerships',
  'Wells reopen in the valley after the floods',
  'KASESE – The organisation reopened twelve wells on Tuesday, bringing water back to 9,000 people.',
  'Repairs took three weeks and were done by local crews trained last year.',
  'Share this page',
  'For information: Jane Roe, jroe@example.org, +256 700 000 000',
];

const form = (over: Partial<ReleaseForm> = {}): ReleaseForm => ({
  headline: 'Partnerships',
  subheadline: '',
  datelinePlace: '',
  releaseDate: '',
  embargoAt: '',
  embargoTimeZone: '',
  embargoText: '',
  language: 'en',
  body: [LINES[1], LINES[3], LINES[4], LINES[5]].join('\n\n'),
  quotes: [],
  notesToEditors: '',
  boilerplate: '',
  endMark: '',
  ...over,
});

describe('source line actions', () => {
  it('sets the headline and takes the dateline out of the paragraph it opens', () => {
    let r = applySourceAction('headline', 2, LINES, form(), []).release;
    expect(r.headline).toBe('Wells reopen in the valley after the floods');
    r = applySourceAction('dateline', 3, LINES, r, []).release;
    expect(r.datelinePlace).toBe('KASESE');
    expect(r.body.split('\n\n')[1]).toBe('The organisation reopened twelve wells on Tuesday, bringing water back to 9,000 people.');
  });

  it('starts and ends the body at the lines clicked, and drops a line from it', () => {
    let r = applySourceAction('firstParagraph', 3, LINES, form(), []).release;
    expect(r.body.split('\n\n')).toEqual([LINES[3], LINES[4], LINES[5]]);
    r = applySourceAction('lastParagraph', 4, LINES, r, []).release;
    expect(r.body.split('\n\n')).toEqual([LINES[3], LINES[4]]);
    r = applySourceAction('drop', 3, LINES, r, []).release;
    expect(r.body.split('\n\n')).toEqual([LINES[4]]);
  });

  it('keeps a dropped paragraph out when the first or last paragraph moves', () => {
    // The body as read: the dateline paragraph, the repairs, then a line the person drops.
    let r = form({ body: [LINES[3], LINES[4], LINES[5]].join('\n\n') });
    r = applySourceAction('drop', 4, LINES, r, []).release;
    expect(r.body.split('\n\n')).toEqual([LINES[3], LINES[5]]);
    // Starting the body one line earlier adds that line, and only that line.
    r = applySourceAction('firstParagraph', 2, LINES, r, []).release;
    expect(r.body.split('\n\n')).toEqual([LINES[2], LINES[3], LINES[5]]);
    // Starting it later again, and ending it later, leave the dropped line out.
    r = applySourceAction('firstParagraph', 3, LINES, r, []).release;
    expect(r.body.split('\n\n')).toEqual([LINES[3], LINES[5]]);
    r = applySourceAction('lastParagraph', 6, LINES, r, []).release;
    expect(r.body.split('\n\n')).toEqual([LINES[3], LINES[5], LINES[6]]);
    r = applySourceAction('lastParagraph', 5, LINES, r, []).release;
    expect(r.body.split('\n\n')).toEqual([LINES[3], LINES[5]]);
  });

  it('puts a paragraph left out back in its place, and leaves a body that has it as it is', () => {
    let r = form({ datelinePlace: 'KASESE', body: ['The organisation reopened twelve wells on Tuesday, bringing water back to 9,000 people.', LINES[4], LINES[5]].join('\n\n') });
    r = applySourceAction('drop', 4, LINES, r, []).release;
    r = applySourceAction('add', 4, LINES, r, []).release;
    expect(r.body.split('\n\n')).toEqual(['The organisation reopened twelve wells on Tuesday, bringing water back to 9,000 people.', LINES[4], LINES[5]]);
    expect(applySourceAction('add', 4, LINES, r, []).release).toEqual(r);
    // The dateline paragraph comes back without the place already read; a line after the body joins its end.
    r = applySourceAction('drop', 3, LINES, r, []).release;
    r = applySourceAction('add', 3, LINES, r, []).release;
    expect(r.body.split('\n\n')[0]).toBe('The organisation reopened twelve wells on Tuesday, bringing water back to 9,000 people.');
    expect(applySourceAction('add', 6, LINES, r, []).release.body.split('\n\n').at(-1)).toBe(LINES[6]);
  });

  it('offers to leave out a line of the body, and to add one that is not in it', () => {
    expect(sourceActionsFor('body')).toEqual(['headline', 'subheadline', 'dateline', 'firstParagraph', 'lastParagraph', 'quote', 'contact', 'drop']);
    expect(sourceActionsFor(null)).toEqual(['headline', 'subheadline', 'dateline', 'firstParagraph', 'lastParagraph', 'quote', 'contact', 'add']);
    expect(sourceActionsFor('headline')).toEqual(['headline', 'subheadline', 'dateline', 'firstParagraph', 'lastParagraph', 'quote', 'contact', 'add']);
    // The release date only from a line a date is read in.
    expect(sourceActionsFor(null, true)).toEqual(['headline', 'subheadline', 'dateline', 'date', 'firstParagraph', 'lastParagraph', 'quote', 'contact', 'add']);
  });

  it('makes a line the subheadline, or a quote whose speaker is left to the person, the body as it was', () => {
    const quoted = '“Water is the first thing families ask for when they come back,” said Jane Doe. “Every borehole counts.”';
    const lines = [...LINES, quoted, '“Every borehole we drill means fewer children falling ill.”'];
    let r = applySourceAction('subheadline', 4, lines, form(), []).release;
    expect(r.subheadline).toBe(LINES[4]);
    r = applySourceAction('quote', 7, lines, r, []).release;
    expect(r.quotes).toEqual([{ speaker: '', role: '', text: quoted }]);
    // A line that is one quotation loses its marks; a line already quoted is not quoted twice.
    r = applySourceAction('quote', 8, lines, r, []).release;
    expect(r.quotes.map((q) => q.text)).toEqual([quoted, 'Every borehole we drill means fewer children falling ill.']);
    expect(applySourceAction('quote', 8, lines, r, []).release).toEqual(r);
    expect(r.body).toBe(form().body);
  });

  it('keeps the marks of a line that holds more than one quotation, and an apostrophe inside one', () => {
    expect(quoteOfLine(' «Nous reconstruisons», a dit Marie. «Ensemble.» ')).toBe('«Nous reconstruisons», a dit Marie. «Ensemble.»');
    expect(quoteOfLine('“It’s the first rain in a year.”')).toBe('It’s the first rain in a year.');
    expect(quoteOfLine('Water came back on Tuesday.')).toBe('Water came back on Tuesday.');
  });

  it('finds the date in a line as dates are typed in the release date box, in any of the interface\'s languages', () => {
    const read = (text: string) => {
      const d = readDateEntry(text, 'en', 'dayMonth', []);
      return d.kind === 'date' ? d.iso : null;
    };
    expect(dateInLine('14 May 2026', read)).toBe('2026-05-14');
    expect(dateInLine('KISUMU, 2 June 2026 – A ten-day cholera vaccination campaign reached 90,000 people.', read)).toBe('2026-06-02');
    expect(dateInLine('Published on May 14, 2026 by the press office', read)).toBe('2026-05-14');
    expect(dateInLine('GINEBRA (24 de diciembre de 2026) – La organización…', read)).toBe('2026-12-24');
    expect(dateInLine('Last updated: 2026-03-12.', read)).toBe('2026-03-12');
    expect(dateInLine('جنيف، 5 كانون الأول 2026 – وصلت الفرق', read)).toBe('2026-12-05');
    // Numbers alone are no date: 12,000 people in 2026 is not one.
    expect(dateInLine('Floods cut off 12,000 people in 2026 and 2027', read)).toBeNull();
    expect(dateInLine('Who we are', read)).toBeNull();
  });

  it('leaves the dateline already read out of a first paragraph set on its line', () => {
    const read = form({ datelinePlace: 'Kasese', body: [LINES[4]].join('\n\n') });
    const r = applySourceAction('firstParagraph', 3, LINES, read, []).release;
    expect(r.body.split('\n\n')).toEqual(['The organisation reopened twelve wells on Tuesday, bringing water back to 9,000 people.', LINES[4]]);
    // With no dateline read yet, the line is kept whole: the person may still click Dateline on it.
    expect(applySourceAction('firstParagraph', 3, LINES, form({ body: LINES[4] }), []).release.body.split('\n\n')[0]).toBe(LINES[3]);
  });

  it('adds the people read from a contact line, fills in one already listed instead of listing them twice, and takes the line out of the body', () => {
    const listed = { name: 'Jane Roe', role: null, organisation: null, email: 'jroe@example.org', phone: null, match: null };
    const read = [
      { name: 'Jane Roe', role: null, organisation: 'Valley Water Trust', email: 'JRoe@example.org', phone: '+256 700 000 000', match: null },
      { name: 'Tom Okello', role: null, organisation: null, email: 'tokello@example.org', phone: null, match: { id: 'con-1', name: 'Tom Okello', organisation: null } },
    ];
    const { release, contacts } = addContactLine(6, LINES, read, form({ body: [LINES[3], LINES[6]].join('\n\n') }), [listed]);
    expect(contacts).toEqual([{ ...listed, organisation: 'Valley Water Trust', phone: '+256 700 000 000' }, read[1]]);
    expect(release.body).toBe(LINES[3]);
  });

  it('says which source lines are the headline and which are in the body, a dateline paragraph included', () => {
    const r = form({ headline: LINES[2]!, datelinePlace: 'KASESE', body: ['The organisation reopened twelve wells on Tuesday, bringing water back to 9,000 people.', LINES[4]].join('\n\n') });
    expect(lineRoles(LINES, r)).toEqual([null, null, 'headline', 'body', 'body', null, null]);
    expect(lineRoles(LINES, applySourceAction('drop', 4, LINES, r, []).release)).toEqual([null, null, 'headline', 'body', null, null, null]);
  });

  it('marks one line as the headline where its text repeats: the last one above the body, or else the first', () => {
    const lines = ['-', 'Wells reopen in Kasese', '-', 'Wells reopen in Kasese', 'The organisation reopened twelve wells on Tuesday.', '-'];
    const body = lines[4]!;
    expect(lineRoles(lines, form({ headline: 'Wells reopen in Kasese', body }))).toEqual([null, null, null, 'headline', 'body', null]);
    expect(lineRoles(lines, form({ headline: '-', body }))).toEqual([null, null, 'headline', null, 'body', null]);
    expect(lineRoles(lines, form({ headline: '-', body: '' }))).toEqual(['headline', null, null, null, null, null]);
  });

  it('reads a place before a dash, and nothing from a sentence without one', () => {
    expect(splitDateline('Switzerland - IOM took part in the summit.')).toEqual({ place: 'Switzerland', rest: 'IOM took part in the summit.' });
    expect(splitDateline('The organisation reopened twelve wells on Tuesday.')).toBeNull();
  });
});

describe('the quotes of the source', () => {
  const said = '“We will not leave the families now,” said Marie Dupont, head of the Bukavu office.';
  const lines = [...LINES, said, '“Water is the first thing families ask for when they come back.”'];

  it('finds a quote in its line as the importer read it, taken whole, or typed with other marks and spaces', () => {
    expect(lineHoldsQuote(said, 'We will not leave the families now')).toBe(true);
    expect(lineHoldsQuote(said, said)).toBe(true);
    expect(lineHoldsQuote(said, '  "We will  not leave the families now," ')).toBe(true);
    expect(lineHoldsQuote('“It’s the first rain in a year, and the wells fill again.”', "It's the first rain in a year")).toBe(true);
    // A few words any line could hold do not make it the quote's line.
    expect(lineHoldsQuote(said, 'the families')).toBe(false);
    expect(lineHoldsQuote(said, 'We will stay as long as we are needed')).toBe(false);
  });

  it('marks the lines the quotes are in, and does not quote a line twice', () => {
    const r = form({ quotes: [{ speaker: 'Marie Dupont', role: '', text: 'We will not leave the families now' }] });
    expect(quotedLines(lines, r.quotes)).toEqual([false, false, false, false, false, false, false, true, false]);
    expect(applySourceAction('quote', 7, lines, r, []).release).toEqual(r);
    expect(quotedLines(lines, [...r.quotes, { speaker: '', role: '', text: '' }])).toEqual(quotedLines(lines, r.quotes));
  });

  it('sends a line with the eight above it and the one below, and nothing for an empty or overlong line', () => {
    const many = Array.from({ length: 20 }, (_, n) => `Line ${n}`);
    expect(quoteContext(many, 12)).toEqual({ lines: many.slice(4, 14), index: 8 });
    expect(quoteContext(many, 2)).toEqual({ lines: many.slice(0, 4), index: 2 });
    expect(quoteContext(['x'.repeat(5000), 'The quote line', 'After'], 1)).toEqual({ lines: ['', 'The quote line', 'After'], index: 1 });
    expect(quoteContext(['x'.repeat(5000)], 0)).toBeNull();
    expect(quoteContext([' '], 0)).toBeNull();
  });

  it('gives the speaker read to the quotes of that line whose speaker the person has not set, marked as a guess', () => {
    const r = form({
      quotes: [
        { speaker: '', role: '', text: said },
        { speaker: 'Jane Roe', role: '', text: 'We will not leave the families now' },
        { speaker: '', role: '', text: 'Water is the first thing families ask for' },
      ],
    });
    const guessed = withSpeakerGuess(r, 7, lines, { speaker: 'Marie Dupont', role: 'head of the Bukavu office' }).quotes;
    expect(guessed[0]).toEqual({ speaker: 'Marie Dupont', role: 'head of the Bukavu office', text: said, guess: { line: 7, speaker: 'Marie Dupont', role: 'head of the Bukavu office' } });
    expect(guessed.slice(1)).toEqual(r.quotes.slice(1));
    // Nothing read: nothing changes.
    expect(withSpeakerGuess(r, 8, lines, { speaker: null, role: null })).toEqual(r);
  });

  it('lets the speaker of a quote typed by hand follow the line its text is found in, until the person sets one', () => {
    let { quote, ask } = withQuoteText({ speaker: '', role: '', text: '' }, 'We will not leave', lines);
    expect(ask).toBe(7);
    expect(quote.guess).toEqual({ line: 7, speaker: '', role: '' });
    // The same line again is not read again.
    ({ quote, ask } = withQuoteText(quote, 'We will not leave the families', lines));
    expect(ask).toBeNull();
    quote = { ...quote, speaker: 'Marie Dupont', role: 'head', guess: { line: 7, speaker: 'Marie Dupont', role: 'head' } };
    ({ quote, ask } = withQuoteText(quote, 'Words found nowhere in the release', lines));
    expect([quote, ask]).toEqual([{ speaker: '', role: '', text: 'Words found nowhere in the release' }, null]);
    // A speaker the person typed stays, whatever the text.
    ({ quote, ask } = withQuoteText({ speaker: 'Jane Roe', role: '', text: '' }, 'We will not leave the families', lines));
    expect([quote.speaker, quote.guess, ask]).toEqual(['Jane Roe', undefined, null]);
  });
});
