/**
 * The web and e-mail addresses in text a person typed (notes to editors, the boilerplate, a
 * release imported from a plain page), so that a kit makes them links a journalist can click in
 * the PDF and in Word, as the addresses the editor linked are. Plain string code: a pattern
 * over text of any length must not backtrack (test/core/regex-safety.test.ts).
 */

export interface LinkPiece {
  text: string;
  /** The link's target (https:, http: or mailto:); null for the text around the addresses. */
  href: string | null;
}

/** Punctuation that ends a sentence or closes a bracket or quotation after an address, in the kit's four languages. */
const TRAILING = new Set([...'.,;:!?)]}>»”’"\'،؛…']);
/** Punctuation that opens a bracket or quotation before an address. */
const LEADING = new Set([...'([{<«“‘"\'']);

const isSpace = (ch: string) => ch.trim() === '';

const EMAIL_LOCAL = /^[A-Za-z0-9._%+-]+$/;
const DOMAIN = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/** The link target of a word stripped of its punctuation, or null when it is no address. */
function targetOf(word: string): string | null {
  const lower = word.toLowerCase();
  if (lower.startsWith('https://') || lower.startsWith('http://')) {
    const rest = word.slice(word.indexOf('//') + 2);
    const host = rest.split(/[/?#]/, 1)[0]!;
    return DOMAIN.test(host) ? word : null;
  }
  if (lower.startsWith('www.')) {
    const host = word.split(/[/?#]/, 1)[0]!;
    return DOMAIN.test(host) ? `https://${word}` : null;
  }
  const at = word.indexOf('@');
  if (at > 0 && at === word.lastIndexOf('@')) {
    const local = word.slice(0, at);
    const domain = word.slice(at + 1);
    if (EMAIL_LOCAL.test(local) && DOMAIN.test(domain)) return `mailto:${word}`;
  }
  return null;
}

/**
 * Splits text into the addresses it holds and the text around them; joined again, the pieces are
 * the text. The punctuation around an address ("see https://x.org/report." or "(ipopp@iom.int)")
 * stays out of the link.
 */
export function linkPieces(text: string): LinkPiece[] {
  const out: LinkPiece[] = [];
  let plain = '';
  let i = 0;
  while (i < text.length) {
    if (isSpace(text[i]!)) {
      plain += text[i];
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && !isSpace(text[end]!)) end++;
    const word = text.slice(i, end);
    let start = 0;
    let stop = word.length;
    while (start < stop && LEADING.has(word[start]!)) start++;
    while (stop > start && TRAILING.has(word[stop - 1]!)) stop--;
    const core = word.slice(start, stop);
    const href = core.includes('.') ? targetOf(core) : null;
    if (href === null) plain += word;
    else {
      plain += word.slice(0, start);
      if (plain) out.push({ text: plain, href: null });
      out.push({ text: core, href });
      plain = word.slice(stop);
    }
    i = end;
  }
  if (plain || out.length === 0) out.push({ text: plain, href: null });
  return out;
}
