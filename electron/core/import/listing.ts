import type { Classified } from './classify';
import { isProse } from './classify';
import { wordCount } from './normalise';

/**
 * A page with no single release in it: a news index, a search result page or a home page lists
 * several items, each a title with a line or two of teaser under it, or several teasers each
 * opening with its own dateline. A release has one dateline and runs of paragraphs.
 */

export interface Listing {
  /** How many items the page lists. */
  items: number;
}

const isTitle = (text: string) => {
  const words = wordCount(text);
  return words >= 7 && words <= 20;
};
const isTeaser = (text: string) => wordCount(text) > 20 && isProse(text);

export function findListing(items: Classified[]): Listing | null {
  const kept = items.filter((it) => it.kind !== 'junk' && !it.block.aside);
  const datelined = kept.filter((it) => it.kind === 'dateline').length;
  if (datelined >= 3) return { items: datelined };
  if (datelined > 0) return null;
  let longestRun = 0;
  let run = 0;
  let teasers = 0;
  for (const [i, it] of kept.entries()) {
    const prose = isTeaser(it.block.text);
    run = prose ? run + 1 : 0;
    longestRun = Math.max(longestRun, run);
    const next = kept[i + 1];
    if (next && isTitle(it.block.text) && isTeaser(next.block.text)) teasers++;
  }
  return teasers >= 3 && longestRun < 3 ? { items: teasers } : null;
}
