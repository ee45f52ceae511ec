import type { ImportQuoteSpeaker } from '../../shared/import/contract';
import { extractQuotes, type ExtractedQuote } from './quotes';

/**
 * Who said the quote in one line of the cleaned source, as the importer reads speakers: the
 * line with the lines before it (a speaker named earlier, "Jane Doe said:" as a line of its own,
 * "she added") and the one after ("Those were the words of …", a signature). A sentence the
 * source cut in two ('“We will not leave,”' then 'said Marie Dupont, head of the Bukavu office.')
 * is read whole, as the importer reads a paragraph.
 */

const squash = (s: string) => s.split(/\s+/u).filter(Boolean).join(' ');
/** Speech marks and dashes around a quotation, set aside to find its words in a line. */
const MARKS = '“”"«»„‘’\'—―–- ';

function words(text: string): string {
  let from = 0;
  let to = text.length;
  while (from < to && MARKS.includes(text[from]!)) from++;
  while (to > from && MARKS.includes(text[to - 1]!)) to--;
  return text.slice(from, to);
}

/** A quote the importer read is this line's when its opening words are in the line, or the line's in a quote begun above. */
function isOf(q: ExtractedQuote, line: string): boolean {
  const l = squash(line);
  const opening = squash(q.text).slice(0, 40);
  const begun = words(l).slice(0, 40);
  return (opening !== '' && l.includes(opening)) || (begun.length >= 12 && squash(q.text).includes(begun));
}

const ENDS_SENTENCE = '.!?؟:”"»';
/** The next line goes on with this one's sentence: it opens in lower case, or with the comma or dash that cut it. */
function goesOn(next: string): boolean {
  const first = next.trimStart()[0];
  if (first === undefined) return false;
  return ',،–—-'.includes(first) || (first === first.toLowerCase() && first !== first.toUpperCase());
}

function readIn(paragraphs: string[], at: number): ImportQuoteSpeaker | null {
  const line = paragraphs[at] ?? '';
  // A line may hold two quotes, the first one nobody's ("…," the experts said. "…," said X.).
  const q = extractQuotes(paragraphs).find((x) => x.speaker && isOf(x, line));
  return q?.speaker ? { speaker: q.speaker, role: q.role ?? null } : null;
}

export function quoteSpeakerIn(lines: string[], index: number): ImportQuoteSpeaker {
  const line = lines[index] ?? '';
  const next = lines[index + 1];
  const previous = lines[index - 1];
  // The sentence whole first: read alone, a half would take the last speaker named above.
  const found =
    (next !== undefined && goesOn(next) ? readIn([...lines.slice(0, index), `${line} ${next}`, ...lines.slice(index + 2)], index) : null) ??
    (previous !== undefined && previous.trim() !== '' && !ENDS_SENTENCE.includes(previous.trim().at(-1)!)
      ? readIn([...lines.slice(0, index - 1), `${previous} ${line}`, ...lines.slice(index + 1)], index - 1)
      : null) ??
    readIn(lines, index);
  return found ?? { speaker: null, role: null };
}
