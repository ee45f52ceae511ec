import type { EndMark } from '../../electron/shared/documents';
import type { ImportContactMatch, ImportedContact, ImportedRelease, ImportPreview } from '../../electron/shared/import/contract';

/**
 * The form the person edits: the extracted release with the body and notes as plain text
 * areas, and each contact with the existing contact it matches. Turned back into the
 * contract's shape on confirm.
 */

export interface ContactForm extends ImportedContact {
  match: ImportContactMatch | null;
}

/**
 * Who Dateline read as the speaker of a quote the person made from a line of the source (or
 * typed, and found in one): the line read, and what was read there ('' for nothing). The form
 * marks the speaker as guessed while it is still that.
 */
export interface QuoteGuess {
  line: number;
  speaker: string;
  role: string;
}

export interface QuoteForm {
  speaker: string;
  role: string;
  text: string;
  guess?: QuoteGuess;
}

export interface ReleaseForm {
  headline: string;
  subheadline: string;
  datelinePlace: string;
  releaseDate: string;
  embargoAt: string;
  embargoTimeZone: string;
  embargoText: string;
  language: string;
  /** Paragraphs separated by a blank line. */
  body: string;
  quotes: QuoteForm[];
  notesToEditors: string;
  boilerplate: string;
  endMark: '' | EndMark;
}

export function formFromPreview(p: ImportPreview): { release: ReleaseForm; contacts: ContactForm[] } {
  const r = p.release;
  return {
    release: {
      headline: r.headline ?? '',
      subheadline: r.subheadline ?? '',
      datelinePlace: r.datelinePlace ?? '',
      releaseDate: r.releaseDate ?? '',
      embargoAt: r.embargo?.at ?? '',
      embargoTimeZone: r.embargo?.timeZone ?? '',
      embargoText: r.embargo?.text ?? '',
      language: r.language,
      body: r.body.join('\n\n'),
      quotes: r.quotes.map((q) => ({ speaker: q.speaker ?? '', role: q.role ?? '', text: q.text })),
      notesToEditors: r.notesToEditors ?? '',
      boilerplate: r.boilerplate ?? '',
      endMark: r.endMark ?? '',
    },
    contacts: p.contacts.map((c) => ({ ...c })),
  };
}

const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

/** The body box's paragraphs as stored: split at blank lines, each on one line. */
export function bodyParagraphs(body: string): string[] {
  return body
    .split(/\n\s*\n/u)
    .map((p) => p.replace(/\s*\n\s*/gu, ' ').trim())
    .filter(Boolean);
}

export function releaseFromForm(f: ReleaseForm): ImportedRelease {
  const embargo =
    f.embargoAt.trim() || f.embargoText.trim()
      ? { at: orNull(f.embargoAt), timeZone: orNull(f.embargoTimeZone), text: f.embargoText.trim() }
      : null;
  return {
    headline: orNull(f.headline),
    subheadline: orNull(f.subheadline),
    datelinePlace: orNull(f.datelinePlace),
    releaseDate: orNull(f.releaseDate),
    embargo,
    language: f.language,
    body: bodyParagraphs(f.body),
    quotes: f.quotes.filter((q) => q.text.trim() !== '').map((q) => ({ speaker: orNull(q.speaker), role: orNull(q.role), text: q.text.trim() })),
    notesToEditors: orNull(f.notesToEditors),
    boilerplate: orNull(f.boilerplate),
    endMark: f.endMark === '' ? null : f.endMark,
  };
}

/** The core matches contacts again when it stores them, on the details as the person left them. */
export function contactsFromForm(list: ContactForm[]): ImportedContact[] {
  return list.map((c) => ({
    name: orNull(c.name ?? ''),
    role: orNull(c.role ?? ''),
    organisation: orNull(c.organisation ?? ''),
    email: orNull(c.email ?? ''),
    phone: orNull(c.phone ?? ''),
  }));
}

/** A part of the review the person may change: a field of the release, or the list of contacts. */
export type ReviewPart = keyof ReleaseForm | 'contacts';

const squash = (s: string) => s.replace(/\s+/gu, ' ').trim();
const paragraphsOf = (body: string) => body.split(/\n\s*\n/u).map(squash).filter(Boolean);
/**
 * The bodies last compared, as compared: the one read and the one being typed, so a keystroke
 * in the body reads the read one no more (a long release's body is 300,000 characters).
 */
const comparedBodies: { body: string; text: string }[] = [];
function comparableBody(body: string): string {
  const at = comparedBodies.findIndex((c) => c.body === body);
  const entry = at >= 0 ? comparedBodies.splice(at, 1)[0]! : { body, text: paragraphsOf(body).join('\n') };
  comparedBodies.unshift(entry);
  comparedBodies.length = Math.min(comparedBodies.length, 2);
  return entry.text;
}
const quotesOf = (list: ReleaseForm['quotes']) =>
  JSON.stringify(list.filter((q) => q.text.trim() !== '').map((q) => [squash(q.speaker), squash(q.role), squash(q.text)]));
const contactOf = (c: ContactForm) => [c.name, c.role, c.organisation, c.email, c.phone].map((v) => squash(v ?? ''));

function sameValue(k: keyof ReleaseForm, a: ReleaseForm, b: ReleaseForm): boolean {
  // The same text is the same value: a long body is compared as written before it is split.
  if (a[k] === b[k]) return true;
  if (k === 'body') return comparableBody(a.body) === comparableBody(b.body);
  if (k === 'quotes') return quotesOf(a.quotes) === quotesOf(b.quotes);
  const x = a[k];
  const y = b[k];
  return typeof x === 'string' && typeof y === 'string' ? squash(x) === squash(y) : x === y;
}

/**
 * The parts whose value is no longer what the importer found: set by the person, by typing or
 * through the cleaned source. Compared as they would be stored (spaces and empty quotes aside),
 * so a field put back to what was found is the importer's again.
 */
export function changedParts(found: { release: ReleaseForm; contacts: ContactForm[] }, now: { release: ReleaseForm; contacts: ContactForm[] }): Set<ReviewPart> {
  const changed = new Set<ReviewPart>();
  for (const k of Object.keys(now.release) as (keyof ReleaseForm)[]) {
    if (!sameValue(k, found.release, now.release)) changed.add(k);
  }
  if (JSON.stringify(found.contacts.map(contactOf)) !== JSON.stringify(now.contacts.map(contactOf))) changed.add('contacts');
  return changed;
}
