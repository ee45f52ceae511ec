import type { Passage } from '../../shared/search/contract';
import { queryTerms, type Term } from '../../shared/search/terms';
import { indexTokens } from '../../shared/search/text';
import type { CoreContext } from '../context';
import { arr, str, strs, type Body } from '../store/body-values';
import { phoneSearchForms, richPlain } from './entry';

/**
 * The passage of a search hit: a few lines of the document's own text around the words searched
 * for, with those words marked. The index cannot give it: it holds folded words only
 * (contentless FTS5, so neither snippet() nor highlight() has text to cut), so the passage is
 * cut from the document's text here, and each word of it is folded with the index's own
 * folding (indexTokens) to decide whether it is one searched for: "ecole" marks "École",
 * "منظمة" marks "المنظمة", the last word typed counts as a beginning, as the search does. The
 * query is read as the search reads it (search/terms.ts): a figure or a phrase found is marked
 * whole, "12000" marks "12,000" and "12 000", "\"food aid\"" marks "food aid" and not a lone "aid".
 *
 * A passage is cut only where the text has white space, so never inside a word, nor between a
 * letter and its marks (Arabic harakat, combining accents); a word is a run of letters, digits
 * and marks, with the zero-width (non-)joiners Arabic script writing uses inside words. It is
 * returned as pieces of text, marked or not: the window shows them as text, never as HTML.
 */

/** Words of context before the first word found. */
const LEAD_WORDS = 4;
/** Words in a passage at most. */
const PASSAGE_WORDS = 26;
/** How far a cut looks for white space before giving up and cutting between words. */
const SPACE_REACH = 24;

const WORD = /[\p{L}\p{N}\p{M}\u200C\u200D]+/gu;
const SPACE = /\s/u;

interface Word {
  start: number;
  end: number;
  /** Which terms searched for it is part of (indexes into the query's terms), none for most. */
  hits: number[];
  /** The word after it is part of the same found form ("12,000", "food aid"): marked together. */
  joined: boolean;
}

/** What a query searches for, as the search reads it (search/terms.ts: figures, phrases, names). */
export interface Wanted {
  terms: Term[];
}

/** The terms a query searches for, as ftsQuery asks the index for them. */
export function wantedWords(query: string): Wanted {
  return { terms: queryTerms(query) };
}

/**
 * The words of `text` with the terms each is part of. Each word is folded into the words the
 * index holds for it (indexTokens: an Arabic word after "لل" is two), and a term's form is
 * found where its words follow one another, its last word as a beginning when the term is.
 */
function wordsOf(text: string, wanted: Wanted): Word[] {
  const words: Word[] = [];
  const stream: { token: string; word: number }[] = [];
  for (const m of text.matchAll(WORD)) {
    for (const token of indexTokens(m[0])) stream.push({ token, word: words.length });
    words.push({ start: m.index, end: m.index + m[0].length, hits: [], joined: false });
  }
  wanted.terms.forEach((term, ti) => {
    for (const form of term.forms) {
      const last = form.length - 1;
      for (let s = 0; s + last < stream.length; s++) {
        const found = form.every((w, k) => {
          const t = stream[s + k]!.token;
          return t === w || (term.prefix && k === last && t.startsWith(w));
        });
        if (!found) continue;
        const from = stream[s]!.word;
        const to = stream[s + last]!.word;
        for (let i = from; i <= to; i++) {
          const word = words[i]!;
          if (!word.hits.includes(ti)) word.hits.push(ti);
          if (i < to) word.joined = true;
        }
      }
    }
  });
  return words;
}

/** The passage of `text` where most of the terms searched for are found together, or null when none is in it. */
export function passageOf(text: string, wanted: Wanted): Passage | null {
  if (wanted.terms.length === 0) return null;
  const words = wordsOf(text, wanted);
  const found = words.flatMap((w, i) => (w.hits.length > 0 ? [i] : []));
  if (found.length === 0) return null;

  // The window with the most different terms searched for, then the most words of them, then the first.
  let best = { from: 0, distinct: -1, count: -1 };
  for (const i of found) {
    const from = Math.max(0, i - LEAD_WORDS);
    const inside = words.slice(from, from + PASSAGE_WORDS).filter((w) => w.hits.length > 0);
    const distinct = new Set(inside.flatMap((w) => w.hits)).size;
    if (distinct > best.distinct || (distinct === best.distinct && inside.length > best.count)) best = { from, distinct, count: inside.length };
  }
  const first = words[best.from]!;
  const last = words[Math.min(words.length, best.from + PASSAGE_WORDS) - 1]!;
  const start = best.from === 0 ? 0 : cutBefore(text, first.start);
  const end = last === words[words.length - 1] ? text.length : cutAfter(text, last.end);

  const parts: Passage['parts'] = [];
  const push = (piece: string, mark: boolean) => {
    if (piece === '') return;
    const prev = parts[parts.length - 1];
    if (prev && prev.mark === mark && !mark) prev.text += piece;
    else parts.push({ text: piece, mark });
  };
  let at = start;
  // A found form is marked whole, from its first word to its last, separators and all.
  let markFrom = -1;
  words.forEach((w, i) => {
    if (w.end <= start || w.start >= end || w.hits.length === 0) return;
    if (markFrom < 0) {
      push(flat(text.slice(at, w.start)), false);
      markFrom = w.start;
    }
    const next = words[i + 1];
    if (w.joined && next !== undefined && next.start < end) return;
    push(text.slice(markFrom, w.end), true);
    markFrom = -1;
    at = w.end;
  });
  push(flat(text.slice(at, end)), false);
  // White space at the cut ends says nothing.
  if (parts[0] && !parts[0].mark) parts[0].text = parts[0].text.trimStart();
  const tail = parts[parts.length - 1];
  if (tail && !tail.mark) tail.text = tail.text.trimEnd();
  return { parts: parts.filter((p) => p.text !== ''), cutBefore: start > 0, cutAfter: end < text.length };
}

/** Paragraph breaks and runs of spaces read as one space in a passage. */
const flat = (s: string): string => s.replace(/\s+/gu, ' ');

/** Where a passage starting at the word at `at` begins: after the white space before it (never inside a word). */
function cutBefore(text: string, at: number): number {
  for (let i = at; i > 0 && at - i <= SPACE_REACH; i--) if (SPACE.test(text[i - 1]!)) return i;
  return at;
}

/** Where a passage ending with the word that ends at `at` ends: at the white space after it, punctuation kept. */
function cutAfter(text: string, at: number): number {
  for (let i = at; i < text.length && i - at <= SPACE_REACH; i++) if (SPACE.test(text[i]!)) return i;
  return at;
}

/**
 * The text of a release a passage is cut from: all that search reads of it but the headline,
 * which the list shows already: subheadline, dateline place, body, quotes, notes, tags.
 */
export function releasePassageText(body: Body): string {
  const quotes = arr(body.quotes).map((q) => [str((q as Body | null)?.text), str((q as Body | null)?.speaker)].filter(Boolean).join(' — '));
  return [str(body.subheadline), str(body.datelinePlace), richPlain(body.body), ...quotes, str(body.notesToEditors), strs(body.tags).join(', ')]
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .join('\n\n');
}

/** The passage of the release `id` where the words are; null when it is gone or only its headline has them. */
export function releasePassage(ctx: CoreContext, id: string, wanted: Wanted): Passage | null {
  const stored = ctx.library.docs.getStored(id);
  return stored && !stored.deleted ? passageOf(releasePassageText(stored.body), wanted) : null;
}

// A contact's fields are not sentences: a passage running from one into the next says where one ends.
const fieldLines = (parts: readonly (string | null | undefined)[]): string => parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join(' · ');

/**
 * What a hit of another type shows under its name (its title, and the detail the window shows
 * with it: a contact's organisation, an outlet's type), and the rest of what search reads of it,
 * the text its passage is cut from: a contact's role, e-mail addresses, phone numbers, beats and
 * notes; an outlet's website and notes; a file's caption, credit and description; a kit's sections.
 */
function otherText(type: string, body: Body): { shown: string; rest: string } | null {
  switch (type) {
    case 'contact':
      return {
        shown: fieldLines([str(body.name), str(body.organisation)]),
        rest: fieldLines([
          str(body.role),
          ...arr(body.emails).map((e) => str((e as Body | null)?.address)),
          ...arr(body.phones).map((p) => str((p as Body | null)?.number)),
          strs(body.beats).join(', '),
          str(body.notes),
        ]),
      };
    case 'outlet':
      return { shown: str(body.name) ?? '', rest: fieldLines([str(body.website), str(body.notes)]) };
    case 'attachment':
      return { shown: str(body.originalName) ?? '', rest: fieldLines([str(body.caption), str(body.credit), str(body.altText)]) };
    case 'kit':
      return {
        shown: str(body.title) ?? '',
        rest: fieldLines(arr(body.items).map((i) => ((i as Body | null)?.kind === 'section' ? fieldLines([str((i as Body).title), richPlain((i as Body).body)]) : null))),
      };
    default:
      return null;
  }
}

/** Whether every term searched for is in `text` (the last typed as a beginning, as the search reads it). */
function holdsEvery(text: string, wanted: Wanted): boolean {
  const found = new Set(wordsOf(text, wanted).flatMap((w) => w.hits));
  return found.size === wanted.terms.length;
}

/**
 * The passage of a contact, outlet, file or kit found: why it was found when what its hit shows
 * (its name, its organisation) does not say it: "3105551005" finds a contact by a phone number,
 * "salud" by the beat. Null when it is gone, or when its name and detail hold every word searched.
 */
export function otherPassage(ctx: CoreContext, type: string, id: string, wanted: Wanted): Passage | null {
  const stored = ctx.library.docs.getStored(id);
  if (!stored || stored.deleted) return null;
  const text = otherText(type, stored.body);
  if (text === null || holdsEvery(text.shown, wanted)) return null;
  return passageOf(text.rest, wanted) ?? (type === 'contact' ? phonePassage(stored.body, wanted) : null);
}

/**
 * A contact found by a phone number typed without its spaces ("3105551005"): no word of its text
 * is that number, so the passage is the number as written, marked whole.
 */
function phonePassage(body: Body, wanted: Wanted): Passage | null {
  for (const p of arr(body.phones)) {
    const number = str((p as Body | null)?.number);
    if (!number) continue;
    const forms = phoneSearchForms(number).flatMap((f) => indexTokens(f));
    const found = wanted.terms.some((t) =>
      t.forms.some((w) => w.length === 1 && forms.some((f) => f === w[0] || (t.prefix && f.startsWith(w[0]!)))),
    );
    if (found) return { parts: [{ text: number, mark: true }], cutBefore: false, cutAfter: false };
  }
  return null;
}
