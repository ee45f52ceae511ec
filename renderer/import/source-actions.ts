import { IMPORT_QUOTE_CONTEXT, IMPORT_QUOTE_LINE_MAX, type ImportQuoteSpeaker } from '../../electron/shared/import/contract';
import type { ContactForm, QuoteForm, ReleaseForm } from './draft';

/**
 * What a click on a line of the cleaned source does to the form: that line becomes the
 * headline, the subheadline, the dateline, the release date, the first or last paragraph of the
 * body, a quote, or a media contact; or it leaves the body, or joins it in its place. Pure
 * functions of the form and the source's lines (the people in a contact line are read by the
 * core: import.readContact, and who said a quote: import.readQuote; a date is read as the person
 * types dates: i18n/date-entry.ts).
 */

export const SOURCE_ACTIONS = ['headline', 'subheadline', 'dateline', 'date', 'firstParagraph', 'lastParagraph', 'quote', 'contact', 'drop', 'add'] as const;
export type SourceAction = (typeof SOURCE_ACTIONS)[number];

const paragraphs = (body: string) =>
  body
    .split(/\n\s*\n/u)
    .map((p) => p.trim())
    .filter(Boolean);
const join = (ps: string[]) => ps.join('\n\n');

/** A line ending in a paragraph of more than this many characters ends in the same characters as it. */
const TAIL = 20;

/**
 * Where each body paragraph came from: the first source line it is, or else the first it ends
 * (after its dateline). Found through an index of the lines rather than by reading all of them
 * for each paragraph: a body of 2,000 paragraphs that begin alike took 2,000 passes over 2,000
 * lines at every keystroke of the review (over a second in Chromium).
 */
function sourceIndexer(lines: string[]): (paragraph: string) => number {
  const known = indexers.get(lines);
  if (known) return known;
  const exact = new Map<string, number>();
  const byTail = new Map<string, number[]>();
  lines.forEach((l, n) => {
    if (!exact.has(l)) exact.set(l, n);
    if (l.length <= TAIL) return;
    const tail = l.slice(-TAIL);
    const list = byTail.get(tail);
    if (list) list.push(n);
    else byTail.set(tail, [n]);
  });
  const indexOf = (paragraph: string) => {
    const at = exact.get(paragraph);
    if (at !== undefined) return at;
    if (paragraph.length <= TAIL) return -1;
    return byTail.get(paragraph.slice(-TAIL))?.find((n) => lines[n]!.endsWith(paragraph)) ?? -1;
  };
  indexers.set(lines, indexOf);
  return indexOf;
}
/** The index of a review's lines, made once: the lines of one source are one array for as long as it is reviewed. */
const indexers = new WeakMap<string[], (paragraph: string) => number>();

/** "GENEVA – The organisation…" → place "GENEVA" and the text after it; null when no place opens the line. */
export function splitDateline(line: string): { place: string; rest: string } | null {
  const m = /^\s*([^\s–—,.:(][^–—:]{0,60}?)(?:\s*\([^)]{0,40}\))?\s*(?:[,،]\s*[^–—]{0,40}?)?\s*[–—-]{1,2}\s+(.+)$/u.exec(line);
  if (!m || m[1]!.split(/\s+/u).length > 5) return null;
  return { place: m[1]!.trim(), rest: m[2]!.trim() };
}

export type SourceLineRole = 'headline' | 'body';

/**
 * The choices a line offers as the form stands: a line of the body can leave it, any other line
 * can join it; a line becomes the release date only when a date is read in it (`dated`).
 */
export function sourceActionsFor(role: SourceLineRole | null, dated = false): SourceAction[] {
  return SOURCE_ACTIONS.filter((a) => (role === 'body' ? a !== 'add' : a !== 'drop') && (dated || a !== 'date'));
}

const TRIMMED = '()[]{},;:.–—-';
const trimmed = (s: string) => {
  let from = 0;
  let to = s.length;
  while (from < to && TRIMMED.includes(s[from]!)) from++;
  while (to > from && TRIMMED.includes(s[to - 1]!)) to--;
  return s.slice(from, to);
};

/**
 * The first date in a line ("GENEVA, 14 May 2026 – …", "Published on 2026-05-14", "24 de
 * diciembre de 2026"), as `read` reads dates (ISO, or null): a run of one to five words holding a
 * digit, the earliest in the line and then the shortest. Only the line's first 60 words are read.
 */
export function dateInLine(line: string, read: (text: string) => string | null): string | null {
  const words = line.split(/\s+/u).filter(Boolean).slice(0, 60);
  for (let from = 0; from < words.length; from++) {
    for (let size = 1; size <= 5 && from + size <= words.length; size++) {
      const text = trimmed(words.slice(from, from + size).join(' '));
      if (!/\d|[٠-٩]/u.test(text)) continue;
      const iso = read(text);
      if (iso) return iso;
    }
  }
  return null;
}

const OPENING = '“"«„‘';
const CLOSING = '”"»“’';
/** Marks that open or close speech; an apostrophe (’) inside a word is none. */
const SPEECH_MARKS = '“”"«»„';

/** A line that is one quotation, marks at both ends and none inside, is quoted without its marks; any other line as it stands. */
export function quoteOfLine(line: string): string {
  const text = line.trim();
  const inner = text.slice(1, -1);
  if (text.length > 2 && OPENING.includes(text[0]!) && CLOSING.includes(text[text.length - 1]!) && ![...inner].some((c) => SPEECH_MARKS.includes(c))) return inner.trim();
  return text;
}

/** Spaces and apostrophes as the comparison of a quote with a line sets them aside. */
const comparable = (s: string) => s.split(/\s+/u).filter(Boolean).join(' ').replaceAll('’', "'");
/** Marks and punctuation around a quotation's words. */
const AROUND_QUOTE = `${OPENING}${CLOSING}'–—―-,.:; `;
/** Enough that a quote found in a line is that line's, not a phrase any line could hold: three words, as the importer's shortest quote. */
const QUOTE_MIN = { chars: 12, words: 3 };
/** A long quote's opening: the importer joins the halves of a split quote, so only the first words are the line's as written. */
const QUOTE_OPENING = 40;

/**
 * Whether a quote's words are in a line: its opening words, marks and spaces aside, so a quote
 * the importer read out of the line ('“…,” said Jane Doe.'), one taken from it whole, or one
 * typed or pasted from it are all that line's.
 */
export function lineHoldsQuote(line: string, text: string): boolean {
  let from = 0;
  let to = text.length;
  while (from < to && AROUND_QUOTE.includes(text[from]!)) from++;
  while (to > from && AROUND_QUOTE.includes(text[to - 1]!)) to--;
  const opening = comparable(text.slice(from, to)).slice(0, QUOTE_OPENING);
  return opening.length >= QUOTE_MIN.chars && opening.split(' ').length >= QUOTE_MIN.words && comparable(line).includes(opening);
}

/** Which lines the form's quotes are in: marked in the source so a line is not quoted twice. */
export function quotedLines(lines: string[], quotes: QuoteForm[]): boolean[] {
  const texts = quotes.map((q) => q.text).filter((t) => t.trim() !== '');
  return lines.map((l) => texts.some((t) => lineHoldsQuote(l, t)));
}

/** The source line a quote typed or pasted by hand comes from, or -1. */
export function lineOfQuote(text: string, lines: string[]): number {
  return lines.findIndex((l) => lineHoldsQuote(l, text));
}

/**
 * What import.readQuote reads for the quote in a line: the line with those above and below it
 * that tell who spoke, none longer than a paragraph (a longer neighbour is left blank). Null
 * when the line itself is too long or empty: nothing is read.
 */
export function quoteContext(lines: string[], index: number): { lines: string[]; index: number } | null {
  const line = lines[index] ?? '';
  if (line.trim() === '' || line.length > IMPORT_QUOTE_LINE_MAX) return null;
  const from = Math.max(0, index - IMPORT_QUOTE_CONTEXT.before);
  const around = lines.slice(from, index + 1 + IMPORT_QUOTE_CONTEXT.after).map((l) => (l.length > IMPORT_QUOTE_LINE_MAX ? '' : l));
  return { lines: around, index: index - from };
}

/** The person has not set this quote's speaker: it is empty, or still what Dateline guessed. */
export function speakerUntouched(q: QuoteForm): boolean {
  if (q.guess) return q.speaker === q.guess.speaker && q.role === q.guess.role;
  return q.speaker.trim() === '' && q.role.trim() === '';
}

/**
 * The speaker read for a line given to the quotes in that line the person has not given one
 * (a speaker they typed stays), marked as guessed; nothing read leaves them as they are.
 */
export function withSpeakerGuess(release: ReleaseForm, line: number, lines: string[], found: ImportQuoteSpeaker): ReleaseForm {
  if (!found.speaker) return release;
  const guess = { line, speaker: found.speaker, role: found.role ?? '' };
  const quotes = release.quotes.map((q) => (speakerUntouched(q) && lineHoldsQuote(lines[line] ?? '', q.text) ? { ...q, speaker: guess.speaker, role: guess.role, guess } : q));
  return { ...release, quotes };
}

/**
 * A quote's text as the person types it: while they have not set its speaker, the speaker
 * follows the source line the text is found in. `ask` is that line when it is one not read yet
 * for this quote (the caller reads it: import.readQuote), else null; a text no longer found in
 * any line loses the speaker guessed from one.
 */
export function withQuoteText(q: QuoteForm, text: string, lines: string[]): { quote: QuoteForm; ask: number | null } {
  const quote = { ...q, text };
  if (!speakerUntouched(q)) return { quote, ask: null };
  const line = lineOfQuote(text, lines);
  if (line === (q.guess?.line ?? -1)) return { quote, ask: null };
  if (line < 0) {
    const { guess: _, ...rest } = quote;
    return { quote: { ...rest, speaker: '', role: '' }, ask: null };
  }
  return { quote: { ...quote, speaker: '', role: '', guess: { line, speaker: '', role: '' } }, ask: line };
}

/**
 * What each source line is in the form as it stands: the headline, a paragraph of the body, or
 * neither. One line is the headline even where its text repeats (a title also in the breadcrumb,
 * a "-" of the navigation set as headline): the last such line above the body, or else the first.
 */
export function lineRoles(lines: string[], release: Pick<ReleaseForm, 'body' | 'headline'>): (SourceLineRole | null)[] {
  return withHeadlineRole(lines, bodyRoles(lines, release.body), release.headline);
}

/** The lines the body's paragraphs come from ('body'), the others null. */
export function bodyRoles(lines: string[], body: string): (SourceLineRole | null)[] {
  const roles: (SourceLineRole | null)[] = lines.map(() => null);
  const indexOf = sourceIndexer(lines);
  for (const p of paragraphs(body)) {
    const n = indexOf(p);
    if (n >= 0) roles[n] = 'body';
  }
  return roles;
}

/** `roles` of the body with the headline's line marked: apart, so a keystroke in the headline does not read the body again. */
export function withHeadlineRole(lines: string[], roles: (SourceLineRole | null)[], headlineText: string): (SourceLineRole | null)[] {
  const headline = headlineText.trim();
  if (headline === '') return roles;
  const same = lines.flatMap((l, n) => (roles[n] === null && l.trim() === headline ? [n] : []));
  const bodyStart = roles.indexOf('body');
  const above = bodyStart < 0 ? [] : same.filter((n) => n < bodyStart);
  const chosen = above.length > 0 ? above[above.length - 1] : same[0];
  if (chosen === undefined) return roles;
  const marked = [...roles];
  marked[chosen] = 'headline';
  return marked;
}

/** The line without its opening place when that place is the dateline already read: it is printed once. */
function withoutDatelineRead(line: string, release: ReleaseForm): string {
  const d = splitDateline(line);
  const place = release.datelinePlace.trim().toLocaleLowerCase();
  return d && place !== '' && place.startsWith(d.place.toLocaleLowerCase()) ? d.rest : line;
}

export function applySourceAction(action: Exclude<SourceAction, 'contact' | 'date'>, index: number, lines: string[], release: ReleaseForm, contacts: ContactForm[]): { release: ReleaseForm; contacts: ContactForm[] } {
  const line = lines[index] ?? '';
  const body = paragraphs(release.body);
  const sourceIndexOf = sourceIndexer(lines);
  switch (action) {
    case 'headline':
      return { release: { ...release, headline: line }, contacts };
    case 'subheadline':
      return { release: { ...release, subheadline: line }, contacts };
    case 'quote': {
      // The quote joins the list; the body keeps its paragraph, as it does for the quotes the importer found.
      const text = quoteOfLine(line);
      if (text === '' || release.quotes.some((q) => q.text.trim() === text || lineHoldsQuote(line, q.text))) return { release, contacts };
      return { release: { ...release, quotes: [...release.quotes, { speaker: '', role: '', text }] }, contacts };
    }
    case 'dateline': {
      const d = splitDateline(line);
      if (!d) return { release: { ...release, datelinePlace: line.replace(/[\s–—:,-]+$/u, '') }, contacts };
      // The paragraph it opens keeps its text without the place.
      const next = body.map((p) => (p === line ? d.rest : p));
      return { release: { ...release, datelinePlace: d.place, body: join(next) }, contacts };
    }
    case 'firstParagraph': {
      // Lines before the body as it stands are added; paragraphs after the new start stay as
      // they are, so a paragraph the person dropped stays dropped.
      const at = body.map(sourceIndexOf);
      const start = at.find((n) => n >= 0);
      const opening = withoutDatelineRead(line, release);
      if (start === undefined) return { release: { ...release, body: join([opening, ...body]) }, contacts };
      if (index < start) return { release: { ...release, body: join([opening, ...lines.slice(index + 1, start), ...body]) }, contacts };
      const from = at.findIndex((n) => n >= index);
      const rest = from < 0 ? [] : body.slice(from);
      return { release: { ...release, body: join(at[from] === index ? rest : [opening, ...rest]) }, contacts };
    }
    case 'lastParagraph': {
      const at = body.map(sourceIndexOf);
      const end = at.findLast((n) => n >= 0);
      if (end === undefined) return { release: { ...release, body: join([...body, line]) }, contacts };
      if (index >= end) return { release: { ...release, body: join([...body, ...lines.slice(end + 1, index + 1)]) }, contacts };
      const to = at.findLastIndex((n) => n >= 0 && n <= index);
      const kept = body.slice(0, to + 1);
      return { release: { ...release, body: join(at[to] === index ? kept : [...kept, line]) }, contacts };
    }
    case 'drop':
      return { release: { ...release, body: join(body.filter((p) => sourceIndexOf(p) !== index)) }, contacts };
    case 'add': {
      // In source order: before the first paragraph that comes from a later line.
      const at = body.map(sourceIndexOf);
      if (at.includes(index)) return { release, contacts };
      const before = at.findIndex((n) => n > index);
      const text = withoutDatelineRead(line, release);
      const next = before < 0 ? [...body, text] : [...body.slice(0, before), text, ...body.slice(before)];
      return { release: { ...release, body: join(next) }, contacts };
    }
  }
}

const sameDetail = (a: ContactForm, b: ContactForm) =>
  (a.email !== null && b.email !== null && a.email.toLowerCase() === b.email.toLowerCase()) ||
  (a.phone !== null && b.phone !== null && a.phone.replace(/\D/gu, '') === b.phone.replace(/\D/gu, ''));

/**
 * The people read from a contact line join the form's contacts and the line leaves the body. A
 * person already listed (same e-mail or number) gets only what was missing, not a second entry.
 */
export function addContactLine(index: number, lines: string[], read: ContactForm[], release: ReleaseForm, contacts: ContactForm[]): { release: ReleaseForm; contacts: ContactForm[] } {
  let list = contacts;
  for (const person of read) {
    const twin = list.findIndex((c) => sameDetail(c, person));
    if (twin < 0) {
      list = [...list, person];
      continue;
    }
    list = list.map((c, n) =>
      n === twin
        ? { name: c.name || person.name, role: c.role || person.role, organisation: c.organisation || person.organisation, email: c.email || person.email, phone: c.phone || person.phone, match: c.match ?? person.match }
        : c,
    );
  }
  const sourceIndexOf = sourceIndexer(lines);
  return { release: { ...release, body: join(paragraphs(release.body).filter((p) => sourceIndexOf(p) !== index)) }, contacts: list };
}
