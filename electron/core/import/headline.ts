import type { Block } from './blocks';
import { isDateOnly } from './dates';
import { isLabel, isNavBlock, leadingLabel } from './lexicon';
import { wordCount } from './normalise';

/** Every word of four letters or more starts with a capital: a headline set in Title Case. */
function isTitleCase(text: string): boolean {
  const long = text.split(/\s+/u).filter((w) => /^\p{L}{4,}/u.test(w));
  return long.length > 0 && long.every((w) => /^\p{Lu}/u.test(w)) && /\p{Ll}/u.test(text);
}

function continuesHeadline(first: string, second: string): boolean {
  return !/[.!?؟:;,–—-]$/u.test(first) && wordCount(second) <= 6 && isTitleCase(first) && isTitleCase(second) && !/[.!?؟]$/u.test(second);
}

/**
 * Headline and subheadline from what stood before the body. `labelCut` is where the header
 * blocks below a "Press release" label start; `pageTitle` stands in when nothing else does.
 */
export function pickHeadline(
  header: Block[],
  labelCut: number,
  pageTitle: string | null | undefined,
  hasBody: boolean,
): { headline: string | null; subheadline: string | null } {
  let headline: string | null = null;
  let subheadline: string | null = null;
  const afterLabel = header.slice(labelCut);
  const candidates = (afterLabel.some((b) => wordCount(b.text) >= 3) ? afterLabel : header)
    .map((b) => ({ ...b, text: (leadingLabel(b.text)?.rest || b.text).trim() }))
    .filter((b) => b.text !== '' && !isLabel(b.text) && !isDateOnly(b.text) && wordCount(b.text) <= 80);
  const h1 = candidates.findIndex((b) => b.hint === 'h1');
  // A marked-up headline wins; otherwise the last two lines before the body are headline and
  // subheadline (what stands above them is a site name or a section title).
  const picked = h1 >= 0 ? candidates.slice(h1, h1 + 2) : candidates.length >= 3 ? candidates.slice(-2) : candidates;
  if (picked[0]) headline = picked[0].text;
  if (picked[1] && wordCount(picked[1].text) <= 70) subheadline = picked[1].text;
  // A PDF copy breaks a long Title Case headline over two lines: a short second line in the
  // same case, straight under a first line that ends no sentence, continues the headline.
  if (headline !== null && subheadline !== null && picked[0]!.group === picked[1]!.group && continuesHeadline(headline, subheadline)) {
    headline = `${headline} ${subheadline}`;
    subheadline = null;
  }
  if (headline === null && pageTitle && hasBody && !isLabel(pageTitle) && !isNavBlock(pageTitle)) {
    headline = pageTitle;
  }
  return { headline, subheadline };
}
