import { plainText, type RichText } from '../../shared/richtext';
import { indexTokens } from '../../shared/search/text';
import { arr, str, strs, type Body } from '../store/body-values';

/** What the full-text index holds for one document: folded title and body text, and their tokens (title first). */
export interface SearchEntry {
  title: string;
  body: string;
  /** The words of title then body, as joined into them: the lists of best rows read these instead of splitting the text again. */
  tokens: readonly string[];
}

/** The plain text of a rich-text value; '' for anything that is not one (a body from another version, a damaged one). */
export function richPlain(v: unknown): string {
  if (!v || typeof v !== 'object' || (v as { type?: unknown }).type !== 'doc') return '';
  try {
    return plainText(v as RichText);
  } catch {
    return '';
  }
}

const lines = (parts: readonly (string | null)[]): string => parts.filter(Boolean).join('\n');

/** A phone number's digit groups, in any script's digits ("+57 310 555 1005" → 57, 310, 555, 1005). */
function digitGroups(number: string): string[] {
  const groups: string[] = [];
  let run = '';
  for (const ch of number) {
    if (/\p{Nd}/u.test(ch)) run += ch;
    else if (run !== '') {
      groups.push(run);
      run = '';
    }
  }
  if (run !== '') groups.push(run);
  return groups;
}

/**
 * A phone number as people type it into a search box: without its spaces or dashes, with or
 * without its first group, the country code ("573105551005", "3105551005" for
 * "+57 310 555 1005"), so that a number copied from a message finds the contact as the number
 * written in groups does. Two forms only: each is a word more in the index for every phone.
 */
export function phoneSearchForms(number: string): string[] {
  const groups = digitGroups(number);
  if (groups.length < 2) return [];
  const whole = groups.join('');
  return groups.length === 2 ? [whole] : [whole, groups.slice(1).join('')];
}

function rawEntry(type: string, body: Body): { title: string; body: string } | null {
  switch (type) {
    case 'release': {
      const quotes = arr(body.quotes)
        .map((q) => `${str((q as Body | null)?.speaker) ?? ''} ${str((q as Body | null)?.text) ?? ''}`)
        .join('\n');
      return {
        title: `${str(body.headline) ?? ''}\n${str(body.subheadline) ?? ''}`,
        body: lines([str(body.datelinePlace), richPlain(body.body), quotes, str(body.notesToEditors), strs(body.tags).join(' ')]),
      };
    }
    case 'contact': {
      const emails = arr(body.emails).map((e) => str((e as Body | null)?.address) ?? '');
      const phones = arr(body.phones).map((p) => str((p as Body | null)?.number) ?? '');
      const joined = phones.flatMap(phoneSearchForms).join(' ');
      return {
        title: str(body.name) ?? '',
        body: lines([str(body.role), str(body.organisation), ...emails, ...phones, joined, ...strs(body.beats), str(body.notes)]),
      };
    }
    case 'outlet':
      return { title: str(body.name) ?? '', body: lines([str(body.website), str(body.notes)]) };
    case 'attachment':
      return { title: str(body.originalName) ?? '', body: lines([str(body.caption), str(body.credit), str(body.altText)]) };
    case 'kit': {
      const sections = arr(body.items)
        .map((i) => ((i as Body | null)?.kind === 'section' ? `${str((i as Body).title) ?? ''} ${richPlain((i as Body).body)}` : ''))
        .join('\n');
      return { title: str(body.title) ?? '', body: sections };
    }
    case 'office':
      return { title: str(body.name) ?? '', body: '' };
    default:
      return null;
  }
}

/**
 * The index entry of a live document's winning body, or null for a type the index does not
 * hold. The same text whether it is indexed in the document's own transaction or caught up later.
 */
export function searchEntry(type: string, body: Body): SearchEntry | null {
  const e = rawEntry(type, body);
  if (e === null) return null;
  const title = indexTokens(e.title);
  const text = indexTokens(e.body);
  return { title: title.join(' '), body: text.join(' '), tokens: title.concat(text) };
}
