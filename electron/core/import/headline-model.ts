import { HEADLINE_WEIGHTS } from './headline-weights';

/**
 * The headline reader's model: each candidate line is described by the generic features below
 * (shape, case, place on the page, mark-up, likeness to the page's title, its neighbours), and its
 * score is their weighted sum. The weights are learned from the working sets' expected headlines
 * by test/import/tools/train-headline.ts (a listwise logistic model: the right line against the
 * others of its page, and against "no headline" whose score is HEADLINE_NONE); the importer only
 * computes the features and the sum.
 */

export const HEADLINE_FEATURES = [
  /** Five to twenty-five words: a headline's usual length. */
  'words5to25',
  /** Three to thirty words, outside the usual length. */
  'words3to30',
  /** Words, on a log scale (1 at about 20 words). */
  'logWords',
  /** Characters, a hundredth (at most 2). */
  'chars',
  /** Ordinary case starting with a capital, or Title Case. */
  'capitalised',
  /** Every word of four letters or more capitalised. */
  'titleCase',
  /** Share of words that begin with a capital. */
  'capitalRatio',
  /** All in capitals, four words or fewer. */
  'capsShort',
  /** All in capitals, five words or more. */
  'capsLong',
  /** Marked as a list item, a first-level heading, a second-level heading. */
  'li',
  'h1',
  'h2',
  /** The page sets the same line elsewhere: short (a menu's label), long (title and heading). */
  'repeatsShort',
  'repeatsLong',
  /** The same line straight before or after it (a caption and its alternative text). */
  'twin',
  /** Opens with a dash: a deck under the headline. */
  'dashDeck',
  /** A full sentence with its stop; only a final full stop. */
  'sentence',
  'fullStop',
  /** A colon inside the line ("Speaker: what they said"). */
  'colonInside',
  /** Share of the page title's words it has; the same as the page title. */
  'titleLikeness',
  'isTitle',
  /** A repeated short line beside another: a menu set twice. */
  'repeatedMenu',
  /** The last candidate above the body (list items under it set aside), the one before it. */
  'last',
  'beforeLast',
  /** The one before the last, next to it, and the last no first-level heading: headline over subheadline. */
  'overSubheadline',
  /** Nearness to the body: 1 for the last candidate, 1/2 for the one before, … */
  'nearness',
  /** Below the last candidate, among the list items straight above the body. */
  'inKeyPoints',
  /** The first candidate of the header; where it stands in the header (0 top, 1 bottom). */
  'first',
  'headerPosition',
  /** The header is what follows a "Press release" label. */
  'afterLabel',
  /** Share of digits among its characters; a date inside it. */
  'digits',
  'hasDate',
  /** Written in Arabic script. */
  'arabic',
  /** The next line on the page is running text; the line before it is. */
  'proseAfter',
  'proseBefore',
  /** Share of short lines (three words or fewer) among the three before and three after: a link list. */
  'shortAround',
  /** A blank line (another paragraph group) before it; after it. */
  'breakBefore',
  'breakAfter',
  /** Share of its words that are menu or section vocabulary. */
  'navWords',
  /** Speaks to the reader ("your inbox", "votre navigateur", "usted"): the site's, not the news. */
  'toReader',
  /** Ends on a comma or a short word in lower case ("… en el distrito de"): a line broken off. */
  'endsOpen',
  /** Starts in lower case: the rest of a broken line. */
  'startsLower',
  /** " - Site name", " | Site" after it: a page's title with its site. */
  'siteSuffix',
  /** Mark-up or program symbols ("_", "{", "=", "<", two colons): an error message or a token. */
  'oddSymbols',
  /** Commas for each ten words: clauses of running text. */
  'commas',
  /** The first and the last candidate of five to twenty-five words that is no full sentence. */
  'firstTitleShaped',
  'lastTitleShaped',
  /** Its words over those of the longest candidate. */
  'relativeLength',
  /** One over the number of candidates on the page. */
  'fewCandidates',
  /** The header's last line, straight above the body; one over the lines between it and the body, plus one. */
  'aboveBody',
  'bodyGap',
  /** Running text itself (a paragraph that stayed in the header). */
  'prose',
] as const;

export type HeadlineFeature = (typeof HEADLINE_FEATURES)[number];

const WEIGHTS = Float64Array.from(HEADLINE_FEATURES.map((f) => HEADLINE_WEIGHTS[f]));

/** The score of one candidate: the dot product of its features and the learned weights. */
export function headlineScore(features: ArrayLike<number>, weights: ArrayLike<number> = WEIGHTS): number {
  let s = 0;
  for (let k = 0; k < weights.length; k++) s += weights[k]! * (features[k] ?? 0);
  return s;
}

