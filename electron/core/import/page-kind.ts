import { ub, wordCount } from './normalise';

/**
 * Whether the text read as a page's body tells one story or sets several items one under another.
 *
 * A release, a statement or a news story is a title over a body whose paragraphs go on from one
 * another: after the lead, a paragraph opens by pointing back ("He added", "The agency", "Cette
 * aide", "Asimismo", "وأضاف"), by reopening a quotation, or with a bullet of the list the lead
 * announced. The items of a topic, category or tag page, a list of a site's latest stories, a
 * guide's tips or an organisation's "about" page each open afresh, naming their own subject, and
 * no line stands over them as the one title of the page.
 *
 * So a page is taken for several items, not one release, when all of these hold together:
 * - nothing on it is a release's own mark (a dateline, a date, a media contact, a quote with its
 *   speaker, an end mark, "About" boilerplate, notes to editors, an embargo, a release or
 *   statement label): one such mark keeps any page, as refusing a release costs a person every
 *   field of it;
 * - no headline was found over the text;
 * - its body runs to `MIN_LATER` paragraphs or more after the first (of six words or more);
 * - at most one in `CONTINUING_SHARE` of those goes on from the one before.
 * The two numbers were chosen leaving one dev batch out at a time (six batches): on each five,
 * the strictest values that refused the most pages with no release and no release of those five
 * batches, the corpus or the shared example; every fold chose these or a stricter share.
 */

/** Paragraphs after the first, of six words or more, the page needs before its shape is judged. */
export const MIN_LATER = 6;
/** At most one in three of those paragraphs goes on from the one before. */
export const CONTINUING_SHARE = 3;

/**
 * What a paragraph opens with when it goes on with a story already begun: a quotation mark, a
 * pronoun or a demonstrative pointing back, a connective, the subject already named ("the
 * organisation", "the minister"), in English, French and Spanish.
 */
const GOES_ON = ub(
  /^(?:["“”«„'‘]\s*\p{L}|(?:he|she|they|it|this|these|those|its|their|his|her|also|in\s+addition|however|meanwhile|moreover|furthermore|additionally|according|but|and|so|since|as\s+a\s+result|the\s+(?:organi[sz]ation|group|agency|ministry|minister|report|study|programme|project|campaign|fund|committee|association|society|un|un['’]s)|il|elle|ils|elles|cette|ce|ces|cet|selon|par\s+ailleurs|en\s+outre|de\s+plus|ainsi|toutefois|cependant|pour\s+sa\s+part|d['’]après|asimismo|además|sin\s+embargo|por\s+otra\s+parte|por\s+su\s+parte|según|este|esta|estos|estas|ese|esa|esos|esas|dicho|dicha|también|así|del\s+mismo\s+modo|كما|من\s+جهته|من\s+جانبه|من\s+جهتها|من\s+جانبها|هذا|هذه)\b)/iu,
);

/**
 * An Arabic paragraph opening with a word joined to "و" ("وأضاف", "وفي", "وقالت"): the conjunction
 * an Arabic story carries on with. Words whose own first letter is "و" ("وزير", "وكالة") count
 * too, which only ever keeps a page.
 */
const ARABIC_AND = /^و[\u0600-\u06FF]{2,}/u;

/** Whether a paragraph opens by going on with the story the paragraphs before it began. */
export function goesOn(paragraph: string): boolean {
  const text = paragraph.trim();
  return GOES_ON.test(text) || ARABIC_AND.test(text);
}

export interface BodyShape {
  /** Paragraphs after the first, of six words or more. */
  later: number;
  /** How many of those go on from the one before. */
  goingOn: number;
}

export function bodyShape(body: string[]): BodyShape {
  const later = body.slice(1).filter((p) => wordCount(p) >= 6);
  return { later: later.length, goingOn: later.filter(goesOn).length };
}

/**
 * The shape of a page of several items, when the page has it (see above); null for a page that
 * may hold one release.
 */
export function separateItems(page: { headline: string | null; releaseMarks: number; body: string[] }): BodyShape | null {
  if (page.releaseMarks > 0 || page.headline !== null) return null;
  const shape = bodyShape(page.body);
  return shape.later >= MIN_LATER && shape.goingOn * CONTINUING_SHARE <= shape.later ? shape : null;
}
